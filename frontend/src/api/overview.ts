// Bindings of the team lead's overview and the ICM fidelity check. Like client.ts, every
// call rejects with an AppError.
import * as OverviewService from '../../wailsjs/go/service/OverviewService';
import * as TeamService from '../../wailsjs/go/service/TeamService';
import type { service } from '../../wailsjs/go/models';
import { call } from './call';

export type Overview = service.OverviewDTO;
export type CourseFidelity = service.CourseFidelityDTO;
export type RuleResult = service.RuleResultDTO;
export type RuleTotal = service.RuleTotalDTO;
export type HousingOverview = service.HousingOverviewDTO;
export type WHO5Overview = service.WHO5OverviewDTO;
export type OverviewCaseload = service.CaseloadDTO;
export type EvaluationDue = service.EvaluationDueDTO;
export type ContactGapRow = service.ContactGapRowDTO;
export type CourseRef = service.CourseRefDTO;
export type FidelityHistory = service.FidelityHistoryDTO;
export type FidelityQuarter = service.FidelityQuarterDTO;
export type ContactIntensityRow = service.ContactIntensityRowDTO;
export type CaseReviewDue = service.CaseReviewDueDTO;
export type TeamRoutines = service.TeamRoutinesDTO;
export type TeamMeetingInput = service.TeamMeetingInput;

export const overviewApi = {
  teamOverview: () => call(() => OverviewService.TeamOverview()),
  courseFidelity: (courseId: number) => call(() => OverviewService.CourseFidelity({ id: courseId })),
  fidelityHistory: () => call(() => OverviewService.FidelityHistory()),
  saveFidelityPdf: () => call(() => OverviewService.SaveFidelityPDF()),
  saveTeamMeeting: (input: TeamMeetingInput) => call(() => TeamService.SaveTeamMeeting(input)),
  deleteTeamMeeting: (id: number) => call(() => TeamService.DeleteTeamMeeting({ id })),
};
