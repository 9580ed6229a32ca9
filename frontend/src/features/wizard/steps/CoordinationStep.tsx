import { toAppError } from '../../../api/errors';
import { useVocabulary } from '../../../api/queries';
import { useCoordination } from '../../../api/stepQueries';
import { ErrorBanner, Loading } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { MeetingsSection } from '../coordination/MeetingsSection';
import { NetworkSection } from '../coordination/NetworkSection';
import { StepMissing } from '../coordination/shared';

/**
 * Step 4: coordination. The ICM worker keeps the citizen's network together (who does what,
 * and when there was last contact) and records the coordination meetings with their agreed
 * actions. A closed course is shown read-only.
 */
export function CoordinationStep(p: { courseId: number; readOnly: boolean }) {
  const { t } = useI18n();
  const q = useCoordination(p.courseId);
  const vocab = useVocabulary();
  if (q.isPending || vocab.isPending) return <Loading />;
  if (q.error || vocab.error) return <ErrorBanner error={toAppError(q.error ?? vocab.error)} />;
  return (
    <div className="ca-step coord-step">
      <p className="muted ca-intro">{t('coordination.intro')}</p>
      <StepMissing missing={q.data.completeness.missing} />
      <NetworkSection courseId={p.courseId} contacts={q.data.contacts} kinds={vocab.data.contactKinds} readOnly={p.readOnly} />
      <MeetingsSection courseId={p.courseId} meetings={q.data.meetings} readOnly={p.readOnly} />
    </div>
  );
}
