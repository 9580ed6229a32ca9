// Server state of the plan versions. A signed version never changes, so it is cached for
// good; the draft and comparisons with it follow the live plan and are refreshed whenever
// a step of the plan changes (see planVersionsFollowPlan).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AppError } from './errors';
import { keys } from './queries';
import { versionsApi, type PlanVersion, type SignPlanInput } from './versions';

export const versionKeys = {
  list: (courseId: number) => ['planVersions', courseId] as const,
  version: (id: number) => ['planVersion', id] as const,
  draft: (courseId: number) => ['planDraft', courseId] as const,
  compareAll: (courseId: number) => ['planCompare', courseId] as const,
  compare: (courseId: number, fromId: number, toId: number) => ['planCompare', courseId, fromId, toId] as const,
};

/** The query keys that follow the live plan, for mutations of the plan's steps to refresh. */
export const planVersionsFollowPlan = (courseId: number) => [versionKeys.draft(courseId), versionKeys.compareAll(courseId)];

export const usePlanVersions = (courseId: number) => useQuery({ queryKey: versionKeys.list(courseId), queryFn: () => versionsApi.list(courseId) });

export const usePlanVersion = (id: number) =>
  useQuery({ queryKey: versionKeys.version(id), queryFn: () => versionsApi.get(id), staleTime: Infinity, enabled: id > 0 });

export const usePlanDraft = (courseId: number, enabled = true) =>
  useQuery({ queryKey: versionKeys.draft(courseId), queryFn: () => versionsApi.draft(courseId), enabled });

/** What changed from one version to another; toId 0 is the current draft. */
export const usePlanCompare = (courseId: number, fromId: number, toId: number, enabled = true) =>
  useQuery({ queryKey: versionKeys.compare(courseId, fromId, toId), queryFn: () => versionsApi.compare(courseId, fromId, toId), enabled });

/** Signs the current plan; the new version joins the list and the course is refreshed. */
export function useSignPlan(courseId: number) {
  const qc = useQueryClient();
  return useMutation<PlanVersion, AppError, SignPlanInput>({
    mutationFn: versionsApi.sign,
    onSuccess: (v) => {
      qc.setQueryData(versionKeys.version(v.summary.id), v);
      void qc.invalidateQueries({ queryKey: versionKeys.list(courseId) });
      void qc.invalidateQueries({ queryKey: versionKeys.compareAll(courseId) });
      void qc.invalidateQueries({ queryKey: keys.course(courseId) });
    },
  });
}
