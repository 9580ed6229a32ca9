import { useDeferredValue, useState } from 'react';
import type { Note } from '../../api/steps';
import { useNotes, useNoteSearch } from '../../api/stepQueries';
import { toAppError } from '../../api/errors';
import { StatusLine, useFocusReturn, useStatusLine } from '../../components/focus';
import { ErrorBanner, Loading } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { isoToDanish } from '../../lib/dates';
import { NoteForm, noteEditLabel } from './NoteForm';
import { NoteAuthorLine } from './NoteHistory';
import { Snippet } from './Snippet';

/** How many notes a search found, in words. */
export function hitsText(t: ReturnType<typeof useI18n>['t'], n: number): string {
  return n === 1 ? t('notes.hitsOne') : n ? t('notes.hits', { n }) : t('notes.noHits');
}

/** The course's journal notes, newest first, with a search in this citizen's notes. */
export function NotesPanel(p: { courseId: number; readOnly: boolean }) {
  const { t } = useI18n();
  const notes = useNotes(p.courseId);
  const [editing, setEditing] = useState<number | null>(null); // 0 = new note
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query.trim());
  const search = useNoteSearch(deferred, p.courseId);
  // After the form closes the focus goes on: to the status line after a save (a screen
  // reader reads it there), back to the button that opened the form after a cancel: "Nyt
  // notat", or the corrected note's own "Ret notat" button.
  const status = useStatusLine();
  const focusReturn = useFocusReturn();
  const open = (id: number) => {
    status.clear();
    setEditing(id);
  };
  const done = (wasSaved: boolean) => {
    if (wasSaved) status.say(t('notes.savedStatus'));
    else focusReturn(editing ? `note-${editing}` : 'note-new', 'note-new');
    setEditing(null);
  };
  return (
    <section className="card notes-panel" aria-labelledby="notes-title">
      <header className="notes-head">
        <div>
          <h2 id="notes-title">{t('notes.title')}</h2>
          <p className="muted small">{t('notes.intro')}</p>
        </div>
        {!p.readOnly && editing === null && (
          <button type="button" className="primary" data-focus-key="note-new" onClick={() => open(0)}>
            {t('notes.new')}
          </button>
        )}
      </header>
      {editing === 0 && <NoteForm courseId={p.courseId} onDone={done} />}
      <StatusLine status={status} className="note-saved small" />
      <div className="search">
        <label htmlFor="course-note-search">{t('notes.searchCourse')}</label>
        <input id="course-note-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
      </div>
      <ErrorBanner error={notes.error ? toAppError(notes.error) : search.error ? toAppError(search.error) : null} />
      <div data-testid="note-hits">
        {/* There before the first result, so a screen reader hears the count change (WCAG 4.1.3). */}
        <p className="muted small search-count" role="status">
          {deferred && search.data ? hitsText(t, search.data.length) : ''}
        </p>
        {deferred && (
          <ul className="note-list">
            {search.data?.map((h) => (
              <li key={h.note.id}>
                <NoteMeta note={h.note} />
                <NoteAuthorLine note={h.note} />
                <Snippet text={h.snippet} />
              </li>
            ))}
          </ul>
        )}
      </div>
      {deferred ? null : notes.isPending ? (
        <Loading />
      ) : notes.data && notes.data.length === 0 ? (
        <p className="empty small">{t('notes.none')}</p>
      ) : (
        <>
          <p className="muted small">{notes.data?.length === 1 ? t('notes.countOne') : t('notes.count', { n: notes.data?.length ?? 0 })}</p>
          <ul className="note-list">
            {notes.data?.map((n) =>
              editing === n.id ? (
                <li key={n.id}>
                  <NoteForm courseId={p.courseId} note={n} onDone={done} />
                </li>
              ) : (
                <li key={n.id}>
                  <NoteMeta note={n} />
                  <NoteAuthorLine note={n} />
                  <div className="pre note-text" lang="da">{n.text}</div>
                  {!p.readOnly && editing === null && (
                    <button type="button" className="link" data-focus-key={`note-${n.id}`} onClick={() => open(n.id)} aria-label={noteEditLabel(t, n)}>
                      {t('notes.edit')}
                    </button>
                  )}
                </li>
              ),
            )}
          </ul>
        </>
      )}
    </section>
  );
}

export function NoteMeta(p: { note: Note; citizen?: string }) {
  const { t, tx } = useI18n();
  const n = p.note;
  return (
    <div className="note-meta">
      <strong>
        {isoToDanish(n.occurredAt.slice(0, 10))} {n.occurredAt.slice(11, 16)}
      </strong>
      {p.citizen && <> · {p.citizen}</>} · {tx(`enum.noteKind.${n.kind}`)} · {tx(`enum.noteLocation.${n.location}`)}
      {n.durationMinutes > 0 && <> · {t('notes.minutes', { n: n.durationMinutes })}</>}
    </div>
  );
}
