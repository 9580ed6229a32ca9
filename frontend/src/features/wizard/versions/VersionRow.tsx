import { useId, type ReactNode } from 'react';
import { toAppError } from '../../../api/errors';
import type { PlanDiff, PlanVersionSummary } from '../../../api/versions';
import { usePlanDraft, usePlanVersion } from '../../../api/versionQueries';
import { ErrorBanner, Loading } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { formatDateTime, isoToDanish } from '../../../lib/dates';
import { PlanDocView } from './PlanDocView';

/**
 * One signed version in the list: its number, who signed it, when and how, the team lead's
 * approval and the citizen's comments. `actions` is the spot for more buttons (the PDF
 * export's); `open` shows the version read-only below the row.
 */
export function VersionRow(p: { version: PlanVersionSummary; open: boolean; onToggle: () => void; onCompare: () => void; actions?: ReactNode }) {
  const { t, tx } = useI18n();
  const id = useId();
  const v = p.version;
  return (
    <li className="pv-row ca-card" aria-labelledby={id} data-testid={`plan-version-${v.versionNo}`}>
      <div className="pv-row-head">
        <div className="pv-row-main">
          <h4 id={id}>{t('versions.version', { n: v.versionNo })}</h4>
          <div className="pv-meta">
            <span>{t('versions.signedOn', { date: isoToDanish(v.citizenDate) })}</span>
            <span className="muted">{t('versions.recordedAt', { at: formatDateTime(v.signedAt) })}</span>
          </div>
          <div>
            {t('versions.citizenSigned', { name: v.citizenName, date: isoToDanish(v.citizenDate) })} ·{' '}
            {t('versions.workerSigned', { name: v.workerName, date: isoToDanish(v.workerDate) })}
          </div>
          <div className="small">{tx(`versions.method.${v.method}`)}</div>
          <div className="small">{v.leadId ? t('versions.leadApproved', { name: v.leadName, date: isoToDanish(v.leadDate) }) : t('versions.noLead')}</div>
          {v.citizenComment && (
            <div className="pv-comment">
              <strong>{t('versions.citizenComment')}:</strong> <span className="pv-pre">{v.citizenComment}</span>
            </div>
          )}
        </div>
        <div className="pv-row-actions">
          <button type="button" aria-expanded={p.open} onClick={p.onToggle}>
            {p.open ? t('versions.hide') : t('versions.view')}
          </button>
          <button type="button" onClick={p.onCompare}>
            {t('versions.compareWithDraft')}
          </button>
          {p.actions}
        </div>
      </div>
      {p.open && <SignedDoc id={v.id} versionNo={v.versionNo} />}
    </li>
  );
}

function SignedDoc(p: { id: number; versionNo: number }) {
  const { t } = useI18n();
  const q = usePlanVersion(p.id);
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorBanner error={toAppError(q.error)} />;
  return <PlanDocView doc={q.data.plan} title={t('versions.doc.versionTitle', { n: p.versionNo })} />;
}

/**
 * The current plan, not yet signed, first in the list: how much it changed since the
 * latest signed version, a view of it as signing would store it and the same actions spot.
 */
export function DraftRow(p: { courseId: number; latest?: PlanDiff; open: boolean; onToggle: () => void; onCompare?: () => void; actions?: ReactNode }) {
  const { t } = useI18n();
  const id = useId();
  const n = p.latest?.changes.length ?? 0;
  const v = p.latest?.from.versionNo ?? 0;
  return (
    <li className="pv-row pv-draft ca-card" aria-labelledby={id} data-testid="plan-version-draft">
      <div className="pv-row-head">
        <div className="pv-row-main">
          <h4 id={id}>{t('versions.draft')}</h4>
          <div className="pv-meta muted">{t('versions.draftNote')}</div>
          {p.latest && (
            <div className="small" data-testid="draft-changes">
              {n === 0 ? t('versions.draftNoChanges', { v }) : n === 1 ? t('versions.draftOneChange', { v }) : t('versions.draftChanges', { n, v })}
            </div>
          )}
        </div>
        <div className="pv-row-actions">
          <button type="button" aria-expanded={p.open} onClick={p.onToggle}>
            {p.open ? t('versions.hide') : t('versions.view')}
          </button>
          {p.onCompare && (
            <button type="button" onClick={p.onCompare}>
              {t('versions.compareVersions')}
            </button>
          )}
          {p.actions}
        </div>
      </div>
      {p.open && <DraftDoc courseId={p.courseId} />}
    </li>
  );
}

function DraftDoc(p: { courseId: number }) {
  const { t } = useI18n();
  const q = usePlanDraft(p.courseId);
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorBanner error={toAppError(q.error)} />;
  return <PlanDocView doc={q.data.plan} title={t('versions.doc.draftTitle')} />;
}
