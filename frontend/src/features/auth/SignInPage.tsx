import { useState } from 'react';
import { authApi, type AuthStatus } from '../../api/auth';
import { toAppError, type AppError } from '../../api/errors';
import { TextField } from '../../components/form';
import { ErrorBanner } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { LanguageSwitch } from './LanguageSwitch';
import './auth.css';

/** The demo workers' shared password (service.DemoPassword); shown only for the demo team. */
export const DEMO_PASSWORD = 'demo-adgang';

/**
 * Sign-in with username and password. A wrong attempt says only that the pair is wrong; after
 * five in a row the backend locks the account and the message says until when.
 */
export function SignInPage(p: { status: AuthStatus; onDone: (s: AuthStatus) => void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      p.onDone(await authApi.signIn(username, password));
    } catch (e) {
      setError(toAppError(e));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="center-page auth-page">
      <div className="auth-box">
        <div className="auth-top">
          <div className="auth-brand">
            <span className="logo" aria-hidden="true">
              ICM
            </span>
            <span lang="en">{t('app.tagline')}</span>
          </div>
          <LanguageSwitch light />
        </div>
        <form
          className="card form auth-card"
          aria-labelledby="sign-in-title"
          autoComplete="off"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <h1 id="sign-in-title">{t('auth.signInTitle')}</h1>
          <p className="muted">{t('auth.signInIntro')}</p>
          <ErrorBanner error={error} />
          <TextField label={t('auth.username')} required value={username} onChange={setUsername} autoFocus maxLength={100} autoComplete="username" />
          <TextField label={t('auth.password')} type="password" required value={password} onChange={setPassword} maxLength={200} autoComplete="current-password" />
          <div className="form-actions">
            <button className="primary" type="submit" disabled={busy}>
              {busy ? t('auth.working') : t('auth.signIn')}
            </button>
          </div>
          <p className="muted small">{t('auth.forgotten')}</p>
        </form>
        {p.status.demo && (
          <aside className="card demo-card auth-demo" aria-label={t('auth.demoTitle')}>
            <h2>{t('auth.demoTitle')}</h2>
            <p>{t('auth.demoHint', { password: DEMO_PASSWORD })}</p>
          </aside>
        )}
        <p className="confidential-line">{t('app.confidential')}</p>
      </div>
    </main>
  );
}
