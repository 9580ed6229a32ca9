import { describe, expect, it } from 'vitest';
import { formatBytes, percent } from './format';

describe('formatBytes', () => {
  it.each([
    [0, 'da', '0 B'],
    [999, 'da', '999 B'],
    [282_624, 'da', '283 KB'],
    [12_345, 'da', '12,3 KB'],
    [1_500_000, 'da', '1,5 MB'],
    [1_500_000, 'en', '1.5 MB'],
    [187_000_000, 'da', '187 MB'],
    [2_340_000_000, 'en', '2.3 GB'],
  ] as const)('%d bytes in %s is %s', (n, lang, want) => {
    expect(formatBytes(n, lang).replace(/\u00a0/g, ' ')).toBe(want);
  });
});

describe('percent', () => {
  it('is null for a step that is not counted', () => {
    expect(percent(null)).toBeNull();
    expect(percent({ operation: 'backup', phase: 'snapshot', done: 0, total: -1 })).toBeNull();
    expect(percent({ operation: 'backup', phase: 'snapshot', done: 0, total: 0 })).toBeNull();
  });
  it('rounds down and stays within 0–100', () => {
    expect(percent({ operation: 'backup', phase: 'encrypt', done: 999, total: 1000 })).toBe(99);
    expect(percent({ operation: 'backup', phase: 'encrypt', done: 1000, total: 1000 })).toBe(100);
    expect(percent({ operation: 'restore', phase: 'decrypt', done: 2000, total: 1000 })).toBe(100);
  });
});
