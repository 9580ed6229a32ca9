import type { QueryClient } from '@tanstack/react-query';
import { keys } from '../../api/queries';

/**
 * Forgets everything read or typed while a worker was signed in: every cached query and
 * every mutation with its input. Only the app's own status (language, database file,
 * version: nothing about citizens) stays, because the shell itself is subscribed to it and
 * a cleared cache would leave that subscription behind.
 */
export function forgetSignedInData(qc: QueryClient): void {
  qc.getMutationCache().clear();
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== keys.status[0] });
}
