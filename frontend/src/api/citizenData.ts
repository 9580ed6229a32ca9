// Bindings of a citizen's data as a whole: the access request (PDF + JSON), the handover of
// a course to a colleague's installation and its import there, and the deletion at the end
// of retention. Every call rejects with an AppError.
import * as CitizenDataService from '../../wailsjs/go/service/CitizenDataService';
import type { citizenexport, service } from '../../wailsjs/go/models';
import { call } from './call';

export type AccessExport = service.AccessExportDTO;
export type HandoverExport = service.HandoverExportDTO;
export type HandoverFile = service.HandoverFileDTO;
export type ImportPreview = service.ImportPreviewDTO;
export type ImportCourse = service.ImportCourseDTO;
export type ImportConflict = service.ImportConflictDTO;
export type ImportCourseChoice = service.ImportCourseChoice;
export type ImportResult = service.ImportResultDTO;
export type CourseCounts = citizenexport.CourseCounts;
export type DeletionPreview = service.DeletionPreviewDTO;
export type DeletionResult = service.DeletionResultDTO;

export const citizenDataApi = {
  exportAccess: (citizenId: number) => call(() => CitizenDataService.ExportAccessRequest({ citizenId })),
  exportHandover: (citizenId: number, courseId: number, passphrase: string) =>
    call(() => CitizenDataService.ExportHandover({ citizenId, courseId, passphrase })),
  chooseHandoverFile: () => call(() => CitizenDataService.ChooseHandoverFile()),
  previewImport: (path: string, passphrase: string) => call(() => CitizenDataService.PreviewImport({ path, passphrase })),
  confirmImport: (token: string, courses: ImportCourseChoice[]) => call(() => CitizenDataService.ConfirmImport({ token, courses })),
  deletionPreview: (citizenId: number) => call(() => CitizenDataService.DeletionPreview({ citizenId })),
  deleteCitizen: (citizenId: number, confirmName: string) => call(() => CitizenDataService.DeleteCitizen({ citizenId, confirmName })),
};
