import type { ReactNode } from 'react';
import { useTeam } from '../api/queries';
import { AboutLink } from '../features/about/AboutDialog';
import { useI18n, type Lang } from '../i18n/i18n';
import { href, type Route } from '../lib/router';

const sections: { key: 'citizens' | 'search' | 'overview' | 'caseload' | 'template' | 'team' | 'settings'; match: Route['name'][] }[] = [
  { key: 'citizens', match: ['citizens', 'citizen', 'citizenNew', 'citizenEdit', 'courseNew', 'course'] },
  { key: 'search', match: ['search'] },
  { key: 'overview', match: ['overview'] },
  { key: 'caseload', match: ['caseload'] },
  { key: 'template', match: ['template'] },
  { key: 'team', match: ['team'] },
  { key: 'settings', match: ['settings'] },
];

export function Shell(p: { route: Route; children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const team = useTeam();
  return (
    <div className="shell">
      <nav className="sidebar" aria-label={t('nav.main')}>
        <div className="brand">
          <div className="logo" aria-hidden="true">ICM</div>
          <div>
            <div className="brand-team">{team.data?.name ?? ''}</div>
            <div className="brand-muni">{team.data?.municipality ?? ''}</div>
          </div>
        </div>
        <ul>
          {sections.map((s) => {
            const active = s.match.includes(p.route.name);
            return (
              <li key={s.key}>
                <a href={href({ name: s.key } as Route)} aria-current={active ? 'page' : undefined} className={active ? 'active' : ''}>
                  {t(`nav.${s.key}`)}
                </a>
              </li>
            );
          })}
        </ul>
        <div className="sidebar-foot">
          <div className="lang-switch" role="group" aria-label={t('settings.language')}>
            {(['da', 'en'] as Lang[]).map((l) => (
              <button key={l} type="button" className={l === lang ? 'on' : ''} aria-pressed={l === lang} onClick={() => setLang(l)}>
                {l.toUpperCase()}
              </button>
            ))}
          </div>
          <div className="confidential">{t('app.confidential')}</div>
          <AboutLink />
        </div>
      </nav>
      <main className="content">{p.children}</main>
    </div>
  );
}
