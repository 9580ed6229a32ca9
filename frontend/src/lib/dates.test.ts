// formatDateTime renders local time: pin the zone before any Date is made.
process.env.TZ = 'UTC';

import { describe, expect, it } from 'vitest';
import { danishToIso, formatClock, formatDateTime, formatFraction, isoToDanish, parseFraction, todayIso } from './dates';

describe('isoToDanish', () => {
  it('turns an ISO date into dd.mm.åååå', () => {
    expect(isoToDanish('2026-12-01')).toBe('01.12.2026');
    expect(isoToDanish('1990-01-31')).toBe('31.01.1990');
  });

  it('returns anything that is not an ISO date unchanged', () => {
    expect(isoToDanish('')).toBe('');
    expect(isoToDanish('31.02.2026')).toBe('31.02.2026');
    expect(isoToDanish('abc')).toBe('abc');
    expect(isoToDanish('2026-12-1')).toBe('2026-12-1');
  });
});

describe('danishToIso', () => {
  it.each([
    ['1.12.2026', '2026-12-01'],
    ['01.12.2026', '2026-12-01'],
    ['01-12-2026', '2026-12-01'],
    ['01/12/2026', '2026-12-01'],
    ['01122026', '2026-12-01'],
    ['2026-12-01', '2026-12-01'],
    ['1.1.2026', '2026-01-01'],
    ['29.02.2024', '2024-02-29'],
    ['31.12.1999', '1999-12-31'],
    ['  01.12.2026  ', '2026-12-01'],
    ['\t2026-12-01 ', '2026-12-01'],
  ])('reads %j as %j', (text, iso) => {
    expect(danishToIso(text)).toBe(iso);
  });

  it.each([
    ['31.02.2026'], // no 31 February
    ['29.02.2025'], // 2025 is not a leap year
    ['29.02.1900'], // century, not a leap year
    ['31.04.2026'],
    ['00.12.2026'],
    ['01.13.2026'],
    ['01.00.2026'],
    ['2026-02-30'],
    [''],
    ['   '],
    ['abc'],
    ['1.1.26'], // two-digit years are ambiguous and refused
    ['01.12.26'],
    ['011226'],
    ['1122026'],
    ['01.12.20261'],
    ['01.12.0999'],
  ])('rejects %j', (text) => {
    expect(danishToIso(text)).toBeNull();
  });

  it('round-trips with isoToDanish', () => {
    for (const iso of ['2024-02-29', '2026-12-01', '1990-01-01']) {
      expect(danishToIso(isoToDanish(iso))).toBe(iso);
    }
  });
});

describe('todayIso', () => {
  it('gives the local calendar date of a fixed moment', () => {
    expect(todayIso(new Date(2026, 11, 1, 23, 59))).toBe('2026-12-01');
    expect(todayIso(new Date(2024, 1, 29, 0, 0))).toBe('2024-02-29');
    expect(todayIso(new Date(2027, 0, 5))).toBe('2027-01-05');
  });
});

describe('formatDateTime', () => {
  it('runs in UTC for these tests', () => {
    expect(new Date('2026-12-01T00:00:00Z').getTimezoneOffset()).toBe(0);
  });

  it('shows an RFC 3339 timestamp as dd.mm.åååå hh:mm in local time', () => {
    expect(formatDateTime('2026-12-01T14:05:09Z')).toBe('01.12.2026 14:05');
    expect(formatDateTime('2026-12-01T14:05:09.123Z')).toBe('01.12.2026 14:05');
    // an offset is converted: 01:30 in Copenhagen (winter) is 00:30 UTC
    expect(formatDateTime('2026-01-02T01:30:00+01:00')).toBe('02.01.2026 00:30');
    expect(formatDateTime('2026-01-01T00:30:00+01:00')).toBe('31.12.2025 23:30');
  });

  it('gives an empty string for text that is no timestamp', () => {
    expect(formatDateTime('')).toBe('');
    expect(formatDateTime('not a time')).toBe('');
  });
});

describe('formatClock', () => {
  it('pads hours and minutes', () => {
    expect(formatClock(new Date(2026, 0, 1, 9, 5))).toBe('09:05');
  });
});

describe('formatFraction', () => {
  it('uses a decimal comma in Danish and a point in English', () => {
    expect(formatFraction(0.75, 'da')).toBe('0,75');
    expect(formatFraction(0.75, 'en')).toBe('0.75');
    expect(formatFraction(0.5, 'da')).toBe('0,5');
  });

  it('shows whole numbers without decimals', () => {
    expect(formatFraction(1, 'da')).toBe('1');
    expect(formatFraction(1, 'en')).toBe('1');
  });

  it('rounds to two decimals', () => {
    expect(formatFraction(0.333333, 'da')).toBe('0,33');
    expect(formatFraction(0.1 + 0.2, 'en')).toBe('0.3');
  });
});

describe('parseFraction', () => {
  it('reads a decimal comma or point', () => {
    expect(parseFraction('0,75')).toBe(0.75);
    expect(parseFraction('0.5')).toBe(0.5);
    expect(parseFraction('1')).toBe(1);
    expect(parseFraction(' 0,25 ')).toBe(0.25);
  });

  it.each([[''], ['abc'], ['1,2,3'], ['1.2.3'], ['-1'], [','], ['0,'], ['1e2']])('gives NaN for %j', (text) => {
    expect(parseFraction(text)).toBeNaN();
  });

  it('reads back what formatFraction wrote', () => {
    expect(parseFraction(formatFraction(0.75, 'da'))).toBe(0.75);
    expect(parseFraction(formatFraction(0.75, 'en'))).toBe(0.75);
  });
});
