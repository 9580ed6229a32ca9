import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../../api/client';
import { AppError } from '../../../api/errors';
import { versionsApi, type PlanVersionSummary } from '../../../api/versions';
import { da } from '../../../i18n/all';
import { I18nProvider } from '../../../i18n/i18n';
import { isoToDanish, todayIso } from '../../../lib/dates';
import { anyDirty } from '../../../lib/unsaved';
import { SignedInAs } from '../../auth/testSession';
import { PlanVersionsSection } from './PlanVersionsSection';
import { COURSE, course, diff, doc, signed, summary, vocab, workers } from './testData';

vi.mock('../../../api/versions', () => ({
  versionsApi: { list: vi.fn(), get: vi.fn(), draft: vi.fn(), sign: vi.fn(), compare: vi.fn() },
}));
vi.mock('../../../api/client', () => ({
  api: { vocabulary: vi.fn(), workers: vi.fn(), course: vi.fn() },
}));

afterEach(cleanup);

const v = da.versions;
const f = v.form;

function renderSection(opts: { versions?: PlanVersionSummary[]; readOnly?: boolean; hasGoals?: boolean; role?: 'team_lead' | 'icm_worker' } = {}) {
  vi.clearAllMocks();
  vi.mocked(versionsApi.list).mockResolvedValue(opts.versions ?? []);
  vi.mocked(versionsApi.compare).mockResolvedValue(diff());
  vi.mocked(versionsApi.draft).mockResolvedValue({ summary: summary({ id: 0, versionNo: 0 }), signed: false, plan: doc() });
  vi.mocked(api.vocabulary).mockResolvedValue(vocab);
  vi.mocked(api.workers).mockResolvedValue(workers);
  vi.mocked(api.course).mockResolvedValue(course);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <I18nProvider lang="da" onChange={() => {}}>
        <SignedInAs role={opts.role ?? 'team_lead'}>
          <PlanVersionsSection courseId={COURSE} readOnly={opts.readOnly ?? false} hasGoals={opts.hasGoals ?? true} />
        </SignedInAs>
      </I18nProvider>
    </QueryClientProvider>,
  );
}

const change = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });
const value = (el: HTMLElement) => (el as HTMLInputElement).value;
const openForm = async () => {
  fireEvent.click(await screen.findByRole('button', { name: v.signOpen }));
  return within(screen.getByRole('form', { name: v.signOpen }));
};
const today = todayIso();

describe('signing off the plan', () => {
  it('fills the form, asks once more and shows the new version in the list', async () => {
    renderSection();
    expect(await screen.findByText(v.none)).toBeTruthy();
    const form = await openForm();
    expect(form.getByRole('heading', { name: 'Underskriv planen som version 1' })).toBeTruthy();

    // prefilled: the citizen's name and today's date for both signatures
    expect(value(form.getByLabelText(/^Borgerens navn/))).toBe('Åse Ærø');
    expect(value(form.getByLabelText(/^Dato for borgerens underskrift/))).toBe(isoToDanish(today));
    expect(value(form.getByLabelText(/^Dato for ICM-medarbejderens underskrift/))).toBe(isoToDanish(today));
    expect(form.getByText('ICM-medarbejder: Karin Holm')).toBeTruthy();
    // the signed-in team lead approves in their own name
    const lead = form.getByLabelText(f.lead);
    expect((lead as HTMLInputElement).checked).toBe(false);
    expect(form.getByText('Valgfrit. Godkendelsen gemmes i dit navn: Lars Bak.')).toBeTruthy();
    expect(form.queryByLabelText(/^Dato for teamlederens godkendelse/)).toBeNull();

    change(form.getByLabelText(/^Borgerens navn/), 'Åse E.');
    change(form.getByLabelText(/^Dato for borgerens underskrift/), '30.11.2026');
    fireEvent.click(await form.findByLabelText(v.method.paper));
    fireEvent.click(lead);
    expect(value(form.getByLabelText(/^Dato for teamlederens godkendelse/))).toBe(isoToDanish(today));
    change(form.getByLabelText(/^Borgerens kommentarer eller uenighed/), 'Jeg er uenig i fristen.');
    expect(anyDirty()).toBe(true);

    const v1 = summary({ citizenName: 'Åse E.', citizenDate: '2026-11-30', workerDate: today, leadId: 4, leadName: 'Lars Bak', leadDate: today, citizenComment: 'Jeg er uenig i fristen.' });
    vi.mocked(versionsApi.sign).mockResolvedValue(signed(v1));
    vi.mocked(versionsApi.list).mockResolvedValue([v1]);

    fireEvent.click(form.getByRole('button', { name: 'Underskriv version 1' }));
    // nothing is signed before the confirmation
    expect(versionsApi.sign).not.toHaveBeenCalled();
    // The confirm box holds buttons: a named group, not a live region; its button is described
    // by the warning, so taking the focus reads the warning once.
    expect(form.queryByRole('alert')).toBeNull();
    const box = form.getByRole('group', { name: v.form.confirmTitle });
    expect(box.textContent).toContain('version 2');
    const yes = within(box).getByRole('button', { name: 'Ja, underskriv version 1' });
    const warning = document.getElementById(yes.getAttribute('aria-describedby')!)!;
    expect(warning.textContent).toContain('En underskrevet version kan ikke ændres eller slettes bagefter');
    expect(warning.textContent).toContain('version 2');
    expect(document.activeElement).toBe(yes);
    fireEvent.click(yes);

    await waitFor(() => expect(screen.queryByRole('form', { name: v.signOpen })).toBeNull());
    expect(vi.mocked(versionsApi.sign).mock.calls[0][0]).toEqual({
      courseId: COURSE,
      citizenName: 'Åse E.',
      citizenDate: '2026-11-30',
      method: 'paper',
      workerDate: today,
      leadApproval: true,
      leadDate: today,
      citizenComment: 'Jeg er uenig i fristen.',
    });
    // The result takes the focus in a status line mounted once (not the sign button).
    const line = screen.getByTestId('plan-signed');
    await waitFor(() => expect(document.activeElement).toBe(line));
    expect(line.textContent).toBe('✓ Version 1 er underskrevet og gemt.');
    expect(line.nextElementSibling?.getAttribute('role')).toBe('status');
    expect(line.nextElementSibling?.textContent).toBe(''); // read on focus, not a second time
    const row = await screen.findByTestId('plan-version-1');
    expect(within(row).getByRole('heading', { name: 'Version 1' })).toBeTruthy();
    expect(row.textContent).toContain('Underskrevet 30.11.2026');
    expect(row.textContent).toContain('Åse E. (borger, 30.11.2026)');
    expect(row.textContent).toContain(`Karin Holm (ICM-medarbejder, ${isoToDanish(today)})`);
    expect(row.textContent).toContain(v.method.paper);
    expect(row.textContent).toContain(`Godkendt af teamleder Lars Bak ${isoToDanish(today)}`);
    expect(row.textContent).toContain('Borgerens kommentarer: Jeg er uenig i fristen.');
    expect(anyDirty()).toBe(false);
    expect(document.activeElement).toBe(line);
  });

  it('shows the backend’s errors next to the fields and keeps what was typed', async () => {
    renderSection({ versions: [summary()] });
    const form = await openForm();
    expect(form.getByRole('heading', { name: 'Underskriv planen som version 2' })).toBeTruthy();
    change(form.getByLabelText(/^Dato for borgerens underskrift/), '01.01.2020');
    change(form.getByLabelText(/^Borgerens kommentarer eller uenighed/), 'Mine egne ord');
    vi.mocked(versionsApi.sign).mockRejectedValue(
      new AppError('invalid_input', [
        { field: 'citizenDate', code: 'date_out_of_range', params: { min: '2026-11-01', max: '2026-12-01' } },
        { field: 'method', code: 'required' },
      ]),
    );
    fireEvent.click(form.getByRole('button', { name: 'Underskriv version 2' }));
    fireEvent.click(form.getByRole('button', { name: 'Ja, underskriv version 2' }));

    await form.findByText('Datoen skal ligge mellem 01.11.2026 og 01.12.2026.');
    const date = form.getByLabelText(/^Dato for borgerens underskrift/);
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(date.getAttribute('aria-describedby')!.split(' ').pop()!)!.textContent).toBe('Datoen skal ligge mellem 01.11.2026 og 01.12.2026.');
    expect(within(form.getByRole('group', { name: f.method })).getByText(da.errors.required)).toBeTruthy();
    // back in the form, with the typed text kept and the fields usable again
    expect(form.getByRole('button', { name: 'Underskriv version 2' })).toBeTruthy();
    expect(value(form.getByLabelText(/^Borgerens kommentarer eller uenighed/))).toBe('Mine egne ord');
    expect(form.getByLabelText(/^Borgerens navn/).matches(':disabled')).toBe(false);
    // the focus is on the first wrong field, not on the page body
    expect(document.activeElement).toBe(date);
  });

  it('says why a plan without goals cannot be signed', async () => {
    renderSection();
    const form = await openForm();
    fireEvent.click(await form.findByLabelText(v.method.in_person));
    let fail: (e: unknown) => void = () => undefined;
    vi.mocked(versionsApi.sign).mockReturnValue(new Promise((_, reject) => (fail = reject)));
    fireEvent.click(form.getByRole('button', { name: 'Underskriv version 1' }));
    const yes = form.getByRole('button', { name: 'Ja, underskriv version 1' });
    fireEvent.click(yes);
    // while it signs, the confirm button is unavailable but keeps the focus
    const busy = await form.findByRole('button', { name: da.common.saving });
    expect(busy).toBe(yes);
    expect(yes.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(yes);
    fail(new AppError('plan_empty'));
    expect((await form.findByText(da.errors.plan_empty)).getAttribute('role')).toBe('alert');
    expect(vi.mocked(versionsApi.sign).mock.calls[0][0].method).toBe('in_person');
    // the confirm box is gone: the focus is back on the submit button
    expect(document.activeElement).toBe(form.getByRole('button', { name: 'Underskriv version 1' }));
  });

  it('can go back from the confirmation and be cancelled without signing', async () => {
    renderSection();
    const form = await openForm();
    fireEvent.click(form.getByRole('button', { name: 'Underskriv version 1' }));
    expect(form.getByLabelText(/^Borgerens navn/).matches(':disabled')).toBe(true);
    fireEvent.click(form.getByRole('button', { name: f.back }));
    expect(form.getByLabelText(/^Borgerens navn/).matches(':disabled')).toBe(false);
    expect(document.activeElement).toBe(form.getByRole('button', { name: 'Underskriv version 1' }));
    fireEvent.click(form.getByRole('button', { name: da.common.cancel }));
    expect(screen.queryByRole('form', { name: v.signOpen })).toBeNull();
    expect(versionsApi.sign).not.toHaveBeenCalled();
  });

  it('taking the approval back clears the lead’s date', async () => {
    renderSection();
    const form = await openForm();
    fireEvent.click(form.getByLabelText(f.lead));
    change(form.getByLabelText(/^Dato for teamlederens godkendelse/), '28.11.2026');
    fireEvent.click(form.getByLabelText(f.lead));
    expect(form.queryByLabelText(/^Dato for teamlederens godkendelse/)).toBeNull();
    fireEvent.click(await form.findByLabelText(v.method.paper));
    vi.mocked(versionsApi.sign).mockResolvedValue(signed());
    fireEvent.click(form.getByRole('button', { name: 'Underskriv version 1' }));
    fireEvent.click(form.getByRole('button', { name: 'Ja, underskriv version 1' }));
    await waitFor(() => expect(versionsApi.sign).toHaveBeenCalledTimes(1));
    expect(vi.mocked(versionsApi.sign).mock.calls[0][0]).toMatchObject({ leadApproval: false, leadDate: '' });
  });

  it('an ICM worker signs without the approval, which only the team lead can give', async () => {
    renderSection({ role: 'icm_worker' });
    const form = await openForm();
    expect(form.getByText(f.leadOnly)).toBeTruthy();
    expect(form.queryByLabelText(f.lead)).toBeNull();
    expect(form.queryByLabelText(/^Dato for teamlederens godkendelse/)).toBeNull();
  });

  it('offers no signing on a closed course or a plan without goals', async () => {
    renderSection({ versions: [summary()], readOnly: true });
    expect(await screen.findByTestId('plan-version-1')).toBeTruthy();
    expect(screen.queryByRole('button', { name: v.signOpen })).toBeNull();
    cleanup();
    renderSection({ hasGoals: false });
    expect(await screen.findByText(v.needsGoal)).toBeTruthy();
    expect(screen.queryByRole('button', { name: v.signOpen })).toBeNull();
  });
});

describe('the list of versions', () => {
  it('views a signed version read-only and compares it with the current plan', async () => {
    const v2 = summary({ id: 22, versionNo: 2, method: 'in_person', leadId: 0, leadName: '', leadDate: '', citizenComment: '' });
    renderSection({ versions: [v2, summary()] });
    vi.mocked(versionsApi.get).mockResolvedValue(signed());
    const rows = await screen.findAllByRole('listitem');
    expect(rows.map((r) => r.getAttribute('data-testid')).filter(Boolean)).toEqual(['plan-version-draft', 'plan-version-2', 'plan-version-1']);
    const second = screen.getByTestId('plan-version-2');
    expect(second.textContent).toContain(v.method.in_person);
    expect(second.textContent).toContain(v.noLead);
    expect(second.textContent).not.toContain(v.citizenComment);
    // the draft says how much changed since the latest version
    expect((await screen.findByTestId('draft-changes')).textContent).toBe('3 ændringer siden version 1');
    expect(versionsApi.compare).toHaveBeenCalledWith(COURSE, 0, 0);

    const first = within(screen.getByTestId('plan-version-1'));
    fireEvent.click(first.getByRole('button', { name: v.view }));
    const view = await first.findByRole('article', { name: 'Plan, version 1' });
    expect(versionsApi.get).toHaveBeenCalledWith(21);
    expect(view.textContent).toContain('Et sted at bo og min datter tilbage.');
    expect(view.textContent).toContain('“Jeg vil have min egen lejlighed”');
    expect(within(view).getByRole('cell', { name: 'Søge om boligstøtte sammen' })).toBeTruthy();
    expect(within(view).getByRole('cell', { name: '15.12.2026' })).toBeTruthy();
    expect(view.textContent).toContain('Besøg i hjemmet');
    expect(view.textContent).toContain('Egen læge: Jens Holm, Lægehuset');
    expect(view.textContent).toContain('Sende ansøgningen');
    expect(view.textContent).toContain('Afslag uden begrundelse · I gang');
    expect(view.textContent).toContain('01.02.2027');
    expect(view.textContent).toContain('Der er en handleplan (20.10.2026, sagsbehandler Lone Berg)');
    expect(view.textContent).toContain('05.11.2026: 40 %');
    const signature = within(view).getByRole('region', { name: da.versions.doc.signature });
    expect(signature.textContent).toContain('Åse Ærø, 01.12.2026');
    expect(signature.textContent).toContain('Mette Lund, 02.12.2026');
    expect(signature.textContent).toContain(v.method.paper);
    expect(signature.textContent).toContain('Jeg er uenig i fristen for boligstøtten.');
    // nothing in the view can be edited
    expect(within(view).queryAllByRole('textbox')).toEqual([]);
    expect(within(view).queryAllByRole('button')).toEqual([]);
    fireEvent.click(first.getByRole('button', { name: v.hide }));
    expect(first.queryByRole('article')).toBeNull();

    fireEvent.click(first.getByRole('button', { name: v.compareWithDraft }));
    const panel = await screen.findByRole('region', { name: v.compareVersions });
    await within(panel).findByRole('heading', { name: 'Ændringer fra version 1 til nuværende plan' });
    expect(versionsApi.compare).toHaveBeenCalledWith(COURSE, 21, 0);
    expect(panel.textContent).toContain('Status ændret fra I gang til Nået: Søge om boligstøtte sammen');
    // the other side can be chosen: version 1 against version 2
    vi.mocked(versionsApi.compare).mockResolvedValue(diff({ to: { id: 22, versionNo: 2, citizenDate: '2026-12-01' }, changes: [] }));
    change(within(panel).getByLabelText(/^Til/), '22');
    await within(panel).findByRole('heading', { name: 'Ændringer fra version 1 til version 2' });
    expect(versionsApi.compare).toHaveBeenCalledWith(COURSE, 21, 22);
    expect(panel.textContent).toContain(da.versions.diff.none);
    fireEvent.click(within(panel).getByRole('button', { name: da.versions.diff.close }));
    expect(screen.queryByRole('region', { name: v.compareVersions })).toBeNull();
  });

  it('shows the current plan as it would be signed', async () => {
    renderSection();
    const draft = within(await screen.findByTestId('plan-version-draft'));
    expect(draft.queryByRole('button', { name: v.compareVersions })).toBeNull();
    fireEvent.click(draft.getByRole('button', { name: v.view }));
    const view = await draft.findByRole('article', { name: da.versions.doc.draftTitle });
    expect(versionsApi.draft).toHaveBeenCalledWith(COURSE);
    expect(view.textContent).toContain('Jeg vil have min egen lejlighed');
    expect(within(view).queryByRole('region', { name: da.versions.doc.signature })).toBeNull();
  });
});
