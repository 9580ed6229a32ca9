import { useI18n, type Lang } from '../../i18n/i18n';

/** Each language named in itself, and read out in that language (lang on the button). */
const names: Record<Lang, string> = { da: 'Dansk', en: 'English' };

/** Dansk/English, stored by the backend (no browser storage); usable before sign-in. */
export function LanguageSwitch(p: { light?: boolean }) {
  const { t, lang, setLang } = useI18n();
  return (
    <div className={`lang-switch${p.light ? ' light' : ''}`} role="group" aria-label={t('settings.language')}>
      {(['da', 'en'] as Lang[]).map((l) => (
        <button key={l} type="button" lang={l} className={l === lang ? 'on' : ''} aria-pressed={l === lang} aria-label={`${l.toUpperCase()} – ${names[l]}`} onClick={() => setLang(l)}>
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
