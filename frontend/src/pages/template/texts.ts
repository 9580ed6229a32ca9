import { templateText } from '../../features/wizard/i18n/template';
import type { Lang } from '../../i18n/i18n';

type Code = keyof typeof templateText.da.elements;

/** An element's name, fixed requirement and guiding questions in the user's language. */
export function elementTexts(lang: Lang, code: string): { name: string; requirement: string; questions: string[] } {
  const group = templateText[lang === 'en' ? 'en' : 'da'].elements;
  const e = group[code as Code];
  if (!e) return { name: code, requirement: '', questions: [] };
  return { name: e.name, requirement: e.requirement, questions: Object.values(e.questions) };
}
