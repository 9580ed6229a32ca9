import { useState } from 'react';
import { authApi, type AuthStatus } from '../../api/auth';
import { toAppError, type AppError } from '../../api/errors';
import { fieldText } from '../../components/errorText';
import { SelectField, TextField } from '../../components/form';
import { ErrorBanner, FocusFirstInvalid } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { NewPasswordFields } from './PasswordFields';
import './auth.css';

/**
 * A database with a team but no team lead who can sign in (data from before sign-in
 * existed): one of the active team leads gets a username and password, and is signed in.
 */
export function FirstAccountPage(p: { status: AuthStatus; onDone: (s: AuthStatus) => void }) {
  const { t, lang } = useI18n();
  const leads = p.status.leadsWithoutAccount;
  const [f, setF] = useState({ workerId: leads.length === 1 ? String(leads[0].id) : '', username: '', password: '', repeat: '' });
  const [error, setError] = useState<AppError | null>(null);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const fe = (name: string) => fieldText(lang, error?.field(name));
  return (
    <main className="center-page auth-page">
      <div className="auth-box wide">
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
          className="card form"
          aria-labelledby="first-account-title"
          autoComplete="off"
          onSubmit={(e) => {
            e.preventDefault();
            setTried(true);
            if (f.password !== f.repeat) return;
            setBusy(true);
            setError(null);
            authApi
              .setupFirstAccount(Number(f.workerId) || 0, f.username, f.password)
              .then(p.onDone)
              .catch((e) => setError(toAppError(e)))
              .finally(() => setBusy(false));
          }}
        >
          <h1 id="first-account-title">{t('auth.firstAccountTitle')}</h1>
          <p className="muted">{t('auth.firstAccountIntro')}</p>
          <ErrorBanner error={error && !error.fields.length ? error : null} />
          <FocusFirstInvalid failure={error} />
          <SelectField
            label={t('auth.firstAccountLead')}
            required
            value={f.workerId}
            onChange={(workerId) => setF({ ...f, workerId })}
            options={leads.map((w) => ({ value: String(w.id), label: `${w.name} (${w.initials})` }))}
            error={fe('workerId')}
          />
          <TextField label={t('auth.username')} required value={f.username} onChange={(username) => setF({ ...f, username })} error={fe('username')} maxLength={40} autoComplete="username" />
          <NewPasswordFields
            label={t('auth.password')}
            value={f.password}
            repeat={f.repeat}
            onChange={(password) => setF({ ...f, password })}
            onRepeat={(repeat) => setF({ ...f, repeat })}
            error={fe('password')}
            mismatch={tried && f.password !== f.repeat}
            own
          />
          <div className="form-actions">
            <button className="primary" type="submit" disabled={busy}>
              {t('auth.firstAccountButton')}
            </button>
          </div>
        </form>
      </div>
    </main>
  );
}
