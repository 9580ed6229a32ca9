import { describe, expect, it } from 'vitest';
import { barLength, caseloadBars, niceMax, percent, ticks } from './charts';

describe('niceMax', () => {
  it.each([
    [[0], 1],
    [[], 1],
    [[3, 5], 5],
    [[7], 8],
    [[9.2], 10],
    [[13], 14],
    [[37], 40],
    [[160], 160],
    [[161], 180],
  ])('%j → %i', (values, want) => {
    expect(niceMax(values)).toBe(want);
  });
  it('ignores NaN', () => expect(niceMax([Number.NaN, 4])).toBe(4));
});

describe('ticks', () => {
  it('runs from 0 to max in whole steps', () => {
    expect(ticks(8)).toEqual([0, 2, 4, 6, 8]);
    expect(ticks(5)).toEqual([0, 2, 4, 5]);
    expect(ticks(1)).toEqual([0, 1]);
    expect(ticks(0)).toEqual([0]);
  });
});

describe('barLength', () => {
  it('scales, clamps and rounds', () => {
    expect(barLength(4, 8, 300)).toBe(150);
    expect(barLength(1, 3, 100)).toBe(33.3);
    expect(barLength(12, 8, 300)).toBe(300);
    expect(barLength(0, 8, 300)).toBe(0);
    expect(barLength(-1, 8, 300)).toBe(0);
    expect(barLength(3, 0, 300)).toBe(0);
  });
});

describe('percent', () => {
  it('rounds and survives an empty total', () => {
    expect(percent(3, 10)).toBe(30);
    expect(percent(1, 3)).toBe(33);
    expect(percent(2, 3)).toBe(67);
    expect(percent(1, 0)).toBe(0);
  });
});

describe('caseloadBars', () => {
  it('puts bars and ceilings on one axis and marks who is over', () => {
    const { top, bars } = caseloadBars(
      [
        { name: 'Aisha', open: 5, max: 4 },
        { name: 'Jonas', open: 4, max: 8 },
      ],
      320,
    );
    expect(top).toBe(8);
    expect(bars[0]).toMatchObject({ over: true, bar: 200, ceiling: 160 });
    expect(bars[1]).toMatchObject({ over: false, bar: 160, ceiling: 320 });
  });
});
