// Bindings of the PDF export. Saving opens the native save dialog; printing opens the PDF
// in the system's viewer. Every call rejects with an AppError.
import * as ExportService from '../../wailsjs/go/service/ExportService';
import { call } from './call';

export const exportApi = {
  savePlan: (courseId: number, versionId: number) => call(() => ExportService.SavePlanPDF({ courseId, versionId })),
  printPlan: (courseId: number, versionId: number) => call(() => ExportService.PrintPlan({ courseId, versionId })),
  saveSummary: (courseId: number, withNotes: boolean) => call(() => ExportService.SaveSummaryPDF({ courseId, withNotes })),
  saveEvaluation: (courseId: number, evaluationId: number) => call(() => ExportService.SaveEvaluationPDF({ courseId, evaluationId })),
};
