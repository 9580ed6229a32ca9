import { useDeferredValue, useState } from 'react';
import { useNoteSearch } from '../../api/stepQueries';
import { toAppError } from '../../api/errors';
import { ErrorBanner, PageHeader } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { href } from '../../lib/router';
import { NoteAuthorLine } from './NoteHistory';
import { hitsText, NoteMeta } from './NotesPanel';
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
      <div data-testid="note-hits">
        {/* There before the first result, so a screen reader hears the count change (WCAG 4.1.3). */}
        <p className="muted small search-count" role="status">
          {deferred && q.data ? hitsText(t, q.data.length) : ''}
        </p>
        {deferred && q.data && q.data.length > 0 && (
          <section className="card">
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
      </div>
    </>
  );
}
