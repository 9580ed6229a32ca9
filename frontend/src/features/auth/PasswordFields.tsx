import { TextField } from '../../components/form';
import { useI18n } from '../../i18n/i18n';

/** The backend's minimum (service.MinPasswordLen); the backend checks it, this only tells. */
export const MIN_PASSWORD = 10;

/** A new password typed twice; `mismatch` is shown under the repeat until they agree. */
export function NewPasswordFields(p: {
  label: string;
  value: string;
  repeat: string;
  onChange: (v: string) => void;
  onRepeat: (v: string) => void;
  error?: string;
  mismatch: boolean;
  help?: string;
}) {
  const { t } = useI18n();
  return (
    <div className="row">
      <TextField label={p.label} type="password" required value={p.value} onChange={p.onChange} error={p.error} help={p.help ?? t('auth.passwordHelp', { min: MIN_PASSWORD })} />
      <TextField label={t('auth.repeatPassword')} type="password" required value={p.repeat} onChange={p.onRepeat} error={p.mismatch ? t('auth.passwordsDiffer') : undefined} />
    </div>
  );
}
