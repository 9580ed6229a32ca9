import type { ReactNode } from 'react';
import { exportApi } from '../../../api/export';
import { ExportButton } from '../../export/ExportButton';
import { useI18n } from '../../../i18n/i18n';

/** Which plan a row is about: a signed version, or the current draft (versionId 0). */
export interface VersionTarget {
  courseId: number;
  versionId: number;
  versionNo: number;
}

/** Save the plan version (or the draft) as a PDF, or open it for printing. */
export function VersionActions(p: { target: VersionTarget }): ReactNode {
  const { t } = useI18n();
  const { courseId, versionId } = p.target;
  return (
    <>
      <ExportButton label={t('export.savePlan')} run={() => exportApi.savePlan(courseId, versionId)} />
      <ExportButton label={t('export.printPlan')} saved={false} run={() => exportApi.printPlan(courseId, versionId)} />
    </>
  );
}
