import { toAppError } from '../../../api/errors';
import { useVocabulary } from '../../../api/queries';
import { useAdvocacy } from '../../../api/stepQueries';
import { ErrorBanner, Loading } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { CasesSection } from '../advocacy/CasesSection';
import { StepMissing } from '../coordination/shared';
import '../advocacy/advocacy.css';

/**
 * Step 5: advocacy (fortalerrolle). The ICM worker speaks up for the citizen's rights and
 * records each barrier between the citizen and the help: towards whom, what was done, the
 * rights argued and the outcome. A closed course is shown read-only.
 */
export function AdvocacyStep(p: { courseId: number; readOnly: boolean }) {
  const { t } = useI18n();
  const q = useAdvocacy(p.courseId);
  const vocab = useVocabulary();
  if (q.isPending || vocab.isPending) return <Loading />;
  if (q.error || vocab.error) return <ErrorBanner error={toAppError(q.error ?? vocab.error)} />;
  return (
    <div className="ca-step adv-step">
      <p className="muted ca-intro">{t('advocacy.intro')}</p>
      <StepMissing missing={q.data.completeness.missing} />
      <CasesSection courseId={p.courseId} cases={q.data.cases} statuses={vocab.data.advocacyStatuses} readOnly={p.readOnly} />
    </div>
  );
}
