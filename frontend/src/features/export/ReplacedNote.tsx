import { useI18n } from '../../i18n/i18n';

/** The first characters the PDF could not print as written, for the note. */
function replacedList(chars: string[]): string {
  const most = 12;
  return chars.slice(0, most).join(' ') + (chars.length > most ? ' …' : '');
}

/**
 * Says which characters a saved PDF could not print as written (its font lacks them, so they
 * show as □ or a similar letter); nothing when every character printed.
 */
export function ReplacedNote(p: { chars?: string[] | null }) {
  const { t } = useI18n();
  if (!p.chars || p.chars.length === 0) return null;
  return (
    <span role="note" className="replaced-note">
      {' '}
      {t('export.replaced', { chars: replacedList(p.chars) })}
    </span>
  );
}
