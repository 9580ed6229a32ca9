import { useState } from 'react';
import { useCitizen } from '../../api/queries';
import { toAppError } from '../../api/errors';
import { Badge, ErrorBanner, Loading, PageHeader } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { isoToDanish } from '../../lib/dates';
import { href } from '../../lib/router';
import { statusTone } from './CitizenListPage';
import { ReadOnlyBanner } from '../../features/auth/ReadOnlyBanner';
import { ConflictNotice } from '../../features/conflicts/ConflictNotice';
import { CitizenDataSection } from '../../features/citizendata/CitizenDataSection';
import { HousingPanel } from '../../features/housing/HousingPanel';

export function CitizenPage(p: { id: number }) {
  const { t, tx } = useI18n();
  const q = useCitizen(p.id);
  const [showCpr, setShowCpr] = useState(false);
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorBanner error={toAppError(q.error)} />;
  const c = q.data;
  const open = c.courses.find((x) => x.status !== 'closed');
  const none = t('common.none');
  return (
    <>
      <PageHeader
        title={c.name}
        subtitle={c.housing ? tx(`enum.housing.${c.housing}`) : undefined}
        actions={
          <>
            {!c.readOnly && (
              <a className="button" href={href({ name: 'citizenEdit', id: c.id })}>
                {t('common.edit')}
              </a>
            )}
            {/* Whoever may read a citizen without an open course may start the next one. */}
            {!open && (
              <a className="button primary" href={href({ name: 'courseNew', citizenId: c.id })}>
                {t('citizens.startCourse')}
              </a>
            )}
          </>
        }
      />
      {c.readOnly && <ReadOnlyBanner text={t(open ? 'auth.citizenReadOnly' : 'auth.citizenNoOpenCourse')} />}
      {!c.readOnly && <ConflictNotice citizenId={c.id} />}
      <div className="two-col">
        <section className="card">
          <h2>{t('citizens.details')}</h2>
          <dl className="facts">
            <dt>{t('citizens.cpr')}</dt>
            <dd className="mono">
              {c.cpr ? (
                <>
                  {showCpr ? c.cpr : c.cprMasked}{' '}
                  <button type="button" className="link" onClick={() => setShowCpr((v) => !v)}>
                    {showCpr ? t('citizens.hideCpr') : t('citizens.showCpr')}
                  </button>
                </>
              ) : (
                none
              )}
            </dd>
            <dt>{t('citizens.phone')}</dt>
            <dd>{c.phone || none}</dd>
            <dt>{t('citizens.email')}</dt>
            <dd>{c.email || none}</dd>
            <dt>{t('citizens.address')}</dt>
            <dd className="pre">{c.address || none}</dd>
            <dt>{t('citizens.contactNote')}</dt>
            <dd className="pre">{c.contactNote || none}</dd>
          </dl>
        </section>
        <section className="card">
          <h2>{t('citizens.courses')}</h2>
          {c.courses.length === 0 ? (
            <p className="muted">{t('citizens.noCourses')}</p>
          ) : (
            <ul className="course-list">
              {c.courses.map((co) => (
                <li key={co.id}>
                  <a href={href({ name: 'course', id: co.id, step: 'visitation' })}>
                    <Badge tone={statusTone(co.status)}>{tx(`enum.status.${co.status}`)}</Badge>{' '}
                    {isoToDanish(co.startDate)}
                    {co.endDate ? ` – ${isoToDanish(co.endDate)}` : ''} · {co.workerName} ({co.workerInitials})
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <div className="card">
        <HousingPanel citizenId={c.id} readOnly={c.readOnly} />
      </div>
      <CitizenDataSection citizen={c} />
    </>
  );
}
