import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuthStatus } from '../api/auth';
import { SessionContext, type Session } from '../features/auth/session';
import { da } from '../i18n/all';
import { I18nProvider } from '../i18n/i18n';
import { Shell } from './Shell';
import type { Route } from '../lib/router';

// The sync indicator reads its own query (tested in features/teamfolder).
vi.mock('../features/teamfolder/SyncIndicator', () => ({ SyncIndicator: () => null }));
vi.mock('../api/queries', () => ({
  useTeam: () => ({ data: { name: 'ICM Øst', municipality: 'Testrup Kommune' } }),
  useStatus: () => ({ data: {} }),
}));

afterEach(cleanup);

function session(role: string, audit: Partial<AuthStatus['audit']> = {}): Session {
  const status: AuthStatus = {
    hasTeam: true,
    hasAccount: true,
    signedIn: true,
    locked: false,
    mustChange: false,
    user: { workerId: 2, name: role === 'team_lead' ? 'Mette Lund' : 'Jonas Ørnberg', initials: 'X', role },
    lockMinutes: 10,
    demo: false,
    leadsWithoutAccount: [],
    audit: { checked: true, ok: true, entries: 5, brokenAt: 0, checkedAt: '', full: true, newEntries: 0, fullAt: '', rewritten: false, anchorId: 0, anchorSource: '', anchorAt: '', headId: 0, headHash: '', ...audit },
  };
  return { status, user: status.user!, isLead: role === 'team_lead', apply: vi.fn(), refresh: vi.fn(), lock: vi.fn(), signOut: vi.fn() };
}

function renderShell(s: Session) {
  render(
    <I18nProvider lang="da" onChange={() => {}}>
      <SessionContext.Provider value={s}>
        <Shell route={{ name: 'citizens' }}>
          <h1>Borgere</h1>
          <p>indhold</p>
        </Shell>
      </SessionContext.Provider>
    </I18nProvider>,
  );
}

const menu = () => within(screen.getByRole('navigation', { name: da.nav.main })).getAllByRole('link').map((l) => l.textContent);

function shellAt(route: Route, lang: 'da' | 'en') {
  return (
    <I18nProvider lang={lang} onChange={() => {}}>
      <SessionContext.Provider value={session('icm_worker')}>
        <Shell route={route}>
          <h1>x</h1>
        </Shell>
      </SessionContext.Provider>
    </I18nProvider>
  );
}

describe('the window title', () => {
  it('names the screen in the UI’s language, never the citizen, and is "ICM" again when the shell goes', () => {
    const view = render(shellAt({ name: 'citizens' }, 'da'));
    expect(document.title).toBe('Borgere – ICM');
    view.rerender(shellAt({ name: 'course', id: 4, step: 'planning' }, 'da'));
    expect(document.title).toBe('Forløb: Planlægning – ICM');
    view.rerender(shellAt({ name: 'course', id: 4, step: 'planning' }, 'en'));
    expect(document.title).toBe('Course: Planning – ICM');
    view.rerender(shellAt({ name: 'citizen', id: 4 }, 'da'));
    expect(document.title).toBe('Borger – ICM');
    view.rerender(shellAt({ name: 'overview' }, 'en'));
    expect(document.title).toBe('Overview – ICM');
    view.unmount();
    expect(document.title).toBe('ICM');
  });
});

describe('the shell', () => {
  it('starts with a skip link, and its menu button says whether the narrow menu is open', () => {
    renderShell(session('team_lead'));
    const links = screen.getAllByRole('link');
    expect(links[0].textContent).toBe(da.nav.skipToContent);
    fireEvent.click(links[0]);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Borgere' }));
    const button = screen.getByRole('button', { name: da.nav.menu });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('aria-controls')).toBe('main-menu-items');
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById('main-menu-items')?.className).toContain('open');
  });

  it('offers the team lead every screen, the audit log included', () => {
    renderShell(session('team_lead'));
    expect(menu()).toEqual(['Borgere', 'Søg i notater', 'Overblik', 'Caseload', 'Metodeskabelon', 'Team', 'Logning', 'Indstillinger']);
  });

  it('does not offer an ICM worker the team lead’s screens', () => {
    renderShell(session('icm_worker'));
    expect(menu()).toEqual(['Borgere', 'Søg i notater', 'Caseload', 'Metodeskabelon', 'Team', 'Indstillinger']);
  });

  it('says who is signed in, and locks and signs out on request', () => {
    const s = session('icm_worker');
    renderShell(s);
    const bar = screen.getByRole('region', { name: da.auth.signedInAs });
    expect(bar.textContent).toContain('Logget ind: Jonas Ørnberg (ICM-medarbejder)');
    fireEvent.click(within(bar).getByRole('button', { name: da.auth.lockNow }));
    expect(s.lock).toHaveBeenCalled();
    fireEvent.click(within(bar).getByRole('button', { name: da.auth.signOut }));
    expect(s.signOut).toHaveBeenCalledWith(da.auth.confirmSignOutUnsaved);
  });

  it('keeps a broken audit chain in front of every team lead', () => {
    renderShell(session('team_lead', { ok: false, brokenAt: 17 }));
    const alarm = screen.getByRole('alert');
    expect(alarm.textContent).toContain('ikke intakt fra post nr. 17');
    expect(within(alarm).getByRole('link', { name: da.auth.auditBrokenLink }).getAttribute('href')).toBe('#/audit');
    cleanup();
    renderShell(session('icm_worker', { ok: false, brokenAt: 17 }));
    expect(screen.queryByRole('alert')).toBeNull();
    cleanup();
    renderShell(session('team_lead', { checked: false, ok: false }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('raises the alarm when the chain holds together but no longer matches a checkpoint outside the file', () => {
    renderShell(session('team_lead', { ok: false, rewritten: true, anchorId: 40, anchorSource: 'backup' }));
    expect(screen.getByRole('alert').textContent).toContain(da.auth.auditRewritten);
  });
});
