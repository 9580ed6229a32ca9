import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markPlatform } from './platform';

describe('markPlatform', () => {
  it('marks Windows (WebView2) and leaves Linux (WebKitGTK) unmarked', () => {
    const win = document.createElement('html');
    markPlatform(win, 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Edg/131.0');
    expect(win.dataset.platform).toBe('windows');
    const linux = document.createElement('html');
    markPlatform(linux, 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko)');
    expect(linux.dataset.platform).toBeUndefined();
  });
});

// Every font-family in the styles is one of the two variables: a list of families the system
// may not have makes WebKitGTK search fontconfig for each missing one on the first screen.
describe('font families', () => {
  const css = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) return css(p);
      return p.endsWith('.css') ? [p] : [];
    });
  it('are named through --font-ui / --font-mono only', () => {
    const bad: string[] = [];
    for (const file of css(join(__dirname, '..'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/font-family\s*:\s*([^;}]+)/g)) {
        if (!/^var\(--font-(ui|mono)\)\s*$/.test(m[1])) bad.push(`${file}: ${m[1]}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
