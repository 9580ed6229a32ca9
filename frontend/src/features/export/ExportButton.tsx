import { useState } from 'react';
import { toAppError, type AppError } from '../../api/errors';
import { BusyButton } from '../../components/BusyButton';
import { codeText } from '../../components/errorText';
import { useI18n } from '../../i18n/i18n';
import { ReplacedNote } from './ReplacedNote';

/** What an export returns; replacedChars are characters the PDF printed as □ or a near letter. */
type Result = { path: string; cancelled: boolean; replacedChars?: string[] | null };

/** A button that makes a PDF and says where it went, or why it could not. */
export function ExportButton(p: { label: string; run: () => Promise<Result>; primary?: boolean; saved?: boolean }) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Result | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  return (
    <span className="export-button">
      <BusyButton
        className={p.primary ? 'primary' : ''}
        busy={busy}
        onClick={() => {
          setBusy(true);
          setError(null);
          setDone(null);
          p.run()
            .then(setDone, (e) => setError(toAppError(e)))
            .finally(() => setBusy(false));
        }}
      >
        {busy ? t('export.working') : p.label}
      </BusyButton>
      <span aria-live="polite" className="small export-status">
        {done && !done.cancelled && (p.saved === false ? t('export.opened') : t('export.savedTo', { path: done.path }))}
        {done && !done.cancelled && <ReplacedNote chars={done.replacedChars} />}
        {error && <span className="tone-bad">{codeText(lang, error.code, { ...error.params, path: error.params.path ?? done?.path ?? '' })}</span>}
      </span>
    </span>
  );
}
