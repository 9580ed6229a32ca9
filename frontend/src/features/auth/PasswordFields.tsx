import { TextField } from '../../components/form';
import { useI18n } from '../../i18n/i18n';

/** The backend's minimum (service.MinPasswordLen); the backend checks it, this only tells. */
export const MIN_PASSWORD = 10;

/**
 * A new password typed twice; `mismatch` is shown under the repeat until they agree. `own`
 * marks the worker's own new password (autocomplete new-password, WCAG 1.3.5); a password
 * set for someone else is not.
 */
export function NewPasswordFields(p: {
  label: string;
  value: string;
  repeat: string;
  onChange: (v: string) => void;
  onRepeat: (v: string) => void;
  error?: string;
  mismatch: boolean;
  help?: string;
  own?: boolean;
}) {
  const purpose = p.own ? 'new-password' : undefined;
  const { t } = useI18n();
  return (
    <div className="row">
      <TextField label={p.label} type="password" required value={p.value} onChange={p.onChange} error={p.error} help={p.help ?? t('auth.passwordHelp', { min: MIN_PASSWORD })} autoComplete={purpose} />
      <TextField label={t('auth.repeatPassword')} type="password" required value={p.repeat} onChange={p.onRepeat} error={p.mismatch ? t('auth.passwordsDiffer') : undefined} autoComplete={purpose} />
    </div>
  );
}
