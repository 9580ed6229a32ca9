import { toAppError } from '../../../api/errors';
import { useVocabulary } from '../../../api/queries';
import { useFollowUp } from '../../../api/stepQueries';
import { ErrorBanner, Loading } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { ClosingSection } from '../followup/ClosingSection';
import { ContactSection } from '../followup/ContactSection';
import { EvaluationSection } from '../followup/EvaluationSection';
import { WeeklySection } from '../followup/WeeklySection';
import { ReviewSection } from '../followup/ReviewSection';
import { Who5Section } from '../followup/Who5Section';
import '../followup/followup.css';
import { MissingLine } from './MissingLine';

/**
 * Step 6: follow-up. The three-monthly evaluation of goals and sub-goals, the WHO-5
 * well-being index with its trend, the weekly check of substance use and mental state,
 * and – as a deliberate, confirmed act – closing the course. A closed course is shown
 * in full, without forms.
 */
export function FollowUpStep(p: { courseId: number; citizenId: number; readOnly: boolean }) {
  const { t } = useI18n();
  const q = useFollowUp(p.courseId);
  const vocab = useVocabulary();
  if (q.isPending || vocab.isPending) return <Loading />;
  if (q.error || vocab.error) return <ErrorBanner error={toAppError(q.error ?? vocab.error)} />;
  const d = q.data;
  const gap = d.contactGap;
  // a course with a closing is read-only even before the course itself has been reloaded
  const ro = p.readOnly || !!d.closing;
  return (
    <div className="fu" data-testid="followup-step">
      {ro && (
        <div className="banner banner-info" data-testid="followup-readonly">
          {t('followup.readOnly')}
        </div>
      )}
      {!ro && gap?.over && (
        <div className="banner banner-error fu-gap" role="alert" data-testid="followup-contact-gap">
          {gap.noneYet ? t('followup.contactGapNone', { days: gap.days, limit: gap.limitDays }) : t('followup.contactGap', { days: gap.days, limit: gap.limitDays })}
        </div>
      )}
      {!ro && <MissingLine missing={d.completeness?.missing ?? []} />}
      <ContactSection courseId={p.courseId} data={d} readOnly={ro} />
      <EvaluationSection courseId={p.courseId} data={d} readOnly={ro} statuses={vocab.data.subGoalStatuses} />
      <Who5Section courseId={p.courseId} data={d} readOnly={ro} />
      <WeeklySection courseId={p.courseId} data={d} readOnly={ro} />
      <ReviewSection courseId={p.courseId} data={d} readOnly={ro} />
      <ClosingSection courseId={p.courseId} citizenId={p.citizenId} data={d} readOnly={ro} vocab={vocab.data} />
    </div>
  );
}
