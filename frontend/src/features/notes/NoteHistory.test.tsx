import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { stepsApi, type Note, type NoteRevision } from '../../api/steps';
import { da } from '../../i18n/all';
import { I18nProvider } from '../../i18n/i18n';
import { NoteForm } from './NoteForm';
import { NoteAuthorLine } from './NoteHistory';

vi.mock('../../api/steps', () => ({ stepsApi: { noteRevisions: vi.fn(), saveNote: vi.fn() } }));
vi.mock('../../api/client', () => ({ api: { vocabulary: vi.fn() } }));

const t = da.notes;
const fill = (s: string, p: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(p[k]));

const note = (over: Partial<Note> = {}): Note =>
  ({
    id: 7, courseId: 3, occurredAt: '2026-11-21T09:00', durationMinutes: 15, location: 'street', kind: 'visit',
    text: 'Mødte Åse ved busstationen.', author: { id: 1, name: 'Mette Lund' }, createdAt: '2026-12-01T10:00:00Z',
    updatedAt: '2026-12-01T10:00:00Z', revisionCount: 1, corrected: false, correctedAt: '', correctedBy: { id: 0, name: '' },
    correctionReason: '', ...over,
  }) as Note;

const corrected = note({
  revisionCount: 2, corrected: true, updatedAt: '2026-12-02T10:00:00Z', correctedAt: '2026-12-02T10:00:00Z',
  correctedBy: { id: 2, name: 'Aisha Berg' }, correctionReason: 'Forkert sted',
});

const revisions: NoteRevision[] = [
  { revisionNo: 2, occurredAt: '2026-11-21T09:00', durationMinutes: 15, location: 'street', kind: 'visit',
    text: 'Mødte Åse ved busstationen.', savedBy: { id: 2, name: 'Aisha Berg' }, savedAt: '2026-12-02T10:00:00Z', reason: 'Forkert sted' },
  { revisionNo: 1, occurredAt: '2026-11-21T09:00', durationMinutes: 15, location: 'street', kind: 'visit',
    text: 'Mødte Åse ved stationen.', savedBy: { id: 1, name: 'Mette Lund' }, savedAt: '2026-12-01T10:00:00Z', reason: '' },
];

afterEach(cleanup);
beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(stepsApi.noteRevisions).mockResolvedValue(revisions);
  vi.mocked(api.vocabulary).mockResolvedValue({ noteLocations: ['home', 'street'], noteKinds: ['visit', 'phone_call'] } as never);
});

function wrap(ui: React.ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <I18nProvider lang="da" onChange={() => {}}>
        {ui}
      </I18nProvider>
    </QueryClientProvider>,
  );
}

describe('NoteAuthorLine', () => {
  it('names the author of a note never corrected, with no badge and nothing to open', () => {
    wrap(<NoteAuthorLine note={note()} />);
    expect(screen.getByText(fill(t.writtenBy, { name: 'Mette Lund' }))).toBeTruthy();
    expect(screen.queryByText(t.corrected)).toBeNull();
    expect(screen.queryByRole('button', { name: t.showRevisions })).toBeNull();
    expect(stepsApi.noteRevisions).not.toHaveBeenCalled();
  });

  it('marks a corrected note and opens its versions, newest first, in a dialog that keeps focus', async () => {
    const opener = document.createElement('button');
    document.body.appendChild(opener);
    wrap(<NoteAuthorLine note={corrected} />);
    expect(screen.getByText(fill(t.writtenBy, { name: 'Mette Lund' }))).toBeTruthy();
    expect(screen.getByText(t.corrected).className).toContain('badge');
    expect(screen.getByText(fill(t.correctedBy, { date: '02.12.2026', name: 'Aisha Berg' }))).toBeTruthy();

    const show = screen.getByRole('button', { name: t.showRevisions });
    show.focus();
    fireEvent.click(show);
    const dialog = screen.getByRole('dialog', { name: t.revisionsTitle });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: t.close }));
    await waitFor(() => expect(within(dialog).getAllByRole('listitem')).toHaveLength(2));
    expect(stepsApi.noteRevisions).toHaveBeenCalledWith(7);
    const [newest, first] = within(dialog).getAllByRole('listitem');
    expect(within(newest).getByRole('heading', { name: /Version 2/ }).textContent).toContain(t.revisionCurrent);
    expect(newest.textContent).toContain('Rettet');
    expect(newest.textContent).toContain('Aisha Berg');
    expect(newest.textContent).toContain(fill(t.revisionReason, { reason: 'Forkert sted' }));
    expect(newest.textContent).toContain('Mødte Åse ved busstationen.');
    expect(within(first).getByRole('heading', { name: 'Version 1' })).toBeTruthy();
    expect(first.textContent).toContain('Mette Lund');
    expect(first.textContent).toContain('Mødte Åse ved stationen.');
    expect(first.textContent).not.toContain(t.revisionNoReason); // the first text is no correction

    fireEvent.click(within(dialog).getByRole('button', { name: t.close }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(show);
    opener.remove();
  });
});

describe('NoteForm', () => {
  it('asks for no reason when a note is new', () => {
    wrap(<NoteForm courseId={3} onDone={() => {}} />);
    expect(screen.getByRole('form', { name: t.new })).toBeTruthy();
    expect(screen.queryByLabelText(t.reason)).toBeNull();
  });

  it('sends the optional reason with a correction', async () => {
    vi.mocked(stepsApi.saveNote).mockResolvedValue(corrected);
    const done = vi.fn();
    wrap(<NoteForm courseId={3} note={note()} onDone={done} />);
    // Named after the note, so that it is told apart from the other notes' (L10).
    const form = screen.getByRole('form', { name: 'Ret notat fra 21.11.2026 kl. 09:00' });
    const reason = within(form).getByLabelText(t.reason);
    expect(reason.getAttribute('aria-describedby')).toBeTruthy(); // the help says the earlier version is kept
    fireEvent.change(within(form).getByRole('textbox', { name: t.text }), { target: { value: 'Mødte Åse ved busstationen.' } });
    fireEvent.change(reason, { target: { value: 'Forkert sted' } });
    fireEvent.click(within(form).getByRole('button', { name: t.save }));
    await waitFor(() => expect(done).toHaveBeenCalled());
    expect(vi.mocked(stepsApi.saveNote).mock.calls[0][0]).toMatchObject({
      id: 7, courseId: 3, occurredAt: '2026-11-21T09:00', text: 'Mødte Åse ved busstationen.', reason: 'Forkert sted',
    });
  });
});
