import type { AwayItem, AwayPeriod } from '../../api/cover';
import { useMarkWhileAwayRead, useWhileAway } from '../../api/coverQueries';
import { ErrorBanner, TableScroll } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { isoToDanish } from '../../lib/dates';
import { href } from '../../lib/router';
import { coverText, fill } from './i18n';
import './cover.css';

function periodScope(lang: 'da' | 'en', p: AwayPeriod): string {
  const x = coverText[lang];
  if (p.all) return x.all;
  return p.citizenCount === 1 ? x.someOne : fill(x.someCount, { n: p.citizenCount });
}

/**
 * "Mens du var væk": after a cover for the signed-in worker ended (or was withdrawn) within
 * the last 30 days, what colleagues wrote in the worker's courses meanwhile, each with a
 * link to its course, until the worker marks it as read. Nothing shows otherwise.
 */
export function WhileAwayPanel() {
  const { t, lang, tx } = useI18n();
  const x = coverText[lang];
  const away = useWhileAway();
  const mark = useMarkWhileAwayRead();
  if (!away.data || away.data.periods.length === 0) return null;
  const what = (it: AwayItem) =>
    it.kind === 'plan_version' ? fill(x.awayPlanVersion, { n: it.versionNo }) : `${tx(`enum.noteKind.${it.noteKind}`)}: ${it.firstLine}`;
  return (
    <section className="card while-away" aria-labelledby="while-away-title" data-testid="while-away">
      <h2 id="while-away-title">{x.awayTitle}</h2>
      {away.data.periods.map((p) => (
        <p key={p.coverId}>
          {fill(x.awayPeriod, { cover: p.coverWorkerName, from: isoToDanish(p.from), to: isoToDanish(p.until), scope: periodScope(lang, p) })}
        </p>
      ))}
      {away.data.items.length === 0 ? (
        <p className="muted">{x.awayNothing}</p>
      ) : (
        <>
          <p className="muted">{x.awayIntro}</p>
          <TableScroll label={x.awayTable}><table className="table">
            <thead>
              <tr>
                <th>{x.awayColDate}</th>
                <th>{x.awayColCitizen}</th>
                <th>{x.awayColAuthor}</th>
                <th>{x.awayColWhat}</th>
                <th>
                  <span className="sr-only">{t('common.actionsColumn')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {away.data.items.map((it, i) => (
                <tr key={`${it.kind}-${it.courseId}-${i}`}>
                  <td>{isoToDanish(it.day)}</td>
                  <td>{it.citizenName}</td>
                  <td>{it.author || '–'}</td>
                  <td className="away-line">{what(it)}</td>
                  <td>
                    <a href={href({ name: 'course', id: it.courseId, step: it.kind === 'note' ? 'followup' : 'planning' })} aria-label={fill(x.awayOpenLabel, { citizen: it.citizenName })}>
                      {x.awayOpen}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table></TableScroll>
        </>
      )}
      <ErrorBanner error={mark.error} />
      <div className="form-actions">
        <button type="button" onClick={() => mark.mutate()} disabled={mark.isPending}>
          {x.awayMarkRead}
        </button>
      </div>
    </section>
  );
}
