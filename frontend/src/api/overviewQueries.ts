// Server state of the team overview; the screen opens onto fresh figures every time.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AppError } from './errors';
import { overviewApi, type TeamMeetingInput, type TeamRoutines } from './overview';

export const overviewKeys = {
  team: ['teamOverviewFull'] as const,
  course: (id: number) => ['courseFidelity', id] as const,
  history: ['fidelityHistory'] as const,
};

/** The whole overview; refetched whenever the screen is opened, as it sums every course. */
export const useOverview = () => useQuery({ queryKey: overviewKeys.team, queryFn: overviewApi.teamOverview, staleTime: 0, refetchOnMount: 'always' });

/** The fidelity check of one course. */
export const useCourseFidelity = (id: number) => useQuery({ queryKey: overviewKeys.course(id), queryFn: () => overviewApi.courseFidelity(id) });

/** The team's fidelity per quarter, fetched fresh like the overview it sits in. */
export const useFidelityHistory = () =>
  useQuery({ queryKey: overviewKeys.history, queryFn: overviewApi.fidelityHistory, staleTime: 0, refetchOnMount: 'always' });
/** Records a status meeting or a supervision; the overview reads the routines anew. */
export function useSaveTeamMeeting() {
  const qc = useQueryClient();
  return useMutation<TeamRoutines, AppError, TeamMeetingInput>({
    mutationFn: overviewApi.saveTeamMeeting,
    onSuccess: () => void qc.invalidateQueries({ queryKey: overviewKeys.team }),
  });
}

/** Deletes a status meeting or a supervision entered by mistake; the overview reads the routines anew. */
export function useDeleteTeamMeeting() {
  const qc = useQueryClient();
  return useMutation<TeamRoutines, AppError, number>({
    mutationFn: (id) => overviewApi.deleteTeamMeeting(id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: overviewKeys.team }),
  });
}
