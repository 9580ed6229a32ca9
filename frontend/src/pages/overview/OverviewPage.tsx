import type { ReactNode } from 'react';
import { toAppError } from '../../api/errors';
import type { CourseRef, Overview } from '../../api/overview';
import { useOverview } from '../../api/overviewQueries';
import { ErrorBanner, Loading, PageHeader } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { isoToDanish } from '../../lib/dates';
import { href } from '../../lib/router';
import { BarChart, CaseloadChart, HousingChart } from './Charts';
import { percent } from './charts';
import { FidelityHistory } from './FidelityHistory';
import { FidelityTable } from './FidelityTable';
import { IntensityList, ReviewsDue, RoutinesCard } from './Routines';
import { ConflictSummary } from '../../features/conflicts/ConflictNotice';
import './overview.css';

/** The team lead's overview: headline figures, charts, what to act on and the fidelity check. */
export function OverviewPage() {
  const { t } = useI18n();
  const q = useOverview();
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorBanner error={toAppError(q.error)} />;
  const o = q.data;
  return (
    <>
      <PageHeader title={t('overview.title')} subtitle={o.team.name} />
      <p className="lead">{t('overview.intro')}</p>
      <Figures o={o} />
      <div className="ov-grid">
        <section className="card">
          <CaseloadChart rows={o.caseloads} />
        </section>
        <section className="card">
          <HousingChart housing={o.housing} />
        </section>
        <section className="card">
          <Who5 o={o} />
        </section>
        <section className="card">
          <Steps o={o} />
        </section>
      </div>
      <ConflictSummary />
      <Todo o={o} />
      <section className="card" aria-labelledby="ov-fidelity">
        <h2 id="ov-fidelity">{t('overview.fidelity.title')}</h2>
        <p className="muted">{t('overview.fidelity.intro')}</p>
        <FidelityTable rows={o.fidelity} totals={o.fidelityTotals} />
      </section>
      <FidelityHistory />
      <RoutinesCard o={o} />
    </>
  );
}

function Figure(p: { label: string; value: ReactNode; help?: string; testId: string }) {
  return (
    <div className="card ov-figure" data-testid={p.testId}>
      <div className="muted">{p.label}</div>
      <div className="ov-big">{p.value}</div>
      {p.help && <div className="muted ov-help">{p.help}</div>}
    </div>
  );
}

function Figures(p: { o: Overview }) {
  const { t } = useI18n();
  const h = p.o.housing;
  return (
    <div className="ov-figures">
      <Figure testId="figure-open" label={t('overview.figures.open')} value={p.o.openCourses} />
      <Figure testId="figure-capacity" label={t('overview.figures.capacity')} value={t('overview.figures.capacityValue', { open: p.o.openCourses, max: p.o.capacity })} />
      <Figure
        testId="figure-own-home"
        label={t('overview.figures.ownHome')}
        value={t('overview.figures.ownHomeValue', { start: percent(h.ownHomeStart, h.total), now: percent(h.ownHomeNow, h.total) })}
        help={t('overview.figures.ownHomeHelp', { start: h.ownHomeStart, now: h.ownHomeNow, total: h.total })}
      />
      <KeptFigure r={h.retention} />
    </div>
  );
}

/** The method's headline outcome beside the share in own home: of the citizens who moved
 * into their own home during a course, how many kept it 6 and 12 months. */
function KeptFigure(p: { r: Overview['housing']['retention'] }) {
  const { t } = useI18n();
  return (
    <div className="card ov-figure" data-testid="figure-own-home-kept">
      <div className="muted">{t('overview.figures.kept')}</div>
      {p.r.kept.map((k) => (
        <div key={k.months} className="ov-kept">
          <span className="ov-mid">{k.eligible > 0 ? t('overview.figures.keptShare', { kept: k.kept, eligible: k.eligible }) : t('overview.figures.keptNone')}</span>{' '}
          {t('overview.figures.keptAfter', { months: k.months })}
        </div>
      ))}
      <div className="muted ov-help">{t('overview.figures.keptHelp', { moved: p.r.movedIn })}</div>
    </div>
  );
}

function Who5(p: { o: Overview }) {
  const { t, tx } = useI18n();
  const w = p.o.who5;
  return (
    <>
      <h2 className="ov-h2">{t('overview.who5.title')}</h2>
      <BarChart
        testId="who5-dist-chart"
        title={t('overview.who5.distTitle')}
        label={t('overview.who5.distLabel')}
        head={[t('overview.who5.group'), t('overview.who5.count')]}
        rows={w.buckets.map((b) => ({ key: b.key, label: tx(`overview.who5.${b.key}`), value: b.count, tone: b.key }))}
      />
      <BarChart
        testId="who5-change-chart"
        title={t('overview.who5.changeTitle')}
        label={t('overview.who5.changeLabel')}
        head={[t('overview.who5.group'), t('overview.who5.count')]}
        rows={[
          { key: 'improved', label: t('overview.who5.improved'), value: w.improved, tone: 'good' },
          { key: 'stable', label: t('overview.who5.stable'), value: w.stable, tone: 'neutral' },
          { key: 'worsened', label: t('overview.who5.worsened'), value: w.worsened, tone: 'low' },
        ]}
        note={t('overview.who5.rest', { single: w.singleScore, none: w.noScore })}
      />
    </>
  );
}

function Steps(p: { o: Overview }) {
  const { t, tx } = useI18n();
  return (
    <BarChart
      testId="steps-chart"
      title={t('overview.steps.title')}
      label={t('overview.steps.label')}
      head={[t('overview.steps.step'), t('overview.who5.count')]}
      note={t('overview.steps.help')}
      rows={p.o.steps.map((s) => ({ key: s.step, label: s.step === 'complete' ? t('overview.steps.complete') : tx(`steps.${s.step}`), value: s.count }))}
    />
  );
}

function TodoList<T extends CourseRef>(p: { title: string; rows: T[]; step: string; line: (r: T) => string; testId: string; tone?: (r: T) => string }) {
  const { t } = useI18n();
  return (
    <section className="card ov-todo" data-testid={p.testId} aria-label={p.title}>
      <h2 className="ov-h2">
        {p.title} <span className="badge">{p.rows.length}</span>
      </h2>
      {p.rows.length === 0 ? (
        <p className="muted">{t('overview.none')}</p>
      ) : (
        <ul>
          {p.rows.map((r) => (
            <li key={r.courseId} className={p.tone?.(r)}>
              <a href={href({ name: 'course', id: r.courseId, step: p.step })}>{r.citizenName}</a>
              {r.workerInitials && <span className="muted"> ({r.workerInitials})</span>}
              <div className="ov-line">{p.line(r)}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Todo(p: { o: Overview }) {
  const { t } = useI18n();
  return (
    <div className="ov-todos">
      <TodoList
        testId="todo-evaluations"
        title={t('overview.todo.evaluations')}
        rows={p.o.evaluations}
        step="followup"
        tone={(e) => (e.state === 'overdue' ? 'ov-bad' : 'ov-warn')}
        line={(e) =>
          e.days < 0
            ? t('overview.todo.overdue', { days: -e.days, date: isoToDanish(e.dueDate) })
            : e.days === 0
              ? t('overview.todo.dueToday')
              : t('overview.todo.dueIn', { days: e.days, date: isoToDanish(e.dueDate) })
        }
      />
      <TodoList
        testId="todo-gaps"
        title={t('overview.todo.gaps')}
        rows={p.o.contactGaps}
        step="followup"
        tone={() => 'ov-bad'}
        line={(g) => (g.noneYet ? t('overview.todo.gapNoneYet', { days: g.days }) : t('overview.todo.gap', { days: g.days, limit: g.limitDays }))}
      />
      <TodoList testId="todo-unsigned" title={t('overview.todo.unsigned')} rows={p.o.unsigned} step="planning" line={() => t('overview.todo.unsignedLine')} />
      <ReviewsDue rows={p.o.caseReviews ?? []} />
      <IntensityList rows={p.o.contactIntensity ?? []} />
    </div>
  );
}
