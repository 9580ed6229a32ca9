import { useState } from 'react';
import { useConflicts, type Conflict } from '../../api/conflicts';
import { useI18n } from '../../i18n/i18n';
import { ConflictDialog } from './ConflictDialog';
import { fieldLabel } from './i18n';

/**
 * The notice on a course's or a citizen's page when a field there has two values from two
 * laptops. It shows nothing when there is none, or when the worker may not decide (the
 * backend lists only the conflicts the signed-in worker may resolve). Only the line that says a
 * choice was saved is announced.
 */
export function ConflictNotice(p: { courseId?: number; citizenId?: number }) {
  const { t, lang } = useI18n();
  const q = useConflicts(p.courseId ?? 0, p.citizenId ?? 0);
  const [open, setOpen] = useState<Conflict | null>(null);
  const [saved, setSaved] = useState(false);
  const list = q.data ?? [];
  if (list.length === 0 && !saved) return null;
  return (
    <div className={`banner ${list.length ? 'banner-warn' : 'banner-info'} conflict-notice`} data-testid="conflict-notice">
      {/* Only the result is a live region, there before it is filled in; the list and its buttons are not re-read. */}
      <div role="status">{saved && <p>{t('conflicts.done')}</p>}</div>
      <ul>
        {list.map((c) => (
          <li key={c.id}>
            {t('conflicts.notice', { field: fieldLabel(lang, c.field) })}{' '}
            <button type="button" onClick={() => setOpen(c)}>
              {t('conflicts.open')}
            </button>
          </li>
        ))}
      </ul>
      {open && <ConflictDialog conflict={open} onClose={() => setOpen(null)} onSaved={() => setSaved(true)} />}
    </div>
  );
}

/** The count and list of every conflict the team lead (or worker) may decide, for the overview. */
export function ConflictSummary() {
  const { t, lang } = useI18n();
  const q = useConflicts(0, 0);
  const [open, setOpen] = useState<Conflict | null>(null);
  const [saved, setSaved] = useState(false);
  if (!q.data) return null;
  const n = q.data.length;
  return (
    <section className="card conflict-summary" aria-labelledby="conflict-summary-title" data-testid="conflict-summary">
      <h2 id="conflict-summary-title">{t('conflicts.overviewTitle')}</h2>
      <p className={n > 0 ? 'conflict-count' : 'muted'}>
        {n === 0 ? t('conflicts.overviewNone') : n === 1 ? t('conflicts.overviewOne') : t('conflicts.overviewCount', { n })}
      </p>
      {n > 0 && (
        <ul>
          {q.data.map((c) => (
            <li key={c.id}>
              <strong>{fieldLabel(lang, c.field)}</strong> · {c.citizenName || t('conflicts.teamData')}{' '}
              <button type="button" onClick={() => setOpen(c)}>
                {t('conflicts.open')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {open && <ConflictDialog conflict={open} onClose={() => setOpen(null)} onSaved={() => setSaved(true)} />}
      <div role="status">{saved && <p>{t('conflicts.done')}</p>}</div>
    </section>
  );
}
