import { useState } from 'react';
import type { Note, NoteRevision } from '../../api/steps';
import { useNoteRevisions } from '../../api/stepQueries';
import { toAppError } from '../../api/errors';
import { Modal } from '../../components/Modal';
import { ErrorBanner, Loading } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime, isoToDanish } from '../../lib/dates';

/**
 * Who wrote a note and, when it has been corrected, a "Rettet" badge with who corrected it
 * last and when, and a button that opens every earlier version of it.
 */
export function NoteAuthorLine(p: { note: Note }) {
  const { t } = useI18n();
  const n = p.note;
  const [open, setOpen] = useState(false);
  return (
    <div className="note-author">
      <span>{t('notes.writtenBy', { name: n.author.name })}</span>
      {n.corrected && (
        <>
          {' · '}
          <span className="badge badge-info">{t('notes.corrected')}</span>{' '}
          <span>{t('notes.correctedBy', { date: formatDateTime(n.correctedAt).slice(0, 10), name: n.correctedBy.name })}</span>{' '}
          <button type="button" className="link" onClick={() => setOpen(true)}>
            {t('notes.showRevisions')}
          </button>
        </>
      )}
      {open && <NoteRevisionsDialog noteId={n.id} onClose={() => setOpen(false)} />}
    </div>
  );
}

/** Every revision of a note, newest first, with who saved it, when, why and what it said. */
export function NoteRevisionsDialog(p: { noteId: number; onClose: () => void }) {
  const { t } = useI18n();
  const q = useNoteRevisions(p.noteId);
  return (
    <Modal title={t('notes.revisionsTitle')} onClose={p.onClose} wide>
      <div className="note-revisions-head">
        <p className="muted small">{t('notes.revisionsIntro')}</p>
        <button type="button" onClick={p.onClose}>
          {t('notes.close')}
        </button>
      </div>
      <ErrorBanner error={q.error ? toAppError(q.error) : null} />
      {q.isPending ? (
        <Loading />
      ) : (
        <ol className="note-revisions">
          {q.data?.map((r, i) => (
            <RevisionItem key={r.revisionNo} revision={r} current={i === 0} />
          ))}
        </ol>
      )}
    </Modal>
  );
}

function RevisionItem(p: { revision: NoteRevision; current: boolean }) {
  const { t, tx } = useI18n();
  const r = p.revision;
  const who = { date: formatDateTime(r.savedAt), name: r.savedBy.name };
  return (
    <li>
      <h3>
        {t('notes.revisionHeading', { n: r.revisionNo })}
        {p.current && <span className="badge badge-ok">{t('notes.revisionCurrent')}</span>}
      </h3>
      <p className="muted small">{r.revisionNo === 1 ? t('notes.revisionWritten', who) : t('notes.revisionCorrected', who)}</p>
      {r.revisionNo > 1 && <p className="small">{r.reason ? t('notes.revisionReason', { reason: r.reason }) : t('notes.revisionNoReason')}</p>}
      <div className="note-meta">
        <strong>
          {isoToDanish(r.occurredAt.slice(0, 10))} {r.occurredAt.slice(11, 16)}
        </strong>{' '}
        · {tx(`enum.noteKind.${r.kind}`)} · {tx(`enum.noteLocation.${r.location}`)}
        {r.durationMinutes > 0 && <> · {t('notes.minutes', { n: r.durationMinutes })}</>}
      </div>
      <div className="pre note-text" lang="da">{r.text}</div>
    </li>
  );
}
