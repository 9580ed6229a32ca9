import type { AuthStatus } from '../../api/auth';
import type { SessionCode } from '../../api/call';

/** What the shell shows, decided by the backend's sign-in status alone. */
export type AuthScreen = 'setup' | 'firstAccount' | 'signIn' | 'locked' | 'changePassword' | 'app';

export function authScreen(s: Pick<AuthStatus, 'hasTeam' | 'hasAccount' | 'signedIn' | 'locked' | 'mustChange'>): AuthScreen {
  if (!s.hasTeam) return 'setup';
  if (!s.signedIn) return s.hasAccount ? 'signIn' : 'firstAccount';
  if (s.locked) return 'locked';
  if (s.mustChange) return 'changePassword';
  return 'app';
}

/**
 * The status after a call was answered with a session code, until the backend has been
 * asked again: a locked session keeps the worker (and the work underneath), a missing one
 * does not.
 */
export function afterSessionError(s: AuthStatus, code: SessionCode): AuthStatus {
  if (code === 'session_locked') return s.signedIn ? { ...s, locked: true } : s;
  if (code === 'password_change_required') return s.signedIn ? { ...s, mustChange: true } : s;
  return { ...s, signedIn: false, locked: false, mustChange: false, user: undefined };
}

/** The lock screen keeps the app underneath only when the app was on screen before. */
export function keepsAppUnderneath(screen: AuthScreen, appWasShown: boolean): boolean {
  return screen === 'app' || (screen === 'locked' && appWasShown);
}
