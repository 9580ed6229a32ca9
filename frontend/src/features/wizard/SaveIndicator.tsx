import { errorText } from '../../components/errorText';
import { useI18n } from '../../i18n/i18n';
import { formatClock } from '../../lib/dates';
import type { SaveState } from './useAutosave';

/**
 * The visible autosave state: saving, saved at hh:mm, or why it did not save. Only "saved"
 * and the failures are announced (a live region there from the start); "not saved yet" and
 * "saving" come and go with every keystroke and are only shown.
 */
export function SaveIndicator(p: { state: SaveState; onRetry?: () => void }) {
  const { t, lang } = useI18n();
  const s = p.state;
  let text = '';
  let tone = 'muted';
  switch (s.kind) {
    case 'idle':
      return (
        <div className="save-state" data-state="idle">
          <span aria-live="polite" />
        </div>
      );
    case 'pending':
      text = t('common.unsaved');
      break;
    case 'saving':
      text = t('common.saving');
      break;
    case 'saved':
      text = t('common.savedAt', { time: formatClock(s.at) });
      tone = 'ok';
      break;
    case 'invalid':
      text = t('common.notSaved');
      tone = 'bad';
      break;
    case 'error':
      text = t('common.saveFailed', { reason: errorText(lang, s.error) });
      tone = 'bad';
      break;
  }
  const quiet = s.kind === 'pending' || s.kind === 'saving';
  return (
    <div className={`save-state tone-${tone}`} data-testid="save-state" data-state={s.kind}>
      <span aria-live="polite">{quiet ? '' : text}</span>
      {quiet && <span>{text}</span>}
      {s.kind === 'error' && p.onRetry && (
        <button type="button" className="link" onClick={p.onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
