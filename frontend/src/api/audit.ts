// Bindings of the audit log: who used which citizen's data, and the check of its hash chain.
// Team lead only; like client.ts, every call rejects with an AppError.
import * as AuditService from '../../wailsjs/go/service/AuditService';
import type { service } from '../../wailsjs/go/models';
import { call } from './call';

export type AuditFilter = service.AuditFilter;
export type AuditEntry = service.AuditEntryDTO;
export type AuditPage = service.AuditPageDTO;
export type AnchorCheck = service.AnchorCheckDTO;
export type AuditComputer = service.AuditComputerDTO;
export type TeamAudit = service.TeamAuditDTO;
export type TeamChain = service.TeamChainDTO;
export type RewrittenPair = service.RewrittenPairDTO;

export const auditApi = {
  list: (filter: AuditFilter) => call(() => AuditService.List(filter)),
  verify: () => call(() => AuditService.Verify()),
  /** Compares a point of the chain printed on an exported log with the chain as it is now. */
  checkAnchor: (id: number, hash: string) => call(() => AuditService.CheckAnchor({ id, hash })),
  /** Every entry about one citizen as a PDF, saved where the team lead chooses. */
  saveCitizenPdf: (citizenId: number) => call(() => AuditService.SaveCitizenPDF({ id: citizenId })),
  /** Each other computer's log as this one holds it: entries, last entry, broken links, rewritten numbers. */
  checkTeam: () => call(() => AuditService.CheckTeam()),
  /** The entries another computer sent under numbers already held, beside the ones held. */
  rewritten: (laptop: string) => call(() => AuditService.RewrittenEntries({ laptop })),
};
