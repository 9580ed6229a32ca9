// Server state lives here: one query key per backend read, and mutations that refresh
// exactly the reads they change.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Citizen, type Course, type Visitation } from './client';
import type { AppError } from './errors';
import { authKeys } from './authQueries';

export const keys = {
  status: ['status'] as const,
  vocabulary: ['vocabulary'] as const,
  team: ['team'] as const,
  workers: ['workers'] as const,
  overview: ['overview'] as const,
  citizens: (q: string) => ['citizens', q] as const,
  citizensAll: ['citizens'] as const,
  citizen: (id: number) => ['citizen', id] as const,
  citizenAll: ['citizen'] as const,
  course: (id: number) => ['course', id] as const,
  visitation: (id: number) => ['visitation', id] as const,
};

export const useStatus = () => useQuery({ queryKey: keys.status, queryFn: api.status });
export const useVocabulary = () => useQuery({ queryKey: keys.vocabulary, queryFn: api.vocabulary, staleTime: Infinity });
export const useTeam = () => useQuery({ queryKey: keys.team, queryFn: api.team });
export const useWorkers = () => useQuery({ queryKey: keys.workers, queryFn: api.workers });
export const useTeamOverview = () => useQuery({ queryKey: keys.overview, queryFn: api.teamOverview });
export const useCitizens = (q: string) =>
  useQuery({ queryKey: keys.citizens(q), queryFn: () => api.citizens(q), placeholderData: keepPreviousData });
export const useCitizen = (id: number) => useQuery({ queryKey: keys.citizen(id), queryFn: () => api.citizen(id) });
export const useCourse = (id: number) => useQuery({ queryKey: keys.course(id), queryFn: () => api.course(id) });
export const useVisitation = (id: number) =>
  useQuery({ queryKey: keys.visitation(id), queryFn: () => api.visitation(id), staleTime: Infinity });

/** Refreshes everything that shows caseloads or course lists. */
function useRefreshCourses() {
  const qc = useQueryClient();
  return (citizenId?: number) => {
    void qc.invalidateQueries({ queryKey: keys.citizensAll });
    void qc.invalidateQueries({ queryKey: keys.workers });
    void qc.invalidateQueries({ queryKey: keys.overview });
    if (citizenId) void qc.invalidateQueries({ queryKey: keys.citizen(citizenId) });
  };
}

export function useSaveCitizen() {
  const qc = useQueryClient();
  return useMutation<Citizen, AppError, Parameters<typeof api.saveCitizen>[0]>({
    mutationFn: api.saveCitizen,
    onSuccess: (c) => {
      qc.setQueryData(keys.citizen(c.id), c);
      void qc.invalidateQueries({ queryKey: keys.citizensAll });
    },
  });
}

export function useCreateCourse() {
  const refresh = useRefreshCourses();
  const qc = useQueryClient();
  return useMutation<Course, AppError, Parameters<typeof api.createCourse>[0]>({
    mutationFn: api.createCourse,
    onSuccess: (c) => {
      qc.setQueryData(keys.course(c.id), c);
      refresh(c.citizenId);
    },
  });
}

export function useUpdateCourse() {
  const refresh = useRefreshCourses();
  const qc = useQueryClient();
  return useMutation<Course, AppError, Parameters<typeof api.updateCourse>[0]>({
    mutationFn: api.updateCourse,
    onSuccess: (c) => {
      qc.setQueryData(keys.course(c.id), c);
      // A refetch started before this change (e.g. by an autosave) must not bring the old
      // status back: invalidating cancels it and fetches again.
      void qc.invalidateQueries({ queryKey: keys.course(c.id) });
      refresh(c.citizenId);
    },
  });
}

export function useSaveVisitation() {
  const qc = useQueryClient();
  return useMutation<Visitation, AppError, Parameters<typeof api.saveVisitation>[0]>({
    mutationFn: api.saveVisitation,
    onSuccess: (v) => {
      qc.setQueryData(keys.visitation(v.courseId), v);
      void qc.invalidateQueries({ queryKey: keys.course(v.courseId) });
      void qc.invalidateQueries({ queryKey: ['housing'] }); // housingKeys.all: the start is an entry of the history
    },
  });
}

export function useSaveWorker() {
  const qc = useQueryClient();
  return useMutation<Awaited<ReturnType<typeof api.saveWorker>>, AppError, Parameters<typeof api.saveWorker>[0]>({
    mutationFn: api.saveWorker,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.workers });
      void qc.invalidateQueries({ queryKey: authKeys.accounts }); // a new worker has no access yet
      void qc.invalidateQueries({ queryKey: keys.overview });
      void qc.invalidateQueries({ queryKey: keys.citizensAll });
    },
  });
}

export function useUpdateTeam() {
  const qc = useQueryClient();
  return useMutation<Awaited<ReturnType<typeof api.updateTeam>>, AppError, { municipality: string; teamName: string }>({
    mutationFn: (v) => api.updateTeam(v.municipality, v.teamName),
    onSuccess: (t) => {
      qc.setQueryData(keys.team, t);
      void qc.invalidateQueries({ queryKey: keys.overview });
    },
  });
}
