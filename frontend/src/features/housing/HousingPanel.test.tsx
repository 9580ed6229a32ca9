import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, type Vocabulary } from '../../api/client';
import { housingApi, type HousingHistory } from '../../api/housing';
import { I18nProvider } from '../../i18n/i18n';
import { HousingPanel } from './HousingPanel';

vi.mock('../../api/housing', () => ({ housingApi: { history: vi.fn(), record: vi.fn(), withdraw: vi.fn() } }));
vi.mock('../../api/client', () => ({ api: { vocabulary: vi.fn() } }));

afterEach(cleanup);

const history: HousingHistory = {
  citizenId: 3, readOnly: false, current: 'shelter', since: '2026-01-05', currentNote: '',
  entries: [{ id: 1, date: '2026-01-05', from: '', housing: 'shelter', note: '', kind: 'move', courseId: 0, correctsId: 0,
    inForce: true, correctable: true, recordedBy: 'ML', createdAt: '', correctedBy: 0, withdrawn: false, withdrawnNote: '', withdrawnAt: '', withdrawnBy: '' }],
};

beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(housingApi.history).mockResolvedValue(history);
  vi.mocked(housingApi.record).mockResolvedValue(history);
  vi.mocked(housingApi.withdraw).mockResolvedValue(history);
  vi.mocked(api.vocabulary).mockResolvedValue({ housings: ['street', 'shelter', 'own'] } as unknown as Vocabulary);
});

async function renderPanel() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={qc}>
      <I18nProvider lang="da" onChange={() => {}}>
        <HousingPanel citizenId={3} />
      </I18nProvider>
    </QueryClientProvider>,
  );
  return screen.findByRole('button', { name: 'Registrér flytning / ny boligsituation' });
}

describe('HousingPanel: where the focus goes', () => {
  it('focuses the first field of the move form, and its button again on cancel', async () => {
    fireEvent.click(await renderPanel());
    const form = screen.getByRole('form', { name: 'Ny boligsituation' });
    expect(document.activeElement).toBe(within(form).getByLabelText(/Fra dato/));
    fireEvent.click(within(form).getByRole('button', { name: 'Annullér' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Registrér flytning / ny boligsituation' })));
  });

  it('after a save says so on a status line that takes the focus', async () => {
    fireEvent.click(await renderPanel());
    const form = screen.getByRole('form', { name: 'Ny boligsituation' });
    fireEvent.change(within(form).getByLabelText(/Ny boligsituation/), { target: { value: 'own' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Gem' }));
    await waitFor(() => expect(document.activeElement?.textContent).toBe('✓ Boligsituationen er registreret.'));
    expect(document.activeElement?.hasAttribute('data-status-line')).toBe(true);
    expect(document.activeElement?.hasAttribute('role')).toBe(false); // read on focus, not also as a live region
  });

  it('withdraws an entry and says so, or gives the focus back to its button on cancel', async () => {
    await renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Fejlregistrering 05.01.2026' }));
    let form = screen.getByRole('form', { name: 'Træk registreringen fra 05.01.2026 tilbage' });
    expect(document.activeElement).toBe(within(form).getByLabelText(/Hvorfor/));
    fireEvent.click(within(form).getByRole('button', { name: 'Annullér' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Fejlregistrering 05.01.2026' })));
    fireEvent.click(screen.getByRole('button', { name: 'Fejlregistrering 05.01.2026' }));
    form = screen.getByRole('form', { name: 'Træk registreringen fra 05.01.2026 tilbage' });
    fireEvent.change(within(form).getByLabelText(/Hvorfor/), { target: { value: 'Forkert borger' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Træk tilbage' }));
    await waitFor(() => expect(document.activeElement?.textContent).toBe('✓ Registreringen er trukket tilbage.'));
  });
});
