import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupApi, type BackupList, type BackupProgress, type RestoreInfo } from '../../api/backup';
import { AppError } from '../../api/errors';
import { da } from '../../i18n/all';
import { I18nProvider } from '../../i18n/i18n';
import { SessionContext, type Session } from '../auth/session';
import { BackupSection } from './BackupSection';

vi.mock('../../api/backup', () => ({
  backupApi: {
    list: vi.fn(),
    backupNow: vi.fn(),
    saveEncrypted: vi.fn(),
    chooseRestoreFile: vi.fn(),
    restoreFromFile: vi.fn(),
    cancelRestore: vi.fn(),
    onProgress: vi.fn(),
    quit: vi.fn(),
  },
}));

const t = da.backup;
const fill = (s: string, p: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(p[k]));

const list = (over: Partial<BackupList> = {}): BackupList => ({
  folder: '/home/mette/.local/share/icm/backups',
  entries: [
    { name: 'icm-20261201-100000.db', taken: '01.12.2026 10:00', size: 1_500_000 },
    { name: 'icm-20261130-170000.db', taken: '30.11.2026 17:00', size: 1_480_000 },
  ],
  due: false,
  keepDaily: 7,
  keepWeekly: 4,
  minPassphrase: 12,
  restoreFailed: '',
  ...over,
});

const staged: RestoreInfo = {
  backupCreated: '28.11.2026 09:30',
  stagedAt: '01.12.2026 10:05',
  stagedBy: 'Mette Lund',
  citizens: 12,
  workers: 3,
  auditEntries: 86,
  schemaVersion: 8,
  previous: '',
};

/** The progress listener the section subscribed last; tests call it as the backend would. */
let emit: (p: BackupProgress) => void = () => undefined;

afterEach(cleanup);
beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(backupApi.list).mockResolvedValue(list());
  vi.mocked(backupApi.onProgress).mockImplementation((fn) => {
    emit = fn;
    return () => undefined;
  });
});

function renderSection(isLead = true) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const session = { isLead } as Session;
  render(
    <QueryClientProvider client={client}>
      <I18nProvider lang="da" onChange={() => {}}>
        <SessionContext.Provider value={session}>
          <BackupSection />
        </SessionContext.Provider>
      </I18nProvider>
    </QueryClientProvider>,
  );
}

/** A promise the test resolves when it wants the call to finish. */
function deferred<T>() {
  let resolve: (v: T) => void = () => undefined;
  let reject: (e: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('the backups section', () => {
  it('lists the automatic backups with date, file, size and folder', async () => {
    renderSection();
    const rows = await screen.findAllByTestId('backup-entry');
    expect(rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent?.replace(/\u00a0/g, ' ')))).toEqual([
      ['01.12.2026 10:00', 'icm-20261201-100000.db', '1,5 MB'],
      ['30.11.2026 17:00', 'icm-20261130-170000.db', '1,5 MB'],
    ]);
    expect(screen.getByText(fill(t.intro, { daily: 7, weekly: 4 }))).toBeTruthy();
    expect(screen.getByText('/home/mette/.local/share/icm/backups')).toBeTruthy();
    expect(screen.queryByText(t.due)).toBeNull();
  });

  it('warns when the newest backup is a day old, and says when there is none', async () => {
    vi.mocked(backupApi.list).mockResolvedValue(list({ entries: [], due: true }));
    renderSection();
    expect(await screen.findByText(t.due)).toBeTruthy();
    expect(screen.getByText(t.none)).toBeTruthy();
  });

  it('is a line of text for an ICM worker', () => {
    renderSection(false);
    expect(screen.getByText(t.leadOnly)).toBeTruthy();
    expect(screen.queryByRole('button', { name: t.backupNow })).toBeNull();
    expect(backupApi.list).not.toHaveBeenCalled();
  });

  it('backs up now with a progress bar, then shows the new backup', async () => {
    const call = deferred<{ name: string; taken: string; size: number }>();
    vi.mocked(backupApi.backupNow).mockReturnValue(call.promise);
    renderSection();
    const button = await screen.findByRole('button', { name: t.backupNow });
    button.focus();
    fireEvent.click(button);
    await waitFor(() => expect(backupApi.onProgress).toHaveBeenCalled());
    act(() => emit({ operation: 'backup', phase: 'snapshot', done: 0, total: -1 }));
    expect(screen.getByRole('progressbar', { name: t.progressLabel }).getAttribute('aria-valuetext')).toBe(t.phases.snapshot);
    // Busy, the button is unavailable but keeps the focus (a disabled one would drop it).
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect((button as HTMLButtonElement).disabled).toBe(false);
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    expect(backupApi.backupNow).toHaveBeenCalledTimes(1);
    await act(async () => call.resolve({ name: 'icm-20261201-110000.db', taken: '01.12.2026 11:00', size: 1_500_000 }));
    // The result line was there before (empty), takes the focus and is read once, on focus.
    await waitFor(() => expect(document.activeElement?.textContent).toBe(`✓ ${fill(t.backupNowDone, { name: 'icm-20261201-110000.db' })}`));
    expect(document.activeElement?.hasAttribute('data-status-line')).toBe(true);
    expect(document.activeElement?.hasAttribute('role')).toBe(false);
    expect(screen.queryByRole('progressbar')).toBeNull();
    await waitFor(() => expect(backupApi.list).toHaveBeenCalledTimes(2));
  });

  it('saves an encrypted backup: the passphrase twice, the backend’s rule, progress and where it went', async () => {
    renderSection();
    fireEvent.click(await screen.findByRole('button', { name: t.saveEncrypted }));
    const dialog = screen.getByRole('dialog', { name: t.encryptedTitle });
    const pass = within(dialog).getByLabelText(new RegExp(`^${t.passphrase}`));
    const repeat = within(dialog).getByLabelText(new RegExp(`^${t.repeatPassphrase}`));
    const save = within(dialog).getByRole('button', { name: t.chooseAndSave }) as HTMLButtonElement;
    expect(within(dialog).getByText(fill(t.passphraseHelp, { min: 12 }))).toBeTruthy();

    fireEvent.change(pass, { target: { value: 'for kort' } });
    fireEvent.change(repeat, { target: { value: 'for kor' } });
    expect(within(dialog).getByText(t.passphrasesDiffer)).toBeTruthy();
    expect(save.disabled).toBe(true);

    fireEvent.change(repeat, { target: { value: 'for kort' } });
    vi.mocked(backupApi.saveEncrypted).mockRejectedValueOnce(
      new AppError('invalid_input', [{ field: 'passphrase', code: 'weak_passphrase', params: { min: '12' } }]),
    );
    fireEvent.click(save);
    expect(await within(dialog).findByText(fill(da.errors.weak_passphrase, { min: 12 }))).toBeTruthy();
    expect(document.activeElement).toBe(pass); // the refused passphrase takes the focus

    const call = deferred<{ path: string; cancelled: boolean; bytes: number; citizens: number }>();
    vi.mocked(backupApi.saveEncrypted).mockReturnValueOnce(call.promise);
    fireEvent.change(pass, { target: { value: 'en lang og god sætning' } });
    fireEvent.change(repeat, { target: { value: 'en lang og god sætning' } });
    fireEvent.click(save);
    await waitFor(() => expect(backupApi.saveEncrypted).toHaveBeenLastCalledWith('en lang og god sætning'));
    await waitFor(() => expect(backupApi.onProgress).toHaveBeenCalled());
    act(() => emit({ operation: 'backup', phase: 'encrypt', done: 450, total: 1000 }));
    const bar = within(dialog).getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('45');
    expect(within(dialog).getByText(`${t.phases.encrypt} 45 %`)).toBeTruthy();
    await act(async () => call.resolve({ path: '/media/usb/ICM-sikkerhedskopi.icmbackup', cancelled: false, bytes: 1_520_000, citizens: 12 }));
    const saved = await within(dialog).findByText(fill(t.saved, { path: '/media/usb/ICM-sikkerhedskopi.icmbackup', size: '1,5 MB', citizens: 12 }));
    expect(within(dialog).queryByRole('progressbar')).toBeNull();
    expect(document.activeElement).toBe(saved);
    expect(within(dialog).queryByRole('status')).toBeNull(); // read once, on focus
  });

  it('restores only with a chosen file, the passphrase and the tick, and then offers to close ICM', async () => {
    renderSection();
    fireEvent.click(await screen.findByRole('button', { name: t.restore }));
    const dialog = screen.getByRole('dialog', { name: t.restoreTitle });
    expect(within(dialog).getByText(t.restoreWarning)).toBeTruthy();
    const start = () => within(dialog).getByRole('button', { name: t.startRestore }) as HTMLButtonElement;
    expect(start().disabled).toBe(true);

    // A handover file is refused when chosen.
    vi.mocked(backupApi.chooseRestoreFile).mockRejectedValueOnce(new AppError('wrong_file_kind', [], { kind: 'icm-handover' }));
    fireEvent.click(within(dialog).getByRole('button', { name: t.chooseFile }));
    expect(await within(dialog).findByText(fill(da.errors.wrong_file_kind, { kind: 'icm-handover' }))).toBeTruthy();

    vi.mocked(backupApi.chooseRestoreFile).mockResolvedValueOnce({ name: 'kopi.icmbackup', created: '28.11.2026 09:30', cancelled: false });
    fireEvent.click(within(dialog).getByRole('button', { name: t.chooseFile }));
    expect(await within(dialog).findByText(fill(t.chosenFile, { name: 'kopi.icmbackup' }))).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText(new RegExp(`^${t.restorePassphrase}`)), { target: { value: 'forkert frase her' } });
    expect(start().disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole('checkbox', { name: fill(t.understand, { created: '28.11.2026 09:30' }) }));
    expect(start().disabled).toBe(false);

    vi.mocked(backupApi.restoreFromFile).mockRejectedValueOnce(new AppError('wrong_passphrase'));
    fireEvent.click(start());
    const passField = within(dialog).getByLabelText(new RegExp(`^${t.restorePassphrase}`));
    expect(await within(dialog).findByText(da.errors.wrong_passphrase)).toBeTruthy();
    expect(passField.getAttribute('aria-invalid')).toBe('true');
    // The failed check leaves the focus on the field that is wrong, not on the page body.
    expect(document.activeElement).toBe(passField);

    vi.mocked(backupApi.restoreFromFile).mockResolvedValueOnce(staged);
    fireEvent.change(passField, { target: { value: 'den rigtige frase' } });
    fireEvent.click(start());
    const ready = await screen.findByRole('dialog', { name: t.stagedTitle });
    // The same dialog, on to its next stage: the checked backup's line takes the focus.
    expect(ready).toBe(dialog);
    expect(backupApi.restoreFromFile).toHaveBeenLastCalledWith('den rigtige frase');
    const line = within(ready).getByText(fill(t.stagedText, { created: '28.11.2026 09:30', citizens: 12, workers: 3 }));
    await waitFor(() => expect(document.activeElement).toBe(line));
    expect(within(ready).queryByRole('status')).toBeNull(); // read once, on focus
    fireEvent.click(within(ready).getByRole('button', { name: t.quitNow }));
    expect(backupApi.quit).toHaveBeenCalledTimes(1);
  });

  it('shows a waiting restore with the way to close ICM or take it back', async () => {
    vi.mocked(backupApi.list).mockResolvedValue(list({ pending: staged }));
    vi.mocked(backupApi.cancelRestore).mockResolvedValue(list());
    renderSection();
    expect(await screen.findByText(fill(t.pending, { created: '28.11.2026 09:30' }))).toBeTruthy();
    // A plain region with a heading: no live region around its buttons.
    const banner = screen.getByRole('region', { name: t.pendingTitle });
    expect(banner.closest('[role="status"], [role="alert"], [aria-live]')).toBeNull();
    const button = within(banner).getByRole('button', { name: t.cancelRestore });
    button.focus();
    fireEvent.click(button);
    await waitFor(() => expect(screen.queryByText(fill(t.pending, { created: '28.11.2026 09:30' }))).toBeNull());
    expect(backupApi.cancelRestore).toHaveBeenCalledTimes(1);
    // The button went with the banner: the result takes the focus and is read once.
    const line = screen.getByTestId('restore-cancelled');
    await waitFor(() => expect(document.activeElement).toBe(line));
    expect(line.textContent).toBe(`✓ ${t.cancelRestoreDone}`);
    expect((line.nextElementSibling as HTMLElement).textContent).toBe('');
  });

  it('says what the last start restored, or why it could not', async () => {
    vi.mocked(backupApi.list).mockResolvedValue(list({ restored: { ...staged, previous: 'icm.db.before-restore-20261201-101500' } }));
    renderSection();
    expect(await screen.findByText(fill(t.restored, { created: '28.11.2026 09:30', previous: 'icm.db.before-restore-20261201-101500' }))).toBeTruthy();
    cleanup();
    vi.mocked(backupApi.list).mockResolvedValue(list({ restoreFailed: 'backup_invalid' }));
    renderSection();
    expect(await screen.findByText(fill(t.restoreFailed, { reason: da.errors.backup_invalid }))).toBeTruthy();
  });
});
