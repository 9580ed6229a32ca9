import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditApi, type AuditEntry, type AuditPage as Page } from '../../api/audit';
import { api } from '../../api/client';
import { AppError } from '../../api/errors';
import { da } from '../../i18n/da';
import { I18nProvider } from '../../i18n/i18n';
import type { AuditCheck } from '../../api/auth';
import { SessionContext, type Session } from '../auth/session';
import { AuditPage } from './AuditPage';

vi.mock('../../api/audit', () => ({ auditApi: { list: vi.fn(), verify: vi.fn(), saveCitizenPdf: vi.fn(), checkAnchor: vi.fn() } }));
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
  ...over,
});
const page = (entries: AuditEntry[], more = false): Page => ({ entries, more, actions });

afterEach(cleanup);
beforeEach(() => {
  vi.clearAllMocks();
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
    expect(auditApi.list).toHaveBeenCalledWith({ citizenId: 0, workerId: 0, action: '', from: '', to: '', before: 0, limit: 100 });
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
      expect(auditApi.list).toHaveBeenLastCalledWith({ citizenId: 12, workerId: 0, action: 'view', from: '2026-11-01', to: '', before: 0, limit: 100 }),
    );
    vi.mocked(auditApi.saveCitizenPdf).mockResolvedValue({ path: '/home/test/ICM-log Åse Holm.pdf', cancelled: false });
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
});
