// Bindings of sign-in, the lock screen and the workers' accounts. Like client.ts, every call
// rejects with an AppError; a session answer (not signed in, locked) also reaches the shell.
import * as AuthService from '../../wailsjs/go/service/AuthService';
import * as TeamService from '../../wailsjs/go/service/TeamService';
import type { service } from '../../wailsjs/go/models';
import { call } from './call';

export type AuthStatus = service.AuthStatusDTO;
export type SignedInUser = service.UserDTO;
export type Account = service.AccountDTO;
export type AccountInput = service.AccountInput;
export type AuditCheck = service.AuditCheckDTO;

export const authApi = {
  /** Callable before sign-in: what the shell should show. */
  status: () => call(() => AuthService.Status(), { idle: true }),
  signIn: (username: string, password: string) => call(() => AuthService.SignIn({ username, password })),
  unlock: (password: string) => call(() => AuthService.Unlock({ password })),
  lock: () => call(() => AuthService.Lock(), { idle: true }),
  signOut: () => call(() => AuthService.SignOut(), { idle: true }),
  setupFirstAccount: (workerId: number, username: string, password: string) =>
    call(() => AuthService.SetupFirstAccount({ workerId, username, password })),
  changePassword: (current: string, next: string) => call(() => AuthService.ChangePassword({ current, new: next })),
  accounts: () => call(() => AuthService.ListAccounts()),
  saveAccount: (input: AccountInput) => call(() => AuthService.SaveAccount(input)),
  unlockAccount: (workerId: number) => call(() => AuthService.UnlockAccount({ id: workerId })),
  /**
   * Tells the backend the worker is still at the screen. Its session locks after lockMinutes
   * without calls, but typing a long note makes none; reading the team's name is the cheapest
   * call that counts and touches no citizen's data.
   */
  keepAlive: () => call(() => TeamService.GetTeam()),
};
