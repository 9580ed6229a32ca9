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

// The fonts: one named family per system, never a list WebKitGTK must search (each family it
// lacks cost a fontconfig search on the first screen). Every place a font is named goes
// through --font-ui / --font-mono, and those name one family and a generic one.
describe('font families', () => {
  const src = join(__dirname, '..');
  const files = (dir: string, ext: RegExp): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) return files(p, ext);
      return ext.test(p) ? [p] : [];
    });
  const styles = readFileSync(join(src, 'styles.css'), 'utf8');

  it('are named through --font-ui / --font-mono only, in the styles and in the components', () => {
    const bad: string[] = [];
    for (const file of files(src, /\.css$/)) {
      const css = readFileSync(file, 'utf8');
      for (const m of css.matchAll(/font-family\s*:\s*([^;}]+)/g)) {
        if (!/^var\(--font-(ui|mono)\)\s*$/.test(m[1])) bad.push(`${file}: font-family ${m[1]}`);
      }
      for (const m of css.matchAll(/(?<![-\w])font\s*:\s*([^;}]+)/g)) {
        if (!/^(inherit|initial|unset)\s*$/.test(m[1])) bad.push(`${file}: font ${m[1]}`);
      }
    }
    for (const file of files(src, /\.tsx?$/).filter((f) => !/\.test\.tsx?$/.test(f))) {
      if (/fontFamily|font-family/.test(readFileSync(file, 'utf8'))) bad.push(`${file}: names a font`);
    }
    expect(bad).toEqual([]);
  });

  it('name one family and a generic one, per system', () => {
    const vars = (block: string) => ({
      ui: /--font-ui\s*:\s*([^;]+);/.exec(block)?.[1].trim(),
      mono: /--font-mono\s*:\s*([^;]+);/.exec(block)?.[1].trim(),
    });
    const linux = vars(/:root\s*\{([^}]*)\}/.exec(styles)?.[1] ?? '');
    const windows = vars(/:root\[data-platform='windows'\]\s*\{([^}]*)\}/.exec(styles)?.[1] ?? '');
    expect(linux).toEqual({ ui: "'DejaVu Sans', sans-serif", mono: "'DejaVu Sans Mono', monospace" });
    expect(windows).toEqual({ ui: "'Segoe UI', sans-serif", mono: 'Consolas, monospace' });
  });

  it('are chosen before the first render (main.tsx marks the platform before createRoot)', () => {
    const main = readFileSync(join(src, 'main.tsx'), 'utf8');
    const mark = main.indexOf('markPlatform(document.documentElement, navigator.userAgent)');
    expect(mark).toBeGreaterThan(-1);
    expect(mark).toBeLessThan(main.indexOf('createRoot('));
  });
});
