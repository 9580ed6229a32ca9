import { auditApi } from '../../api/audit';
import { ExportButton } from '../export/ExportButton';
import { useI18n } from '../../i18n/i18n';

/** Every entry about the citizen chosen in the filter, as a PDF (e.g. for an access request). */
export function AuditExport(p: { citizenId: number }) {
  const { t } = useI18n();
  return (
    <div className="audit-export">
      {p.citizenId ? (
        <ExportButton label={t('audit.exportCitizen')} run={() => auditApi.saveCitizenPdf(p.citizenId)} />
      ) : (
        <p className="muted small">{t('audit.exportHelp')}</p>
      )}
    </div>
  );
}
