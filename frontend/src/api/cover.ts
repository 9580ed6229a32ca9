// Bindings of the team's cover during holidays and illness and the worker's "while you were
// away"; like client.ts, every call rejects with an AppError.
import * as TeamService from '../../wailsjs/go/service/TeamService';
import type { service } from '../../wailsjs/go/models';
import { call } from './call';

export type Cover = service.CoverDTO;
export type CoverInput = service.CoverInput;
export type WhileAway = service.WhileAwayDTO;
export type AwayItem = service.AwayItemDTO;
export type AwayPeriod = service.AwayPeriodDTO;

export const coverApi = {
  /** The covers that have not ended; the citizens are named to the lead and the two workers. */
  list: () => call(() => TeamService.ListCovers()),
  /** Team lead only: the backend checks the role from the session. */
  save: (input: CoverInput) => call(() => TeamService.SaveCover(input)),
  withdraw: (id: number) => call(() => TeamService.WithdrawCover({ id })),
  /** What colleagues wrote in the signed-in worker's courses during covers that have ended. */
  whileAway: () => call(() => TeamService.WhileAway()),
  markWhileAwayRead: () => call(() => TeamService.MarkWhileAwayRead()),
};
