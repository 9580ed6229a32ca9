// Bindings of the backups (team lead only): the automatic backups beside the database, an
// encrypted backup file saved where the team lead chooses, and restore from such a file,
// which is verified and then applied when ICM starts again. Like client.ts, every call
// rejects with an AppError; the progress of long work arrives as "backup:progress" events.
import * as BackupService from '../../wailsjs/go/service/BackupService';
import { EventsOn, Quit } from '../../wailsjs/runtime/runtime';
import type { service } from '../../wailsjs/go/models';
import { call } from './call';

export type BackupList = service.BackupListDTO;
export type BackupEntry = service.BackupEntryDTO;
export type RestoreInfo = service.RestoreInfoDTO;
export type RestoreFile = service.RestoreFileDTO;
export type SaveBackupResult = service.SaveBackupResultDTO;

/** One step of a long backup or restore (service.BackupProgressDTO). */
export interface BackupProgress {
  operation: 'backup' | 'restore';
  /** snapshot, encrypt, verify or decrypt */
  phase: string;
  done: number;
  /** 0 or less: not counted */
  total: number;
}

const hasRuntime = () => !!(window as unknown as { runtime?: unknown }).runtime;

export const backupApi = {
  list: () => call(() => BackupService.ListBackups()),
  backupNow: () => call(() => BackupService.BackupNow()),
  /** Opens the save dialog, then writes the encrypted file; cancelled when the dialog was closed. */
  saveEncrypted: (passphrase: string) => call(() => BackupService.SaveEncryptedBackup({ passphrase })),
  /** Opens the file dialog; the backend keeps the choice for restoreFromFile. */
  chooseRestoreFile: () => call(() => BackupService.ChooseRestoreFile()),
  restoreFromFile: (passphrase: string) => call(() => BackupService.RestoreFromFile({ passphrase })),
  cancelRestore: () => call(() => BackupService.CancelRestore()),
  /** Subscribes to the progress events; returns the unsubscribe function. */
  onProgress: (fn: (p: BackupProgress) => void): (() => void) => {
    if (!hasRuntime()) return () => undefined;
    return EventsOn('backup:progress', (p: BackupProgress) => fn(p));
  },
  /** Closes ICM (through the usual save-before-close), so that a staged restore is applied at the next start. */
  quit: () => {
    if (hasRuntime()) Quit();
  },
};
