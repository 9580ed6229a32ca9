import { useRef, useState } from 'react';
import { authApi, type AuthStatus } from '../../api/auth';
import { toAppError, type AppError } from '../../api/errors';
import { BusyButton } from '../../components/BusyButton';
import { fieldText } from '../../components/errorText';
import { StatusLine, useFocusFirstInvalid, useStatusLine } from '../../components/focus';
import { TextField } from '../../components/form';
import { ErrorBanner } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { NewPasswordFields } from './PasswordFields';
import { useSession } from './session';

/**
 * Changes the signed-in worker's own password: the current one, then the new one twice. The
 * button keeps the focus while the change runs; then a status line mounted once says it is
 * changed and takes the focus, or the first wrong field does.
 */
export function ChangePasswordForm(p: { onDone: (s: AuthStatus) => void; title: string; intro: string; autoFocus?: boolean }) {
  const { t, lang } = useI18n();
  const session = useSession();
  const [f, setF] = useState({ current: '', next: '', repeat: '' });
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  // Counts the failed attempts (also the mismatch found here), so each one moves the focus.
  const [failed, setFailed] = useState(0);
  const status = useStatusLine();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, failed || null);
  const mismatch = tried && f.next !== f.repeat;
  const fe = (name: string) => fieldText(lang, error?.field(name));

  return (
    <form
      ref={formRef}
      className="card form"
      aria-labelledby="change-password-title"
      autoComplete="off"
      onSubmit={(e) => {
        e.preventDefault();
        if (busy) return;
        setTried(true);
        status.clear();
        if (f.next !== f.repeat) {
          setFailed((n) => n + 1);
          return;
        }
        setBusy(true);
        setError(null);
        authApi
          .changePassword(f.current, f.next)
          .then((s) => {
            setF({ current: '', next: '', repeat: '' });
            setTried(false);
            status.say(t('auth.passwordChanged'));
            p.onDone(s);
          })
          .catch((e) => {
            const err = toAppError(e);
            setError(err);
            setFailed((n) => n + 1);
            // Too many wrong current passwords lock the account and the screen with it.
            if (err.code === 'account_locked') void session?.refresh();
          })
          .finally(() => setBusy(false));
      }}
    >
      <h2 id="change-password-title">{p.title}</h2>
      <p className="muted">{p.intro}</p>
      <ErrorBanner error={error && !error.fields.length ? error : null} />
      <TextField label={t('auth.currentPassword')} type="password" required value={f.current} onChange={(current) => setF({ ...f, current })} error={fe('current')} autoFocus={p.autoFocus} autoComplete="current-password" />
      <NewPasswordFields
        label={t('auth.newPassword')}
        value={f.next}
        repeat={f.repeat}
        onChange={(next) => setF({ ...f, next })}
        onRepeat={(repeat) => setF({ ...f, repeat })}
        error={fe('new')}
        mismatch={mismatch}
        own
      />
      <div className="form-actions">
        <BusyButton className="primary" type="submit" busy={busy}>
          {t('auth.changePassword')}
        </BusyButton>
      </div>
      <StatusLine status={status} />
    </form>
  );
}
