// Bindings of the wizard's step services (steps 2-6) and the journal notes. Like client.ts,
// every call rejects with an AppError.
import * as AssessmentService from '../../wailsjs/go/service/AssessmentService';
import * as PlanningService from '../../wailsjs/go/service/PlanningService';
import * as CoordinationService from '../../wailsjs/go/service/CoordinationService';
import * as AdvocacyService from '../../wailsjs/go/service/AdvocacyService';
import * as FollowUpService from '../../wailsjs/go/service/FollowUpService';
import * as NoteService from '../../wailsjs/go/service/NoteService';
import * as TeamService from '../../wailsjs/go/service/TeamService';
import type { service } from '../../wailsjs/go/models';
import { call } from './call';

export type Assessment = service.AssessmentDTO;
export type Topic = service.TopicDTO;
export type Revision = service.RevisionDTO;
export type SaveTopicInput = service.SaveTopicInput;
export type Plan = service.PlanDTO;
export type Goal = service.GoalDTO;
export type SubGoal = service.SubGoalDTO;
export type Activity = service.ActivityDTO;
export type GoalInput = service.GoalInput;
export type SubGoalInput = service.SubGoalInput;
export type ActivityInput = service.ActivityInput;
export type Coordination = service.CoordinationDTO;
export type Contact = service.ContactDTO;
export type ContactInput = service.ContactInput;
export type Meeting = service.MeetingDTO;
export type MeetingInput = service.MeetingInput;
export type MeetingAction = service.MeetingActionDTO;
export type Advocacy = service.AdvocacyDTO;
export type AdvocacyCase = service.AdvocacyCaseDTO;
export type AdvocacyCaseInput = service.AdvocacyCaseInput;
export type FollowUp = service.FollowUpDTO;
export type Evaluation = service.EvaluationDTO;
export type EvaluationInput = service.EvaluationInput;
export type WHO5 = service.WHO5DTO;
export type WHO5Input = service.WHO5Input;
export type WeeklyCheck = service.WeeklyCheckDTO;
export type WeeklyCheckInput = service.WeeklyCheckInput;
export type CloseCourseInput = service.CloseCourseInput;
export type ContactGap = service.ContactGapDTO;
export type ContactFrequency = service.ContactFrequencyDTO;
export type ContactFrequencyInput = service.ContactFrequencyInput;
export type ContactWeek = service.ContactWeekDTO;
export type CaseReview = service.CaseReviewDTO;
export type CaseReviewInput = service.CaseReviewInput;
export type Note = service.NoteDTO;
export type NoteInput = service.NoteInput;
export type NoteHit = service.NoteHitDTO;
export type NoteRevision = service.NoteRevisionDTO;
export type TeamSettings = service.TeamSettingsDTO;

const child = (courseId: number, id: number) => ({ courseId, id });

export const stepsApi = {
  assessment: (id: number) => call(() => AssessmentService.GetAssessment({ id })),
  saveTopic: (input: SaveTopicInput) => call(() => AssessmentService.SaveTopic(input)),

  plan: (id: number) => call(() => PlanningService.GetPlan({ id })),
  saveGoal: (input: GoalInput) => call(() => PlanningService.SaveGoal(input)),
  deleteGoal: (courseId: number, id: number) => call(() => PlanningService.DeleteGoal(child(courseId, id))),
  saveSubGoal: (input: SubGoalInput) => call(() => PlanningService.SaveSubGoal(input)),
  deleteSubGoal: (courseId: number, id: number) => call(() => PlanningService.DeleteSubGoal(child(courseId, id))),
  saveActivity: (input: ActivityInput) => call(() => PlanningService.SaveActivity(input)),
  deleteActivity: (courseId: number, id: number) => call(() => PlanningService.DeleteActivity(child(courseId, id))),

  coordination: (id: number) => call(() => CoordinationService.GetCoordination({ id })),
  saveContact: (input: ContactInput) => call(() => CoordinationService.SaveContact(input)),
  deleteContact: (courseId: number, id: number) => call(() => CoordinationService.DeleteContact(child(courseId, id))),
  saveMeeting: (input: MeetingInput) => call(() => CoordinationService.SaveMeeting(input)),
  deleteMeeting: (courseId: number, id: number) => call(() => CoordinationService.DeleteMeeting(child(courseId, id))),

  advocacy: (id: number) => call(() => AdvocacyService.GetAdvocacy({ id })),
  saveCase: (input: AdvocacyCaseInput) => call(() => AdvocacyService.SaveCase(input)),
  deleteCase: (courseId: number, id: number) => call(() => AdvocacyService.DeleteCase(child(courseId, id))),

  followUp: (id: number) => call(() => FollowUpService.GetFollowUp({ id })),
  saveEvaluation: (input: EvaluationInput) => call(() => FollowUpService.SaveEvaluation(input)),
  saveWHO5: (input: WHO5Input) => call(() => FollowUpService.SaveWHO5(input)),
  deleteWHO5: (courseId: number, id: number) => call(() => FollowUpService.DeleteWHO5(child(courseId, id))),
  saveWeeklyCheck: (input: WeeklyCheckInput) => call(() => FollowUpService.SaveWeeklyCheck(input)),
  closeCourse: (input: CloseCourseInput) => call(() => FollowUpService.CloseCourse(input)),
  saveContactFrequency: (input: ContactFrequencyInput) => call(() => FollowUpService.SaveContactFrequency(input)),
  saveCaseReview: (input: CaseReviewInput) => call(() => FollowUpService.SaveCaseReview(input)),
  deleteContactFrequency: (courseId: number, id: number) => call(() => FollowUpService.DeleteContactFrequency(child(courseId, id))),
  deleteCaseReview: (courseId: number, id: number) => call(() => FollowUpService.DeleteCaseReview(child(courseId, id))),

  notes: (id: number) => call(() => NoteService.ListNotes({ id })),
  saveNote: (input: NoteInput) => call(() => NoteService.SaveNote(input)),
  noteRevisions: (id: number) => call(() => NoteService.NoteRevisions({ id })),
  searchNotes: (query: string, courseId: number) => call(() => NoteService.SearchNotes({ query, courseId })),

  teamSettings: () => call(() => TeamService.GetSettings()),
  saveTeamSettings: (input: TeamSettings) => call(() => TeamService.SaveSettings(input)),
};
