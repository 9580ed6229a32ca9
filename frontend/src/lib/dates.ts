// Dates cross the API as ISO strings (yyyy-mm-dd); people read and type dd.mm.åååå.

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function valid(y: number, m: number, d: number): boolean {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-12-01" -> "01.12.2026"; anything else is returned unchanged. */
export function isoToDanish(iso: string): string {
  const m = ISO.exec(iso);
  if (!m) return iso;
  return `${m[3]}.${m[2]}.${m[1]}`;
}

/**
 * Reads a date the way Danes type it: 1.12.2026, 01-12-2026, 01/12/2026 or 01122026.
 * Returns the ISO date, or null when the text is not a real calendar date.
 */
export function danishToIso(text: string): string | null {
  const s = text.trim();
  let d: number, m: number, y: number;
  const parts = /^(\d{1,2})[.\-/ ](\d{1,2})[.\-/ ](\d{4})$/.exec(s);
  const compact = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (parts) {
    [d, m, y] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  } else if (compact) {
    [d, m, y] = [Number(compact[1]), Number(compact[2]), Number(compact[3])];
  } else if (ISO.test(s)) {
    const iso = ISO.exec(s)!;
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else {
    return null;
  }
  if (!valid(y, m, d)) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Today's date in local time as ISO. */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** An RFC 3339 timestamp as "01.12.2026 14:05" in local time. */
export function formatDateTime(ts: string): string {
  const dt = new Date(ts);
  if (Number.isNaN(dt.getTime())) return '';
  return `${pad(dt.getDate())}.${pad(dt.getMonth() + 1)}.${dt.getFullYear()} ${pad(dt.getHours())}:${pad(dt.getMinutes())}`;
}

/** Clock time "14:05" of a Date. */
export function formatClock(dt: Date): string {
  return `${pad(dt.getHours())}:${pad(dt.getMinutes())}`;
}

/** A fraction such as 0.75 as "0,75" in Danish and "0.75" in English. */
export function formatFraction(v: number, lang: 'da' | 'en'): string {
  const s = String(Math.round(v * 100) / 100);
  return lang === 'da' ? s.replace('.', ',') : s;
}

/** Reads "0,75" or "0.75"; returns NaN for anything else. */
export function parseFraction(text: string): number {
  const s = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(s)) return Number.NaN;
  return Number(s);
}
