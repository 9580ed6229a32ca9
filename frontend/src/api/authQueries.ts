// Server state of the workers' accounts (team lead only). The signed-in session itself is not
// cached here: it lives in the shell (features/auth/session.tsx), which decides what is shown.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authApi, type Account, type AccountInput } from './auth';
import type { AppError } from './errors';

export const authKeys = {
  accounts: ['accounts'] as const,
};

export const useAccounts = (enabled = true) => useQuery({ queryKey: authKeys.accounts, queryFn: authApi.accounts, enabled });

/** Gives a worker a username and a first (or new) password. */
export function useSaveAccount() {
  const qc = useQueryClient();
  return useMutation<Account, AppError, AccountInput>({
    mutationFn: (input) => authApi.saveAccount(input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: authKeys.accounts }),
  });
}

/** Lifts the lockout after too many wrong passwords. */
export function useUnlockAccount() {
  const qc = useQueryClient();
  return useMutation<Account, AppError, number>({
    mutationFn: (workerId) => authApi.unlockAccount(workerId),
    onSuccess: () => void qc.invalidateQueries({ queryKey: authKeys.accounts }),
  });
}
