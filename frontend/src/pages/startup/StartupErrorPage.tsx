import type { AppStatus } from '../../api/client';
import { codeText } from '../../components/errorText';
import { useI18n } from '../../i18n/i18n';

/** Shown instead of the app when the database cannot be opened safely. */
export function StartupErrorPage(p: { status: AppStatus }) {
  const { t, lang } = useI18n();
  const code = p.status.errorCode;
  const advice =
    code === 'database_corrupt'
      ? t('startup.adviceCorrupt')
      : code === 'database_locked'
        ? t('startup.adviceLocked')
        : code === 'database_newer'
          ? t('startup.adviceNewer')
          : t('startup.adviceOther');
  return (
    <main className="center-page">
      <div className="card startup-error" role="alert">
        <h1>{t('startup.title')}</h1>
        <p className="lead">{codeText(lang, code, p.status.errorParams)}</p>
        <p>{advice}</p>
        <dl className="facts">
          <dt>{t('startup.path')}</dt>
          <dd>
            <code>{p.status.databasePath}</code>
          </dd>
        </dl>
      </div>
    </main>
  );
}

/**
 * Shown above the app when the check after the start finds the file damaged while the app is
 * in use: the screens stay, so that text not yet saved can be copied elsewhere, but the Go
 * side refuses every call from now on.
 */
export function DamagedInUseBanner(p: { status: AppStatus }) {
  const { t } = useI18n();
  return (
    <div className="banner banner-error damaged-in-use" role="alert" data-testid="damaged-in-use">
      <strong>{t('startup.damagedInUseTitle')}</strong> {t('startup.damagedInUse')}
      <div className="muted">
        {t('startup.path')}: <code>{p.status.databasePath}</code>
      </div>
    </div>
  );
}
