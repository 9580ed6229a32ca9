import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { teamFolderApi, type SyncProgress } from '../../api/teamFolder';
import type { AppError, FieldError } from '../../api/errors';
import { errorText, fieldText } from '../../components/errorText';
import { useI18n, type Lang } from '../../i18n/i18n';
import { teamFolderText } from './i18n';
import { progressShare } from './logic';
import './teamfolder.css';

export const teamFolderKeys = { status: ['teamFolder', 'status'] as const, requests: ['teamFolder', 'requests'] as const };

/** Fills {name} placeholders. */
export function fill(text: string, params: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** The team folder's texts in the current language. */
export function useTft() {
  const { lang } = useI18n();
  return teamFolderText[lang];
}

type Codes = keyof (typeof teamFolderText)['da']['errors'];

/** An error as plain words: the team folder's own codes first, then the app's. */
export function tfErrorText(lang: Lang, err: AppError): string {
  const own = teamFolderText[lang].errors[err.code as Codes];
  return own ?? errorText(lang, err);
}

/** A field's error: a folder's reason, the lead code's mismatch, else the app's text. */
export function tfFieldText(lang: Lang, fe: FieldError | undefined): string | undefined {
  if (!fe) return undefined;
  const reason = fe.params?.reason as keyof (typeof teamFolderText)['da']['reasons'] | undefined;
  if (reason && teamFolderText[lang].reasons[reason]) return teamFolderText[lang].reasons[reason];
  const own = teamFolderText[lang].errors[fe.code as Codes];
  return own ?? fieldText(lang, fe);
}

/**
 * The sync status, read again whenever the backend says the state changed or a pass ended,
 * and every half minute besides (the indicator's "last seen" ages).
 */
export function useTeamFolderStatus(enabled = true) {
  const qc = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    return teamFolderApi.onStatus(() => void qc.invalidateQueries({ queryKey: teamFolderKeys.status }));
  }, [qc, enabled]);
  return useQuery({ queryKey: teamFolderKeys.status, queryFn: teamFolderApi.status, refetchInterval: 30_000, enabled });
}

/** A progress bar for founding and loading, with its step in words (only the step is announced, politely). */
export function SyncProgressBar(p: { progress: SyncProgress | null | undefined }) {
  const tt = useTft();
  if (!p.progress) return null;
  const share = progressShare(p.progress);
  const phase = tt.progress[p.progress.phase as keyof typeof tt.progress] ?? p.progress.phase;
  return (
    <div className="tf-progress">
      {/* Only the step is live: the counts change on every tick and are not read out each time
          (the progress bar carries them for a screen reader that asks). */}
      <div>
        <span aria-live="polite" data-testid="sync-phase">{phase}</span>
        {share !== undefined && ` · ${fill(tt.progressOf, { done: p.progress.done.toLocaleString('da-DK'), total: p.progress.total.toLocaleString('da-DK') })}`}
      </div>
      <progress aria-label={phase} max={1} value={share} />
    </div>
  );
}
