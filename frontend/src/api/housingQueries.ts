// Server state of the housing history. A change returns the whole history, which replaces
// the cached one; the citizen, the citizen list and the overview show the housing too.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AppError } from './errors';
import { housingApi, type HousingHistory } from './housing';
import { keys } from './queries';
import { overviewKeys } from './overviewQueries';

export const housingKeys = {
  all: ['housing'] as const,
  of: (citizenId: number) => ['housing', citizenId] as const,
};

export const useHousingHistory = (citizenId: number) =>
  useQuery({ queryKey: housingKeys.of(citizenId), queryFn: () => housingApi.history(citizenId), enabled: citizenId > 0 });

function useHousingMutation<I>(fn: (input: I) => Promise<HousingHistory>) {
  const qc = useQueryClient();
  return useMutation<HousingHistory, AppError, I>({
    mutationFn: fn,
    onSuccess: (h) => {
      qc.setQueryData(housingKeys.of(h.citizenId), h);
      void qc.invalidateQueries({ queryKey: keys.citizen(h.citizenId) });
      void qc.invalidateQueries({ queryKey: keys.citizensAll });
      void qc.invalidateQueries({ queryKey: overviewKeys.team });
    },
  });
}

/** Registers a move (or corrects one, with correctsId). */
export const useRecordHousing = () => useHousingMutation(housingApi.record);

/** Takes back an entry made by mistake. */
export const useWithdrawHousing = () => useHousingMutation(housingApi.withdraw);
