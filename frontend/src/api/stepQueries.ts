// Server state of the wizard's steps. Each step's read has one key; a change returns the
// whole step, which replaces the cached one, and the course (step progress) is refreshed.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AppError } from './errors';
import { keys } from './queries';
import { stepsApi } from './steps';

export const stepKeys = {
  assessment: (id: number) => ['assessment', id] as const,
  plan: (id: number) => ['plan', id] as const,
  coordination: (id: number) => ['coordination', id] as const,
  advocacy: (id: number) => ['advocacy', id] as const,
  followUp: (id: number) => ['followUp', id] as const,
  notes: (id: number) => ['notes', id] as const,
  search: (q: string, courseId: number) => ['noteSearch', q, courseId] as const,
  noteRevisions: (noteId: number) => ['noteRevisions', noteId] as const,
  teamSettings: ['teamSettings'] as const,
};

export const useAssessment = (id: number) => useQuery({ queryKey: stepKeys.assessment(id), queryFn: () => stepsApi.assessment(id) });
export const usePlan = (id: number) => useQuery({ queryKey: stepKeys.plan(id), queryFn: () => stepsApi.plan(id) });
export const useCoordination = (id: number) => useQuery({ queryKey: stepKeys.coordination(id), queryFn: () => stepsApi.coordination(id) });
export const useAdvocacy = (id: number) => useQuery({ queryKey: stepKeys.advocacy(id), queryFn: () => stepsApi.advocacy(id) });
export const useFollowUp = (id: number) => useQuery({ queryKey: stepKeys.followUp(id), queryFn: () => stepsApi.followUp(id) });
export const useNotes = (id: number) => useQuery({ queryKey: stepKeys.notes(id), queryFn: () => stepsApi.notes(id) });
/** Every revision of a note, newest first; read when the dialog that shows them opens. */
export const useNoteRevisions = (noteId: number) =>
  useQuery({ queryKey: stepKeys.noteRevisions(noteId), queryFn: () => stepsApi.noteRevisions(noteId) });
export const useTeamSettings = () => useQuery({ queryKey: stepKeys.teamSettings, queryFn: stepsApi.teamSettings });
export const useNoteSearch = (q: string, courseId = 0) =>
  useQuery({
    queryKey: stepKeys.search(q, courseId),
    queryFn: () => stepsApi.searchNotes(q, courseId),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });

/**
 * A mutation of one step: the returned step data replaces the cache under `key`, and the
 * course is refreshed so the wizard's completeness and warnings follow.
 */
export function useStepMutation<I, O>(key: readonly unknown[], courseId: number, fn: (input: I) => Promise<O>, also: (readonly unknown[])[] = []) {
  const qc = useQueryClient();
  return useMutation<O, AppError, I>({
    mutationFn: fn,
    onSuccess: (data) => {
      qc.setQueryData(key, data);
      void qc.invalidateQueries({ queryKey: keys.course(courseId) });
      for (const k of also) void qc.invalidateQueries({ queryKey: k });
    },
  });
}
