import { useState } from 'react';
import type { Cover } from '../../api/cover';
import { useCovers, useWithdrawCover } from '../../api/coverQueries';
import { toAppError } from '../../api/errors';
import { BusyButton } from '../../components/BusyButton';
import { keysAfterRemoval, StatusLine, useFocusReturn, useStatusLine } from '../../components/focus';
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
 * After a save the status line says so and takes the focus; after a cancel the "new cover"
 * button gets it back; after a withdrawal (its button goes) the next one, or the heading.
 */
export function CoverSection(p: { isLead: boolean }) {
  const { t, lang } = useI18n();
  const x = coverText[lang];
  const covers = useCovers();
  const withdraw = useWithdrawCover();
  const [adding, setAdding] = useState(false);
  const status = useStatusLine();
  const focusReturn = useFocusReturn();
  const open = (covers.data ?? []).filter((c) => !c.withdrawn);
  const remove = (c: Cover) => {
    if (!window.confirm(fill(x.confirmWithdraw, { cover: c.coverWorkerName, worker: c.workerName }))) return;
    const i = open.findIndex((o) => o.id === c.id);
    withdraw.mutate(c.id, {
      onSuccess: () => {
        status.say(x.withdrawnSaved, { focus: false });
        focusReturn(...keysAfterRemoval(open, i, (o) => `cover-${o.id}`, 'cover-title'));
      },
    });
  };
  return (
    <section className="card cover-section" aria-labelledby="cover-title">
      <div className="cover-head">
        <h2 id="cover-title" tabIndex={-1} data-focus-key="cover-title">
          {x.title}
        </h2>
        {p.isLead && !adding && (
          <button type="button" className="primary" data-focus-key="cover-new" onClick={() => (setAdding(true), status.clear())}>
            {x.newCover}
          </button>
        )}
      </div>
      <p className="muted">{x.intro}</p>
      {adding && (
        <CoverForm
          onDone={(ok) => {
            setAdding(false);
            if (ok) status.say(x.saved);
            else focusReturn('cover-new');
          }}
        />
      )}
      {p.isLead && <StatusLine status={status} />}
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
                      <BusyButton
                        className="link"
                        busy={withdraw.isPending}
                        data-focus-key={`cover-${c.id}`}
                        aria-label={fill(x.withdrawLabel, { worker: c.workerName, period: fill(x.period, { from: isoToDanish(c.from), to: isoToDanish(c.to) }) })}
                        onClick={() => remove(c)}
                      >
                        {x.withdraw}
                      </BusyButton>
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
