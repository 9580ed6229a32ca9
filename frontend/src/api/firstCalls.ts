// The two calls every start needs, sent together before React renders: the app's state
// (App) and the sign-in state (AuthGate). Each would otherwise wait for the render that
// asks for it, one after the other, on the path to the first screen.
import type { QueryClient } from '@tanstack/react-query';
import { authApi, type AuthStatus } from './auth';
import { api } from './client';
import { keys } from './queries';

let firstAuth: Promise<AuthStatus> | null = null;

/** Sends both calls; main.tsx calls it once, before the first render. */
export function sendFirstCalls(client: QueryClient): void {
  void client.prefetchQuery({ queryKey: keys.status, queryFn: api.status });
  firstAuth = authApi.status();
  firstAuth.catch(() => undefined); // AuthGate reads the error when it takes the answer
}

/** The sign-in state: the answer sent at start the first time, a new call after that. */
export function authStatus(): Promise<AuthStatus> {
  const first = firstAuth;
  firstAuth = null;
  return first ?? authApi.status();
}
