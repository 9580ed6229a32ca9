import { useDeferredValue, useState } from 'react';
import { useNoteSearch } from '../../api/stepQueries';
import { toAppError } from '../../api/errors';
import { ErrorBanner, PageHeader } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { href } from '../../lib/router';
import { NoteAuthorLine } from './NoteHistory';
import { NoteMeta } from './NotesPanel';
import { Snippet } from './Snippet';

/** Full-text search across every citizen's journal notes. */
export function NoteSearchPage() {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query.trim());
  const q = useNoteSearch(deferred, 0);
  return (
    <>
      <PageHeader title={t('notes.searchTitle')} />
      <p className="lead">{t('notes.searchIntro')}</p>
      <div className="search">
        <label htmlFor="all-note-search">{t('notes.searchAll')}</label>
        <input id="all-note-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" autoFocus />
      </div>
      <ErrorBanner error={q.error ? toAppError(q.error) : null} />
      {deferred && q.data && (
        <section className="card" data-testid="note-hits">
          <p className="muted small">{q.data.length === 1 ? t('notes.hitsOne') : q.data.length ? t('notes.hits', { n: q.data.length }) : t('notes.noHits')}</p>
          <ul className="note-list">
            {q.data.map((h) => (
              <li key={h.note.id}>
                <NoteMeta note={h.note} citizen={h.citizenName} />
                <NoteAuthorLine note={h.note} />
                <Snippet text={h.snippet} />
                <a href={href({ name: 'course', id: h.note.courseId, step: 'visitation' })}>{h.citizenName}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
