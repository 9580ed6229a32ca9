import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authApi, type AuthStatus } from '../../api/auth';
import { call } from '../../api/call';
import type { AppStatus } from '../../api/client';
import { AppError } from '../../api/errors';
import { da } from '../../i18n/all';
import { I18nProvider } from '../../i18n/i18n';
import { registerDirty, registerFlush } from '../../lib/unsaved';
import { AuthGate } from './AuthGate';
import { useSession } from './session';

vi.mock('../../api/auth', () => ({
  authApi: {
    status: vi.fn(),
    signIn: vi.fn(),
    unlock: vi.fn(),
    lock: vi.fn(),
    signOut: vi.fn(),
    setupFirstAccount: vi.fn(),
    changePassword: vi.fn(),
    keepAlive: vi.fn(),
  },
}));

const a = da.auth;
const user = { workerId: 3, name: 'Jonas Ørnberg', initials: 'JØ', role: 'icm_worker' };
const status = (over: Partial<AuthStatus> = {}): AuthStatus => ({
  hasTeam: true,
  hasAccount: true,
  signedIn: true,
  locked: false,
  mustChange: false,
  user,
  lockMinutes: 10,
  demo: false,
  leadsWithoutAccount: [],
  audit: { checked: true, ok: true, entries: 3, brokenAt: 0, checkedAt: '01.12.2026 09:00', full: true, newEntries: 0, fullAt: '01.12.2026 09:00', rewritten: false, anchorId: 0, anchorSource: '', anchorAt: '', headId: 0, headHash: '' },
  ...over,
});
const signedOut = status({ signedIn: false, user: undefined });
const wire = (code: string, params: Record<string, string> = {}) => new AppError(code, [], params);

/** Stands in for the app: a half-typed note, a cached read, and a call that can fail. */
function FakeApp() {
  const [note, setNote] = useState('');
  const citizens = useQuery({ queryKey: ['citizens', ''], queryFn: () => Promise.resolve(['Åse Holm']) });
  const session = useSession();
  useEffect(() => registerDirty(() => note !== ''), [note]);
  return (
    <div data-testid="app">
      <p>{citizens.data?.join(', ')}</p>
      <label>
        Notat
        <textarea value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="button" onClick={() => void call(() => Promise.reject(wire('session_locked'))).catch(() => undefined)}>
        Gem
      </button>
      <button type="button" onClick={() => void session?.lock()}>
        {a.lockNow}
      </button>
    </div>
  );
}

let client: QueryClient;
function gate(damaged?: AppStatus) {
  return (
    <QueryClientProvider client={client}>
      <I18nProvider lang="da" onChange={() => {}}>
        <AuthGate damaged={damaged}>
          <FakeApp />
        </AuthGate>
      </I18nProvider>
    </QueryClientProvider>
  );
}
function renderGate() {
  client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(['status'], { language: 'da' });
  return render(gate());
}

const damagedStatus: AppStatus = {
  ready: false,
  errorCode: 'database_corrupt',
  errorParams: { path: '/data/icm.db' },
  databasePath: '/data/icm.db',
  schemaVersion: 0,
  version: '0.1.0',
  hasTeam: false,
  language: 'da',
};

/** A field by its label, with or without the required mark. */
const field = (label: string) => screen.getByLabelText(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`));
const type = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });

beforeEach(() => {
  vi.clearAllMocks();
  // Like the real one, the keep-alive is a call the backend counts as activity.
  vi.mocked(authApi.keepAlive).mockImplementation(() => call(() => Promise.resolve({} as never)));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('AuthGate', () => {
  it('keeps a signed-in worker\'s screens, typed text included, under a banner when the file is found damaged', async () => {
    vi.mocked(authApi.status).mockResolvedValue(status());
    const view = renderGate();
    await screen.findByTestId('app');
    fireEvent.change(screen.getByLabelText('Notat'), { target: { value: 'Halvskrevet notat om Åse' } });
    view.rerender(gate(damagedStatus));
    const banner = await screen.findByTestId('damaged-in-use');
    expect(banner.getAttribute('role')).toBe('alert');
    expect(banner.textContent).toContain(da.startup.damagedInUseTitle);
    expect(banner.textContent).toContain('/data/icm.db');
    expect((screen.getByLabelText('Notat') as HTMLTextAreaElement).value).toBe('Halvskrevet notat om Åse');
  });

  it('shows the start error page instead of sign-in when the file is found damaged before anyone signed in', async () => {
    vi.mocked(authApi.status).mockResolvedValue(signedOut);
    const view = renderGate();
    await screen.findByRole('heading', { name: a.signInTitle });
    view.rerender(gate(damagedStatus));
    expect(await screen.findByRole('heading', { name: da.startup.title })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: a.signInTitle })).toBeNull();
    expect(screen.queryByTestId('damaged-in-use')).toBeNull();
  });

  it('signs in: a wrong password says so, the lockout says until when, the right one opens the app', async () => {
    vi.mocked(authApi.status).mockResolvedValue({ ...signedOut, demo: true });
    renderGate();
    expect(await screen.findByRole('heading', { name: a.signInTitle })).toBeTruthy();
    expect(screen.getByText(/mette \(teamleder\), jonas eller aisha/).textContent).toContain('demo-adgang');
    expect(screen.queryByTestId('app')).toBeNull();

    vi.mocked(authApi.signIn).mockRejectedValueOnce(wire('wrong_credentials'));
    type(a.username, 'jonas');
    type(a.password, 'forkert-kode');
    fireEvent.click(screen.getByRole('button', { name: a.signIn }));
    expect((await screen.findByRole('alert')).textContent).toBe(da.errors.wrong_credentials);
    expect((field(a.password) as HTMLInputElement).value).toBe('');

    vi.mocked(authApi.signIn).mockRejectedValueOnce(wire('account_locked', { until: '14:35' }));
    type(a.password, 'forkert-igen');
    fireEvent.click(screen.getByRole('button', { name: a.signIn }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('efter kl. 14:35'));

    vi.mocked(authApi.signIn).mockResolvedValueOnce(status());
    type(a.password, 'rigtig-kode-123');
    fireEvent.click(screen.getByRole('button', { name: a.signIn }));
    expect(await screen.findByTestId('app')).toBeTruthy();
    expect(authApi.signIn).toHaveBeenLastCalledWith('jonas', 'rigtig-kode-123');
  });

  it('shows the lock screen when any call is answered "locked", and unlocking keeps everything', async () => {
    vi.mocked(authApi.status).mockResolvedValueOnce(status()).mockResolvedValue(status({ locked: true }));
    const { container } = renderGate();
    await screen.findByText('Åse Holm');
    type('Notat', 'Halvt skrevet notat om besøget');
    field('Notat').focus();

    fireEvent.click(screen.getByRole('button', { name: 'Gem' }));
    const dialog = await screen.findByRole('dialog', { name: a.lockedTitle });
    expect(dialog.textContent).toContain('Jonas Ørnberg er logget ind');
    // Everything else is inert, hidden from screen readers and not painted.
    expect(container.hasAttribute('inert')).toBe(true);
    expect(container.getAttribute('aria-hidden')).toBe('true');
    expect(container.classList.contains('under-lock')).toBe(true);
    expect(document.activeElement).toBe(field(a.password));

    vi.mocked(authApi.unlock).mockRejectedValueOnce(wire('wrong_credentials'));
    type(a.password, 'forkert');
    fireEvent.click(screen.getByRole('button', { name: a.unlock }));
    expect((await screen.findByRole('alert')).textContent).toBe(da.errors.wrong_credentials);

    const flushed = vi.fn(() => Promise.resolve());
    const unregister = registerFlush(flushed);
    vi.mocked(authApi.unlock).mockResolvedValueOnce(status());
    type(a.password, 'rigtig-kode-123');
    fireEvent.click(screen.getByRole('button', { name: a.unlock }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    unregister();
    expect(authApi.unlock).toHaveBeenLastCalledWith('rigtig-kode-123');
    expect((field('Notat') as HTMLTextAreaElement).value).toBe('Halvt skrevet notat om besøget');
    expect(document.activeElement).toBe(field('Notat'));
    expect(container.hasAttribute('inert')).toBe(false);
    expect(container.hasAttribute('aria-hidden')).toBe(false);
    expect(flushed).toHaveBeenCalled(); // what could not be saved while locked is saved now
  });

  it('locks by button after saving what autosaves', async () => {
    vi.mocked(authApi.status).mockResolvedValue(status());
    const order: string[] = [];
    const unregister = registerFlush(async () => void order.push('flush'));
    vi.mocked(authApi.lock).mockImplementation(async () => {
      order.push('lock');
      return status({ locked: true });
    });
    renderGate();
    fireEvent.click(await screen.findByRole('button', { name: a.lockNow }));
    await screen.findByRole('dialog', { name: a.lockedTitle });
    unregister();
    expect(order).toEqual(['flush', 'lock']);
    expect(screen.getByTestId('app')).toBeTruthy(); // still mounted underneath
  });

  it('"sign in as someone else" warns about unsaved text, then forgets everything read', async () => {
    vi.mocked(authApi.status).mockResolvedValueOnce(status()).mockResolvedValue(status({ locked: true }));
    renderGate();
    await screen.findByText('Åse Holm');
    type('Notat', 'Ikke gemt');
    client.getMutationCache().build(client, { mutationKey: ['note'] });
    fireEvent.click(screen.getByRole('button', { name: 'Gem' }));
    await screen.findByRole('dialog', { name: a.lockedTitle });

    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false);
    fireEvent.click(screen.getByRole('button', { name: a.switchUser }));
    expect(confirm).toHaveBeenCalledWith(a.confirmSwitchUnsaved);
    expect(authApi.signOut).not.toHaveBeenCalled();

    confirm.mockReturnValueOnce(true);
    vi.mocked(authApi.signOut).mockResolvedValue(signedOut);
    window.location.hash = '#/courses/7/planning';
    fireEvent.click(screen.getByRole('button', { name: a.switchUser }));
    expect(await screen.findByRole('heading', { name: a.signInTitle })).toBeTruthy();
    await waitFor(() => expect(client.getQueryData(['citizens', ''])).toBeUndefined());
    expect(client.getMutationCache().getAll()).toHaveLength(0);
    expect(client.getQueryData(['status'])).toEqual({ language: 'da' });
    expect(window.location.hash).toBe('#/citizens');
    expect(screen.queryByTestId('app')).toBeNull();
  });

  it('locks after the team’s lock time without input', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    vi.mocked(authApi.status).mockResolvedValue(status({ lockMinutes: 1 }));
    vi.mocked(authApi.lock).mockResolvedValue(status({ locked: true, lockMinutes: 1 }));
    renderGate();
    await screen.findByTestId('app');
    // The app's effects (the idle lock's listeners among them) run before the clock moves.
    await act(async () => {});
    await act(async () => {
      vi.advanceTimersByTime(30_000);
      fireEvent.keyDown(window, { key: 'a' });
      vi.advanceTimersByTime(45_000);
    });
    expect(authApi.lock).not.toHaveBeenCalled();
    expect(authApi.keepAlive).toHaveBeenCalledTimes(1);
    // due 60 s after the keep-alive at 30 s, less the 2 s margin
    await act(async () => {
      vi.advanceTimersByTime(14_000);
    });
    await waitFor(() => expect(authApi.lock).toHaveBeenCalledTimes(1));
    expect(await screen.findByRole('dialog', { name: a.lockedTitle })).toBeTruthy();
  });

  it('makes a worker with a temporary password choose their own before anything else', async () => {
    vi.mocked(authApi.status).mockResolvedValue(status({ mustChange: true }));
    renderGate();
    expect(await screen.findByRole('heading', { name: a.mustChangeTitle })).toBeTruthy();
    expect(screen.queryByTestId('app')).toBeNull();
    type(a.currentPassword, 'midlertidig-123');
    type(a.newPassword, 'min egen lange kode');
    type(a.repeatPassword, 'min egen lange kod');
    fireEvent.click(screen.getByRole('button', { name: a.changePassword }));
    expect(screen.getByText(a.passwordsDiffer)).toBeTruthy();
    expect(authApi.changePassword).not.toHaveBeenCalled();

    type(a.repeatPassword, 'min egen lange kode');
    vi.mocked(authApi.changePassword).mockResolvedValue(status());
    fireEvent.click(screen.getByRole('button', { name: a.changePassword }));
    expect(await screen.findByTestId('app')).toBeTruthy();
    expect(authApi.changePassword).toHaveBeenCalledWith('midlertidig-123', 'min egen lange kode');
  });
});
