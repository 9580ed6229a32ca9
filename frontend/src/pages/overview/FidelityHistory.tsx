import type { FidelityQuarter } from '../../api/overview';
import { overviewApi } from '../../api/overview';
import { toAppError } from '../../api/errors';
import { useFidelityHistory } from '../../api/overviewQueries';
import { ErrorBanner, Loading, TableScroll } from '../../components/ui';
import { ExportButton } from '../../features/export/ExportButton';
import { useI18n } from '../../i18n/i18n';
import { isoToDanish } from '../../lib/dates';
import { ruleShares } from './charts';

const W = 220;
const H = 96;
const AXIS = 26;
const TOP = 6;
const BOTTOM = 18;

/** One requirement's share per quarter as small bars, the quarter not yet over lighter. */
function RuleBars(p: { rule: string; quarters: FidelityQuarter[] }) {
  const { t, tx } = useI18n();
  const shares = ruleShares(p.quarters, p.rule);
  const name = tx(`overview.fidelity.rules.${p.rule}`);
  const slot = (W - AXIS) / Math.max(shares.length, 1);
  const yOf = (v: number) => TOP + ((H - TOP - BOTTOM) * (100 - v)) / 100;
  const label = (q: FidelityQuarter) => t('overview.history.quarter', { quarter: q.quarter, year: q.year });
  const list = shares.map((s) => `${label(s.q)} ${s.percent === null ? t('overview.history.noCourses') : `${s.percent} %`}`).join(', ');
  const latest = shares[shares.length - 1]?.percent;
  return (
    <div className="ov-multiple" data-rule={p.rule}>
      <div className="ov-multiple-head">
        <span>{name}</span>
        {latest !== null && latest !== undefined && <strong>{latest} %</strong>}
      </div>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('overview.history.label', { rule: name, list })}>
        {[0, 50, 100].map((v) => (
          <g key={v} className="ov-axis">
            <line className="ov-grid" x1={AXIS} x2={W} y1={yOf(v)} y2={yOf(v)} />
            <text x={AXIS - 4} y={yOf(v) + 4} textAnchor="end">
              {v}
            </text>
          </g>
        ))}
        {shares.map((s, i) =>
          s.percent ? (
            <rect
              key={i}
              className={s.q.partial ? 'ov-bar-partial' : 'ov-bar'}
              x={AXIS + i * slot + slot * 0.18}
              y={yOf(s.percent)}
              width={slot * 0.64}
              height={yOf(0) - yOf(s.percent)}
              rx={1.5}
            />
          ) : null,
        )}
        {shares.length > 0 && (
          <g className="ov-axis">
            <text x={AXIS} y={H - 4} textAnchor="start">
              {t('overview.history.short', { quarter: shares[0].q.quarter, year: shares[0].q.year % 100 })}
            </text>
            <text x={W} y={H - 4} textAnchor="end">
              {t('overview.history.short', { quarter: shares[shares.length - 1].q.quarter, year: shares[shares.length - 1].q.year % 100 })}
            </text>
          </g>
        )}
      </svg>
    </div>
  );
}

/**
 * The team's fidelity over time: per requirement, the share of the open courses meeting it
 * at each quarter's end, with the figures as a table and the PDF for the management meeting.
 */
export function FidelityHistory() {
  const { t, tx } = useI18n();
  const q = useFidelityHistory();
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorBanner error={toAppError(q.error)} />;
  const h = q.data;
  const rules = h.quarters[0]?.rules.map((r) => r.rule) ?? [];
  return (
    <section className="card ov-history" aria-labelledby="ov-history">
      <div className="ov-section-head">
        <h2 id="ov-history">{t('overview.history.title')}</h2>
        <ExportButton label={t('overview.history.savePdf')} run={overviewApi.saveFidelityPdf} />
      </div>
      <p className="muted">{t('overview.history.intro')}</p>
      {h.quarters.length === 0 ? (
        <p className="empty">{t('overview.history.none')}</p>
      ) : (
        <figure className="ov-chart" data-testid="fidelity-history">
          <figcaption>{t('overview.history.caption')}</figcaption>
          <div className="ov-multiples">
            {rules.map((r) => (
              <RuleBars key={r} rule={r} quarters={h.quarters} />
            ))}
          </div>
          <p className="muted ov-note">{t('overview.history.partial', { date: isoToDanish(h.today) })}</p>
          <details className="ov-alt">
            <summary>{t('overview.asTable')}</summary>
            <TableScroll label={t('overview.history.caption')}>
              <table className="table compact" aria-labelledby="ov-history">
                <thead>
                  <tr>
                    <th scope="col">{t('overview.history.rule')}</th>
                    {h.quarters.map((qq) => (
                      <th scope="col" key={`${qq.year}-${qq.quarter}`}>
                        {t('overview.history.quarter', { quarter: qq.quarter, year: qq.year })}
                        {qq.partial && ` (${t('overview.history.soFar', { date: isoToDanish(qq.asOf) })})`}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">{t('overview.history.courses')}</th>
                    {h.quarters.map((qq) => (
                      <td key={`${qq.year}-${qq.quarter}`}>{qq.courses}</td>
                    ))}
                  </tr>
                  {rules.map((r) => (
                    <tr key={r}>
                      <th scope="row">{tx(`overview.fidelity.rules.${r}`)}</th>
                      {ruleShares(h.quarters, r).map((s) => (
                        <td key={`${s.q.year}-${s.q.quarter}`}>
                          {s.percent === null ? '–' : t('overview.history.cell', { percent: s.percent, pass: s.pass, total: s.total })}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </details>
        </figure>
      )}
    </section>
  );
}
