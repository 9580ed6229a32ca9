import { useId, useState } from 'react';
import { exportApi } from '../../api/export';
import { useI18n } from '../../i18n/i18n';
import { ExportButton } from './ExportButton';

/** The whole course as a PDF, with the journal notes if asked for. */
export function SummaryExport(p: { courseId: number }) {
  const { t } = useI18n();
  const [withNotes, setWithNotes] = useState(false);
  const id = useId();
  return (
    <span className="summary-export">
      <ExportButton label={t('export.saveSummary')} run={() => exportApi.saveSummary(p.courseId, withNotes)} />
      <label htmlFor={id} className="choice small">
        <input id={id} type="checkbox" checked={withNotes} onChange={(e) => setWithNotes(e.target.checked)} /> {t('export.withNotes')}
      </label>
    </span>
  );
}
