import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, type Vocabulary, type Worker } from '../../api/client';
import { authApi } from '../../api/auth';
import { I18nProvider } from '../../i18n/i18n';
import { SignedInAs } from '../../features/auth/testSession';
import { TeamPage } from './TeamPage';

vi.mock('../../api/client', () => ({ api: { workers: vi.fn(), team: vi.fn(), updateTeam: vi.fn(), saveWorker: vi.fn(), vocabulary: vi.fn() } }));
vi.mock('../../api/auth', () => ({ authApi: { accounts: vi.fn() } }));
// The cover section has its own tests.
vi.mock('../../features/cover/CoverSection', () => ({ CoverSection: () => null }));

afterEach(cleanup);

const karin = { id: 2, name: 'Karin Holm', initials: 'KH', role: 'icm_worker', fte: 1, active: true, openCourses: 3, maxCaseload: 10 } as Worker;

beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(api.workers).mockResolvedValue([karin]);
  vi.mocked(api.team).mockResolvedValue({ municipality: 'Solvang', name: 'ICM-teamet' } as Awaited<ReturnType<typeof api.team>>);
  vi.mocked(api.vocabulary).mockResolvedValue({ roles: ['icm_worker', 'team_lead'] } as unknown as Vocabulary);
  vi.mocked(api.saveWorker).mockResolvedValue(karin);
  vi.mocked(api.updateTeam).mockResolvedValue({ municipality: 'Solvang', name: 'ICM Nord' } as Awaited<ReturnType<typeof api.updateTeam>>);
  vi.mocked(authApi.accounts).mockResolvedValue([]);
});

async function renderPage() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={qc}>
      <I18nProvider lang="da" onChange={() => {}}>
        <SignedInAs role="team_lead">
          <TeamPage />
        </SignedInAs>
      </I18nProvider>
    </QueryClientProvider>,
  );
  return screen.findByRole('button', { name: 'Rediger Karin Holm' });
}

describe('TeamPage: where the focus goes', () => {
  it('gives the focus back to the edit button on cancel, and to the status line after a save', async () => {
    fireEvent.click(await renderPage());
    let form = screen.getByRole('form', { name: 'Rediger medarbejder' });
    expect(document.activeElement).toBe(within(form).getByLabelText(/Navn/));
    fireEvent.click(within(form).getByRole('button', { name: 'Annuller' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rediger Karin Holm' })));

    fireEvent.click(screen.getByRole('button', { name: 'Rediger Karin Holm' }));
    form = screen.getByRole('form', { name: 'Rediger medarbejder' });
    fireEvent.click(within(form).getByRole('button', { name: 'Gem' }));
    await waitFor(() => expect(document.activeElement?.textContent).toBe('✓ Karin Holm er gemt.'));
    expect(document.activeElement?.hasAttribute('data-status-line')).toBe(true);
    expect(document.activeElement?.hasAttribute('role')).toBe(false); // read on focus, not also as a live region
  });

  it('says that the team is saved on a status line that takes the focus', async () => {
    await renderPage();
    const name = await screen.findByLabelText(/Teamets navn/);
    fireEvent.change(name, { target: { value: 'ICM Nord' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gem team' }));
    await waitFor(() => expect(document.activeElement?.textContent).toBe('✓ Teamets navn og kommune er gemt.'));
  });
});
