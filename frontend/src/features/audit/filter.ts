import type { AuditFilter } from '../../api/audit';
import { danishToIso } from '../../lib/dates';

/** How many entries one page of the audit screen asks for. */
export const AUDIT_PAGE = 100;

/** The filter as the form holds it: ids as select values, dates as the date fields give them. */
export interface AuditFilterForm {
  citizenId: string;
  workerId: string;
  action: string;
  from: string;
  to: string;
  /** 'all' (every computer of the team; on a laptop in no team, this one), 'this', or a laptop id. */
  computer: string;
}

export const emptyAuditFilter: AuditFilterForm = { citizenId: '', workerId: '', action: '', from: '', to: '', computer: 'all' };

/**
 * A date for the backend: ISO as it is, dd.mm.åååå (and the other ways Danes type dates)
 * turned into ISO. Text that is no date is passed on as typed, so that the backend answers
 * with a field error next to the date instead of the filter silently ignoring it.
 */
export function auditDate(value: string): string {
  const s = value.trim();
  if (!s) return '';
  return danishToIso(s) ?? s;
}

/**
 * The backend's filter for one page; `before` is the id of the last entry already shown (this
 * computer's log), `cursor` the backend's place in a list across the team's computers.
 */
export function toAuditFilter(f: AuditFilterForm, before = 0, limit = AUDIT_PAGE, cursor = ''): AuditFilter {
  const id = (v: string) => (/^\d+$/.test(v) ? Number(v) : 0);
  return { citizenId: id(f.citizenId), workerId: id(f.workerId), action: f.action, from: auditDate(f.from), to: auditDate(f.to), before, limit, computer: f.computer, cursor };
}
