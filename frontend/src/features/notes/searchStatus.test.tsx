import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, type CitizenListItem } from '../../api/client';
import { stepsApi, type Note, type NoteHit } from '../../api/steps';
import { CitizenListPage } from '../../pages/citizens/CitizenListPage';
import { I18nProvider } from '../../i18n/i18n';
import { NoteSearchPage } from './NoteSearchPage';
import { NotesPanel } from './NotesPanel';

vi.mock('../../api/steps', () => ({ stepsApi: { searchNotes: vi.fn(), notes: vi.fn() } }));
vi.mock('../../api/client', () => ({ api: { citizens: vi.fn() } }));
// The citizen list's side panels have their own tests.
vi.mock('../citizendata/ImportButton', () => ({ ImportButton: () => null }));
vi.mock('../cover/CoverNotices', () => ({ CoverNotices: () => null }));
vi.mock('../cover/WhileAwayPanel', () => ({ WhileAwayPanel: () => null }));

const note = (id: number, text: string): Note =>
  ({ id, courseId: 3, occurredAt: '2026-11-21T09:00', durationMinutes: 0, location: 'street', kind: 'visit', text, author: { id: 1, name: 'Mette Lund' },
    revisionCount: 1, corrected: false, correctedBy: { id: 0, name: '' } }) as unknown as Note;
const hit = (id: number, text: string): NoteHit => ({ note: note(id, text), citizenName: 'Åse Holm', snippet: text }) as unknown as NoteHit;
const citizen = (id: number, name: string) => ({ id, name, cprMasked: '', housing: '', courseStatus: '', workerName: '', workerInitials: '' }) as unknown as CitizenListItem;

afterEach(cleanup);
beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(stepsApi.searchNotes).mockImplementation(async (q: string) => (q === 'søvn' ? [hit(1, 'Sover dårligt, søvn')] : q === 'møde' ? [hit(1, 'møde'), hit(2, 'møde igen')] : []));
  vi.mocked(stepsApi.notes).mockResolvedValue([note(1, 'Sover dårligt, søvn')]);
  vi.mocked(api.citizens).mockImplementation(async (q: string) =>
    q === '' ? [citizen(1, 'Åse Holm'), citizen(2, 'Bent Berg')] : q === 'åse' ? [citizen(1, 'Åse Holm')] : [],
  );
});

function show(ui: ReactNode) {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <I18nProvider lang="da" onChange={() => {}}>
        {ui}
      </I18nProvider>
    </QueryClientProvider>,
  );
}

/** The one status line: the same element all along, its text changing with each search. */
async function expectStatusSteps(search: HTMLElement, steps: [string, string][], root = document.body) {
  const status = within(root).getByRole('status');
  for (const [q, said] of steps) {
    fireEvent.change(search, { target: { value: q } });
    await waitFor(() => expect(status.textContent).toBe(said));
    expect(within(root).getByRole('status')).toBe(status);
  }
}

describe('text the workers wrote', () => {
  it('is marked Danish in the English UI, in the journal and in search hits', async () => {
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <I18nProvider lang="en" onChange={() => {}}>
          <NotesPanel courseId={3} readOnly />
        </I18nProvider>
      </QueryClientProvider>,
    );
    const text = await screen.findByText('Sover dårligt, søvn');
    expect(text.closest('[lang]')?.getAttribute('lang')).toBe('da');
    fireEvent.change(screen.getByLabelText('Search the citizen’s notes'), { target: { value: 'søvn' } });
    const hit = await within(screen.getByTestId('note-hits')).findByText('Sover dårligt, søvn');
    expect(hit.closest('[lang]')?.getAttribute('lang')).toBe('da');
  });
});

describe('search results are said by a status line that is there from the start (WCAG 4.1.3)', () => {
  it('in all notes', async () => {
    show(<NoteSearchPage />);
    expect(screen.getByRole('status').textContent).toBe('');
    await expectStatusSteps(screen.getByLabelText('Søg i alle notater'), [
      ['søvn', 'Ét notat fundet'],
      ['møde', '2 notater fundet'],
      ['sovér', 'Ingen notater matcher søgningen.'],
      ['', ''],
    ]);
  });

  it('in one citizen’s notes', async () => {
    show(<NotesPanel courseId={3} readOnly />);
    await expectStatusSteps(
      screen.getByLabelText('Søg i borgerens notater'),
      [
        ['søvn', 'Ét notat fundet'],
        ['sovér', 'Ingen notater matcher søgningen.'],
      ],
      screen.getByTestId('note-hits'),
    );
  });

  it('in the citizen list', async () => {
    show(<CitizenListPage />);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('2 borgere'));
    await expectStatusSteps(screen.getByLabelText('Søg efter navn, fødselsdato eller medarbejder'), [
      ['åse', 'Én borger'],
      ['ornbol', 'Ingen borgere matcher søgningen.'],
    ]);
  });
});
