import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { AppError, toAppError } from '../../api/errors';
import { fieldText } from '../../components/errorText';
import { TextField } from '../../components/form';
import { ErrorBanner, FocusFirstInvalid } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { parseFraction } from '../../lib/dates';
import { NewPasswordFields } from '../../features/auth/PasswordFields';
import { LanguageSwitch } from '../../features/auth/LanguageSwitch';
import { JoinTeam } from '../../features/teamfolder/JoinTeam';
import '../../features/auth/auth.css';

/**
 * First start: set up the team with its first team lead and the lead's sign-in, or load
 * fictional demo data. Both sign the team lead in; onDone asks the backend what to show next.
 */
export function SetupPage(p: { onDone: () => Promise<void> | void }) {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const [form, setForm] = useState({ municipality: '', teamName: '', leadName: '', leadInitials: '', leadFte: '1', leadUsername: '', leadPassword: '' });
  const [repeat, setRepeat] = useState('');
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const fe = (name: string) => fieldText(lang, error?.field(name));

  const done = async (work: Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work;
      window.location.hash = '#/citizens';
      await qc.invalidateQueries();
      await p.onDone();
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="center-page">
      <div className="setup">
        <div className="auth-top">
          <h1>{t('setup.title')}</h1>
          <LanguageSwitch light />
        </div>
        <p className="lead">{t('setup.intro')}</p>
        <ErrorBanner error={error && !error.fields.length ? error : null} />
        <FocusFirstInvalid failure={error} />
        <div className="setup-grid">
          <form
            className="card"
            onSubmit={(e) => {
              e.preventDefault();
              setTried(true);
              if (form.leadPassword !== repeat) return;
              void done(api.setupTeam({ ...form, leadFte: parseFraction(form.leadFte) || 0 }));
            }}
          >
            <h2>{t('setup.createTitle')}</h2>
            <p>{t('setup.createIntro')}</p>
            <TextField label={t('setup.municipality')} required value={form.municipality} onChange={set('municipality')} error={fe('municipality')} />
            <TextField label={t('setup.teamName')} required value={form.teamName} onChange={set('teamName')} error={fe('teamName')} />
            <TextField label={t('setup.leadName')} required value={form.leadName} onChange={set('leadName')} error={fe('leadName')} />
            <div className="row">
              <TextField label={t('setup.leadInitials')} required value={form.leadInitials} onChange={set('leadInitials')} error={fe('leadInitials')} maxLength={6} />
              <TextField label={t('setup.leadFte')} required value={form.leadFte} onChange={set('leadFte')} error={fe('leadFte')} help={t('setup.leadFteHelp')} inputMode="decimal" />
            </div>
            <fieldset className="setup-account">
              <legend>{t('auth.setupAccountTitle')}</legend>
              <p className="muted small">{t('auth.setupAccountIntro')}</p>
              <TextField label={t('auth.username')} required value={form.leadUsername} onChange={set('leadUsername')} error={fe('leadUsername')} maxLength={40} autoComplete="username" />
              <NewPasswordFields
                label={t('auth.password')}
                value={form.leadPassword}
                repeat={repeat}
                onChange={set('leadPassword')}
                onRepeat={setRepeat}
                error={fe('leadPassword')}
                mismatch={tried && form.leadPassword !== repeat}
                own
              />
            </fieldset>
            <button className="primary" type="submit" disabled={busy}>
              {t('setup.createButton')}
            </button>
          </form>
          <div className="card demo-card">
            <h2>{t('setup.demoTitle')}</h2>
            <p>{t('setup.demoIntro')}</p>
            <button type="button" disabled={busy} onClick={() => void done(api.loadDemo())}>
              {t('setup.demoButton')}
            </button>
          </div>
          <JoinTeam busy={busy} onDone={async () => {
            await qc.invalidateQueries();
            await p.onDone();
          }} />
        </div>
      </div>
    </main>
  );
}
