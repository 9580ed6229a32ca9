import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { authApi, type AuthStatus } from '../../api/auth';
import { isSessionError, lastBackendCall, onSessionError } from '../../api/call';
import { toAppError, type AppError } from '../../api/errors';
import type { AppStatus } from '../../api/client';
import { ErrorBanner } from '../../components/ui';
import { authStatus } from '../../api/firstCalls';
import { PendingLoading } from '../../lib/lazyScreen';
import { DamagedInUseBanner, StartupErrorPage } from '../../pages/startup/StartupErrorPage';
import { anyDirty, flushAll } from '../../lib/unsaved';
import { SetupPage } from '../../pages/setup/SetupPage';
import { FirstAccountPage } from './FirstAccountPage';
import { forgetSignedInData } from './forget';
import { LockScreen } from './LockScreen';
import { MustChangePage } from './MustChangePage';
import { afterSessionError, authScreen, keepsAppUnderneath } from './screen';
import { SessionContext, type Session } from './session';
import { SignInPage } from './SignInPage';
import { useIdleLock } from './useIdleLock';

/** How often the shell asks whether the start-up check of the audit log has finished. */
const CHECK_POLL_MS = 3_000;
const CHECK_POLLS = 40;

/**
 * The shell between the database and the app: first start, the team lead's first account,
 * sign-in, the forced password change and the lock screen, all decided by the backend's
 * AuthService.Status. While locked, the app stays mounted underneath (hidden and inert), so
 * unlocking returns to exactly the screen the worker left.
 */
export function AuthGate(p: { children: ReactNode; damaged?: AppStatus }) {
  const qc = useQueryClient();
  const [status, setStatus] = useState<AuthStatus | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [appShown, setAppShown] = useState(false);
  const latest = useRef(status);
  latest.current = status;

  const refresh = useCallback(async () => {
    try {
      setStatus(await authStatus());
      setError(null);
    } catch (e) {
      setError(toAppError(e));
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Any call answered "not signed in" or "locked" brings up the right screen at once.
  useEffect(
    () =>
      onSessionError((code) => {
        setStatus((s) => (s ? afterSessionError(s, code) : s));
        void refresh();
      }),
    [refresh],
  );

  const screen = status ? authScreen(status) : null;
  if (screen === 'app' && !appShown) setAppShown(true);
  if (screen && screen !== 'app' && screen !== 'locked' && appShown) setAppShown(false);

  // Another worker (or nobody) now: nothing read or typed before stays in memory.
  const who = status?.signedIn ? (status.user?.workerId ?? -1) : 0;
  const lastWho = useRef(who);
  useEffect(() => {
    if (lastWho.current !== 0 && lastWho.current !== who) {
      forgetSignedInData(qc);
      window.history.replaceState(null, '', '#/citizens');
    }
    lastWho.current = who;
  }, [who, qc]);

  // The audit log is checked in the background at start; ask again until it is done.
  const polls = useRef(0);
  const checkPending = !!status?.signedIn && !status.audit.checked && polls.current < CHECK_POLLS;
  useEffect(() => {
    if (!checkPending) return;
    const timer = setTimeout(() => {
      polls.current++;
      void refresh();
    }, CHECK_POLL_MS);
    return () => clearTimeout(timer);
  }, [checkPending, status, refresh]);

  const lock = useCallback(async () => {
    await flushAll();
    try {
      setStatus(await authApi.lock());
    } catch {
      await refresh();
    }
  }, [refresh]);

  const signOut = useCallback(
    async (confirmText: string) => {
      // Autosaves can still be saved unless the screen is locked.
      if (!latest.current?.locked) await flushAll();
      if (anyDirty() && !window.confirm(confirmText)) return false;
      try {
        setStatus(await authApi.signOut());
      } catch {
        await refresh();
      }
      return true;
    },
    [refresh],
  );

  const unlocked = useCallback(
    (s: AuthStatus) => {
      setStatus(s);
      // What failed while the screen was locked is tried again.
      void flushAll();
      void qc.refetchQueries({ type: 'active', predicate: (q) => isSessionError(q.state.error) });
    },
    [qc],
  );

  useIdleLock({
    enabled: screen === 'app',
    lockMinutes: status?.lockMinutes ?? 10,
    onIdle: () => void lock(),
    keepAlive: () => void authApi.keepAlive().catch(() => undefined),
    lastCall: lastBackendCall,
  });

  const session = useMemo<Session | null>(
    () =>
      status && {
        status,
        user: status.signedIn ? (status.user ?? null) : null,
        isLead: status.signedIn && status.user?.role === 'team_lead',
        apply: setStatus,
        refresh,
        lock,
        signOut,
      },
    [status, refresh, lock, signOut],
  );

  // The database was found damaged after the start (see App): a worker in the app keeps the
  // screens under a banner; anyone else has nothing unsaved and gets the start error page.
  if (p.damaged && screen !== 'app') return <StartupErrorPage status={p.damaged} />;

  if (!status || !session || !screen) {
    return error ? (
      <main className="center-page">
        <ErrorBanner error={error} />
      </main>
    ) : (
      <PendingLoading />
    );
  }
  return (
    <SessionContext.Provider value={session}>
      {p.damaged ? <DamagedInUseBanner status={p.damaged} /> : null}
      {screen === 'setup' && <SetupPage onDone={refresh} />}
      {screen === 'firstAccount' && <FirstAccountPage status={status} onDone={setStatus} />}
      {screen === 'signIn' && <SignInPage status={status} onDone={setStatus} />}
      {screen === 'changePassword' && <MustChangePage onDone={setStatus} />}
      {keepsAppUnderneath(screen, appShown) ? p.children : null}
      {screen === 'locked' && <LockScreen status={status} onUnlocked={unlocked} />}
    </SessionContext.Provider>
  );
}
