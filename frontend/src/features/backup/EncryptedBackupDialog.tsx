import { useRef, useState } from 'react';
import { BusyButton } from '../../components/BusyButton';
import { useFocusFirstInvalid } from '../../components/focus';
import { fieldText } from '../../components/errorText';
import { TextField } from '../../components/form';
import { ErrorBanner } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { BackupProgressBar } from './BackupProgressBar';
import { formatBytes } from './format';
import { Modal } from '../../components/Modal';
import { useBackupProgress, useSaveEncrypted } from './queries';

/** The passphrase, typed twice, then the save dialog and the encrypted backup with its progress. */
export function EncryptedBackupDialog(p: { minPassphrase: number; onClose: () => void }) {
  const { t, lang } = useI18n();
  const [pass, setPass] = useState('');
  const [repeat, setRepeat] = useState('');
  const save = useSaveEncrypted();
  const progress = useBackupProgress(save.isPending);
  const mismatch = repeat !== '' && repeat !== pass;
  const done = save.data;
  const doneRef = useRef<HTMLParagraphElement>(null);
  // A passphrase the backend refuses (too weak) takes the focus, with its reason.
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, save.error);
  return (
    <Modal title={t('backup.encryptedTitle')} onClose={p.onClose} busy={save.isPending} focusKey={done && !done.cancelled ? 'done' : 'form'} initial={doneRef}>
      {done && !done.cancelled ? (
        <>
          <p ref={doneRef} tabIndex={-1} className="banner banner-info" data-status-line>
            {t('backup.saved', { path: done.path, size: formatBytes(done.bytes, lang), citizens: done.citizens })}
          </p>
          <div className="form-actions">
            <button type="button" className="primary" onClick={p.onClose}>
              {t('common.close')}
            </button>
          </div>
        </>
      ) : (
        <form
          ref={formRef}
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!mismatch && pass === repeat) save.mutate(pass);
          }}
        >
          <p>{t('backup.encryptedIntro')}</p>
          {done?.cancelled && <p className="muted">{t('backup.cancelled')}</p>}
          <ErrorBanner error={save.error && !save.error.fields.length ? save.error : null} />
          <div className="row">
            <TextField
              label={t('backup.passphrase')}
              type="password"
              required
              value={pass}
              onChange={setPass}
              help={t('backup.passphraseHelp', { min: p.minPassphrase })}
              error={fieldText(lang, save.error?.field('passphrase'))}
            />
            <TextField
              label={t('backup.repeatPassphrase')}
              type="password"
              required
              value={repeat}
              onChange={setRepeat}
              error={mismatch ? t('backup.passphrasesDiffer') : undefined}
            />
          </div>
          <p className="banner banner-warn">{t('backup.passphraseWarning')}</p>
          {save.isPending && <BackupProgressBar progress={progress} />}
          <div className="form-actions">
            <BusyButton type="submit" className="primary" busy={save.isPending} disabled={pass === '' || pass !== repeat}>
              {t('backup.chooseAndSave')}
            </BusyButton>
            <button type="button" onClick={p.onClose} disabled={save.isPending}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
