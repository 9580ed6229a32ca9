import type { Course } from '../../api/client';
import { useUpdateCourse } from '../../api/queries';
import { ErrorBanner } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { isoToDanish } from '../../lib/dates';
import { href } from '../../lib/router';

/** The course's standing warnings: contact lost for too long, evaluation due or overdue. */
export function CourseWarnings(p: { course: Course; step: string }) {
  const { t } = useI18n();
  const c = p.course;
  if (c.status === 'closed') return null;
  const g = c.contactGap;
  return (
    <>
      {c.status === 'visitation' && c.steps[0]?.percent === 100 && !c.readOnly && <StartActive course={c} />}
      {g.over && p.step !== 'followup' && (
        <div className="banner banner-error" role="alert" data-testid="contact-gap">
          {g.noneYet ? t('notes.contactGapNone', { days: g.days, limit: g.limitDays }) : t('notes.contactGap', { days: g.days, limit: g.limitDays })}
        </div>
      )}
      {c.evaluationState !== 'ok' && (
        <div className={`banner ${c.evaluationState === 'overdue' ? 'banner-error' : 'banner-warn'}`} data-testid="evaluation-due">
          {t(c.evaluationState === 'overdue' ? 'course.evaluationOverdue' : 'course.evaluationDueSoon', { date: isoToDanish(c.nextEvaluationDue) })}{' '}
          <a href={href({ name: 'course', id: c.id, step: 'followup' })}>{t('course.toFollowUp')}</a>
        </div>
      )}
    </>
  );
}

/** Once visitation is complete, offers to move the course from visitation to active support. */
function StartActive(p: { course: Course }) {
  const { t } = useI18n();
  const update = useUpdateCourse();
  const c = p.course;
  return (
    <div className="banner banner-info start-active">
      {t('course.visitationDone')}{' '}
      <button
        type="button"
        className="primary"
        disabled={update.isPending}
        onClick={() => update.mutate({ id: c.id, workerId: c.worker.id, startDate: c.startDate, status: 'active', endDate: '', overrideReason: '' })}
      >
        {t('course.startActive')}
      </button>
      <ErrorBanner error={update.error} />
    </div>
  );
}
