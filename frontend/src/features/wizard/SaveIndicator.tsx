import { errorText } from '../../components/errorText';
import { useI18n } from '../../i18n/i18n';
import { formatClock } from '../../lib/dates';
import type { SaveState } from './useAutosave';

/** The visible autosave state: saving, saved at hh:mm, or why it did not save. */
export function SaveIndicator(p: { state: SaveState; onRetry?: () => void }) {
  const { t, lang } = useI18n();
  const s = p.state;
  let text = '';
  let tone = 'muted';
  switch (s.kind) {
    case 'idle':
      return <div className="save-state" aria-live="polite" />;
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
  return (
    <div className={`save-state tone-${tone}`} aria-live="polite" data-testid="save-state" data-state={s.kind}>
      {text}
      {s.kind === 'error' && p.onRetry && (
        <button type="button" className="link" onClick={p.onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
