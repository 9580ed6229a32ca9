import { useState } from 'react';
import type { Cover } from '../../api/cover';
import { useCovers, useWithdrawCover } from '../../api/coverQueries';
import { toAppError } from '../../api/errors';
import { Badge, ErrorBanner, Loading, TableScroll } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { isoToDanish } from '../../lib/dates';
import { CoverForm } from './CoverForm';
import { coverText, fill } from './i18n';
import './cover.css';

/** "Alle borgere", or the citizens by name (or how many, where the names are not shown). */
export function scopeText(lang: 'da' | 'en', c: Cover): string {
  const x = coverText[lang];
  if (c.all) return x.all;
  if (c.citizens.length) return c.citizens.map((z) => z.name).join(', ');
  return c.citizenCount === 1 ? x.someOne : fill(x.someCount, { n: c.citizenCount });
}

/**
 * The team's cover during holidays and illness: current and coming periods for everyone to
 * see; the team lead also sets a new cover and withdraws one (the backend checks the role).
 */
export function CoverSection(p: { isLead: boolean }) {
  const { t, lang } = useI18n();
  const x = coverText[lang];
  const covers = useCovers();
  const withdraw = useWithdrawCover();
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState(false);
  return (
    <section className="card cover-section" aria-labelledby="cover-title">
      <div className="cover-head">
        <h2 id="cover-title">{x.title}</h2>
        {p.isLead && !adding && (
          <button type="button" className="primary" onClick={() => (setAdding(true), setSaved(false))}>
            {x.newCover}
          </button>
        )}
      </div>
      <p className="muted">{x.intro}</p>
      {adding && (
        <CoverForm
          onDone={(ok) => {
            setAdding(false);
            setSaved(ok);
          }}
        />
      )}
      {saved && (
        <p className="tone-ok" role="status">
          {x.saved}
        </p>
      )}
      <ErrorBanner error={covers.error ? toAppError(covers.error) : withdraw.error} />
      {covers.isPending ? (
        <Loading />
      ) : !covers.data?.length ? (
        <p className="empty">{x.none}</p>
      ) : (
        <TableScroll label={x.listTable}><table className="table" data-testid="cover-list">
          <thead>
            <tr>
              <th>{x.colWorker}</th>
              <th>{x.colCover}</th>
              <th>{x.colCitizens}</th>
              <th>{x.colPeriod}</th>
              <th>{x.colNote}</th>
              <th>
                <span className="sr-only">{t('common.statusColumn')}</span>
              </th>
              {p.isLead && (
                <th>
                  <span className="sr-only">{t('common.actionsColumn')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {covers.data.map((c) => (
              <tr key={c.id} className={c.withdrawn ? 'inactive' : ''}>
                <td>{c.workerName}</td>
                <td>{c.coverWorkerName}</td>
                <td>{scopeText(lang, c)}</td>
                <td>{fill(x.period, { from: isoToDanish(c.from), to: isoToDanish(c.to) })}</td>
                <td>{c.note}</td>
                <td>{c.withdrawn ? <Badge>{x.withdrawn}</Badge> : c.current ? <Badge tone="ok">{x.current}</Badge> : <Badge tone="info">{x.coming}</Badge>}</td>
                {p.isLead && (
                  <td>
                    {!c.withdrawn && (
                      <button
                        type="button"
                        className="link"
                        disabled={withdraw.isPending}
                        aria-label={fill(x.withdrawLabel, { worker: c.workerName })}
                        onClick={() => {
                          if (window.confirm(fill(x.confirmWithdraw, { cover: c.coverWorkerName, worker: c.workerName }))) withdraw.mutate(c.id);
                        }}
                      >
                        {x.withdraw}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table></TableScroll>
      )}
    </section>
  );
}
