// The team folder screens' logic, kept apart from the components so it can be tested.

/** The indicator's states (service.Sync*). */
export type SyncState = 'none' | 'waiting' | 'loading' | 'ok' | 'sending' | 'offline' | 'problem' | 'revoked';

/**
 * A laptop code as people read it aloud: letters and digits only, upper case, in groups of
 * four joined by dashes ("694f 87a5-5163" → "694F-87A5-5163"). What the user types is
 * formatted the same way; the backend compares codes ignoring dashes and spaces.
 */
export function formatCode(input: string): string {
  const clean = input.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return (clean.match(/.{1,4}/g) ?? []).join('-');
}

/** The indicator's tone: what it shows beside its text (never colour alone). */
export function indicatorTone(state: string): 'good' | 'busy' | 'bad' | 'none' {
  switch (state) {
    case 'ok':
      return 'good';
    case 'sending':
    case 'loading':
    case 'waiting':
      return 'busy';
    case 'offline':
    case 'problem':
    case 'revoked':
      return 'bad';
  }
  return 'none';
}

/** The share of a progress step done, 0..1, or undefined when it is not counted. */
export function progressShare(p: { done: number; total: number } | null | undefined): number | undefined {
  if (!p || p.total <= 0) return undefined;
  return Math.min(1, Math.max(0, p.done / p.total));
}

/** Whole days between an ISO time and now; undefined for "never". */
export function daysSince(iso: string, now: Date): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return undefined;
  return Math.max(0, Math.floor((now.getTime() - t) / 86_400_000));
}

/** A time as dd.mm.åååå tt:mm in local time; "" for none. */
export function danishDateTime(iso: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The problem codes the sync page explains (service.SyncProblemDTO.Code). */
export const problemCodes = [
  'restored',
  'folder_unreachable',
  'sync_failed',
  'laptop_not_seen',
  'file_refused',
  'file_revoked',
  'file_newer',
  'file_waiting',
  'changes_refused',
  'revoked',
] as const;

/** The reasons a folder cannot be the team folder (service.FolderCheckDTO.Reason and the folder field's reason). */
export const folderReasons = ['missing', 'not_folder', 'database', 'data_folder', 'not_writable', 'has_team', 'no_team'] as const;
