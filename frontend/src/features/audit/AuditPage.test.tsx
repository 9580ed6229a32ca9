import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditApi, type AuditEntry, type AuditPage as Page } from '../../api/audit';
import { api } from '../../api/client';
import { AppError } from '../../api/errors';
import { da } from '../../i18n/all';
import { I18nProvider } from '../../i18n/i18n';
import type { AuditCheck } from '../../api/auth';
import { SessionContext, type Session } from '../auth/session';
import { AuditPage } from './AuditPage';

vi.mock('../../api/audit', () => ({ auditApi: { list: vi.fn(), verify: vi.fn(), saveCitizenPdf: vi.fn(), checkAnchor: vi.fn(), checkTeam: vi.fn(), rewritten: vi.fn() } }));
vi.mock('../../api/client', () => ({ api: { citizens: vi.fn(), workers: vi.fn() } }));

const t = da.audit;
const actions = Object.keys(t.actions);
const entry = (id: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
  id,
  at: '01.12.2026 10:15:00',
  workerId: 3,
  workerName: 'Jonas Ørnberg',
  action: 'view',
  object: 'course',
  citizenId: 12,
  citizenName: 'Åse Holm',
  courseId: 4,
  detail: '',
  laptop: '',
  computer: '',
  ...over,
});
const page = (entries: AuditEntry[], more = false): Page => ({ entries, more, actions, next: '', computers: [] });

afterEach(cleanup);
beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(auditApi.checkTeam).mockResolvedValue({ inTeam: false, ok: true, chains: [] });
  vi.mocked(api.citizens).mockResolvedValue([
    { id: 12, readOnly: false, covered: false, name: 'Åse Holm', cprMasked: '', housing: '', courseId: 4, courseStatus: 'active', workerName: 'Jonas Ørnberg', workerInitials: 'JØ' },
  ]);
  vi.mocked(api.workers).mockResolvedValue([{ id: 3, name: 'Jonas Ørnberg', initials: 'JØ', role: 'icm_worker', fte: 1, active: true, openCourses: 4, maxCaseload: 8 }]);
});

function renderPage(audit?: AuditCheck) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const session = audit ? ({ status: { audit }, refresh: vi.fn() } as unknown as Session) : null;
  render(
    <QueryClientProvider client={client}>
      <I18nProvider lang="da" onChange={() => {}}>
        <SessionContext.Provider value={session}>
          <AuditPage />
        </SessionContext.Provider>
      </I18nProvider>
    </QueryClientProvider>,
  );
}

const rows = () => screen.getAllByTestId('audit-entry').map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));

describe('the audit screen', () => {
  it('lists entries newest first with every code translated', async () => {
    vi.mocked(auditApi.list).mockResolvedValue(
      page([
        entry(9, { action: 'sign_in_failed', object: '', workerId: 0, workerName: '', citizenId: 0, citizenName: '', detail: 'unknown username' }),
        entry(8, { action: 'export', object: 'summary' }),
        entry(7, { citizenName: '', citizenId: 31 }),
      ]),
    );
    renderPage();
    await screen.findAllByTestId('audit-entry');
    expect(rows()).toEqual([
      ['01.12.2026 10:15:00', t.unknownWorker, 'Mislykket login', '–', '–', 'unknown username'],
      ['01.12.2026 10:15:00', 'Jonas Ørnberg', 'Eksport', 'Forløbsoversigt', 'Åse Holm', ''],
      ['01.12.2026 10:15:00', 'Jonas Ørnberg', 'Visning', 'Forløb', 'Slettet borger (nr. 31)', ''],
    ]);
    expect(screen.getByText('3 poster vist, nyeste først')).toBeTruthy();
    expect(auditApi.list).toHaveBeenCalledWith({ citizenId: 0, workerId: 0, action: '', from: '', to: '', before: 0, limit: 100, computer: 'all', cursor: '' });
  });

  it('marks the English word “Caseload” as English in the Danish list (WCAG 3.1.2)', async () => {
    vi.mocked(auditApi.list).mockResolvedValue(page([entry(2, { action: 'view', object: 'caseload' }), entry(1, { object: 'summary' })]));
    renderPage();
    const [caseload, summary] = await screen.findAllByTestId('audit-entry');
    expect(within(caseload).getByText('Caseload').getAttribute('lang')).toBe('en');
    expect(within(summary).getByText('Forløbsoversigt').hasAttribute('lang')).toBe(false);
  });

  it('filters by citizen, action and dates, and offers the citizen’s export', async () => {
    vi.mocked(auditApi.list).mockResolvedValue(page([entry(5)]));
    renderPage();
    await screen.findAllByTestId('audit-entry');
    expect(screen.getByText(t.exportHelp)).toBeTruthy();
    const filters = within(screen.getByRole('form', { name: t.filters }));
    await waitFor(() => expect(filters.getAllByRole('option', { name: 'Åse Holm' })).toHaveLength(1));
    fireEvent.change(filters.getByLabelText(t.citizen), { target: { value: '12' } });
    fireEvent.change(filters.getByLabelText(t.action), { target: { value: 'view' } });
    const from = filters.getByLabelText(t.from);
    fireEvent.change(from, { target: { value: '01.11.2026' } });
    await waitFor(() =>
      expect(auditApi.list).toHaveBeenLastCalledWith({ citizenId: 12, workerId: 0, action: 'view', from: '2026-11-01', to: '', before: 0, limit: 100, computer: 'all', cursor: '' }),
    );
    vi.mocked(auditApi.saveCitizenPdf).mockResolvedValue({ path: '/home/test/ICM-log Åse Holm.pdf', cancelled: false, replacedChars: [] });
    fireEvent.click(screen.getByRole('button', { name: t.exportCitizen }));
    await waitFor(() => expect(auditApi.saveCitizenPdf).toHaveBeenCalledWith(12));
    expect(await screen.findByText(/ICM-log Åse Holm\.pdf/)).toBeTruthy();

    fireEvent.click(filters.getByRole('button', { name: t.reset }));
    await waitFor(() => expect(auditApi.list).toHaveBeenLastCalledWith(expect.objectContaining({ citizenId: 0, action: '', from: '' })));
    expect(screen.queryByRole('button', { name: t.exportCitizen })).toBeNull();
  });

  it('shows a page more below the oldest entry shown', async () => {
    vi.mocked(auditApi.list).mockImplementation(async (f) => (f.before === 0 ? page([entry(30), entry(29)], true) : page([entry(12)])));
    renderPage();
    await screen.findAllByTestId('audit-entry');
    fireEvent.click(screen.getByRole('button', { name: t.more }));
    await waitFor(() => expect(screen.getAllByTestId('audit-entry')).toHaveLength(3));
    expect(vi.mocked(auditApi.list).mock.calls[1][0].before).toBe(29);
    expect(screen.queryByRole('button', { name: t.more })).toBeNull();
  });

  it('puts a date the backend refused next to its field', async () => {
    vi.mocked(auditApi.list).mockImplementation(async (f) => {
      if (f.to) throw new AppError('invalid_input', [{ field: 'to', code: 'date_order' }]);
      return page([entry(1)]);
    });
    renderPage();
    await screen.findAllByTestId('audit-entry');
    fireEvent.change(screen.getByLabelText(t.from), { target: { value: '01.12.2026' } });
    fireEvent.change(screen.getByLabelText(t.to), { target: { value: '01.11.2026' } });
    expect(await screen.findByText(da.errors.date_order)).toBeTruthy();
  });

  it('says when the check at start read only the new entries', async () => {
    vi.mocked(auditApi.list).mockResolvedValue(page([entry(1)]));
    renderPage({ checked: true, ok: true, entries: 1200, brokenAt: 0, checkedAt: '02.12.2026 08:00', full: false, newEntries: 14, fullAt: '20.11.2026 08:05', rewritten: false, anchorId: 0, anchorSource: '', anchorAt: '', headId: 0, headHash: '' });
    const text = within(screen.getByTestId('chain-status')).getByRole('status').textContent ?? '';
    expect(text).toContain('1200 poster i alt');
    expect(text).toContain('de 14 nye poster');
    expect(text).toContain('sidst kontrolleret 20.11.2026 08:05');
  });

  it('checks the chain on demand and says what it found', async () => {
    vi.mocked(auditApi.list).mockResolvedValue(page([entry(1)]));
    vi.mocked(auditApi.verify).mockResolvedValue({ checked: true, ok: false, entries: 40, brokenAt: 17, checkedAt: '01.12.2026 11:00', full: true, newEntries: 0, fullAt: '01.12.2026 11:00', rewritten: false, anchorId: 0, anchorSource: '', anchorAt: '', headId: 0, headHash: '' });
    renderPage();
    const status = within(screen.getByTestId('chain-status'));
    expect(status.getByRole('status').textContent).toBe(t.chainPending);
    fireEvent.click(status.getByRole('button', { name: t.verify }));
    await waitFor(() => expect(status.getByRole('status').textContent).toContain('ikke intakt fra post nr. 17'));
    expect(screen.getByTestId('chain-status').getAttribute('data-ok')).toBe('false');
  });

  it('says which checkpoint a rewritten log no longer matches, and shows the chain’s head', () => {
    vi.mocked(auditApi.list).mockResolvedValue(page([entry(1)]));
    const head = 'ab'.repeat(32);
    renderPage({ checked: true, ok: false, entries: 90, brokenAt: 0, checkedAt: '02.12.2026 08:00', full: true, newEntries: 0, fullAt: '02.12.2026 08:00', rewritten: true, anchorId: 41, anchorSource: 'backup', anchorAt: '01.12.2026 22:00', headId: 90, headHash: head });
    const status = within(screen.getByTestId('chain-status'));
    expect(status.getByRole('status').textContent).toContain('en sikkerhedskopi, post nr. 41, 01.12.2026 22:00');
    expect(screen.getByTestId('chain-status').textContent).toContain('nr. 90 · abababab abababab');
  });

  it('compares a printed checkpoint and says whether it still matches', async () => {
    vi.mocked(auditApi.list).mockResolvedValue(page([entry(1)]));
    vi.mocked(auditApi.checkAnchor).mockResolvedValueOnce({ matches: false, missing: false });
    renderPage();
    fireEvent.change(screen.getByLabelText(t.anchorId), { target: { value: ' 41 ' } });
    fireEvent.change(screen.getByLabelText(t.anchorHash), { target: { value: 'abcd ef01' } });
    fireEvent.click(screen.getByRole('button', { name: t.anchorCheck }));
    expect((await screen.findByTestId('anchor-result')).textContent).toBe(t.anchorDiffers);
    expect(auditApi.checkAnchor).toHaveBeenCalledWith(41, 'abcd ef01');
  });

  describe('on a laptop in a team', () => {
    const computers = [
      { laptop: 'aaaa1111bbbb2222', label: 'Teamleders pc', this: true },
      { laptop: 'cccc3333dddd4444', label: 'Jonas’ bærbare', this: false },
      { laptop: 'eeee5555ffff6666', label: '', this: false },
    ];

    it('names the computer of every entry and filters and pages by computer', async () => {
      vi.mocked(auditApi.list).mockResolvedValue({
        entries: [
          entry(7, { laptop: 'cccc3333dddd4444', computer: 'Jonas’ bærbare' }),
          entry(41, { laptop: 'aaaa1111bbbb2222', computer: 'Teamleders pc', action: 'list', object: 'audit_log', citizenId: 0 }),
          entry(7, { laptop: 'eeee5555ffff6666', computer: '' }),
        ],
        more: true,
        next: '41/2026-12-01T09:00:00.000000000Z/cccc3333dddd4444/7',
        actions,
        computers,
      });
      renderPage();
      await screen.findAllByTestId('audit-entry');
      expect(rows().map((r) => r[1])).toEqual(['Jonas’ bærbare', 'Teamleders pc (denne computer)', 'Computer eeee5555']);
      const select = screen.getByLabelText(t.team.computer) as HTMLSelectElement;
      expect([...select.options].map((o) => o.textContent)).toEqual([t.team.allComputers, 'Teamleders pc (denne computer)', 'Computer eeee5555', 'Jonas’ bærbare']);
      fireEvent.click(screen.getByRole('button', { name: t.more }));
      await waitFor(() =>
        expect(auditApi.list).toHaveBeenLastCalledWith(expect.objectContaining({ computer: 'all', before: 0, cursor: '41/2026-12-01T09:00:00.000000000Z/cccc3333dddd4444/7' })),
      );
      fireEvent.change(select, { target: { value: 'cccc3333dddd4444' } });
      await waitFor(() => expect(auditApi.list).toHaveBeenLastCalledWith(expect.objectContaining({ computer: 'cccc3333dddd4444', cursor: '' })));
    });

    it('shows each other computer’s chain, a rewritten number as an alarm, and the rewritten entries beside the kept ones', async () => {
      vi.mocked(auditApi.list).mockResolvedValue({ ...page([entry(1)]), computers });
      vi.mocked(auditApi.checkTeam).mockResolvedValue({
        inTeam: true,
        ok: false,
        chains: [
          { laptop: 'cccc3333dddd4444', computer: 'Jonas’ bærbare', entries: 120, first: 1, last: 120, lastAt: '01.12.2026 09:00:00', ok: false, broken: [], rewritten: [2] },
          { laptop: 'eeee5555ffff6666', computer: '', entries: 0, first: 0, last: 0, lastAt: '', ok: true, broken: [], rewritten: [] },
        ],
      });
      vi.mocked(auditApi.rewritten).mockResolvedValue([
        { number: 2, held: entry(2, { detail: 'det oprindelige' }), rewritten: entry(2, { detail: 'skrevet om bagefter' }) },
      ]);
      renderPage();
      const section = await screen.findByTestId('team-chains');
      const chains = within(section).getAllByTestId('team-chain');
      expect(chains.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
        ['Jonas’ bærbare', '120', 'nr. 120, 01.12.2026 09:00:00', t.team.alarm],
        ['Computer eeee5555', '0', t.team.nothing, t.team.ok],
      ]);
      const alarm = within(section).getByRole('alert');
      expect(alarm.textContent).toContain('Jonas’ bærbare har sendt andet indhold under numre, den allerede havde brugt (nr. 2)');
      expect(alarm.textContent).toContain('Kontakt IT');
      fireEvent.click(within(alarm).getByRole('button', { name: 'Vis de omskrevne poster fra Jonas’ bærbare' }));
      const pair = await within(alarm).findByTestId('rewritten-pair');
      expect(auditApi.rewritten).toHaveBeenCalledWith('cccc3333dddd4444');
      expect(pair.textContent).toContain('det oprindelige');
      expect(pair.textContent).toContain('skrevet om bagefter');
    });

    it('shows nothing of the team on a laptop in no team', async () => {
      vi.mocked(auditApi.list).mockResolvedValue(page([entry(1)]));
      renderPage();
      await screen.findAllByTestId('audit-entry');
      expect(screen.queryByTestId('team-chains')).toBeNull();
      expect(screen.queryByLabelText(t.team.computer)).toBeNull();
      expect(rows()[0]).toHaveLength(6);
    });
  });
});
