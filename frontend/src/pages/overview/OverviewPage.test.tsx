import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { overviewApi, type CourseFidelity, type FidelityHistory, type Overview, type RuleResult } from '../../api/overview';
import { I18nProvider } from '../../i18n/i18n';
import { OverviewPage } from './OverviewPage';
import { tipPlace } from './FidelityTable';

vi.mock('../../api/overview', () => ({
  overviewApi: { teamOverview: vi.fn(), courseFidelity: vi.fn(), fidelityHistory: vi.fn(), saveFidelityPdf: vi.fn(), deleteTeamMeeting: vi.fn() },
}));

const api = vi.mocked(overviewApi);
afterEach(cleanup);

const rules = ['named_worker', 'caseload', 'assessment', 'signed_plan', 'action_plan', 'coordination', 'advocacy', 'evaluation', 'contact_kept', 'local_contact', 'own_words'];
const steps: Record<string, string> = {
  named_worker: 'visitation', caseload: 'caseload', assessment: 'assessment', signed_plan: 'planning', action_plan: 'planning',
  coordination: 'coordination', advocacy: 'advocacy',
  evaluation: 'followup', contact_kept: 'followup', local_contact: 'followup', own_words: 'planning',
};

function results(fail: Record<string, Partial<RuleResult>> = {}): RuleResult[] {
  return rules.map((rule) => ({ rule, pass: !fail[rule], reason: 'ok', step: steps[rule], params: {}, ...fail[rule] }));
}

function row(id: number, name: string, fail: Record<string, Partial<RuleResult>> = {}): CourseFidelity {
  const rs = results(fail);
  return { courseId: id, citizenName: name, workerName: 'Aisha Khalil', workerInitials: 'AK', status: 'active', startDate: '2026-05-01',
    results: rs, passed: rs.filter((r) => r.pass).length, total: rs.length };
}

const worker = (id: number, name: string, open: number, max: number) => ({
  worker: { id, name, initials: name.slice(0, 2).toUpperCase(), role: 'icm_worker', fte: max / 8, active: true, openCourses: open, maxCaseload: max },
  open, max, over: open > max, overrides: [],
});

function overview(): Overview {
  const fidelity = [
    row(1, 'Dennis Møller', {
      signed_plan: { pass: false, reason: 'not_signed' },
      caseload: { pass: false, reason: 'over_with_reason', params: { open: '9', max: '8', reason: 'Kender borgeren fra herberget' } },
      coordination: { pass: false, reason: 'meeting_overdue', params: { due: '2026-10-01', network: '2' } },
    }),
    row(2, 'Bjørn Aagaard', {
      own_words: { pass: false, reason: 'no_goals' },
      local_contact: { pass: false, reason: 'mostly_elsewhere', params: { local: '4', total: '8' } },
      evaluation: { pass: false, reason: 'overdue', params: { due: '2026-11-30' } },
    }),
  ];
  return {
    today: '2026-12-01',
    team: { id: 1, municipality: 'Solvang', name: 'ICM-teamet' },
    openCourses: 2,
    capacity: 12,
    contactGapLimit: 14,
    caseloads: [worker(2, 'Aisha Khalil', 5, 4), worker(3, 'Jonas Ørnberg', 4, 8)],
    steps: [
      { step: 'visitation', count: 1 }, { step: 'assessment', count: 0 }, { step: 'planning', count: 0 },
      { step: 'coordination', count: 0 }, { step: 'advocacy', count: 0 }, { step: 'followup', count: 1 }, { step: 'complete', count: 0 },
    ],
    evaluations: [
      { courseId: 2, citizenName: 'Bjørn Aagaard', workerInitials: 'JØ', dueDate: '2026-11-30', state: 'overdue', days: -1 },
      { courseId: 1, citizenName: 'Dennis Møller', workerInitials: 'AK', dueDate: '2026-12-01', state: 'due_soon', days: 0 },
    ],
    contactGaps: [{ courseId: 2, citizenName: 'Bjørn Aagaard', workerInitials: 'JØ', days: 30, limitDays: 14, since: '2026-11-01', noneYet: false }],
    unsigned: [{ courseId: 1, citizenName: 'Dennis Møller', workerInitials: 'AK' }],
    housing: {
      categories: [
        { housing: 'shelter', start: 2, now: 0 },
        { housing: 'own', start: 0, now: 1 },
        { housing: 'own_at_risk', start: 0, now: 1 },
      ],
      total: 2, ownHomeStart: 0, ownHomeNow: 2,
      retention: { movedIn: 3, kept: [{ months: 6, eligible: 2, kept: 1 }, { months: 12, eligible: 0, kept: 0 }] },
    },
    who5: {
      buckets: [{ key: 'low', from: 0, to: 28, count: 0 }, { key: 'poor', from: 29, to: 50, count: 0 }, { key: 'good', from: 51, to: 100, count: 1 }],
      improved: 1, stable: 0, worsened: 0, singleScore: 0, noScore: 1,
    },
    fidelity,
    fidelityTotals: rules.map((rule) => ({ rule, pass: fidelity.filter((f) => f.results.find((r) => r.rule === rule)?.pass).length, total: 2 })),
    contactIntensity: [],
    caseReviews: [],
    routines: { meetings: [], lastStatus: '', lastSupervision: '', statusMeetingLate: true },
  };
}

async function renderPage() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={qc}>
      <I18nProvider lang="da" onChange={() => {}}>
        <OverviewPage />
      </I18nProvider>
    </QueryClientProvider>,
  );
  await screen.findByRole('heading', { name: 'Overblik', level: 1 });
}

function history(): FidelityHistory {
  const quarter = (year: number, q: number, asOf: string, pass: number, total: number, partial = false) => ({
    year, quarter: q, asOf, partial, courses: total,
    rules: rules.map((rule) => ({ rule, pass: rule === 'coordination' ? pass : total, total })),
  });
  return {
    today: '2026-12-01',
    team: { id: 1, municipality: 'Solvang', name: 'ICM-teamet' },
    quarters: [quarter(2026, 2, '2026-06-30', 0, 0), quarter(2026, 3, '2026-09-30', 1, 4), quarter(2026, 4, '2026-12-01', 3, 4, true)],
  };
}

describe('OverviewPage', () => {
  beforeEach(() => {
    api.teamOverview.mockReset();
    api.teamOverview.mockResolvedValue(overview());
    api.fidelityHistory.mockReset();
    api.fidelityHistory.mockResolvedValue(history());
    api.saveFidelityPdf.mockReset();
  });

  it('shows the headline figures', async () => {
    await renderPage();
    expect(screen.getByTestId('figure-open').textContent).toContain('2');
    expect(screen.getByTestId('figure-capacity').textContent).toContain('2 af 12 pladser');
    expect(screen.getByTestId('figure-own-home').textContent).toContain('0 % → 100 %');
    expect(screen.getByTestId('figure-own-home-kept').textContent).toContain('1 af 2 efter 6 mdr.');
    expect(screen.getByTestId('figure-own-home-kept').textContent).toContain('endnu ingen efter 12 mdr.');
    expect(screen.getByTestId('figure-own-home-kept').textContent).toContain('Flyttet i egen bolig under et forløb: 3.');
  });

  it('draws accessible charts with a table beside them', async () => {
    await renderPage();
    const chart = screen.getByRole('img', { name: /borgere pr\. medarbejder.*Aisha Khalil 5 af 4/ });
    expect(chart.tagName.toLowerCase()).toBe('svg');
    const table = within(screen.getByTestId('caseload-chart')).getByRole('table', { hidden: true });
    expect(table.textContent).toContain('Aisha Khalil5 af 4');
    expect(screen.getByRole('img', { name: /Herberg\/forsorgshjem: 2 ved start, 0 nu/ })).toBeTruthy();
    expect(screen.getByRole('img', { name: /seneste WHO-5.*51-100: 1/ })).toBeTruthy();
    expect(screen.getByRole('img', { name: /udviklingen i WHO-5.*Bedre \(\+10 eller mere\): 1/ })).toBeTruthy();
  });

  it('lists what to act on, each linked to the step where it is done', async () => {
    await renderPage();
    const evals = within(screen.getByTestId('todo-evaluations'));
    expect(evals.getByRole('link', { name: 'Bjørn Aagaard' }).getAttribute('href')).toBe('#/courses/2/followup');
    expect(screen.getByTestId('todo-evaluations').textContent).toContain('1 dage over fristen (30.11.2026)');
    expect(screen.getByTestId('todo-evaluations').textContent).toContain('Frist i dag');
    expect(screen.getByTestId('todo-gaps').textContent).toContain('30 dage uden kontakt (teamets grænse: 14)');
    expect(within(screen.getByTestId('todo-unsigned')).getByRole('link', { name: 'Dennis Møller' }).getAttribute('href')).toBe('#/courses/1/planning');
  });

  it('has one fidelity row per course with reasons and links for each failing rule', async () => {
    await renderPage();
    const rows = screen.getAllByTestId('fidelity-row');
    expect(rows).toHaveLength(2);
    const bjorn = rows.find((r) => r.dataset.citizen === 'Bjørn Aagaard')!;
    const local = bjorn.querySelector('[data-rule="local_contact"]')!;
    expect(local.getAttribute('data-pass')).toBe('false');
    const link = within(local as HTMLElement).getByRole('link');
    expect(link.getAttribute('href')).toBe('#/courses/2/followup');
    expect(link.textContent).toContain('Kun 4 af 8 kontakter');
    expect(link.textContent).toContain('Rettes under Opfølgning.');
    // one tip only: no title beside it
    expect(link.getAttribute('title')).toBeNull();
    const evaluation = bjorn.querySelector('[data-rule="evaluation"]')!;
    expect(evaluation.textContent).toContain('senest 30.11.2026');
    const own = rows.find((r) => r.dataset.citizen === 'Dennis Møller')!.querySelector('[data-rule="own_words"]')!;
    expect(own.getAttribute('data-pass')).toBe('true');
    expect(own.textContent).toContain('Mål med egne ord: opfyldt');
    // The caseload is fixed on the caseload page, not in a step of the course.
    const dennis = rows.find((r) => r.dataset.citizen === 'Dennis Møller')!;
    const caseload = within(dennis.querySelector('[data-rule="caseload"]') as HTMLElement).getByRole('link');
    expect(caseload.getAttribute('href')).toBe('#/caseload');
    expect(caseload.textContent).toContain('Begrundelse: Kender borgeren fra herberget');
    expect(caseload.textContent).toContain('Rettes på siden Caseload');
    const coord = within(dennis.querySelector('[data-rule="coordination"]') as HTMLElement).getByRole('link');
    expect(coord.getAttribute('href')).toBe('#/courses/1/coordination');
    expect(coord.textContent).toContain('senest 01.10.2026');

    fireEvent.click(within(bjorn).getByRole('button', { name: /Vis årsager/ }));
    const reasons = document.querySelector('tr.ov-reasons li:last-child') as HTMLElement;
    expect(reasons.textContent).toContain('Planen har endnu ingen mål');
    expect(within(reasons).getByRole('link', { name: 'Rettes under Planlægning.' }).getAttribute('href')).toBe('#/courses/2/planning');
    expect(within(bjorn).getByRole('button', { name: /Skjul årsager/ }).getAttribute('aria-expanded')).toBe('true');
  });

  it('hides a rule’s tip on Escape until the focus leaves, and names the worker, not only the initials', async () => {
    await renderPage();
    const bjorn = screen.getAllByTestId('fidelity-row').find((r) => r.dataset.citizen === 'Bjørn Aagaard')!;
    const link = within(bjorn.querySelector('[data-rule="local_contact"]') as HTMLElement).getByRole('link');
    link.focus();
    expect(link.hasAttribute('data-dismissed')).toBe(false);
    fireEvent.keyDown(link, { key: 'Escape' });
    expect(link.hasAttribute('data-dismissed')).toBe(true);
    fireEvent.blur(link);
    expect(link.hasAttribute('data-dismissed')).toBe(false);
    fireEvent.keyDown(link, { key: 'Escape' });
    fireEvent.mouseLeave(link);
    expect(link.hasAttribute('data-dismissed')).toBe(false);
    expect(within(bjorn).getByText('Aisha Khalil').className).toBe('sr-only');
  });

  it('hides a tip shown by the pointer on Escape while the focus is elsewhere, until the pointer and the focus have left', async () => {
    await renderPage();
    const bjorn = screen.getAllByTestId('fidelity-row').find((r) => r.dataset.citizen === 'Bjørn Aagaard')!;
    const link = within(bjorn.querySelector('[data-rule="local_contact"]') as HTMLElement).getByRole('link');
    const elsewhere = within(bjorn).getByRole('button', { name: /Vis årsager/ });
    elsewhere.focus();
    fireEvent.mouseEnter(link);
    fireEvent.keyDown(elsewhere, { key: 'Escape' });
    expect(link.hasAttribute('data-dismissed')).toBe(true);
    fireEvent.mouseLeave(link);
    expect(link.hasAttribute('data-dismissed')).toBe(false);
    // No tip shows: Escape elsewhere leaves the link alone.
    fireEvent.keyDown(elsewhere, { key: 'Escape' });
    expect(link.hasAttribute('data-dismissed')).toBe(false);
    // Shown by both: the tip stays hidden while the focus stays, though the pointer leaves.
    link.focus();
    fireEvent.mouseEnter(link);
    fireEvent.keyDown(link, { key: 'Escape' });
    fireEvent.mouseLeave(link);
    expect(link.hasAttribute('data-dismissed')).toBe(true);
    fireEvent.blur(link);
    expect(link.hasAttribute('data-dismissed')).toBe(false);
  });

  it('places a rule’s tip fixed within the viewport, so the table’s scroll box cannot clip it', async () => {
    await renderPage();
    const bjorn = screen.getAllByTestId('fidelity-row').find((r) => r.dataset.citizen === 'Bjørn Aagaard')!;
    const link = within(bjorn.querySelector('[data-rule="local_contact"]') as HTMLElement).getByRole('link');
    const tip = link.querySelector('.ov-tip') as HTMLElement;
    const rect = (left: number, top: number, width: number, height: number) =>
      ({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) }) as DOMRect;
    // A link at the right edge of a 320 × 256 view, near its foot: the tip moves in and goes above.
    vi.spyOn(link, 'getBoundingClientRect').mockReturnValue(rect(300, 220, 16, 20));
    vi.spyOn(tip, 'getBoundingClientRect').mockReturnValue(rect(0, 0, 256, 80));
    const { innerWidth, innerHeight } = window;
    Object.assign(window, { innerWidth: 320, innerHeight: 256 });
    try {
      link.focus();
      await waitFor(() => expect(tip.style.left).toBe('58px'));
      expect(tip.style.top).toBe('134px');
    } finally {
      Object.assign(window, { innerWidth, innerHeight });
    }
  });

  it('puts a tip under its link, moved in from the edges of the viewport', () => {
    const link = { left: 10, right: 30, top: 100, bottom: 120 };
    expect(tipPlace(link, { width: 200, height: 50 }, 1280, 900)).toEqual({ left: 6, top: 126 });
    expect(tipPlace({ ...link, left: 600, right: 620 }, { width: 200, height: 50 }, 1280, 900)).toEqual({ left: 510, top: 126 });
    expect(tipPlace({ left: 1270, right: 1280, top: 880, bottom: 900 }, { width: 200, height: 50 }, 1280, 900)).toEqual({ left: 1074, top: 824 });
    // Wider or taller than the view: it starts at the top left corner.
    expect(tipPlace(link, { width: 400, height: 300 }, 320, 256)).toEqual({ left: 6, top: 6 });
  });

  it('sums each rule for the team', async () => {
    await renderPage();
    const foot = screen.getByRole('table', { name: 'Tjek af ICM-mindstekrav' }).querySelector('tfoot')!;
    expect(foot.querySelector('[data-rule="signed_plan"]')!.textContent).toBe('1 af 2');
    expect(foot.querySelector('[data-rule="named_worker"]')!.textContent).toBe('2 af 2');
  });

  it('shows the requirements over time as small charts with a table, and saves the PDF for management', async () => {
    await renderPage();
    const fig = await screen.findByTestId('fidelity-history');
    const coord = fig.querySelector('[data-rule="coordination"]') as HTMLElement;
    expect(coord.textContent).toContain('Netværk og koordinering');
    expect(coord.textContent).toContain('75 %');
    const img = within(coord).getByRole('img');
    expect(img.getAttribute('aria-label')).toBe('Netværk og koordinering: 2. kvt. 2026 ingen forløb, 3. kvt. 2026 25 %, 4. kvt. 2026 75 %');
    const table = within(fig).getByRole('table', { hidden: true });
    expect(table.textContent).toContain('4. kvt. 2026 (til 01.12.2026)');
    const row = within(table).getByRole('rowheader', { name: 'Netværk og koordinering', hidden: true }).closest('tr')!;
    expect(row.textContent).toBe('Netværk og koordinering–25 % (1/4)75 % (3/4)');

    api.saveFidelityPdf.mockResolvedValue({ path: '/tmp/ICM-mindstekrav.pdf', cancelled: false, replacedChars: [] });
    fireEvent.click(screen.getByRole('button', { name: 'Gem PDF til ledelsen' }));
    expect(await screen.findByText(/ICM-mindstekrav\.pdf/)).toBeTruthy();
    expect(api.saveFidelityPdf).toHaveBeenCalledTimes(1);
  });

  it('deletes a team meeting only after confirming', async () => {
    const o = overview();
    o.routines = { meetings: [{ id: 5, kind: 'status', date: '2026-11-30', participants: 'Hele teamet', note: '' }], lastStatus: '2026-11-30', lastSupervision: '', statusMeetingLate: false };
    api.teamOverview.mockResolvedValue(o);
    api.deleteTeamMeeting.mockResolvedValue(o.routines);
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    await renderPage();
    const del = within(screen.getByTestId('routines-list')).getByRole('button', { name: 'Slet mødet 30.11.2026' });
    fireEvent.click(del);
    expect(api.deleteTeamMeeting).not.toHaveBeenCalled();
    fireEvent.click(del);
    await waitFor(() => expect(api.deleteTeamMeeting).toHaveBeenCalledWith(5));
    expect(confirm).toHaveBeenCalledTimes(2);
    confirm.mockRestore();
  });

  it('shows a load error', async () => {
    api.teamOverview.mockRejectedValue({ code: 'internal', message: 'boom' });
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={qc}>
        <I18nProvider lang="da" onChange={() => {}}>
          <OverviewPage />
        </I18nProvider>
      </QueryClientProvider>,
    );
    expect(await screen.findByRole('alert')).toBeTruthy();
  });
});
