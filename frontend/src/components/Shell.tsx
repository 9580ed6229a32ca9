import { useEffect, useState, type ReactNode } from 'react';
import { useTeam } from '../api/queries';
import { AboutLink } from '../features/about/AboutDialog';
import { LanguageSwitch } from '../features/auth/LanguageSwitch';
import { SyncIndicator } from '../features/teamfolder/SyncIndicator';
import { useIsLead, useSession } from '../features/auth/session';
import { useI18n } from '../i18n/i18n';
import { href, type Route } from '../lib/router';
import { SkipLink, useFocusOnScreenChange } from './screenFocus';
import '../features/auth/auth.css';

type Section = 'citizens' | 'search' | 'overview' | 'caseload' | 'template' | 'team' | 'audit' | 'settings';

/** The main menu; the team lead's screens are not offered to ICM workers at all. */
export const sections: { key: Section; match: Route['name'][]; leadOnly?: true }[] = [
  { key: 'citizens', match: ['citizens', 'citizen', 'citizenNew', 'citizenEdit', 'courseNew', 'course'] },
  { key: 'search', match: ['search'] },
  { key: 'overview', match: ['overview'], leadOnly: true },
  { key: 'caseload', match: ['caseload'] },
  { key: 'template', match: ['template'] },
  { key: 'team', match: ['team'] },
  { key: 'audit', match: ['audit'], leadOnly: true },
  { key: 'settings', match: ['settings'] },
];

/** Menu items whose Danish name is the English word: a screen reader says them in English. */
const englishInDanish = new Set<Section>(['caseload']);

/**
 * The frame of every signed-in screen: a skip link, the main menu (a sidebar on wide
 * windows, a bar with a menu button on narrow ones or at high zoom) and the screen itself.
 */
export function Shell(p: { route: Route; children: ReactNode }) {
  const { t, lang } = useI18n();
  const team = useTeam();
  const isLead = useIsLead();
  const [menuOpen, setMenuOpen] = useState(false);
  useFocusOnScreenChange(p.route);
  // A chosen screen closes the narrow menu again.
  const routeKey = JSON.stringify(p.route);
  useEffect(() => setMenuOpen(false), [routeKey]);
  return (
    <div className="shell">
      <SkipLink />
      <nav className="sidebar" aria-label={t('nav.main')}>
        <div className="sidebar-top">
          <div className="brand">
            <div className="logo" aria-hidden="true">ICM</div>
            <div>
              <div className="brand-team">{team.data?.name ?? ''}</div>
              <div className="brand-muni">{team.data?.municipality ?? ''}</div>
            </div>
          </div>
          <button type="button" className="menu-button" aria-expanded={menuOpen} aria-controls="main-menu-items" onClick={() => setMenuOpen((o) => !o)}>
            {t('nav.menu')}
          </button>
        </div>
        <div id="main-menu-items" className={menuOpen ? 'menu-items open' : 'menu-items'}>
          <ul>
            {sections
              .filter((s) => isLead || !s.leadOnly)
              .map((s) => {
                const active = s.match.includes(p.route.name);
                return (
                  <li key={s.key}>
                    <a href={href({ name: s.key } as Route)} aria-current={active ? 'page' : undefined} className={active ? 'active' : ''} lang={lang === 'da' && englishInDanish.has(s.key) ? 'en' : undefined}>
                      {t(`nav.${s.key}`)}
                    </a>
                  </li>
                );
              })}
          </ul>
          <div className="sidebar-foot">
            <LanguageSwitch />
            <div className="confidential">{t('app.confidential')}</div>
            <AboutLink />
          </div>
        </div>
      </nav>
      <main className="content" id="main-content" tabIndex={-1}>
        <UserBar />
        <AuditAlarm />
        {p.children}
      </main>
    </div>
  );
}

/** Who is signed in, with the lock and sign-out buttons. */
function UserBar() {
  const { t, tx } = useI18n();
  const session = useSession();
  const user = session?.user;
  if (!session || !user) return null;
  return (
    <div className="user-bar" role="region" aria-label={t('auth.signedInAs')}>
      <span className="who">
        {t('auth.signedInAs')}: <strong>{user.name}</strong> ({tx(`enum.role.${user.role}`)})
      </span>
      <SyncIndicator />
      <button type="button" onClick={() => void session.lock()}>
        {t('auth.lockNow')}
      </button>
      <button type="button" onClick={() => void session.signOut(t('auth.confirmSignOutUnsaved'))}>
        {t('auth.signOut')}
      </button>
    </div>
  );
}

/** A broken audit chain stays on every screen of a team lead until it has been dealt with. */
function AuditAlarm() {
  const { t } = useI18n();
  const session = useSession();
  const audit = session?.status.audit;
  if (!session?.isLead || !audit?.checked || audit.ok) return null;
  return (
    <div className="banner banner-error audit-alarm" role="alert">
      {audit.rewritten && !audit.brokenAt ? t('auth.auditRewritten') : t('auth.auditBroken', { entry: audit.brokenAt })}
      <a href={href({ name: 'audit' })}>{t('auth.auditBrokenLink')}</a>
    </div>
  );
}
