// Scaling of the WHO-5 trend chart: dates to x, scores 0-100 to y, inside a padded box.
// Pure, so it can be tested without a DOM.

export interface ChartInput {
  date: string; // ISO yyyy-mm-dd
  value: number; // 0-100
}

export interface ChartBox {
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface ChartPoint extends ChartInput {
  x: number;
  y: number;
}

export interface ChartScale {
  box: ChartBox;
  points: ChartPoint[];
  /** y of a value, clamped to 0-100. */
  y: (value: number) => number;
  /** The polyline through the points, "x,y x,y …". */
  path: string;
  /** Inner plot edges. */
  x0: number;
  x1: number;
  yTop: number;
  yBottom: number;
}

export const Y_MIN = 0;
export const Y_MAX = 100;

export const defaultBox: ChartBox = { width: 640, height: 230, top: 24, right: 170, bottom: 34, left: 56 };

const DAY = 86400000;

function dayNumber(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY;
}

const round = (n: number) => Math.round(n * 10) / 10;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * Places the scores: x by date from the first to the last (sorted, stable for equal
 * dates); a single point sits in the middle, and when every date is the same the points
 * are spread evenly so none hides another. y runs from 100 at the top to 0 at the bottom.
 */
export function scaleChart(input: ChartInput[], box: ChartBox = defaultBox): ChartScale {
  const x0 = box.left;
  const x1 = box.width - box.right;
  const yTop = box.top;
  const yBottom = box.height - box.bottom;
  const y = (value: number) => round(yBottom - ((clamp(Number.isFinite(value) ? value : 0, Y_MIN, Y_MAX) - Y_MIN) / (Y_MAX - Y_MIN)) * (yBottom - yTop));

  const sorted = input
    .map((p, i) => ({ p, i, d: dayNumber(p.date), key: Number.isNaN(dayNumber(p.date)) ? -Infinity : dayNumber(p.date) }))
    .sort((a, b) => (a.key === b.key ? a.i - b.i : a.key - b.key));
  const days = sorted.map((s) => s.d).filter((d) => !Number.isNaN(d));
  const first = days.length ? Math.min(...days) : 0;
  const last = days.length ? Math.max(...days) : 0;
  const span = last - first;
  const n = sorted.length;

  const points: ChartPoint[] = sorted.map((s, k) => {
    let x: number;
    if (n === 1) x = (x0 + x1) / 2;
    else if (span <= 0 || Number.isNaN(s.d)) x = x0 + ((x1 - x0) * k) / (n - 1);
    else x = x0 + ((s.d - first) / span) * (x1 - x0);
    return { date: s.p.date, value: s.p.value, x: round(x), y: y(s.p.value) };
  });

  return { box, points, y, path: points.map((p) => `${p.x},${p.y}`).join(' '), x0, x1, yTop, yBottom };
}

/** Which points get a date under the axis: all when few, else first, last and some between. */
export function dateLabelIndexes(n: number, max = 6): number[] {
  if (n <= 0) return [];
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const out = new Set<number>();
  const steps = max - 1;
  for (let k = 0; k <= steps; k++) out.add(Math.round(((n - 1) * k) / steps));
  return [...out].sort((a, b) => a - b);
}
