import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { ImportDialog } from './ImportDialog';
import './citizendata.css';

/** "Importér overdragelse …" on the citizen list: opens the import of a handover file. */
export function ImportButton() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('citizenData.importButton')}
      </button>
      {open && <ImportDialog onClose={() => setOpen(false)} />}
    </>
  );
}
