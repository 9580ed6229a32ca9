import type { Lang } from '../../i18n/i18n';
import type { BackupProgress } from '../../api/backup';

/** A file size as people read it: "830 KB", "1,5 MB" in Danish, "1.5 MB" in English. */
export function formatBytes(n: number, lang: Lang): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = Math.max(0, n);
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  const digits = i === 0 || v >= 100 ? 0 : 1;
  const text = new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: digits }).format(v);
  return `${text} ${units[i]}`;
}

/** Whole percent of a counted step, or null when the step is not counted (a moving bar). */
export function percent(p: BackupProgress | null): number | null {
  if (!p || p.total <= 0) return null;
  return Math.max(0, Math.min(100, Math.floor((100 * p.done) / p.total)));
}
