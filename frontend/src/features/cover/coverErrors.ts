import type { AppError } from '../../api/errors';
import { fieldText } from '../../components/errorText';
import type { Lang } from '../../i18n/i18n';
import { coverText, fill } from './i18n';

/** A field's error in the cover form: the cover's own words where the general text would mislead. */
export function coverFieldError(lang: Lang, err: AppError | null | undefined, field: string): string | undefined {
  const fe = err?.field(field);
  if (!fe) return undefined;
  const e = coverText[lang].errors;
  const own: Record<string, string | undefined> = {
    'to/date_order': e.toBeforeFrom,
    'to/out_of_range': fill(e.tooLong, { max: fe.params?.max ?? '366' }),
    'coverWorkerId/invalid_choice': e.sameWorker,
    'citizenIds/required': e.noCitizens,
    'citizenIds/invalid_choice': e.citizenNotWorkers,
    'workerId/not_found': e.workerMissing,
    'coverWorkerId/not_found': e.workerMissing,
  };
  return own[`${field}/${fe.code}`] ?? fieldText(lang, fe);
}
