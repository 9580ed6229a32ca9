// Bindings of the conflicts between laptops (the same field changed on two laptops while
// offline) and of the team lead's caseload warnings. Like client.ts, every call rejects with
// an AppError; the query hooks keep the server state in one place.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as ConflictService from '../../wailsjs/go/service/ConflictService';
import type { service } from '../../wailsjs/go/models';
import { call } from './call';

export type Conflict = service.ConflictDTO;
export type ConflictValue = service.ConflictValueDTO;
export type CaseloadWarning = service.CaseloadWarningDTO;
export type ConflictChoice = 'current' | 'kept' | 'merged';

export const conflictsApi = {
  list: (f: { courseId?: number; citizenId?: number }) =>
    call(() => ConflictService.List({ courseId: f.courseId ?? 0, citizenId: f.citizenId ?? 0 })),
  count: () => call(() => ConflictService.Count()),
  resolve: (id: number, choice: ConflictChoice, text: string) => call(() => ConflictService.Resolve({ id, choice, text })),
  caseloadWarnings: () => call(() => ConflictService.CaseloadWarnings()),
};

export const conflictKeys = {
  all: ['conflicts'] as const,
  list: (courseId: number, citizenId: number) => ['conflicts', 'list', courseId, citizenId] as const,
  count: ['conflicts', 'count'] as const,
  caseload: ['caseloadWarnings'] as const,
};

/** The conflicts of one course (with its citizen's), one citizen, or all (both 0). */
export const useConflicts = (courseId = 0, citizenId = 0) =>
  useQuery({ queryKey: conflictKeys.list(courseId, citizenId), queryFn: () => conflictsApi.list({ courseId, citizenId }) });

/** The caseload ceiling broken by assignments made on different laptops (team lead only). */
export const useCaseloadWarnings = (enabled = true) =>
  useQuery({ queryKey: conflictKeys.caseload, queryFn: conflictsApi.caseloadWarnings, enabled, staleTime: 0 });

/** Decides a conflict; every screen that shows the field or a conflict reads again. */
export function useResolveConflict() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; choice: ConflictChoice; text: string }) => conflictsApi.resolve(v.id, v.choice, v.text),
    onSuccess: () => qc.invalidateQueries(),
  });
}
