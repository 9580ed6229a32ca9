import { Badge } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';

/** Says plainly that what is shown belongs to a colleague and cannot be changed here. */
export function ReadOnlyBanner(p: { text: string }) {
  const { t } = useI18n();
  return (
    <div className="banner banner-info readonly-banner" role="note" data-testid="read-only-banner">
      <Badge tone="info">{t('auth.readOnlyBadge')}</Badge>
      <span>{p.text}</span>
    </div>
  );
}
