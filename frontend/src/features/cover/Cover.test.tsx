import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { coverApi, type Cover, type WhileAway } from '../../api/cover';
import { AppError } from '../../api/errors';
import { I18nProvider } from '../../i18n/i18n';
import { SignedInAs } from '../auth/testSession';
import { CoverNotices } from './CoverNotices';
import { CoverSection } from './CoverSection';
import { WhileAwayPanel } from './WhileAwayPanel';
import { coverText } from './i18n';

vi.mock('../../api/cover', () => ({
  coverApi: { list: vi.fn(), save: vi.fn(), withdraw: vi.fn(), whileAway: vi.fn(), markWhileAwayRead: vi.fn() },
}));
vi.mock('../../api/client', () => ({ api: { citizens: vi.fn(), workers: vi.fn() } }));

const x = coverText.da;
// Karin Holm (2) is the signed-in ICM worker of testSession, Lars Bak (4) the lead.
const cover = (over: Partial<Cover> = {}): Cover => ({
  id: 7,
  workerId: 3,
  workerName: 'Jonas Ørnberg',
  coverWorkerId: 2,
  coverWorkerName: 'Karin Holm',
  from: '2026-12-01',
  to: '2026-12-14',
  note: 'Ferie',
  withdrawn: false,
  current: true,
  all: false,
  citizenCount: 2,
  citizens: [
    { id: 12, name: 'Åse Holm' },
    { id: 13, name: 'Bent Berg' },
  ],
  ...over,
});

afterEach(cleanup);
beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(api.workers).mockResolvedValue([
    { id: 2, name: 'Karin Holm', initials: 'KH', role: 'icm_worker', fte: 1, active: true, openCourses: 4, maxCaseload: 8 },
    { id: 3, name: 'Jonas Ørnberg', initials: 'JØ', role: 'icm_worker', fte: 1, active: true, openCourses: 2, maxCaseload: 8 },
  ]);
  vi.mocked(api.citizens).mockResolvedValue([
    { id: 12, readOnly: false, covered: false, name: 'Åse Holm', cprMasked: '', housing: '', courseId: 4, courseStatus: 'active', workerName: 'Jonas Ørnberg', workerInitials: 'JØ' },
    { id: 13, readOnly: false, covered: false, name: 'Bent Berg', cprMasked: '', housing: '', courseId: 5, courseStatus: 'closed', workerName: 'Jonas Ørnberg', workerInitials: 'JØ' },
    { id: 14, readOnly: false, covered: false, name: 'Carl Dam', cprMasked: '', housing: '', courseId: 6, courseStatus: 'active', workerName: 'Karin Holm', workerInitials: 'KH' },
  ]);
});

function renderAs(role: 'team_lead' | 'icm_worker', children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <I18nProvider lang="da" onChange={() => {}}>
        <SignedInAs role={role}>{children}</SignedInAs>
      </I18nProvider>
    </QueryClientProvider>,
  );
}

describe('the cover section on the team page', () => {
  it('lists who covers whom, for which citizens, and lets the lead withdraw after a confirm', async () => {
    vi.mocked(coverApi.list).mockResolvedValue([cover(), cover({ id: 8, all: true, citizenCount: 0, citizens: [], current: false, from: '2027-01-05', to: '2027-01-09', note: '' })]);
    vi.mocked(coverApi.withdraw).mockResolvedValue(cover({ withdrawn: true }));
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    renderAs('team_lead', <CoverSection isLead />);
    const table = await screen.findByTestId('cover-list');
    const rows = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').slice(0, 6).map((c) => c.textContent));
    expect(rows).toEqual([
      ['Jonas Ørnberg', 'Karin Holm', 'Åse Holm, Bent Berg', '01.12.2026 – 14.12.2026', 'Ferie', x.current],
      ['Jonas Ørnberg', 'Karin Holm', x.all, '05.01.2027 – 09.01.2027', '', x.coming],
    ]);
    // Each button names its row, starting with the visible words.
    const first = screen.getByRole('button', { name: 'Træk tilbage: dækningen for Jonas Ørnberg 01.12.2026 – 14.12.2026' });
    fireEvent.click(first);
    expect(coverApi.withdraw).not.toHaveBeenCalled();
    fireEvent.click(first);
    await waitFor(() => expect(coverApi.withdraw).toHaveBeenCalledWith(7));
    expect(confirm).toHaveBeenCalledTimes(2);
    // The withdrawn row's button held the focus: the next row's button takes it.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Træk tilbage: dækningen for Jonas Ørnberg 05.01.2027 – 09.01.2027' })));
    expect(screen.getByText(`✓ ${x.withdrawnSaved}`)).toBeTruthy();
  });

  it('shows workers the list without the form or withdraw buttons', async () => {
    vi.mocked(coverApi.list).mockResolvedValue([cover()]);
    renderAs('icm_worker', <CoverSection isLead={false} />);
    await screen.findByTestId('cover-list');
    expect(screen.queryByRole('button', { name: x.newCover })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Træk tilbage/ })).toBeNull();
  });

  it('offers only the worker’s citizens with an open course and shows each field error in the cover’s words', async () => {
    vi.mocked(coverApi.list).mockResolvedValue([]);
    vi.mocked(coverApi.save).mockRejectedValue(
      new AppError('invalid_input', [
        { field: 'to', code: 'out_of_range', params: { max: '366' } },
        { field: 'coverWorkerId', code: 'invalid_choice' },
        { field: 'citizenIds', code: 'required' },
      ]),
    );
    renderAs('team_lead', <CoverSection isLead />);
    fireEvent.click(await screen.findByRole('button', { name: x.newCover }));
    const form = screen.getByRole('form', { name: x.formTitle });
    expect(document.activeElement).toBe(within(form).getByLabelText(/Medarbejder, der er væk/));
    await waitFor(() => expect(within(form).getAllByRole('option', { name: 'Jonas Ørnberg (JØ)' })).toHaveLength(2));
    fireEvent.change(within(form).getByLabelText(/Medarbejder, der er væk/), { target: { value: '3' } });
    fireEvent.change(within(form).getByLabelText(/Kollega, der dækker/), { target: { value: '2' } });
    fireEvent.change(within(form).getByLabelText(/Fra dato/), { target: { value: '01.12.2026' } });
    fireEvent.change(within(form).getByLabelText(/Til og med dato/), { target: { value: '24.12.2027' } });
    fireEvent.click(within(form).getByLabelText(x.scopeSome));
    const group = within(form).getByRole('group', { name: x.citizens });
    expect(within(group).getAllByRole('checkbox').map((c) => c.parentElement?.textContent)).toEqual(['Åse Holm']);
    fireEvent.click(within(form).getByRole('button', { name: x.save }));
    await waitFor(() =>
      expect(coverApi.save).toHaveBeenCalledWith({ workerId: 3, coverWorkerId: 2, from: '2026-12-01', to: '2027-12-24', note: '', some: true, citizenIds: [] }),
    );
    expect(await within(form).findByText(/En dækning kan højst vare 366 dage/)).toBeTruthy();
    expect(within(form).getByText(x.errors.sameWorker)).toBeTruthy();
    expect(within(form).getByText(x.errors.noCitizens)).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: x.cancel }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: x.newCover })));
  });
});

describe('the notices on the start screen', () => {
  it('tells the worker whom they cover for', async () => {
    vi.mocked(coverApi.list).mockResolvedValue([cover()]);
    renderAs('icm_worker', <CoverNotices />);
    expect((await screen.findByTestId('cover-notices')).textContent).toBe('Du dækker for Jonas Ørnberg til og med 14.12.2026 (Åse Holm, Bent Berg).');
  });

  it('lists what colleagues wrote while the worker was away, with a link to each course, until it is marked read', async () => {
    const data: WhileAway = {
      periods: [{ coverId: 7, coverWorkerName: 'Jonas Ørnberg', from: '2026-11-16', until: '2026-11-27', all: true, citizenCount: 0 }],
      items: [
        { kind: 'note', day: '2026-11-18', courseId: 4, citizenId: 12, citizenName: 'Åse Holm', author: 'Jonas Ørnberg', noteKind: 'visit', occurredAt: '2026-11-18T09:00', firstLine: 'Alt vel', versionNo: 0 },
        { kind: 'plan_version', day: '2026-11-20', courseId: 4, citizenId: 12, citizenName: 'Åse Holm', author: '', noteKind: '', occurredAt: '', firstLine: '', versionNo: 3 },
      ],
    };
    vi.mocked(coverApi.whileAway).mockResolvedValue(data);
    vi.mocked(coverApi.markWhileAwayRead).mockResolvedValue({ periods: [], items: [] });
    renderAs('icm_worker', <WhileAwayPanel />);
    const panel = await screen.findByTestId('while-away');
    expect(within(panel).getByText('Jonas Ørnberg dækkede for dig 16.11.2026 – 27.11.2026 (Alle borgere).')).toBeTruthy();
    const rows = within(panel).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').slice(0, 4).map((c) => c.textContent));
    expect(rows).toEqual([
      ['18.11.2026', 'Åse Holm', 'Jonas Ørnberg', 'Besøg eller samtale: Alt vel'],
      ['20.11.2026', 'Åse Holm', '–', 'Ny underskrevet planversion 3'],
    ]);
    expect(within(panel).getAllByRole('link', { name: 'Åbn forløbet for Åse Holm' })[0].getAttribute('href')).toBe('#/courses/4/followup');
    fireEvent.click(within(panel).getByRole('button', { name: x.awayMarkRead }));
    await waitFor(() => expect(screen.queryByTestId('while-away')).toBeNull());
  });

  it('shows nothing when no cover for the worker has ended', async () => {
    vi.mocked(coverApi.whileAway).mockResolvedValue({ periods: [], items: [] });
    renderAs('icm_worker', <WhileAwayPanel />);
    await waitFor(() => expect(coverApi.whileAway).toHaveBeenCalled());
    expect(screen.queryByTestId('while-away')).toBeNull();
  });
});
