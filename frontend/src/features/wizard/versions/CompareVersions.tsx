import { useEffect, useId } from 'react';
import { toAppError } from '../../../api/errors';
import type { PlanVersionSummary } from '../../../api/versions';
import { usePlanCompare } from '../../../api/versionQueries';
import { SelectField } from '../../../components/form';
import { ErrorBanner, Loading } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { isoToDanish } from '../../../lib/dates';
import { PlanDiffView } from './PlanDiffView';

/** The two sides of a comparison; toId 0 is the current draft. */
export interface CompareSides {
  fromId: number;
  toId: number;
}

/**
 * Compares two versions of the plan, or a version with the current draft, and shows what
 * changed. The sides can be changed here; the heading gets the focus when it opens.
 */
export function CompareVersions(p: { courseId: number; versions: PlanVersionSummary[]; sides: CompareSides; onChange: (s: CompareSides) => void; onClose: () => void }) {
  const { t } = useI18n();
  const headingId = useId();
  const q = usePlanCompare(p.courseId, p.sides.fromId, p.sides.toId);
  const name = (v: PlanVersionSummary) => `${t('versions.version', { n: v.versionNo })} (${isoToDanish(v.citizenDate)})`;
  const options = p.versions.map((v) => ({ value: String(v.id), label: name(v) }));
  const loaded = !!q.data;
  useEffect(() => {
    if (loaded) document.getElementById(headingId)?.focus();
  }, [loaded, headingId]);
  return (
    <div className="pv-compare ca-inline-form" role="region" aria-label={t('versions.compareVersions')}>
      <div className="row pv-compare-sides">
        <SelectField label={t('versions.diff.fromLabel')} allowEmpty={false} value={String(p.sides.fromId)} options={options} onChange={(v) => p.onChange({ ...p.sides, fromId: Number(v) })} />
        <SelectField
          label={t('versions.diff.toLabel')}
          allowEmpty={false}
          value={String(p.sides.toId)}
          options={[{ value: '0', label: t('versions.draft') }, ...options]}
          onChange={(v) => p.onChange({ ...p.sides, toId: Number(v) })}
        />
      </div>
      {q.isPending ? <Loading /> : q.error ? <ErrorBanner error={toAppError(q.error)} /> : <PlanDiffView diff={q.data} headingId={headingId} />}
      <div className="ca-form-actions">
        <button type="button" onClick={p.onClose}>
          {t('versions.diff.close')}
        </button>
      </div>
    </div>
  );
}
