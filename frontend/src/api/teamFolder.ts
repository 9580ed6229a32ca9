// Bindings of the team folder: founding it (team lead), joining it from a fresh laptop,
// enrolling and revoking laptops, and the sync status. Every call rejects with an AppError;
// founding's and the first load's steps arrive as "sync:progress" events, the indicator's
// state as "sync:status".
import * as TeamFolderService from '../../wailsjs/go/service/TeamFolderService';
import { EventsOn } from '../../wailsjs/runtime/runtime';
import type { service } from '../../wailsjs/go/models';
import { call } from './call';

export type TeamFolderStatus = service.TeamFolderStatusDTO;
export type FolderCheck = service.FolderCheckDTO;
export type JoinRequest = service.JoinRequestDTO;
export type TeamLaptop = service.TeamLaptopDTO;
export type SyncProblem = service.SyncProblemDTO;
export type JoinStatus = service.JoinStatusDTO;
export type SyncProgress = service.SyncProgressDTO;
/** The indicator's state, sent with every "sync:status" event (service.SyncIndicatorDTO). */
export interface SyncIndicator {
  state: string;
  pending: number;
}

const hasRuntime = () => !!(window as unknown as { runtime?: unknown }).runtime;

export const teamFolderApi = {
  /** Polled by the indicator: not the worker's activity (idle). */
  status: () => call(() => TeamFolderService.Status(), { idle: true }),
  joinStatus: () => call(() => TeamFolderService.JoinStatus(), { idle: true }),
  checkFolder: (path: string) => call(() => TeamFolderService.CheckFolder({ path })),
  chooseFolder: () => call(() => TeamFolderService.ChooseFolder()),
  found: (folder: string, label: string) => call(() => TeamFolderService.FoundTeam({ folder, label })),
  join: (folder: string, leadCode: string, label: string) => call(() => TeamFolderService.JoinTeam({ folder, leadCode, label })),
  requests: () => call(() => TeamFolderService.JoinRequests()),
  enroll: (laptop: string, workerId: number) => call(() => TeamFolderService.Enroll({ laptop, workerId })),
  revokeLaptop: (laptop: string) => call(() => TeamFolderService.RevokeLaptop({ laptop })),
  revokeWorker: (id: number) => call(() => TeamFolderService.RevokeWorker({ id })),
  syncNow: () => call(() => TeamFolderService.SyncNow()),
  onProgress: (fn: (p: SyncProgress) => void): (() => void) => {
    if (!hasRuntime()) return () => undefined;
    return EventsOn('sync:progress', (p: SyncProgress) => fn(p));
  },
  onStatus: (fn: (s: SyncIndicator) => void): (() => void) => {
    if (!hasRuntime()) return () => undefined;
    return EventsOn('sync:status', (s: SyncIndicator) => fn(s));
  },
};
