// Bindings of the plan sign-off: signed plan versions, the current draft and the comparison
// between them. Like client.ts, every call rejects with an AppError. A signed version can
// only be read: the backend has no call that changes or deletes one.
import * as PlanVersionService from '../../wailsjs/go/service/PlanVersionService';
import type { plandoc, service } from '../../wailsjs/go/models';
import { call } from './call';

export type PlanVersionSummary = service.PlanVersionSummaryDTO;
export type PlanVersion = service.PlanVersionDTO;
export type SignPlanInput = service.SignPlanInput;
export type PlanDiff = service.PlanDiffDTO;
export type PlanVersionRef = service.PlanVersionRefDTO;
/** A plan as it is signed and printed: every text already resolved. */
export type PlanDoc = plandoc.Plan;
export type PlanChange = plandoc.Change;

export const versionsApi = {
  list: (courseId: number) => call(() => PlanVersionService.ListVersions({ id: courseId })),
  get: (id: number) => call(() => PlanVersionService.GetVersion({ id })),
  draft: (courseId: number) => call(() => PlanVersionService.Draft({ id: courseId })),
  sign: (input: SignPlanInput) => call(() => PlanVersionService.SignPlan(input)),
  /** fromId 0 is the latest signed version, toId 0 the current draft. */
  compare: (courseId: number, fromId: number, toId: number) => call(() => PlanVersionService.Compare({ courseId, fromId, toId })),
};
