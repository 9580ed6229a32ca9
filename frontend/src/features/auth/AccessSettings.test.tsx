import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authApi, type AuthStatus } from '../../api/auth';
import { AppError } from '../../api/errors';
import { stepsApi } from '../../api/steps';
import { da } from '../../i18n/all';
import { I18nProvider } from '../../i18n/i18n';
import { AccessSettings } from './AccessSettings';
import { ChangePasswordForm } from './ChangePasswordForm';
import { SessionContext, type Session } from './session';

vi.mock('../../api/auth', () => ({ authApi: { changePassword: vi.fn() } }));
vi.mock('../../api/steps', () => ({ stepsApi: { teamSettings: vi.fn(), saveTeamSettings: vi.fn() } }));

const a = da.auth;

afterEach(cleanup);
beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(stepsApi.teamSettings).mockResolvedValue({ colleagueAccess: 'read_only', lockMinutes: 10, contactGapDays: 14 });
});

/** A promise the test resolves when it wants the call to finish. */
function deferred<T>() {
  let resolve: (v: T) => void = () => undefined;
  const promise = new Promise<T>((res) => (resolve = res));
  return { promise, resolve };
}

function show(ui: ReactNode) {
  const session = { isLead: true, user: null, refresh: vi.fn(), apply: vi.fn() } as unknown as Session;
  return render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <I18nProvider lang="da" onChange={() => {}}>
        <SessionContext.Provider value={session}>{ui}</SessionContext.Provider>
      </I18nProvider>
    </QueryClientProvider>,
  );
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const field = (label: string) => screen.getByLabelText(new RegExp(`^${esc(label)}( \\*)?$`)) as HTMLInputElement;
const focusedLine = () => document.activeElement as HTMLElement;

describe('the team access settings', () => {
  it('keeps the focus on the busy save button, then gives it to the line that says it is saved', async () => {
    const call = deferred<{ colleagueAccess: string; lockMinutes: number; contactGapDays: number }>();
    vi.mocked(stepsApi.saveTeamSettings).mockReturnValue(call.promise);
    show(<AccessSettings />);
    await screen.findByRole('heading', { name: a.accessTitle });
    fireEvent.change(field(a.lockMinutes), { target: { value: '15' } });
    const save = screen.getByRole('button', { name: a.saveSettings });
    save.focus();
    fireEvent.click(save);
    await waitFor(() => expect(save.getAttribute('aria-disabled')).toBe('true'));
    expect(document.activeElement).toBe(save);
    call.resolve({ colleagueAccess: 'read_only', lockMinutes: 15, contactGapDays: 14 });
    // Saved, nothing is changed any more and the button is unavailable: the line has the focus.
    await waitFor(() => expect(focusedLine().textContent).toBe(`✓ ${a.settingsSaved}`));
    expect(focusedLine().hasAttribute('data-status-line')).toBe(true);
    expect(focusedLine().hasAttribute('role')).toBe(false);
    expect((save as HTMLButtonElement).disabled).toBe(true);
    // Typing again empties the line.
    fireEvent.change(field(a.lockMinutes), { target: { value: '20' } });
    expect(document.querySelector('[data-status-line]')?.textContent).toBe('');
  });

  it('after a failed save the focus goes to the first wrong field', async () => {
    vi.mocked(stepsApi.saveTeamSettings).mockRejectedValue(new AppError('invalid_input', [{ field: 'lockMinutes', code: 'out_of_range' }]));
    show(<AccessSettings />);
    await screen.findByRole('heading', { name: a.accessTitle });
    fireEvent.change(field(a.lockMinutes), { target: { value: '999' } });
    const save = screen.getByRole('button', { name: a.saveSettings });
    save.focus();
    fireEvent.click(save);
    await waitFor(() => expect(document.activeElement).toBe(field(a.lockMinutes)));
    expect(field(a.lockMinutes).getAttribute('aria-invalid')).toBe('true');
  });
});

describe('changing one’s own password', () => {
  const fill = (current: string, next: string, repeat: string) => {
    fireEvent.change(field(a.currentPassword), { target: { value: current } });
    fireEvent.change(field(a.newPassword), { target: { value: next } });
    fireEvent.change(field(a.repeatPassword), { target: { value: repeat } });
  };
  const submit = () => {
    const button = screen.getByRole('button', { name: a.changePassword });
    button.focus();
    fireEvent.click(button);
    return button;
  };

  it('says the password is changed in a line that takes the focus', async () => {
    const call = deferred<AuthStatus>();
    vi.mocked(authApi.changePassword).mockReturnValue(call.promise);
    const onDone = vi.fn();
    show(<ChangePasswordForm title="Skift" intro="" onDone={onDone} />);
    fill('gammel-kode-1', 'ny-og-lang-kode', 'ny-og-lang-kode');
    const button = submit();
    await waitFor(() => expect(button.getAttribute('aria-disabled')).toBe('true'));
    expect(document.activeElement).toBe(button);
    call.resolve({} as AuthStatus);
    await waitFor(() => expect(focusedLine().textContent).toBe(`✓ ${a.passwordChanged}`));
    expect(focusedLine().hasAttribute('role')).toBe(false);
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('focuses the repeat field when the two new passwords differ', () => {
    show(<ChangePasswordForm title="Skift" intro="" onDone={() => {}} />);
    fill('gammel-kode-1', 'ny-og-lang-kode', 'ny-og-lang-kodx');
    submit();
    expect(document.activeElement).toBe(field(a.repeatPassword));
    expect(authApi.changePassword).not.toHaveBeenCalled();
  });

  it('focuses the field the backend finds wrong', async () => {
    vi.mocked(authApi.changePassword).mockRejectedValue(new AppError('invalid_input', [{ field: 'current', code: 'wrong_password' }]));
    show(<ChangePasswordForm title="Skift" intro="" onDone={() => {}} />);
    fill('forkert-kode', 'ny-og-lang-kode', 'ny-og-lang-kode');
    submit();
    await waitFor(() => expect(document.activeElement).toBe(field(a.currentPassword)));
  });
});
