import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { AppError } from '../../api/errors';
import { stepsApi, type Note } from '../../api/steps';
import { da } from '../../i18n/all';
import { I18nProvider } from '../../i18n/i18n';
import { NotesPanel } from './NotesPanel';

vi.mock('../../api/steps', () => ({ stepsApi: { searchNotes: vi.fn(), notes: vi.fn(), saveNote: vi.fn() } }));
vi.mock('../../api/client', () => ({ api: { vocabulary: vi.fn() } }));

const n = da.notes;
const note = (id: number, day: string, text: string): Note =>
  ({ id, courseId: 3, occurredAt: `2026-11-${day}T09:00`, durationMinutes: 30, location: 'home', kind: 'visit', text, author: { id: 1, name: 'Mette Lund' },
    revisionCount: 1, corrected: false, correctedBy: { id: 0, name: '' } }) as unknown as Note;

afterEach(cleanup);
beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(stepsApi.notes).mockResolvedValue([note(1, '21', 'Første besøg'), note(2, '20', 'Andet besøg')]);
  vi.mocked(stepsApi.searchNotes).mockResolvedValue([]);
  vi.mocked(api.vocabulary).mockResolvedValue({ noteLocations: ['home'], noteKinds: ['visit'] } as unknown as Awaited<ReturnType<typeof api.vocabulary>>);
});

async function show() {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <I18nProvider lang="da" onChange={() => {}}>
        <NotesPanel courseId={3} readOnly={false} />
      </I18nProvider>
    </QueryClientProvider>,
  );
  await screen.findByText('Første besøg');
}

const editButton = (day: string) => screen.getByRole('button', { name: `Ret notat fra ${day}.11.2026 kl. 09:00` });

describe('the journal notes’ focus', () => {
  it('cancelling a correction gives the focus back to that note’s own "Ret notat" button', async () => {
    await show();
    fireEvent.click(editButton('20'));
    const form = screen.getByRole('form', { name: 'Ret notat fra 20.11.2026 kl. 09:00' });
    fireEvent.click(within(form).getByRole('button', { name: n.cancel }));
    await waitFor(() => expect(document.activeElement).toBe(editButton('20')));
  });

  it('cancelling a new note gives the focus back to "Nyt notat"', async () => {
    await show();
    fireEvent.click(screen.getByRole('button', { name: n.new }));
    fireEvent.click(within(screen.getByRole('form', { name: n.new })).getByRole('button', { name: n.cancel }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: n.new })));
  });

  it('after a save the saved line takes the focus and is read there, not also as a live region', async () => {
    vi.mocked(stepsApi.saveNote).mockResolvedValue(note(1, '21', 'Rettet besøg'));
    await show();
    fireEvent.click(editButton('21'));
    const form = screen.getByRole('form', { name: 'Ret notat fra 21.11.2026 kl. 09:00' });
    fireEvent.change(within(form).getByLabelText(/^Notat/), { target: { value: 'Rettet besøg' } });
    fireEvent.click(within(form).getByRole('button', { name: n.save }));
    await waitFor(() => expect(document.activeElement?.textContent).toBe(`✓ ${n.savedStatus}`));
    const line = document.activeElement as HTMLElement;
    expect(line.matches('.note-saved[data-status-line]')).toBe(true);
    expect(line.hasAttribute('role')).toBe(false);
  });

  it('a refused save puts the focus on the wrong field', async () => {
    vi.mocked(stepsApi.saveNote).mockRejectedValue(new AppError('invalid_input', [{ field: 'text', code: 'required' }]));
    await show();
    fireEvent.click(screen.getByRole('button', { name: n.new }));
    const form = screen.getByRole('form', { name: n.new });
    const save = within(form).getByRole('button', { name: n.save });
    save.focus();
    fireEvent.click(save);
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByLabelText(/^Notat/)));
  });
});
