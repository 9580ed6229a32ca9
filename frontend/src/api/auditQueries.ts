// Server state of the audit screen: the log a page at a time ("Vis flere" asks for the entries
// older than the last one shown), and the on-demand check of its hash chain.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { auditApi, type AnchorCheck, type AuditEntry, type AuditFilter, type RewrittenPair, type TeamAudit } from './audit';
import type { AuditCheck } from './auth';
import type { AppError } from './errors';

export const auditKeys = {
  all: ['audit'] as const,
  list: (f: Omit<AuditFilter, 'before' | 'cursor'>) => ['audit', f] as const,
  team: ['audit', 'team'] as const,
  rewritten: (laptop: string) => ['audit', 'rewritten', laptop] as const,
};

/**
 * Where the next page starts: below the oldest entry shown of this computer's log, or, for a
 * list across the team's computers, the backend's cursor; undefined when there is none.
 */
export function nextPage(page: { entries: AuditEntry[]; more: boolean; next?: string }): AuditPageParam | undefined {
  if (!page.more || !page.entries.length) return undefined;
  return page.next ? { before: 0, cursor: page.next } : { before: page.entries[page.entries.length - 1].id, cursor: '' };
}

/** The page a query asks for (see nextPage). */
export interface AuditPageParam {
  before: number;
  cursor: string;
}

export const useAuditLog = (f: Omit<AuditFilter, 'before' | 'cursor'>) =>
  useInfiniteQuery({
    queryKey: auditKeys.list(f),
    queryFn: ({ pageParam }) => auditApi.list({ ...f, ...pageParam }),
    initialPageParam: { before: 0, cursor: '' } as AuditPageParam,
    getNextPageParam: nextPage,
  });

/** The check of the other computers' logs (empty when this laptop is in no team). */
export const useTeamAudit = () => useQuery<TeamAudit, AppError>({ queryKey: auditKeys.team, queryFn: () => auditApi.checkTeam() });

/** The rewritten entries of one other computer, read when the team lead asks to see them. */
export const useRewrittenEntries = (laptop: string | null) =>
  useQuery<RewrittenPair[], AppError>({ queryKey: auditKeys.rewritten(laptop ?? ''), queryFn: () => auditApi.rewritten(laptop ?? ''), enabled: !!laptop });

/** Walks the whole chain now; the check itself is logged, so the list is read again. */
export function useVerifyAudit() {
  const qc = useQueryClient();
  return useMutation<AuditCheck, AppError, void>({
    mutationFn: () => auditApi.verify(),
    onSuccess: () => void qc.invalidateQueries({ queryKey: auditKeys.all }),
  });
}

/** Compares a printed point of the chain; the comparison is logged, so the list is read again. */
export function useCheckAnchor() {
  const qc = useQueryClient();
  return useMutation<AnchorCheck, AppError, { id: number; hash: string }>({
    mutationFn: ({ id, hash }) => auditApi.checkAnchor(id, hash),
    onSuccess: () => void qc.invalidateQueries({ queryKey: auditKeys.all }),
  });
}
