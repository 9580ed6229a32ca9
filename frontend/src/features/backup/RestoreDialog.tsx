import { useState } from 'react';
import { backupApi, type RestoreInfo } from '../../api/backup';
import { codeText } from '../../components/errorText';
import { TextField } from '../../components/form';
import { ErrorBanner } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { BackupProgressBar } from './BackupProgressBar';
import { Modal } from '../../components/Modal';
import { useBackupProgress, useCancelRestore, useChooseRestoreFile, useRestoreFromFile } from './queries';

/** Errors that belong under the passphrase field rather than above the form. */
const passphraseCodes = ['wrong_passphrase', 'required'];

/**
 * Restore from an encrypted backup: what it does, the file, the passphrase and a tick that
 * the team lead understands; then the check with its progress, and the way to restart.
 */
export function RestoreDialog(p: { onClose: () => void }) {
  const { t, lang } = useI18n();
  const choose = useChooseRestoreFile();
  const restore = useRestoreFromFile();
  const progress = useBackupProgress(restore.isPending);
  const [pass, setPass] = useState('');
  const [understood, setUnderstood] = useState(false);
  const file = choose.data && !choose.data.cancelled ? choose.data : null;
  if (restore.data) return <Staged info={restore.data} onClose={p.onClose} />;

  const err = restore.error;
  const passErr = err && (passphraseCodes.includes(err.code) || err.field('passphrase')) ? err : null;
  return (
    <Modal title={t('backup.restoreTitle')} onClose={p.onClose} busy={restore.isPending}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (file && pass && understood) restore.mutate(pass);
        }}
      >
        <p className="banner banner-warn">{t('backup.restoreWarning')}</p>
        <p>{t('backup.restoreKept')}</p>
        <p>{t('backup.restoreHow')}</p>
        <div className="backup-choose">
          <button type="button" onClick={() => choose.mutate()} disabled={choose.isPending || restore.isPending}>
            {t('backup.chooseFile')}
          </button>
          {file && (
            <div className="backup-file" data-testid="restore-file">
              <div>{t('backup.chosenFile', { name: file.name })}</div>
              <div className="muted small">{t('backup.chosenCreated', { created: file.created })}</div>
            </div>
          )}
        </div>
        <ErrorBanner error={choose.error} />
        {file && (
          <>
            <TextField
              label={t('backup.restorePassphrase')}
              type="password"
              required
              value={pass}
              onChange={setPass}
              error={passErr ? codeText(lang, passErr.field('passphrase')?.code ?? passErr.code) : undefined}
            />
            <label className="backup-check">
              <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />{' '}
              {t('backup.understand', { created: file.created })}
            </label>
          </>
        )}
        <ErrorBanner error={err && !passErr ? err : null} />
        {restore.isPending && <BackupProgressBar progress={progress} />}
        <div className="form-actions">
          <button type="submit" className="danger" disabled={!file || !pass || !understood || restore.isPending}>
            {t('backup.startRestore')}
          </button>
          <button type="button" onClick={p.onClose} disabled={restore.isPending}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** The verified backup waits for the restart: close ICM now, or take the restore back. */
function Staged(p: { info: RestoreInfo; onClose: () => void }) {
  const { t } = useI18n();
  const cancel = useCancelRestore();
  return (
    <Modal title={t('backup.stagedTitle')} onClose={p.onClose}>
      <p role="status" className="banner banner-info">
        {t('backup.stagedText', { created: p.info.backupCreated, citizens: p.info.citizens, workers: p.info.workers })}
      </p>
      <p>{t('backup.stagedNext')}</p>
      <ErrorBanner error={cancel.error} />
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => backupApi.quit()}>
          {t('backup.quitNow')}
        </button>
        <button type="button" onClick={() => cancel.mutate(undefined, { onSuccess: p.onClose })} disabled={cancel.isPending}>
          {t('backup.cancelRestore')}
        </button>
      </div>
    </Modal>
  );
}
