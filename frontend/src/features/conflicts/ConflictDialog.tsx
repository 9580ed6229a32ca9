import { useState } from 'react';
import { toAppError } from '../../api/errors';
import { useResolveConflict, type Conflict, type ConflictChoice, type ConflictValue } from '../../api/conflicts';
import { Modal } from '../../components/Modal';
import { ErrorBanner } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime, isoToDanish } from '../../lib/dates';
import { fieldLabel } from './i18n';
import './conflicts.css';
import { BusyButton } from '../../components/BusyButton';

/** A value as the screens show it: a date in Danish order, empty and linked values in words. */
export function ValueText(p: { v: ConflictValue }) {
  const { t } = useI18n();
  if (p.v.kind === 'empty') return <span className="muted">{t('conflicts.empty')}</span>;
  if (p.v.kind === 'linked') return <span className="muted">{t('conflicts.linked')}</span>;
  if (p.v.kind === 'date') return <>{isoToDanish(p.v.text)}</>;
  return <span className="conflict-text">{p.v.text}</span>;
}

/** Who wrote a value, on which computer and when. */
export function WrittenBy(p: { v: ConflictValue }) {
  const { t } = useI18n();
  const at = p.v.at ? formatDateTime(p.v.at) : '';
  if (!p.v.writerName && !p.v.laptop) return <div className="muted">{t('conflicts.writtenNoLaptop', { at })}</div>;
  return (
    <div className="muted">
      {t('conflicts.written', { who: p.v.writerName || t('conflicts.unknownWriter'), laptop: p.v.laptop || t('conflicts.unknownLaptop'), at })}
    </div>
  );
}

/** Both values of a field side by side, and the choice: keep, take the kept one, or merge. */
export function ConflictDialog(p: { conflict: Conflict; onClose: () => void; onSaved?: () => void }) {
  const { t, lang } = useI18n();
  const c = p.conflict;
  const label = fieldLabel(lang, c.field);
  const [choice, setChoice] = useState<string>('current');
  const both = [c.current, ...c.kept].filter((v) => v.kind !== 'empty').map((v) => v.text);
  const [merged, setMerged] = useState(both.join('\n'));
  const resolve = useResolveConflict();
  const save = () => {
    let kind: ConflictChoice = 'current';
    let id = c.id;
    if (choice === 'merged') kind = 'merged';
    else if (choice.startsWith('kept:')) {
      kind = 'kept';
      id = Number(choice.slice(5));
    }
    // mutateAsync, not mutate's own onSuccess: the list refetched after the save may take this
    // dialog away first, and react-query then skips the callbacks of a mutate call.
    resolve.mutateAsync({ id, choice: kind, text: kind === 'merged' ? merged : '' }).then(
      () => {
        p.onSaved?.();
        p.onClose();
      },
      () => undefined, // shown from resolve.error
    );
  };
  return (
    <Modal title={t('conflicts.title', { field: label })} onClose={p.onClose} busy={resolve.isPending} wide>
      <p>{t('conflicts.intro')}</p>
      <p className="muted">{c.citizenName ? t('conflicts.citizen', { name: c.citizenName }) : t('conflicts.teamData')}</p>
      <fieldset className="conflict-choice">
        <legend>{t('conflicts.choose')}</legend>
        <div className="conflict-sides">
          <label className="card conflict-side" data-testid="conflict-current">
            <span className="conflict-head">
              <input type="radio" name="conflict-choice" value="current" checked={choice === 'current'} onChange={() => setChoice('current')} />
              <strong>{t('conflicts.current')}</strong>
            </span>
            <span className="conflict-value">
              <ValueText v={c.current} />
            </span>
            <WrittenBy v={c.current} />
            <span className="sr-only">{t('conflicts.keepCurrent')}</span>
          </label>
          {c.kept.map((k, i) => (
            <label className="card conflict-side conflict-lost" key={k.keptId} data-testid="conflict-kept">
              <span className="conflict-head">
                <input type="radio" name="conflict-choice" value={`kept:${k.keptId}`} checked={choice === `kept:${k.keptId}`}
                  onChange={() => setChoice(`kept:${k.keptId}`)} />
                <strong>{c.kept.length > 1 ? t('conflicts.keptN', { n: i + 1 }) : t('conflicts.kept')}</strong>
              </span>
              <span className="conflict-value">
                <ValueText v={k} />
              </span>
              <WrittenBy v={k} />
              <span className="sr-only">{t('conflicts.takeKept')}</span>
            </label>
          ))}
        </div>
        {c.mergeable && (
          <div className="conflict-merge">
            <label>
              <input type="radio" name="conflict-choice" value="merged" checked={choice === 'merged'} onChange={() => setChoice('merged')} />{' '}
              {t('conflicts.merge')}
            </label>
            {choice === 'merged' && (
              <label className="field">
                <span>{t('conflicts.mergedText')}</span>
                <textarea rows={4} value={merged} onChange={(e) => setMerged(e.target.value)} />
              </label>
            )}
          </div>
        )}
      </fieldset>
      {resolve.error && <ErrorBanner error={toAppError(resolve.error)} />}
      <div className="actions">
        <BusyButton type="button" className="primary" onClick={save} busy={resolve.isPending}>
          {resolve.isPending ? t('conflicts.saving') : t('conflicts.save')}
        </BusyButton>
        <button type="button" onClick={p.onClose} disabled={resolve.isPending}>
          {t('conflicts.cancel')}
        </button>
      </div>
    </Modal>
  );
}
