import { describe, expect, it } from 'vitest';
import { dateLabelIndexes, scaleChart, type ChartBox } from './chart';

const box: ChartBox = { width: 200, height: 120, top: 10, right: 20, bottom: 10, left: 30 };
// inner plot: x 30..180, y 10 (=100) .. 110 (=0)

describe('scaleChart', () => {
  it('puts a single point in the middle, at its height', () => {
    const s = scaleChart([{ date: '2026-03-01', value: 60 }], box);
    expect(s.points).toHaveLength(1);
    expect(s.points[0].x).toBe(105);
    expect(s.points[0].y).toBe(50);
    expect(s.path).toBe('105,50');
  });

  it('places several points by date, first at the left edge and last at the right', () => {
    const s = scaleChart(
      [
        { date: '2026-01-01', value: 20 },
        { date: '2026-01-11', value: 40 },
        { date: '2026-01-31', value: 80 },
      ],
      box,
    );
    expect(s.points.map((p) => p.x)).toEqual([30, 80, 180]);
    expect(s.points.map((p) => p.y)).toEqual([90, 70, 30]);
    expect(s.path).toBe('30,90 80,70 180,30');
  });

  it('sorts by date and keeps the original order for equal dates', () => {
    const s = scaleChart(
      [
        { date: '2026-02-01', value: 50 },
        { date: '2026-01-01', value: 10 },
        { date: '2026-02-01', value: 70 },
      ],
      box,
    );
    expect(s.points.map((p) => p.value)).toEqual([10, 50, 70]);
    expect(s.points[1].x).toBe(s.points[2].x);
    expect(s.points[0].x).toBe(30);
    expect(s.points[2].x).toBe(180);
  });

  it('spreads the points evenly when every date is the same', () => {
    const s = scaleChart(
      [
        { date: '2026-05-05', value: 30 },
        { date: '2026-05-05', value: 40 },
        { date: '2026-05-05', value: 50 },
      ],
      box,
    );
    expect(s.points.map((p) => p.x)).toEqual([30, 105, 180]);
    expect(s.points.map((p) => p.value)).toEqual([30, 40, 50]);
  });

  it('maps 0 to the bottom and 100 to the top, clamping anything outside', () => {
    const s = scaleChart([], box);
    expect(s.points).toEqual([]);
    expect(s.path).toBe('');
    expect(s.y(0)).toBe(110);
    expect(s.y(100)).toBe(10);
    expect(s.y(50)).toBe(60);
    expect(s.y(28)).toBe(82);
    expect(s.y(-20)).toBe(110);
    expect(s.y(140)).toBe(10);
    expect(s.y(Number.NaN)).toBe(110);
    expect([s.x0, s.x1, s.yTop, s.yBottom]).toEqual([30, 180, 10, 110]);
  });

  it('keeps every point inside the plot with the default box', () => {
    const s = scaleChart([
      { date: '2025-01-01', value: 0 },
      { date: '2025-07-01', value: 100 },
      { date: '2026-01-01', value: 52 },
    ]);
    for (const p of s.points) {
      expect(p.x).toBeGreaterThanOrEqual(s.x0);
      expect(p.x).toBeLessThanOrEqual(s.x1);
      expect(p.y).toBeGreaterThanOrEqual(s.yTop);
      expect(p.y).toBeLessThanOrEqual(s.yBottom);
    }
  });
});

describe('dateLabelIndexes', () => {
  it('labels every point when there are few', () => {
    expect(dateLabelIndexes(0)).toEqual([]);
    expect(dateLabelIndexes(1)).toEqual([0]);
    expect(dateLabelIndexes(4)).toEqual([0, 1, 2, 3]);
  });

  it('labels the first, the last and a few between when there are many', () => {
    const idx = dateLabelIndexes(20, 5);
    expect(idx[0]).toBe(0);
    expect(idx.at(-1)).toBe(19);
    expect(idx.length).toBe(5);
  });
});
