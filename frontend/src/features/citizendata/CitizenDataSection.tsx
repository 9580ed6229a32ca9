import { useState } from 'react';
import type { Citizen } from '../../api/client';
import { ErrorBanner } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { useIsLead } from '../auth/session';
import { ReplacedNote } from '../export/ReplacedNote';
import { DeleteDialog } from './DeleteDialog';
import { HandoverDialog } from './HandoverDialog';
import { useExportAccess } from './queries';
import './citizendata.css';
import { BusyButton } from '../../components/BusyButton';

/**
 * The citizen's data as a whole, on the citizen page: the access request (PDF + JSON), the
 * handover to a colleague's installation, and, for team leads, the deletion at the end of
 * retention. Not shown for a colleague's citizen, whose data this worker may only read.
 */
export function CitizenDataSection(p: { citizen: Citizen }) {
  const { t } = useI18n();
  const isLead = useIsLead();
  const access = useExportAccess();
  const [dialog, setDialog] = useState<'handover' | 'delete' | null>(null);
  if (p.citizen.readOnly) return null;
  const saved = access.data;
  return (
    <section className="card" aria-labelledby="citizen-data-title">
      <h2 id="citizen-data-title">{t('citizenData.title')}</h2>
      <p className="muted">{t('citizenData.intro')}</p>
      <div className="cd-actions">
        <BusyButton type="button" busy={access.isPending} onClick={() => access.mutate(p.citizen.id)}>
          {access.isPending ? t('citizenData.accessWorking') : t('citizenData.access')}
        </BusyButton>
        <button type="button" onClick={() => setDialog('handover')}>
          {t('citizenData.handover')}
        </button>
        {isLead && (
          <button type="button" className="danger" onClick={() => setDialog('delete')}>
            {t('citizenData.del')}
          </button>
        )}
      </div>
      <p className="small muted">{t('citizenData.accessHelp')}</p>
      <div aria-live="polite">
        {saved &&
          (saved.cancelled ? (
            <p className="muted">{t('citizenData.cancelled')}</p>
          ) : (
            <p className="banner banner-info cd-path">
              {t('citizenData.accessSaved', { pdf: saved.pdfPath, json: saved.jsonPath })}
              <ReplacedNote chars={saved.replacedChars} />
            </p>
          ))}
      </div>
      <ErrorBanner error={access.error} />
      {dialog === 'handover' && <HandoverDialog citizen={p.citizen} onClose={() => setDialog(null)} />}
      {dialog === 'delete' && <DeleteDialog citizen={p.citizen} onClose={() => setDialog(null)} />}
    </section>
  );
}
