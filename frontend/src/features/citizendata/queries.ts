// Server state of a citizen's data as a whole. The deletion preview is a read (and is
// logged as one); the exports, the import and the deletion are mutations that refresh what
// they change.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  citizenDataApi,
  type AccessExport,
  type DeletionResult,
  type HandoverExport,
  type HandoverFile,
  type ImportCourseChoice,
  type ImportPreview,
  type ImportResult,
} from '../../api/citizenData';
import type { AppError } from '../../api/errors';
import { keys } from '../../api/queries';

export const useDeletionPreview = (citizenId: number) =>
  useQuery({ queryKey: ['deletionPreview', citizenId], queryFn: () => citizenDataApi.deletionPreview(citizenId), gcTime: 0 });

export const useExportAccess = () => useMutation<AccessExport, AppError, number>({ mutationFn: (id) => citizenDataApi.exportAccess(id) });

export const useExportHandover = () =>
  useMutation<HandoverExport, AppError, { citizenId: number; courseId: number; passphrase: string }>({
    mutationFn: (v) => citizenDataApi.exportHandover(v.citizenId, v.courseId, v.passphrase),
  });

export const useChooseHandoverFile = () => useMutation<HandoverFile, AppError, void>({ mutationFn: () => citizenDataApi.chooseHandoverFile() });

export const usePreviewImport = () =>
  useMutation<ImportPreview, AppError, { path: string; passphrase: string }>({
    mutationFn: (v) => citizenDataApi.previewImport(v.path, v.passphrase),
  });

/** Lists, caseloads and the citizen change when courses come in or a citizen goes. */
function useRefreshAll() {
  const qc = useQueryClient();
  return (citizenId: number) => {
    void qc.invalidateQueries({ queryKey: keys.citizensAll });
    void qc.invalidateQueries({ queryKey: keys.workers });
    void qc.invalidateQueries({ queryKey: keys.overview });
    void qc.invalidateQueries({ queryKey: keys.citizen(citizenId) });
  };
}

export function useConfirmImport() {
  const refresh = useRefreshAll();
  return useMutation<ImportResult, AppError, { token: string; courses: ImportCourseChoice[] }>({
    mutationFn: (v) => citizenDataApi.confirmImport(v.token, v.courses),
    onSuccess: (r) => refresh(r.citizenId),
  });
}

export function useDeleteCitizen() {
  const refresh = useRefreshAll();
  const qc = useQueryClient();
  return useMutation<DeletionResult, AppError, { citizenId: number; confirmName: string }>({
    mutationFn: (v) => citizenDataApi.deleteCitizen(v.citizenId, v.confirmName),
    onSuccess: (_, v) => {
      qc.removeQueries({ queryKey: keys.citizen(v.citizenId) });
      refresh(v.citizenId);
    },
  });
}
