// Scaling of the overview's small bar charts. Pure, so it can be tested without a DOM.

/** The top of a value axis: the largest value, rounded up to a "nice" step, never below 1. */
export function niceMax(values: number[], minTop = 1): number {
  const m = Math.max(minTop, ...values.filter((v) => Number.isFinite(v)));
  if (m <= 5) return Math.ceil(m);
  if (m <= 10) return Math.ceil(m / 2) * 2;
  const step = 10 ** Math.floor(Math.log10(m));
  const unit = m / step <= 2 ? step / 5 : m / step <= 5 ? step / 2 : step;
  return Math.ceil(m / unit) * unit;
}

/** Evenly spaced tick values from 0 to max, at most count+1 of them, whole numbers only. */
export function ticks(max: number, count = 4): number[] {
  if (max <= 0) return [0];
  const step = Math.max(1, Math.ceil(max / count));
  const out: number[] = [];
  for (let v = 0; v <= max; v += step) out.push(v);
  if (out[out.length - 1] !== max) out.push(max);
  return out;
}

/** The length in pixels of a bar of value v on an axis 0-max that is `length` long. */
export function barLength(v: number, max: number, length: number): number {
  if (max <= 0 || !Number.isFinite(v) || v <= 0) return 0;
  return Math.round((Math.min(v, max) / max) * length * 10) / 10;
}

/** A whole-number percentage of part in total; 0 when there is no total. */
export function percent(part: number, total: number): number {
  return total > 0 ? Math.round((100 * part) / total) : 0;
}

export interface CaseloadBar {
  name: string;
  open: number;
  max: number;
  over: boolean;
  /** Length of the bar and x of the worker's ceiling line, within `width`. */
  bar: number;
  ceiling: number;
}

/** Places each worker's caseload bar and ceiling on one shared axis. */
export function caseloadBars(rows: { name: string; open: number; max: number }[], width: number): { top: number; bars: CaseloadBar[] } {
  const top = niceMax(rows.flatMap((r) => [r.open, r.max]));
  return {
    top,
    bars: rows.map((r) => ({ ...r, over: r.open > r.max, bar: barLength(r.open, top, width), ceiling: barLength(r.max, top, width) })),
  };
}

export interface RuleShare<Q> {
  q: Q;
  pass: number;
  total: number;
  /** Whole percentage of the open courses meeting the rule; null when no course was open. */
  percent: number | null;
}

/** One rule's share per quarter, in the quarters' order. */
export function ruleShares<Q extends { rules: { rule: string; pass: number; total: number }[] }>(quarters: Q[], rule: string): RuleShare<Q>[] {
  return quarters.map((q) => {
    const r = q.rules.find((x) => x.rule === rule) ?? { pass: 0, total: 0 };
    return { q, pass: r.pass, total: r.total, percent: r.total > 0 ? percent(r.pass, r.total) : null };
  });
}
