import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const styles = readFileSync(join(__dirname, 'styles.css'), 'utf8');

/** The body of the first @media block whose condition contains `cond`. */
function mediaBlock(cond: string): string {
  const start = styles.indexOf(`@media (${cond})`);
  expect(start).toBeGreaterThanOrEqual(0);
  let depth = 0;
  for (let i = styles.indexOf('{', start); i < styles.length; i++) {
    if (styles[i] === '{') depth++;
    else if (styles[i] === '}' && --depth === 0) return styles.slice(start, i + 1);
  }
  return '';
}

describe('styles at 200 % and more', () => {
  it('lets buttons wrap between words only, so table action buttons are not broken mid-word', () => {
    const narrow = mediaBlock('max-width: 900px');
    const rule = narrow.split('\n').find((l) => /:root button, :root \.button \{/.test(l)) ?? '';
    expect(rule).toContain('overflow-wrap: break-word');
    expect(narrow).not.toMatch(/button[^{]*\{[^}]*overflow-wrap: anywhere/);
  });

  it('keeps a focused field in a step clear of the sticky step toolbar', () => {
    expect(styles).toMatch(/\.step-body :focus \{ scroll-margin-top: [\d.]+rem; \}/);
  });
});
