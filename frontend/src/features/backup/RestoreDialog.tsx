import { useRef, useState, type RefObject } from 'react';
import { backupApi, type RestoreInfo } from '../../api/backup';
import { BusyButton } from '../../components/BusyButton';
import { codeText } from '../../components/errorText';
import { useFocusFirstInvalid } from '../../components/focus';
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
 * the team lead understands; then the check with its progress, and the way to restart. The
 * checked backup is a stage of the same dialog (not a new one), so the focus moves to the
 * line that says what was checked and a screen reader reads it there.
 */
export function RestoreDialog(p: { onClose: () => void }) {
  const { t, lang } = useI18n();
  const choose = useChooseRestoreFile();
  const restore = useRestoreFromFile();
  const progress = useBackupProgress(restore.isPending);
  const [pass, setPass] = useState('');
  const [understood, setUnderstood] = useState(false);
  const file = choose.data && !choose.data.cancelled ? choose.data : null;
  const formRef = useRef<HTMLFormElement>(null);
  const stagedRef = useRef<HTMLParagraphElement>(null);
  const cancel = useCancelRestore();
  // A wrong passphrase: the focus goes to the passphrase field, which says so.
  useFocusFirstInvalid(formRef, restore.error);
  if (restore.data) {
    return (
      <Modal title={t('backup.stagedTitle')} onClose={p.onClose} busy={cancel.isPending} focusKey="staged" initial={stagedRef}>
        <Staged info={restore.data} lineRef={stagedRef} cancel={cancel} onClose={p.onClose} />
      </Modal>
    );
  }

  const err = restore.error;
  const passErr = err && (passphraseCodes.includes(err.code) || err.field('passphrase')) ? err : null;
  return (
    <Modal title={t('backup.restoreTitle')} onClose={p.onClose} busy={restore.isPending} focusKey="form">
      <form
        ref={formRef}
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
          <BusyButton type="submit" className="danger" busy={restore.isPending} disabled={!file || !pass || !understood}>
            {t('backup.startRestore')}
          </BusyButton>
          <button type="button" onClick={p.onClose} disabled={restore.isPending}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/**
 * The verified backup waits for the restart: close ICM now, or take the restore back. Its
 * first line takes the focus and is read there (no live region as well: one announcement).
 */
function Staged(p: { info: RestoreInfo; lineRef: RefObject<HTMLParagraphElement | null>; cancel: ReturnType<typeof useCancelRestore>; onClose: () => void }) {
  const { t } = useI18n();
  const cancel = p.cancel;
  return (
    <>
      <p ref={p.lineRef} tabIndex={-1} className="banner banner-info" data-status-line>
        {t('backup.stagedText', { created: p.info.backupCreated, citizens: p.info.citizens, workers: p.info.workers })}
      </p>
      <p>{t('backup.stagedNext')}</p>
      <ErrorBanner error={cancel.error} />
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => backupApi.quit()}>
          {t('backup.quitNow')}
        </button>
        <BusyButton type="button" busy={cancel.isPending} onClick={() => cancel.mutate(undefined, { onSuccess: p.onClose })}>
          {t('backup.cancelRestore')}
        </BusyButton>
      </div>
    </>
  );
}
