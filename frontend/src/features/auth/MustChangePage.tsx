import type { AuthStatus } from '../../api/auth';
import { useI18n } from '../../i18n/i18n';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useSession } from './session';
import './auth.css';

/**
 * After the team lead has given a worker a first or new password: the worker chooses their
 * own before anything else is shown. It cannot be skipped, only left by signing out.
 */
export function MustChangePage(p: { onDone: (s: AuthStatus) => void }) {
  const { t } = useI18n();
  const session = useSession();
  return (
    <main className="center-page auth-page">
      <div className="auth-box">
        <ChangePasswordForm title={t('auth.mustChangeTitle')} intro={t('auth.mustChangeIntro')} onDone={p.onDone} autoFocus />
        <button type="button" className="link" onClick={() => void session?.signOut(t('auth.confirmSignOutUnsaved'))}>
          {t('auth.signOut')}
        </button>
      </div>
    </main>
  );
}
