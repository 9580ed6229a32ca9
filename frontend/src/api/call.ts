// The one wrapper every binding call goes through: a rejection becomes an AppError, and the
// session answers (nobody signed in, screen locked, own password still to be chosen) are
// announced to the app shell, which then shows the sign-in, the lock screen or the password
// change whichever screen made the call.
import { toAppError, type AppError } from './errors';

/** The error codes by which the backend says the session, not the call, is the problem. */
export const sessionCodes = ['not_signed_in', 'session_locked', 'password_change_required'] as const;
export type SessionCode = (typeof sessionCodes)[number];

type Listener = (code: SessionCode) => void;
const listeners = new Set<Listener>();
let lastCallAt = 0;

/** Whether an error is one of the session answers rather than a problem with the call. */
export function isSessionError(e: unknown): e is AppError & { code: SessionCode } {
  return !!e && typeof e === 'object' && sessionCodes.includes((e as { code?: unknown }).code as SessionCode);
}

/** Subscribes to the session answers of any call; returns the unsubscribe function. */
export function onSessionError(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/**
 * When the last call that counts as activity started (ms since the epoch). The backend locks
 * the session after lockMinutes without such calls, so the idle lock needs to know this.
 */
export function lastBackendCall(): number {
  return lastCallAt;
}

/**
 * Calls a binding. `opts.idle` marks the calls the backend answers without looking at the
 * session (status, language, lock, sign-out): they do not count as activity.
 */
export async function call<T>(fn: () => Promise<T>, opts: { idle?: boolean } = {}): Promise<T> {
  if (!opts.idle) lastCallAt = Date.now();
  try {
    return await fn();
  } catch (e) {
    const err = toAppError(e);
    if (isSessionError(err)) for (const l of [...listeners]) l(err.code);
    throw err;
  }
}
