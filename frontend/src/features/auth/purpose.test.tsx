import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Account, AuthStatus } from '../../api/auth';
import { da } from '../../i18n/da';
import { I18nProvider } from '../../i18n/i18n';
import { AccountCell } from './Accounts';
import { ChangePasswordForm } from './ChangePasswordForm';
import { FirstAccountPage } from './FirstAccountPage';
import { LockScreen } from './LockScreen';
import { MustChangePage } from './MustChangePage';
import { SignInPage } from './SignInPage';

vi.mock('../../api/auth', () => ({ authApi: {} }));

const a = da.auth;
const status: AuthStatus = {
  hasTeam: true,
  hasAccount: false,
  signedIn: false,
  locked: false,
  mustChange: false,
  user: { workerId: 3, name: 'Jonas Ørnberg', initials: 'JØ', role: 'team_lead' },
  lockMinutes: 10,
  demo: false,
  leadsWithoutAccount: [{ id: 3, name: 'Jonas Ørnberg', initials: 'JØ' }],
} as unknown as AuthStatus;

afterEach(cleanup);

function show(ui: ReactNode) {
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <I18nProvider lang="da" onChange={() => {}}>
        {ui}
      </I18nProvider>
    </QueryClientProvider>,
  );
}

/** The autocomplete token of the input labelled `label` (with or without the required mark). */
const purpose = (label: string, root: HTMLElement = document.body) =>
  within(root).getByLabelText(new RegExp(`^${label}( \\*)?$`)).getAttribute('autocomplete');

describe('the purpose of the worker’s own sign-in fields (WCAG 1.3.5)', () => {
  it('sign-in: username and current password, inside a main landmark', () => {
    show(<SignInPage status={status} onDone={() => {}} />);
    expect(purpose(a.username)).toBe('username');
    expect(purpose(a.password)).toBe('current-password');
    expect(screen.getByRole('main')).toBeTruthy();
  });

  it('lock screen: the current password', () => {
    show(<LockScreen status={{ ...status, signedIn: true, locked: true }} onUnlocked={() => {}} />);
    expect(purpose(a.password)).toBe('current-password');
  });

  it('first account: a username and a new password typed twice, inside a main landmark', () => {
    show(<FirstAccountPage status={status} onDone={() => {}} />);
    expect(purpose(a.username)).toBe('username');
    expect(purpose(a.password)).toBe('new-password');
    expect(purpose(a.repeatPassword)).toBe('new-password');
    expect(screen.getByRole('main')).toBeTruthy();
  });

  it('changing one’s own password: current, then new twice', () => {
    show(<ChangePasswordForm title="Skift" intro="" onDone={() => {}} />);
    expect(purpose(a.currentPassword)).toBe('current-password');
    expect(purpose(a.newPassword)).toBe('new-password');
    expect(purpose(a.repeatPassword)).toBe('new-password');
  });

  it('the forced change page is a main landmark', () => {
    show(<MustChangePage onDone={() => {}} />);
    expect(screen.getByRole('main')).toBeTruthy();
  });

  it('a password the lead sets for another worker gets no token', () => {
    const acc = { workerId: 5, name: 'Aisha Khalil', initials: 'AK', role: 'icm_worker', active: true, hasAccount: false, username: '', failedAttempts: 0, lockedUntil: '', lastSignIn: '', mustChange: false } as Account;
    show(<AccountCell account={acc} />);
    fireEvent.click(screen.getByRole('button', { name: a.createAccount }));
    const dialog = screen.getByRole('dialog');
    expect(purpose(a.username, dialog)).toBeNull();
    expect(purpose(a.firstPassword, dialog)).toBeNull();
    expect(purpose(a.repeatPassword, dialog)).toBeNull();
  });
});
