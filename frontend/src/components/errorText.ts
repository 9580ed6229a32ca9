import type { AppError, FieldError } from '../api/errors';
import { hasKey, translate, type Lang } from '../i18n/i18n';
import { isoToDanish } from '../lib/dates';

/** Message parameters as people read them: ISO dates become dd.mm.åååå. */
function readableParams(params: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params ?? {})) out[k] = isoToDanish(v);
  return out;
}

/** Translates an error code with its parameters; unknown codes read as "internal". */
export function codeText(lang: Lang, code: string, params?: Record<string, string>): string {
  const key = hasKey(lang, `errors.${code}`) ? `errors.${code}` : 'errors.internal';
  return translate(lang, key, readableParams(params));
}

export function errorText(lang: Lang, err: AppError): string {
  return codeText(lang, err.code, err.params);
}

export function fieldText(lang: Lang, fe: FieldError | undefined): string | undefined {
  return fe ? codeText(lang, fe.code, fe.params) : undefined;
}
