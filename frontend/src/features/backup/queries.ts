// Server state of the backups section: the list (with any waiting or just applied restore),
// the actions that change it, and the progress of the one that is running.
import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { backupApi, type BackupEntry, type BackupList, type BackupProgress, type RestoreFile, type RestoreInfo, type SaveBackupResult } from '../../api/backup';
import type { AppError } from '../../api/errors';

export const backupKeys = { list: ['backups'] as const };

export const useBackups = (enabled = true) => useQuery({ queryKey: backupKeys.list, queryFn: backupApi.list, enabled });

function useRefreshing<T, V>(fn: (v: V) => Promise<T>) {
  const qc = useQueryClient();
  return useMutation<T, AppError, V>({
    mutationFn: fn,
    onSettled: () => void qc.invalidateQueries({ queryKey: backupKeys.list }),
  });
}

export const useBackupNow = () => useRefreshing<BackupEntry, void>(() => backupApi.backupNow());
export const useSaveEncrypted = () => useRefreshing<SaveBackupResult, string>((p) => backupApi.saveEncrypted(p));
export const useChooseRestoreFile = () => useMutation<RestoreFile, AppError, void>({ mutationFn: () => backupApi.chooseRestoreFile() });
export const useRestoreFromFile = () => useRefreshing<RestoreInfo, string>((p) => backupApi.restoreFromFile(p));

export function useCancelRestore() {
  const qc = useQueryClient();
  return useMutation<BackupList, AppError, void>({
    mutationFn: () => backupApi.cancelRestore(),
    onSuccess: (list) => qc.setQueryData(backupKeys.list, list),
  });
}

/** The latest progress step while `active`; null otherwise and before the first step. */
export function useBackupProgress(active: boolean): BackupProgress | null {
  const [p, setP] = useState<BackupProgress | null>(null);
  useEffect(() => {
    if (!active) {
      setP(null);
      return undefined;
    }
    return backupApi.onProgress(setP);
  }, [active]);
  return active ? p : null;
}
