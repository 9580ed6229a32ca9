import { useTeamOverview } from '../../api/queries';
import { toAppError } from '../../api/errors';
import { Badge, ErrorBanner, Loading, PageHeader, Progress } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime, formatFraction } from '../../lib/dates';
import { href } from '../../lib/router';
import { CaseloadWarnings } from '../../features/conflicts/CaseloadWarnings';

/** Every active worker's caseload as n of max, with the recorded exceptions beside it. */
export function CaseloadPage() {
  const { t, tx, lang } = useI18n();
  const q = useTeamOverview();
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorBanner error={toAppError(q.error)} />;
  const o = q.data;
  return (
    <>
      <PageHeader title={t('caseload.title')} titleLang={lang === 'da' ? 'en' : undefined} subtitle={`${t('caseload.team')}: ${t('caseload.openOf', { open: o.open, max: o.capacity })}`} />
      <p className="lead">{t('caseload.intro')}</p>
      <CaseloadWarnings />
      {o.caseloads.length === 0 && <p className="empty">{t('caseload.noWorkers')}</p>}
      <div className="caseload-grid">
        {o.caseloads.map((c) => {
          const tone = c.over ? 'over' : c.open === c.max ? 'warn' : 'ok';
          return (
            <article key={c.worker.id} className={`card caseload caseload-${tone}`} aria-label={c.worker.name}>
              <header>
                <h2>
                  {c.worker.name} <span className="muted">({c.worker.initials})</span>
                </h2>
                <div className="muted">
                  {tx(`enum.role.${c.worker.role}`)} · {t('caseload.fte', { fte: formatFraction(c.worker.fte, lang) })}
                </div>
              </header>
              <div className="caseload-figure">
                <span className="big" data-testid="caseload-figure">
                  {t('caseload.openOf', { open: c.open, max: c.max })}
                </span>
                {c.over ? <Badge tone="over">{t('caseload.over')}</Badge> : c.open === c.max ? <Badge tone="warn">{t('caseload.atMax')}</Badge> : <Badge tone="ok">{t('caseload.room', { n: c.max - c.open })}</Badge>}
              </div>
              <Progress value={c.open} max={c.max} label={c.worker.name} tone={tone} />
              {c.overrides.length > 0 && (
                <div className="overrides">
                  <h3>{t('caseload.overrides')}</h3>
                  <ul>
                    {c.overrides.map((ov) => (
                      <li key={ov.courseId}>
                        <a href={href({ name: 'course', id: ov.courseId, step: 'visitation' })}>
                          {t('caseload.overrideLine', { citizen: ov.citizenName, reason: ov.reason, by: ov.byName, at: formatDateTime(ov.at) })}
                        </a>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </article>
          );
        })}
      </div>
    </>
  );
}
