import { useI18n } from '../../../i18n/i18n';

/** What a step still lacks, as the method asks it; assessment topics read as their names. */
export function MissingLine(p: { missing: string[] }) {
  const { t, tx } = useI18n();
  if (p.missing.length === 0) return null;
  const label = (m: string) => (m.startsWith('topic:') ? tx(`topics.${m.slice(6)}`) : tx(`requirement.${m}`));
  return (
    <div className="banner banner-info">
      <strong>{t('course.missing')}:</strong> {p.missing.map(label).join(' · ')}
    </div>
  );
}
