import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authApi, type Account } from '../../api/auth';
import { AppError } from '../../api/errors';
import { da } from '../../i18n/all';
import { I18nProvider } from '../../i18n/i18n';
import { AccountCell, suggestUsername } from './Accounts';

vi.mock('../../api/auth', () => ({ authApi: { saveAccount: vi.fn(), unlockAccount: vi.fn(), accounts: vi.fn() } }));

const a = da.auth;
const account = (over: Partial<Account> = {}): Account => ({
  workerId: 5,
  name: 'Aisha Khalil',
  initials: 'AK',
  role: 'icm_worker',
  active: true,
  hasAccount: false,
  username: '',
  failedAttempts: 0,
  lockedUntil: '',
  lastSignIn: '',
  mustChange: false,
  ...over,
});

afterEach(cleanup);
beforeEach(() => vi.clearAllMocks());

function renderCell(acc: Account) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <I18nProvider lang="da" onChange={() => {}}>
        <AccountCell account={acc} />
      </I18nProvider>
    </QueryClientProvider>,
  );
}

const field = (root: HTMLElement, label: string) => within(root).getByLabelText(new RegExp(`^${label}( \\*)?$`));

describe('a worker’s sign-in on the team page', () => {
  it('shows each state', () => {
    renderCell(account());
    expect(screen.getByText(a.noAccount)).toBeTruthy();
    cleanup();
    renderCell(account({ hasAccount: true, username: 'aisha', mustChange: true }));
    expect(screen.getByText(a.mustChange)).toBeTruthy();
    expect(screen.getByText(a.neverSignedIn)).toBeTruthy();
    cleanup();
    renderCell(account({ hasAccount: true, username: 'aisha', lockedUntil: '01.12.2026 14:35', lastSignIn: '30.11.2026 08:02' }));
    expect(screen.getByText('Spærret til 01.12.2026 14:35')).toBeTruthy();
    expect(screen.getByText('Sidst logget ind 30.11.2026 08:02')).toBeTruthy();
    expect(screen.getByRole('button', { name: a.unlockAccount })).toBeTruthy();
  });

  it('gives access with a username and a temporary password typed twice', async () => {
    renderCell(account());
    fireEvent.click(screen.getByRole('button', { name: a.createAccount }));
    const dialog = screen.getByRole('dialog', { name: 'Opret adgang for Aisha Khalil' });
    expect((field(dialog, a.username) as HTMLInputElement).value).toBe('aisha');
    expect(document.activeElement).toBe(field(dialog, a.username));
    fireEvent.change(field(dialog, a.firstPassword), { target: { value: 'midlertidig-42' } });
    fireEvent.change(field(dialog, a.repeatPassword), { target: { value: 'midlertidig-24' } });
    fireEvent.click(within(dialog).getByRole('button', { name: a.createAccount }));
    expect(within(dialog).getByText(a.passwordsDiffer)).toBeTruthy();
    expect(authApi.saveAccount).not.toHaveBeenCalled();

    vi.mocked(authApi.saveAccount).mockRejectedValueOnce(new AppError('invalid_input', [{ field: 'username', code: 'username_taken' }]));
    fireEvent.change(field(dialog, a.repeatPassword), { target: { value: 'midlertidig-42' } });
    fireEvent.click(within(dialog).getByRole('button', { name: a.createAccount }));
    expect(await within(dialog).findByText(da.errors.username_taken)).toBeTruthy();
    // the refused account puts the focus on the field that is wrong
    expect(document.activeElement).toBe(field(dialog, a.username));

    vi.mocked(authApi.saveAccount).mockResolvedValueOnce(account({ hasAccount: true, username: 'aisha.k', mustChange: true }));
    fireEvent.change(field(dialog, a.username), { target: { value: 'aisha.k' } });
    fireEvent.click(within(dialog).getByRole('button', { name: a.createAccount }));
    expect(await within(dialog).findByText(/Giv Aisha Khalil brugernavn og adgangskode personligt/)).toBeTruthy();
    // The success message replaced the form, whose button held the focus: the message takes it.
    const line = dialog.querySelector('[data-status-line]');
    expect(document.activeElement).toBe(line);
    // Read once, on focus: the focused message is no live region as well.
    expect(within(dialog).queryByRole('status')).toBeNull();
    expect(authApi.saveAccount).toHaveBeenLastCalledWith({ workerId: 5, username: 'aisha.k', password: 'midlertidig-42' });
    fireEvent.click(within(dialog).getByRole('button', { name: da.common.close }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('lifts a lockout after asking, and Escape closes the dialog', async () => {
    renderCell(account({ hasAccount: true, username: 'aisha', lockedUntil: '01.12.2026 14:35' }));
    fireEvent.click(screen.getByRole('button', { name: a.unlockAccount }));
    let dialog = screen.getByRole('dialog', { name: 'Ophæv spærringen for Aisha Khalil' });
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(authApi.unlockAccount).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: a.unlockAccount }));
    dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('kontoen er spærret til 01.12.2026 14:35');
    vi.mocked(authApi.unlockAccount).mockResolvedValue(account({ hasAccount: true, username: 'aisha' }));
    fireEvent.click(within(dialog).getByRole('button', { name: a.unlockAccount }));
    await waitFor(() => expect(authApi.unlockAccount).toHaveBeenCalledWith(5));
    expect(await within(dialog).findByText(a.unlocked)).toBeTruthy();
    expect(document.activeElement).toBe(dialog.querySelector('[data-status-line]'));
    expect(within(dialog).queryByRole('status')).toBeNull();
  });

  it('suggests the first name in lower case as username', () => {
    expect(suggestUsername('Aisha Khalil')).toBe('aisha');
    expect(suggestUsername('  Ørjan  Kvist')).toBe('ørjan');
    expect(suggestUsername('Jens-Ole Bæk')).toBe('jens-ole');
    expect(suggestUsername('')).toBe('');
  });
});
