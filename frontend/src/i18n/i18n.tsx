import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { da } from './da';
import { en } from './en';
import type { MessageKey, Messages, ScreenMessages } from './messages';

export type Lang = 'da' | 'en';
// The screens' texts join these when their chunk loads (addScreenTexts, from screens.ts):
// until then only the texts of the screens before sign-in are here.
export const locales: Record<Lang, Messages> = { da: { ...da } as Messages, en: { ...en } as Messages };

/** Adds the texts of the screens after sign-in (screens.ts calls it when it is loaded). */
export function addScreenTexts(more: Record<Lang, ScreenMessages>): void {
  Object.assign(locales.da, more.da);
  Object.assign(locales.en, more.en);
}

type Params = Record<string, string | number | undefined>;

function lookup(messages: Messages, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (node && typeof node === 'object' && part in (node as Record<string, unknown>)) {
      node = (node as Record<string, unknown>)[part];
    } else {
      return undefined;
    }
  }
  return typeof node === 'string' ? node : undefined;
}

/** Translates a key (typed, or a dynamic "enum.x.y" string) and fills {placeholders}. */
export function translate(lang: Lang, key: MessageKey | string, params?: Params): string {
  const text = lookup(locales[lang], key) ?? lookup(locales.da, key) ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    return v === undefined ? m : String(v);
  });
}

/** Reports whether a dynamic key exists, so callers can fall back gracefully. */
export function hasKey(lang: Lang, key: string): boolean {
  return lookup(locales[lang], key) !== undefined;
}

export interface I18n {
  lang: Lang;
  t: (key: MessageKey, params?: Params) => string;
  /** Dynamic keys built from backend values, e.g. tx(`enum.housing.${v}`). */
  tx: (key: string, params?: Params) => string;
  setLang: (lang: Lang) => void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider(props: { lang: Lang; onChange: (lang: Lang) => void; children: ReactNode }) {
  const { lang, onChange } = props;
  const t = useCallback((key: MessageKey, params?: Params) => translate(lang, key, params), [lang]);
  const value = useMemo<I18n>(() => ({ lang, t, tx: t as I18n['tx'], setLang: onChange }), [lang, t, onChange]);
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
