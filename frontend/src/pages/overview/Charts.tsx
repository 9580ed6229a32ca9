import { cloneElement, isValidElement, type ReactNode } from 'react';
import type { HousingOverview, OverviewCaseload } from '../../api/overview';
import { useI18n } from '../../i18n/i18n';
import { barLength, caseloadBars, niceMax, ticks } from './charts';

const LABEL_W = 170;
const PLOT_W = 330;
const VALUE_W = 70;
const WIDTH = LABEL_W + PLOT_W + VALUE_W;

/** A figure with a hand-drawn SVG (one image for screen readers) and its table beside it. */
function ChartFigure(p: { title: string; children: ReactNode; table: ReactNode; testId: string; note?: ReactNode }) {
  const { t } = useI18n();
  return (
    <figure className="ov-chart" data-testid={p.testId}>
      <figcaption>{p.title}</figcaption>
      {p.children}
      {p.note && <p className="muted ov-note">{p.note}</p>}
      <details className="ov-alt">
        <summary>{t('overview.asTable')}</summary>
        {isValidElement<{ 'aria-label'?: string }>(p.table) ? cloneElement(p.table, { 'aria-label': p.title }) : p.table}
      </details>
    </figure>
  );
}

function Axis(p: { top: number; y: number }) {
  return (
    <g className="ov-axis">
      {ticks(p.top).map((v) => {
        const x = LABEL_W + barLength(v, p.top, PLOT_W);
        return (
          <g key={v}>
            <line x1={x} x2={x} y1={0} y2={p.y} className="ov-grid" />
            <text x={x} y={p.y + 14} textAnchor="middle">
              {v}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** Caseload per worker: a bar for the open courses and a line at the worker's ceiling. */
export function CaseloadChart(p: { rows: OverviewCaseload[] }) {
  const { t } = useI18n();
  const { top, bars } = caseloadBars(p.rows.map((c) => ({ name: c.worker.name, open: c.open, max: c.max })), PLOT_W);
  const rowH = 30;
  const h = bars.length * rowH + 8;
  const list = bars.map((b) => t('overview.caseload.item', { name: b.name, open: b.open, max: b.max })).join(', ');
  return (
    <ChartFigure
      title={t('overview.caseload.title')}
      testId="caseload-chart"
      note={
        <span className="ov-legend">
          <span className="ov-key ov-key-ceiling" aria-hidden="true" /> {t('overview.caseload.ceiling')}
        </span>
      }
      table={
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col">{t('overview.caseload.worker')}</th>
              <th scope="col">{t('overview.caseload.open')}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.name}>
                <th scope="row">{b.name}</th>
                <td>{t('overview.caseload.cell', { open: b.open, max: b.max })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <svg viewBox={`0 0 ${WIDTH} ${h + 20}`} role="img" aria-label={t('overview.caseload.label', { list })}>
        <Axis top={top} y={h} />
        {bars.map((b, i) => {
          const y = i * rowH + 6;
          return (
            <g key={b.name} className={b.over ? 'ov-over' : b.open === b.max ? 'ov-full' : 'ov-room'}>
              <text className="ov-label" x={LABEL_W - 8} y={y + 15} textAnchor="end">
                {b.name}
              </text>
              <rect className="ov-bar" x={LABEL_W} y={y + 3} width={b.bar} height={rowH - 12} rx={3} />
              <line className="ov-ceiling" x1={LABEL_W + b.ceiling} x2={LABEL_W + b.ceiling} y1={y - 1} y2={y + rowH - 5} />
              <text className="ov-value" x={LABEL_W + PLOT_W + 8} y={y + 15}>
                {t('overview.caseload.cell', { open: b.open, max: b.max })}
              </text>
            </g>
          );
        })}
      </svg>
    </ChartFigure>
  );
}

/** Housing per category at the start and now, as two bars side by side. */
export function HousingChart(p: { housing: HousingOverview }) {
  const { t, tx } = useI18n();
  const cats = p.housing.categories;
  const top = niceMax(cats.flatMap((c) => [c.start, c.now]));
  const rowH = 34;
  const h = cats.length * rowH + 6;
  const name = (h: string) => tx(`overview.housing.short.${h || 'unknown'}`);
  const list = cats.map((c) => t('overview.housing.item', { housing: name(c.housing), start: c.start, now: c.now })).join(', ');
  return (
    <ChartFigure
      title={t('overview.housing.title')}
      testId="housing-chart"
      note={
        <span className="ov-legend">
          <span className="ov-key ov-key-start" aria-hidden="true" /> {t('overview.housing.start')}
          <span className="ov-key ov-key-now" aria-hidden="true" /> {t('overview.housing.now')}
        </span>
      }
      table={
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col">{t('overview.housing.category')}</th>
              <th scope="col">{t('overview.housing.start')}</th>
              <th scope="col">{t('overview.housing.now')}</th>
            </tr>
          </thead>
          <tbody>
            {cats.map((c) => (
              <tr key={c.housing}>
                <th scope="row">{name(c.housing)}</th>
                <td>{c.start}</td>
                <td>{c.now}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <svg viewBox={`0 0 ${WIDTH} ${h + 20}`} role="img" aria-label={t('overview.housing.label', { list })}>
        <Axis top={top} y={h} />
        {cats.map((c, i) => {
          const y = i * rowH + 5;
          return (
            <g key={c.housing}>
              <text className="ov-label" x={LABEL_W - 8} y={y + 17} textAnchor="end">
                {name(c.housing)}
              </text>
              <rect className="ov-bar-start" x={LABEL_W} y={y + 2} width={barLength(c.start, top, PLOT_W)} height={12} rx={2} />
              <rect className="ov-bar-now" x={LABEL_W} y={y + 15} width={barLength(c.now, top, PLOT_W)} height={12} rx={2} />
              <text className="ov-value" x={LABEL_W + PLOT_W + 8} y={y + 17}>
                {c.start} → {c.now}
              </text>
            </g>
          );
        })}
      </svg>
    </ChartFigure>
  );
}

export interface BarRow {
  key: string;
  label: string;
  value: number;
  tone?: string;
}

/** A plain horizontal bar chart of counts, used for WHO-5 and the method steps. */
export function BarChart(p: { title: string; label: string; rows: BarRow[]; testId: string; head: [string, string]; note?: ReactNode }) {
  const { t } = useI18n();
  const top = niceMax(p.rows.map((r) => r.value));
  const rowH = 28;
  const h = p.rows.length * rowH + 6;
  const list = p.rows.map((r) => t('overview.who5.item', { label: r.label, n: r.value })).join(', ');
  return (
    <ChartFigure
      title={p.title}
      testId={p.testId}
      note={p.note}
      table={
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col">{p.head[0]}</th>
              <th scope="col">{p.head[1]}</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                <td>{r.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <svg viewBox={`0 0 ${WIDTH} ${h + 20}`} role="img" aria-label={p.label.replace('{list}', list)}>
        <Axis top={top} y={h} />
        {p.rows.map((r, i) => {
          const y = i * rowH + 5;
          return (
            <g key={r.key} className={r.tone ? `ov-tone-${r.tone}` : undefined}>
              <text className="ov-label" x={LABEL_W - 8} y={y + 14} textAnchor="end">
                {r.label}
              </text>
              <rect className="ov-bar" x={LABEL_W} y={y + 2} width={barLength(r.value, top, PLOT_W)} height={rowH - 10} rx={3} />
              <text className="ov-value" x={LABEL_W + PLOT_W + 8} y={y + 14}>
                {r.value}
              </text>
            </g>
          );
        })}
      </svg>
    </ChartFigure>
  );
}
