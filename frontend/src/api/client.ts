// The only module that imports the generated Wails bindings. Every call rejects with an
// AppError, so screens never see raw runtime errors.
import * as AppService from '../../wailsjs/go/service/AppService';
import * as TeamService from '../../wailsjs/go/service/TeamService';
import * as CitizenService from '../../wailsjs/go/service/CitizenService';
import * as CourseService from '../../wailsjs/go/service/CourseService';
import type { service } from '../../wailsjs/go/models';
import { call } from './call';

export type AppStatus = service.AppStatusDTO;
export type Team = service.TeamDTO;
export type Worker = service.WorkerDTO;
export type WorkerInput = service.WorkerInput;
export type TeamOverview = service.TeamOverviewDTO;
export type Caseload = service.CaseloadDTO;
export type CitizenListItem = service.CitizenListItem;
export type Citizen = service.CitizenDTO;
export type CitizenInput = service.CitizenInput;
export type Course = service.CourseDTO;
export type CourseSummary = service.CourseSummaryDTO;
export type CreateCourseInput = service.CreateCourseInput;
export type UpdateCourseInput = service.UpdateCourseInput;
export type Visitation = service.VisitationDTO;
export type SaveVisitationInput = service.SaveVisitationInput;
export type StepStatus = service.StepStatusDTO;
export type SetupTeamInput = service.SetupTeamInput;
export type Vocabulary = service.VocabularyDTO;

export const api = {
  status: () => call(() => AppService.Status(), { idle: true }),
  setLanguage: (language: string) => call(() => AppService.SetLanguage({ language }), { idle: true }),
  loadDemo: () => call(() => AppService.LoadDemoData()),
  vocabulary: () => call(() => AppService.Vocabulary(), { idle: true }),

  team: () => call(() => TeamService.GetTeam()),
  setupTeam: (input: SetupTeamInput) => call(() => TeamService.SetupTeam(input)),
  updateTeam: (municipality: string, teamName: string) => call(() => TeamService.UpdateTeam({ municipality, teamName })),
  workers: () => call(() => TeamService.ListWorkers()),
  saveWorker: (input: WorkerInput) => call(() => TeamService.SaveWorker(input)),
  teamOverview: () => call(() => TeamService.TeamOverview()),

  citizens: (query: string) => call(() => CitizenService.ListCitizens({ query })),
  citizen: (id: number) => call(() => CitizenService.GetCitizen({ id })),
  saveCitizen: (input: CitizenInput) => call(() => CitizenService.SaveCitizen(input)),

  course: (id: number) => call(() => CourseService.GetCourse({ id })),
  createCourse: (input: CreateCourseInput) => call(() => CourseService.CreateCourse(input)),
  updateCourse: (input: UpdateCourseInput) => call(() => CourseService.UpdateCourse(input)),
  visitation: (id: number) => call(() => CourseService.GetVisitation({ id })),
  saveVisitation: (input: SaveVisitationInput) => call(() => CourseService.SaveVisitation(input)),
};
