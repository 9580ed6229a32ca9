import { useCourse, useVisitation, useVocabulary } from '../../api/queries';
import { toAppError } from '../../api/errors';
import { Badge, ErrorBanner, Loading, PageHeader } from '../../components/ui';
import { WizardFrame } from '../../features/wizard/WizardFrame';
import { VisitationStep } from '../../features/wizard/steps/VisitationStep';
import { AssessmentStep } from '../../features/wizard/steps/AssessmentStep';
import { PlanningStep } from '../../features/wizard/steps/PlanningStep';
import { CoordinationStep } from '../../features/wizard/steps/CoordinationStep';
import { AdvocacyStep } from '../../features/wizard/steps/AdvocacyStep';
import { FollowUpStep } from '../../features/wizard/steps/FollowUpStep';
import { NotesPanel } from '../../features/notes/NotesPanel';
import { CourseWarnings } from './CourseWarnings';
import { SummaryExport } from '../../features/export/SummaryExport';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime, isoToDanish } from '../../lib/dates';
import { href } from '../../lib/router';
import { statusTone } from '../citizens/CitizenListPage';
import { CourseSettings } from './CourseSettings';
import { ReadOnlyBanner } from '../../features/auth/ReadOnlyBanner';
import { ConflictNotice } from '../../features/conflicts/ConflictNotice';

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
  const closed = c.status === 'closed';
  // A colleague's course the worker may only read, as the team has decided.
  const readOnly = closed || c.readOnly;

  let body;
  if (step === 'visitation') {
    if (visitation.isPending) body = <Loading />;
    else if (visitation.error) body = <ErrorBanner error={toAppError(visitation.error)} />;
    else body = <VisitationStep key={c.id} data={visitation.data} vocab={vocab.data} readOnly={readOnly} citizenId={c.citizenId} />;
  } else if (step === 'assessment') {
    body = <AssessmentStep courseId={c.id} readOnly={readOnly} />;
  } else if (step === 'planning') {
    body = <PlanningStep courseId={c.id} readOnly={readOnly} />;
  } else if (step === 'coordination') {
    body = <CoordinationStep courseId={c.id} readOnly={readOnly} />;
  } else if (step === 'advocacy') {
    body = <AdvocacyStep courseId={c.id} readOnly={readOnly} />;
  } else if (step === 'followup') {
    body = <FollowUpStep courseId={c.id} citizenId={c.citizenId} readOnly={readOnly} />;
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
          <>
            {/* The backend counts an export as a use that needs write access. */}
            {!c.readOnly && <SummaryExport courseId={c.id} />}
            <a className="button" href={href({ name: 'citizen', id: c.citizenId })}>
              {t('course.citizenPage')}
            </a>
          </>
        }
      />
      {c.override && (
        <div className="banner banner-warn" data-testid="override-notice">
          {t('course.overrideNotice', { by: c.override.byName, at: formatDateTime(c.override.at), reason: c.override.reason })}
        </div>
      )}
      {c.readOnly && <ReadOnlyBanner text={t('auth.courseReadOnly', { worker: c.worker.name })} />}
      {!readOnly && <ConflictNotice courseId={c.id} />}
      <CourseWarnings course={c} step={step} />
      {!c.readOnly && <CourseSettings course={c} />}
      <WizardFrame courseId={c.id} steps={c.steps} current={step}>
        {body}
      </WizardFrame>
      <NotesPanel courseId={c.id} readOnly={readOnly} />
    </>
  );
}
