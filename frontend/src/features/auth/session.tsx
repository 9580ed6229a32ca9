import { createContext, useContext } from 'react';
import type { AuthStatus, SignedInUser } from '../../api/auth';

/** The signed-in session as the screens see it; the shell (AuthGate) owns it. */
export interface Session {
  status: AuthStatus;
  user: SignedInUser | null;
  isLead: boolean;
  /** Takes a status the backend returned (after sign-in, unlock, a new password …). */
  apply: (s: AuthStatus) => void;
  /** Asks the backend for the status again. */
  refresh: () => Promise<void>;
  /** Saves what autosaves, then locks the screen. */
  lock: () => Promise<void>;
  /** Signs out after asking when text is unsaved; false when the worker stayed. */
  signOut: (confirmText: string) => Promise<boolean>;
}

export const SessionContext = createContext<Session | null>(null);

/** The session, or null outside the signed-in shell. */
export function useSession(): Session | null {
  return useContext(SessionContext);
}

/**
 * Who approves and signs in the team lead's name: the signed-in team lead's name, or null
 * when the signed-in worker is not a team lead. The backend takes the approver from the
 * session, never from the form; outside a session (a unit test) it is ''.
 */
export function useActingLead(): string | null {
  const s = useContext(SessionContext);
  if (!s) return '';
  return s.isLead ? (s.user?.name ?? '') : null;
}

/**
 * Whether the team lead's actions are shown. Outside a session (a screen rendered on its own
 * in a unit test) nothing is hidden: the backend refuses what the role may not do anyway.
 */
export function useIsLead(): boolean {
  const s = useContext(SessionContext);
  return s ? s.isLead : true;
}
