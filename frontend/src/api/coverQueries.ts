// Server state of covers and "while you were away". A change of a cover changes who may
// write in which courses, so the citizen and course reads are refreshed with it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { coverApi, type Cover, type CoverInput, type WhileAway } from './cover';
import type { AppError } from './errors';

export const coverKeys = {
  list: ['covers'] as const,
  whileAway: ['whileAway'] as const,
};

export const useCovers = () => useQuery({ queryKey: coverKeys.list, queryFn: coverApi.list });
export const useWhileAway = () => useQuery({ queryKey: coverKeys.whileAway, queryFn: coverApi.whileAway });

function useRefreshAccess() {
  const qc = useQueryClient();
  return () => {
    for (const key of [coverKeys.list, ['citizens'], ['citizen'], ['course']]) void qc.invalidateQueries({ queryKey: key });
  };
}

export function useSaveCover() {
  const refresh = useRefreshAccess();
  return useMutation<Cover, AppError, CoverInput>({ mutationFn: (v) => coverApi.save(v), onSuccess: refresh });
}

export function useWithdrawCover() {
  const refresh = useRefreshAccess();
  return useMutation<Cover, AppError, number>({ mutationFn: (id) => coverApi.withdraw(id), onSuccess: refresh });
}

export function useMarkWhileAwayRead() {
  const qc = useQueryClient();
  return useMutation<WhileAway, AppError, void>({
    mutationFn: () => coverApi.markWhileAwayRead(),
    onSuccess: (data) => qc.setQueryData(coverKeys.whileAway, data),
  });
}
