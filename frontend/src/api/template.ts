// Bindings of the method template (metodeskabelon) and its server state. Every call rejects
// with an AppError. A signed version can only be read: the backend has no call that changes
// or deletes one; the live template is always editable. The query hooks are in templateQueries.ts.
import * as TemplateService from '../../wailsjs/go/service/TemplateService';
import type { service } from '../../wailsjs/go/models';
import { call } from './call';

export type Template = service.TemplateDTO;
export type TemplateElement = service.TemplateElementDTO;
export type TemplateElementInput = service.TemplateElementInput;
export type TemplateVersion = service.TemplateVersionDTO;
export type TemplateVersionSummary = service.TemplateVersionSummaryDTO;
export type SignTemplateInput = service.SignTemplateInput;
export type TemplateStatus = 'not_started' | 'draft' | 'agreed';
export const templateStatuses: TemplateStatus[] = ['not_started', 'draft', 'agreed'];

export const templateApi = {
  get: () => call(() => TemplateService.GetTemplate()),
  saveElement: (input: TemplateElementInput) => call(() => TemplateService.SaveElement(input)),
  sign: (input: SignTemplateInput) => call(() => TemplateService.SignTemplate(input)),
  version: (id: number) => call(() => TemplateService.GetTemplateVersion({ id })),
  /** versionId 0 is the current, unsigned template. */
  savePdf: (versionId: number) => call(() => TemplateService.SaveTemplatePDF({ versionId })),
};
