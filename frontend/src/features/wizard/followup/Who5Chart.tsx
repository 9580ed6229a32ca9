import type { WHO5 } from '../../../api/steps';
import { useI18n } from '../../../i18n/i18n';
import { isoToDanish } from '../../../lib/dates';
import { dateLabelIndexes, scaleChart } from './chart';
import { WHO5_DEPRESSION_AT_OR_BELOW, WHO5_POOR_AT_OR_BELOW, who5Level } from './logic';

/**
 * The WHO-5 scores over time as a small line chart. The SVG is one image for screen
 * readers (its label lists every score); the table beside it is the full text alternative.
 */
export function Who5Chart(p: { rows: WHO5[] }) {
  const { t } = useI18n();
  const s = scaleChart(p.rows.map((r) => ({ date: r.date, value: r.percent })));
  const { box, points } = s;
  const list = points.map((pt) => `${isoToDanish(pt.date)}: ${pt.value}`).join(', ');
  const label = t('followup.chartLabel', { n: points.length, list });
  const dated = new Set(dateLabelIndexes(points.length));
  // the plot's frame reaches a little beyond the first and last point, so no point sits on an edge
  const gx0 = s.x0 - 18;
  const gx1 = s.x1 + 18;
  const refs = [
    { value: WHO5_POOR_AT_OR_BELOW, text: t('followup.chartRefPoor'), cls: 'fu-ref-poor' },
    { value: WHO5_DEPRESSION_AT_OR_BELOW, text: t('followup.chartRefDepression'), cls: 'fu-ref-depression' },
  ];
  return (
    <figure className="fu-chart">
      <figcaption>{t('followup.chartTitle')}</figcaption>
      <svg viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-label={label} data-testid="who5-chart" preserveAspectRatio="xMidYMid meet">
        {/* bands: below 28 and 28-50 */}
        <rect className="fu-band-depression" x={gx0} y={s.y(WHO5_DEPRESSION_AT_OR_BELOW)} width={gx1 - gx0} height={s.yBottom - s.y(WHO5_DEPRESSION_AT_OR_BELOW)} />
        <rect className="fu-band-poor" x={gx0} y={s.y(WHO5_POOR_AT_OR_BELOW)} width={gx1 - gx0} height={s.y(WHO5_DEPRESSION_AT_OR_BELOW) - s.y(WHO5_POOR_AT_OR_BELOW)} />
        {[0, 25, 75, 100].map((v) => (
          <line key={v} className="fu-grid" x1={gx0} x2={gx1} y1={s.y(v)} y2={s.y(v)} />
        ))}
        {[0, 50, 100].map((v) => (
          <text key={v} className="fu-axis-text" x={gx0 - 6} y={s.y(v) + 4} textAnchor="end">
            {v}
          </text>
        ))}
        {refs.map((r) => (
          <g key={r.value} className={r.cls}>
            <line x1={gx0} x2={gx1} y1={s.y(r.value)} y2={s.y(r.value)} strokeDasharray="6 4" />
            <text x={gx1 + 6} y={s.y(r.value) + 4}>
              {r.text}
            </text>
          </g>
        ))}
        <line className="fu-axis" x1={gx0} x2={gx1} y1={s.yBottom} y2={s.yBottom} />
        {points.length > 1 && <polyline className="fu-line" points={s.path} />}
        {points.map((pt, i) => {
          const above = pt.y - 10 >= 10;
          return (
            <g key={`${pt.date}-${i}`} className={`fu-point fu-point-${who5Level(pt.value)}`}>
              <circle cx={pt.x} cy={pt.y} r={5} />
              <text className="fu-point-text" x={pt.x} y={above ? pt.y - 10 : pt.y + 18} textAnchor="middle">
                {pt.value}
              </text>
              {dated.has(i) && (
                <text className="fu-axis-text" x={pt.x} y={s.yBottom + 18} textAnchor="middle">
                  {isoToDanish(pt.date)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
