import type { Course } from '../../api/client';
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
