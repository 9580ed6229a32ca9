// Server state of the audit screen: the log a page at a time ("Vis flere" asks for the entries
// older than the last one shown), and the on-demand check of its hash chain.
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { auditApi, type AnchorCheck, type AuditEntry, type AuditFilter } from './audit';
import type { AuditCheck } from './auth';
import type { AppError } from './errors';

export const auditKeys = {
  all: ['audit'] as const,
  list: (f: Omit<AuditFilter, 'before'>) => ['audit', f] as const,
};

/** The next page starts below the oldest entry shown; undefined when there is none. */
export function nextBefore(page: { entries: AuditEntry[]; more: boolean }): number | undefined {
  return page.more && page.entries.length ? page.entries[page.entries.length - 1].id : undefined;
}

export const useAuditLog = (f: Omit<AuditFilter, 'before'>) =>
  useInfiniteQuery({
    queryKey: auditKeys.list(f),
    queryFn: ({ pageParam }) => auditApi.list({ ...f, before: pageParam }),
    initialPageParam: 0,
    getNextPageParam: nextBefore,
  });

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
