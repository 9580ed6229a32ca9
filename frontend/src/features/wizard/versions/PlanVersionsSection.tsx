import { useState, type ReactNode } from 'react';
import { toAppError } from '../../../api/errors';
import { useCourse } from '../../../api/queries';
import { usePlanCompare, usePlanVersions } from '../../../api/versionQueries';
import { ErrorBanner, Loading } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { StepSection } from '../coordination/shared';
import { StatusLine, useFocusReturn, useStatusLine } from '../../../components/focus';
import { CompareVersions, type CompareSides } from './CompareVersions';
import { nextVersionNo } from './format';
import { SignPlanForm } from './SignPlanForm';
import { VersionActions, type VersionTarget } from './VersionActions';
import { DraftRow, VersionRow } from './VersionRow';
import './versions.css';

/**
 * The plan's signed versions (planversioner) at the bottom of the planning step: the
 * current draft first, then every signed version newest first, each to view read-only or
 * to compare; and the sign-off form that makes the next version. A closed course shows
 * its versions but cannot be signed. `renderActions` fills each row's actions spot
 * (default: VersionActions, where the PDF export adds its buttons).
 */
export function PlanVersionsSection(p: { courseId: number; readOnly: boolean; hasGoals: boolean; renderActions?: (target: VersionTarget) => ReactNode }) {
  const { t } = useI18n();
  const list = usePlanVersions(p.courseId);
  const course = useCourse(p.courseId);
  const versions = list.data ?? [];
  const latest = usePlanCompare(p.courseId, 0, 0, versions.length > 0);
  const [signing, setSigning] = useState(false);
  // Says "version N is signed" after a signing and takes the focus (mounted once, WCAG 4.1.3).
  const signed = useStatusLine();
  const [open, setOpen] = useState<number | null>(null); // a version's id, 0 for the draft
  const [compare, setCompare] = useState<CompareSides | null>(null);
  const focusReturn = useFocusReturn();
  const actions = p.renderActions ?? ((target: VersionTarget) => <VersionActions target={target} />);
  const toggle = (id: number) => setOpen((o) => (o === id ? null : id));
  const next = nextVersionNo(versions);

  const signButton =
    !p.readOnly && !signing && p.hasGoals && course.data ? (
      <button type="button" className="primary" data-focus-key="sign-plan" onClick={() => {
          setSigning(true);
          signed.clear();
        }}>
        {t('versions.signOpen')}
      </button>
    ) : undefined;

  let body: ReactNode;
  if (list.isPending) body = <Loading />;
  else if (list.error) body = <ErrorBanner error={toAppError(list.error)} />;
  else
    body = (
      <>
        <ul className="pv-list ca-cards" aria-label={t('versions.title')}>
          <DraftRow
            courseId={p.courseId}
            latest={versions.length > 0 ? latest.data : undefined}
            open={open === 0}
            onToggle={() => toggle(0)}
            onCompare={versions.length > 0 ? () => setCompare({ fromId: versions[0].id, toId: 0 }) : undefined}
            actions={actions({ courseId: p.courseId, versionId: 0, versionNo: 0 })}
          />
          {versions.map((v) => (
            <VersionRow
              key={v.id}
              version={v}
              open={open === v.id}
              onToggle={() => toggle(v.id)}
              onCompare={() => setCompare({ fromId: v.id, toId: 0 })}
              actions={actions({ courseId: p.courseId, versionId: v.id, versionNo: v.versionNo })}
            />
          ))}
        </ul>
        {versions.length === 0 && <p className="muted small pv-none">{t('versions.none')}</p>}
        {compare && <CompareVersions courseId={p.courseId} versions={versions} sides={compare} onChange={setCompare} onClose={() => setCompare(null)} />}
      </>
    );

  return (
    <StepSection id="plan-versions-title" title={t('versions.title')} count={versions.length ? t('versions.count', { n: versions.length }) : undefined} intro={t('versions.intro')} action={signButton}>
      {!p.readOnly && !p.hasGoals && <p className="banner banner-info">{t('versions.needsGoal')}</p>}
      <StatusLine status={signed} className="pv-signed" testId="plan-signed" />
      {signing && (
        <SignPlanForm
          courseId={p.courseId}
          nextNo={next}
          citizenName={course.data?.citizenName ?? ''}
          workerName={course.data?.worker.name ?? ''}
          onDone={(v) => {
            setSigning(false);
            if (v) signed.say(t('versions.signedNotice', { n: v.summary.versionNo }));
            else focusReturn('sign-plan');
          }}
        />
      )}
      {body}
    </StepSection>
  );
}
