import { readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { da as shellDa } from './da';
import { daScreens } from './daScreens';
import { da } from './all';

// The screens before sign-in load with only the texts of da.ts/en.ts (the screens' texts
// come with their chunk, see screens.ts). Walks the static imports from main.tsx, as the
// bundler does for the first chunk, and checks that every literal key those files use is
// in the start-up dictionary.
const src = resolve(__dirname, '..');

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const ext of ['', '.ts', '.tsx', '/index.ts', '/index.tsx']) {
    const f = base + ext;
    if (existsSync(f) && statSync(f).isFile()) return f;
  }
  return null;
}

function startFiles(): Set<string> {
  const seen = new Set<string>();
  const walk = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s+(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]/g)) {
      const r = resolveImport(f, m[1]);
      if (r) walk(r);
    }
    for (const m of text.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)) {
      const r = resolveImport(f, m[1]);
      if (r) walk(r);
    }
  };
  walk(join(src, 'main.tsx'));
  return seen;
}

function has(dict: unknown, key: string): boolean {
  let node = dict;
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object' || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

describe('texts at start', () => {
  const files = startFiles();

  it('the first chunk does not import the screens\' texts', () => {
    const names = [...files].map((f) => f.slice(src.length + 1));
    expect(names).toContain('features/auth/SignInPage.tsx');
    expect(names.filter((n) => /i18n\/(daScreens|enScreens|screens|all)\.ts$/.test(n))).toEqual([]);
  });

  it('every literal key the screens before sign-in use is loaded at start', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z]+(?:\.[a-zA-Z0-9_]+)+)'/g)) {
        checked++;
        if (!has(shellDa, m[1])) missing.push(`${f.slice(src.length + 1)}: ${m[1]}`);
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });

  it('splits the dictionary without losing or doubling a section', () => {
    const shellKeys = Object.keys(shellDa);
    const screenKeys = Object.keys(daScreens);
    expect(shellKeys.filter((k) => screenKeys.includes(k))).toEqual([]);
    expect([...shellKeys, ...screenKeys].sort()).toEqual(Object.keys(da).sort());
  });
});
