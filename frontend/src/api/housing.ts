// Bindings of a citizen's housing history (boligforløb). Like client.ts, every call rejects
// with an AppError.
import * as CitizenService from '../../wailsjs/go/service/CitizenService';
import type { service } from '../../wailsjs/go/models';
import { call } from './call';

export type HousingHistory = service.HousingHistoryDTO;
export type HousingEntry = service.HousingEntryDTO;
export type HousingInput = service.HousingInput;
export type HousingWithdrawInput = service.HousingWithdrawInput;

export const housingApi = {
  history: (citizenId: number) => call(() => CitizenService.GetHousingHistory({ id: citizenId })),
  record: (input: HousingInput) => call(() => CitizenService.RecordHousing(input)),
  withdraw: (input: HousingWithdrawInput) => call(() => CitizenService.WithdrawHousing(input)),
};
