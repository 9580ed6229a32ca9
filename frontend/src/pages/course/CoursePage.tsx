import { useCourse, useVisitation, useVocabulary } from '../../api/queries';
import { toAppError } from '../../api/errors';
import { Badge, ErrorBanner, Loading, PageHeader } from '../../components/ui';
import { WizardFrame } from '../../features/wizard/WizardFrame';
import { VisitationStep } from '../../features/wizard/steps/VisitationStep';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime, isoToDanish } from '../../lib/dates';
import { href } from '../../lib/router';
import { statusTone } from '../citizens/CitizenListPage';
import { CourseSettings } from './CourseSettings';

/** One ICM course: its frame (worker, dates, status) and the six method steps. */
export function CoursePage(p: { id: number; step: string }) {
  const { t, tx } = useI18n();
  const course = useCourse(p.id);
  const vocab = useVocabulary();
  const visitation = useVisitation(p.id);
  if (course.isPending || vocab.isPending) return <Loading />;
  if (course.error || vocab.error) return <ErrorBanner error={toAppError(course.error ?? vocab.error)} />;
  const c = course.data;
  const step = c.steps.some((s) => s.step === p.step) ? p.step : 'visitation';
  const current = c.steps.find((s) => s.step === step)!;
  const closed = c.status === 'closed';

  let body;
  if (step === 'visitation') {
    if (visitation.isPending) body = <Loading />;
    else if (visitation.error) body = <ErrorBanner error={toAppError(visitation.error)} />;
    else body = <VisitationStep key={c.id} data={visitation.data} vocab={vocab.data} readOnly={closed} />;
  } else if (!current.available) {
    body = <div className="banner banner-info">{t('course.notYetText')}</div>;
  }

  return (
    <>
      <PageHeader
        title={c.citizenName}
        subtitle={
          <>
            <Badge tone={statusTone(c.status)}>{tx(`enum.status.${c.status}`)}</Badge> {t('course.worker')}: {c.worker.name} ({c.worker.initials}) ·{' '}
            {t('course.startDate')}: {isoToDanish(c.startDate)}
            {c.endDate ? ` · ${t('course.endDate')}: ${isoToDanish(c.endDate)}` : ''}
          </>
        }
        actions={
          <a className="button" href={href({ name: 'citizen', id: c.citizenId })}>
            {t('course.citizenPage')}
          </a>
        }
      />
      {c.override && (
        <div className="banner banner-warn" data-testid="override-notice">
          {t('course.overrideNotice', { by: c.override.byName, at: formatDateTime(c.override.at), reason: c.override.reason })}
        </div>
      )}
      <CourseSettings course={c} />
      <WizardFrame courseId={c.id} steps={c.steps} current={step}>
        {body}
      </WizardFrame>
    </>
  );
}
