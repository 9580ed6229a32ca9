import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../i18n/i18n';
import { TeamFolderSection } from './TeamFolderSection';

const status = vi.fn();
const revokeWorker = vi.fn();
const revokeLaptop = vi.fn();
vi.mock('../../api/teamFolder', () => ({
  teamFolderApi: {
    status: () => status(),
    requests: () => Promise.resolve([]),
    revokeWorker: (id: number) => revokeWorker(id),
    revokeLaptop: (id: string) => revokeLaptop(id),
    onStatus: () => () => undefined,
    onProgress: () => () => undefined,
  },
}));
vi.mock('../../api/authQueries', () => ({ useAccounts: () => ({ data: [] }) }));

const laptops = [
  { laptop: 'a', label: 'Teamlederens bærbar', workerId: 1, workerName: 'Mette Lund', lead: true, revoked: false, this: true, lastSeen: '' },
  { laptop: 'b', label: 'Aishas bærbar', workerId: 3, workerName: 'Aisha Khalil', lead: false, revoked: false, this: false, lastSeen: '' },
  { laptop: 'c', label: 'Jonas’ gamle', workerId: 2, workerName: 'Jonas Ørnberg', lead: false, revoked: true, this: false, lastSeen: '' },
];

function show() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={qc}>
      <I18nProvider lang="da" onChange={() => undefined}>
        <TeamFolderSection />
      </I18nProvider>
    </QueryClientProvider>,
  );
}

afterEach(cleanup);

describe('a worker who leaves', () => {
  it('closes the sign-in and disconnects the computers after a confirmation, for workers with a computer still in the team', async () => {
    status.mockResolvedValue({ state: 'ok', pending: 0, laptops, problems: [], teamCode: 'AAAA-BBBB-CCCC-DDDD-EEEE' });
    revokeWorker.mockResolvedValue({ state: 'ok', pending: 0, laptops, problems: [] });
    show();
    const select = await screen.findByLabelText('Medarbejder, der stopper');
    const options = within(select).getAllByRole('option').map((o) => o.textContent);
    expect(options).toContain('Aisha Khalil');
    expect(options).not.toContain('Jonas Ørnberg'); // already disconnected
    expect(options).not.toContain('Mette Lund'); // this laptop's own worker
    fireEvent.change(select, { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Luk login og frakobl computerne' }));
    const dialog = await screen.findByRole('dialog');
    expect(revokeWorker).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Luk login og frakobl' }));
    await screen.findByText('✓ Aisha Khalils login er lukket, og computerne er frakoblet.');
    expect(revokeWorker).toHaveBeenCalledWith(3);
    // The opener is disabled now: the focus is not left on the page body but lands on the
    // result, which is read once on focus (its live region stays empty).
    const line = screen.getByTestId('tf-leaver-done');
    await waitFor(() => expect(document.activeElement).toBe(line));
    expect((line.nextElementSibling as HTMLElement).textContent).toBe('');
  });

  it('keeps the busy buttons focusable while the work runs', async () => {
    status.mockResolvedValue({ state: 'ok', pending: 0, laptops, problems: [], teamCode: 'AAAA-BBBB-CCCC-DDDD-EEEE' });
    let finish: (v: unknown) => void = () => undefined;
    revokeWorker.mockReturnValue(new Promise((r) => (finish = r)));
    show();
    fireEvent.change(await screen.findByLabelText('Medarbejder, der stopper'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Luk login og frakobl computerne' }));
    const dialog = await screen.findByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: 'Luk login og frakobl' });
    confirm.focus();
    fireEvent.click(confirm);
    await waitFor(() => expect(confirm.getAttribute('aria-disabled')).toBe('true'));
    expect(confirm.hasAttribute('disabled')).toBe(false);
    expect(within(dialog).getByRole('button', { name: 'Annullér' }).hasAttribute('disabled')).toBe(false);
    expect(document.activeElement).toBe(confirm);
    finish({ state: 'ok', pending: 0, laptops, problems: [] });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('tf-leaver-done')));
  });

  it('says a disconnected laptop on a line that takes the focus, as its row button is gone', async () => {
    status.mockResolvedValue({ state: 'ok', pending: 0, laptops, problems: [], teamCode: 'AAAA-BBBB-CCCC-DDDD-EEEE' });
    const after = laptops.map((l) => (l.laptop === 'b' ? { ...l, revoked: true } : l));
    revokeLaptop.mockResolvedValue({ state: 'ok', pending: 0, laptops: after, problems: [] });
    show();
    const rowButton = await screen.findByRole('button', { name: /Aishas bærbar/ });
    rowButton.focus();
    fireEvent.click(rowButton);
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Frakobl computeren' }));
    const line = screen.getByTestId('tf-revoked');
    await waitFor(() => expect(document.activeElement).toBe(line));
    expect(line.textContent).toBe('✓ Aishas bærbar er frakoblet teammappen.');
    expect(revokeLaptop).toHaveBeenCalledWith('b');
  });
});
