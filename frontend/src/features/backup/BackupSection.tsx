import { useId, useState } from 'react';
import { backupApi, type BackupList } from '../../api/backup';
import { toAppError } from '../../api/errors';
import { BusyButton } from '../../components/BusyButton';
import { codeText } from '../../components/errorText';
import { StatusLine, useStatusLine } from '../../components/focus';
import { ErrorBanner, Loading, TableScroll } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { useIsLead } from '../auth/session';
import { BackupProgressBar } from './BackupProgressBar';
import { EncryptedBackupDialog } from './EncryptedBackupDialog';
import { formatBytes } from './format';
import { useBackupNow, useBackupProgress, useBackups, useCancelRestore } from './queries';
import { RestoreDialog } from './RestoreDialog';
import './backup.css';

/** The backups on the settings page: the team lead's tools, a line for everyone else. */
export function BackupSection() {
  const { t } = useI18n();
  const isLead = useIsLead();
  if (!isLead) {
    return (
      <section className="card" aria-labelledby="backup-title">
        <h2 id="backup-title">{t('backup.title')}</h2>
        <p className="muted">{t('backup.leadOnly')}</p>
      </section>
    );
  }
  return <LeadBackups />;
}

function LeadBackups() {
  const { t, lang } = useI18n();
  const q = useBackups();
  const now = useBackupNow();
  const nowProgress = useBackupProgress(now.isPending);
  const [dialog, setDialog] = useState<'encrypted' | 'restore' | null>(null);
  // Where the finished backup is told: a line mounted once, which takes the focus.
  const status = useStatusLine();
  const list = q.data;
  return (
    <section className="card" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backup.title')}</h2>
      {q.isPending && <Loading />}
      <ErrorBanner error={q.error ? toAppError(q.error) : null} />
      {list && (
        <>
          <RestoreBanners list={list} />
          <p>{t('backup.intro', { daily: list.keepDaily, weekly: list.keepWeekly })}</p>
          <p className="muted">{t('backup.sameComputer')}</p>
          <div className="backup-actions">
            <BusyButton
              type="button"
              busy={now.isPending}
              onClick={() => {
                status.clear();
                now.mutate(undefined, { onSuccess: (b) => status.say(t('backup.backupNowDone', { name: b.name })) });
              }}
            >
              {t('backup.backupNow')}
            </BusyButton>
            <button type="button" onClick={() => setDialog('encrypted')}>
              {t('backup.saveEncrypted')}
            </button>
            <button type="button" className="danger" onClick={() => setDialog('restore')}>
              {t('backup.restore')}
            </button>
          </div>
          {now.isPending && <BackupProgressBar progress={nowProgress} />}
          <StatusLine status={status} className="backup-now-done" />
          <ErrorBanner error={now.error} />
          <h3>{t('backup.automaticTitle')}</h3>
          {list.due && <p className="banner banner-warn">{t('backup.due')}</p>}
          {list.entries.length === 0 ? (
            <p className="empty">{t('backup.none')}</p>
          ) : (
            <TableScroll label={t('backup.listTable')}><table className="table backup-table">
              <thead>
                <tr>
                  <th>{t('backup.colTaken')}</th>
                  <th>{t('backup.colName')}</th>
                  <th className="num">{t('backup.colSize')}</th>
                </tr>
              </thead>
              <tbody>
                {list.entries.map((e) => (
                  <tr key={e.name} data-testid="backup-entry">
                    <td className="nowrap">{e.taken}</td>
                    <td className="mono">{e.name}</td>
                    <td className="num">{formatBytes(e.size, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table></TableScroll>
          )}
          <dl className="facts">
            <dt>{t('backup.folder')}</dt>
            <dd>
              <code className="backup-path">{list.folder}</code>
            </dd>
          </dl>
        </>
      )}
      {dialog === 'encrypted' && list && <EncryptedBackupDialog minPassphrase={list.minPassphrase} onClose={() => setDialog(null)} />}
      {dialog === 'restore' && <RestoreDialog onClose={() => setDialog(null)} />}
    </section>
  );
}

/** A restore waiting for the restart, one just applied, or one that failed at start. */
function RestoreBanners(p: { list: BackupList }) {
  const { t, lang } = useI18n();
  const cancel = useCancelRestore();
  const titleId = useId();
  // Where the cancelled restore is told: mounted once; it takes the focus from the banner's
  // button, which goes with the banner.
  const status = useStatusLine();
  const { pending, restored, restoreFailed } = p.list;
  return (
    <>
      {restoreFailed && (
        <p className="banner banner-error" role="alert">
          {t('backup.restoreFailed', { reason: codeText(lang, restoreFailed) })}
        </p>
      )}
      {restored && <p className="banner banner-info">{t('backup.restored', { created: restored.backupCreated, previous: restored.previous })}</p>}
      {pending && (
        <section className="banner banner-warn" aria-labelledby={titleId} data-testid="restore-pending">
          <h3 id={titleId}>{t('backup.pendingTitle')}</h3>
          <p>{t('backup.pending', { created: pending.backupCreated })}</p>
          <div className="backup-actions">
            <button type="button" className="primary" onClick={() => backupApi.quit()}>
              {t('backup.quitNow')}
            </button>
            <BusyButton
              busy={cancel.isPending}
              onClick={() => {
                status.clear();
                cancel.mutate(undefined, { onSuccess: () => status.say(t('backup.cancelRestoreDone')) });
              }}
            >
              {t('backup.cancelRestore')}
            </BusyButton>
          </div>
          <ErrorBanner error={cancel.error} />
        </section>
      )}
      <StatusLine status={status} testId="restore-cancelled" />
    </>
  );
}
