import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StepStatus, Vocabulary } from '../../../api/client';
import { api } from '../../../api/client';
import { AppError } from '../../../api/errors';
import type { Advocacy, AdvocacyCase, AdvocacyCaseInput } from '../../../api/steps';
import { stepsApi } from '../../../api/steps';
import { da } from '../../../i18n/all';
import { I18nProvider } from '../../../i18n/i18n';
import { isoToDanish, todayIso } from '../../../lib/dates';
import { AdvocacyStep } from '../steps/AdvocacyStep';

vi.mock('../../../api/steps', () => ({
  stepsApi: { advocacy: vi.fn(), saveCase: vi.fn(), deleteCase: vi.fn() },
}));
vi.mock('../../../api/client', () => ({
  api: { vocabulary: vi.fn() },
}));

afterEach(cleanup);

const COURSE = 3;

const vocab = { contactKinds: ['caseworker', 'other'], advocacyStatuses: ['open', 'resolved', 'stuck'] } as unknown as Vocabulary;
const status = (missing: string[]): StepStatus => ({ step: 'advocacy', available: true, done: 2 - missing.length, total: 2, percent: 0, missing });

const gpCase: AdvocacyCase = {
  id: 1,
  opened: '2026-02-03',
  barrier: 'Lægen vil ikke se borgeren uden tid i forvejen.',
  towards: 'Egen læge',
  actions: 'Ringet til klinikken og aftalt en fast tid.',
  rights: 'Frit lægevalg',
  outcome: 'Borgeren har fået en fast tid hver måned.',
  status: 'resolved',
};
const debtCase: AdvocacyCase = { id: 2, opened: '2026-05-20', barrier: 'Inkasso truer med udpantning.', towards: 'Inkassofirmaet', actions: '', rights: '', outcome: '', status: 'stuck' };
const jobCase: AdvocacyCase = { id: 3, opened: '2026-04-11', barrier: 'Jobcentret kræver fremmøde kl. 8.', towards: 'Jobcentret', actions: 'Skrevet til sagsbehandleren.', rights: '', outcome: '', status: 'open' };

const dto = (over: Partial<Advocacy> = {}): Advocacy => ({ courseId: COURSE, cases: [gpCase, debtCase, jobCase], completeness: status(['barrier_actions']), ...over });

function renderStep(data: Advocacy, readOnly = false) {
  vi.clearAllMocks();
  vi.mocked(stepsApi.advocacy).mockResolvedValue(data);
  vi.mocked(api.vocabulary).mockResolvedValue(vocab);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <I18nProvider lang="da" onChange={() => {}}>
        <AdvocacyStep courseId={COURSE} readOnly={readOnly} />
      </I18nProvider>
    </QueryClientProvider>,
  );
}

const loaded = () => screen.findByRole('heading', { name: /^Barrierer/, level: 3 });
const change = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });
const value = (el: HTMLElement) => (el as HTMLInputElement).value;

describe('AdvocacyStep', () => {
  it('shows the barriers newest first with status, date and what was done', async () => {
    renderStep(dto());
    await loaded();
    const list = screen.getByRole('list', { name: /^Barrierer/ });
    expect(within(list).getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual([debtCase.barrier, jobCase.barrier, gpCase.barrier]);
    const gp = within(screen.getByTestId('case-1'));
    expect(gp.getByText(da.enum.advocacyStatus.resolved, { selector: '.badge' })).toBeTruthy();
    expect(gp.getByText('Taget op 03.02.2026')).toBeTruthy();
    expect(gp.getByText('Over for Egen læge')).toBeTruthy();
    expect(gp.getByText(gpCase.actions)).toBeTruthy();
    expect(gp.getByText(gpCase.rights)).toBeTruthy();
    expect(gp.getByText(gpCase.outcome)).toBeTruthy();
    const debt = within(screen.getByTestId('case-2'));
    expect(debt.getByText(da.enum.advocacyStatus.stuck, { selector: '.badge' })).toBeTruthy();
    expect(debt.getByText(da.advocacy.noActionsYet)).toBeTruthy();
    expect(screen.getByTestId('step-missing').textContent).toContain(da.requirement.barrier_actions);
  });

  it('adds a barrier dated today and being worked on, and sends it as typed', async () => {
    const added: AdvocacyCase = { id: 4, opened: todayIso(), barrier: 'Boligforeningen vil ikke lave en afdragsordning.', towards: 'Boligforeningen', actions: 'Ringet til forvaltningen.', rights: 'Retten til en bisidder', outcome: '', status: 'open' };
    renderStep(dto());
    vi.mocked(stepsApi.saveCase).mockResolvedValue(dto({ cases: [gpCase, debtCase, jobCase, added] }));
    await loaded();
    fireEvent.click(screen.getByRole('button', { name: da.advocacy.addCase }));
    const form = within(screen.getByRole('form', { name: da.advocacy.newCase }));
    expect(document.activeElement).toBe(form.getByLabelText(/^Barrieren/));
    expect(value(form.getByLabelText(/^Dato/))).toBe(isoToDanish(todayIso()));
    expect((form.getByLabelText(da.enum.advocacyStatus.open) as HTMLInputElement).checked).toBe(true);
    change(form.getByLabelText(/^Barrieren/), added.barrier);
    change(form.getByLabelText('Over for hvem?'), added.towards);
    change(form.getByLabelText('Hvad er der gjort?'), added.actions);
    change(form.getByLabelText('Borgerens rettigheder'), added.rights);
    fireEvent.click(form.getByRole('button', { name: da.advocacy.saveCase }));
    await waitFor(() => expect(screen.queryByRole('form', { name: da.advocacy.newCase })).toBeNull());
    expect(vi.mocked(stepsApi.saveCase).mock.calls[0][0]).toEqual<AdvocacyCaseInput>({ ...added, id: 0, courseId: COURSE });
    expect(screen.getByTestId('case-4')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: da.advocacy.addCase }));
  });

  it('shows a backend field error next to its field and keeps what was typed', async () => {
    renderStep(dto());
    vi.mocked(stepsApi.saveCase).mockRejectedValue(new AppError('invalid_input', [{ field: 'opened', code: 'date_out_of_range', params: { min: '1990-01-01', max: todayIso() } }]));
    await loaded();
    fireEvent.click(screen.getByRole('button', { name: da.advocacy.addCase }));
    const form = within(screen.getByRole('form', { name: da.advocacy.newCase }));
    change(form.getByLabelText(/^Barrieren/), 'Sagsbehandleren svarer ikke på mails.');
    change(form.getByLabelText(/^Dato/), '01.01.2030');
    fireEvent.click(form.getByRole('button', { name: da.advocacy.saveCase }));
    const message = await form.findByText(`Datoen skal ligge mellem 01.01.1990 og ${isoToDanish(todayIso())}.`);
    const date = form.getByLabelText(/^Dato/);
    expect(date.closest('.field')?.contains(message)).toBe(true);
    expect(date.getAttribute('aria-invalid')).toBe('true');
    // the refused save puts the focus on the wrong field
    expect(document.activeElement).toBe(date);
    expect(value(date)).toBe('01.01.2030');
    expect(value(form.getByLabelText(/^Barrieren/))).toBe('Sagsbehandleren svarer ikke på mails.');
    expect(vi.mocked(stepsApi.saveCase).mock.calls[0][0].opened).toBe('2030-01-01');
  });

  it('edits a barrier, changes its status and deletes only after confirming', async () => {
    renderStep(dto());
    vi.mocked(stepsApi.saveCase).mockResolvedValue(dto({ cases: [gpCase, { ...debtCase, status: 'open', actions: 'Klaget.' }, jobCase] }));
    vi.mocked(stepsApi.deleteCase).mockResolvedValue(dto({ cases: [gpCase, jobCase] }));
    await loaded();
    fireEvent.click(screen.getByRole('button', { name: 'Rediger barrieren fra 20.05.2026' }));
    let form = within(screen.getByRole('form', { name: da.advocacy.editCase }));
    expect(value(form.getByLabelText(/^Barrieren/))).toBe(debtCase.barrier);
    expect((form.getByLabelText(da.enum.advocacyStatus.stuck) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(form.getByLabelText(da.enum.advocacyStatus.open));
    change(form.getByLabelText('Hvad er der gjort?'), 'Klaget.');
    fireEvent.click(form.getByRole('button', { name: da.advocacy.saveCase }));
    await waitFor(() => expect(screen.queryByRole('form', { name: da.advocacy.editCase })).toBeNull());
    expect(vi.mocked(stepsApi.saveCase).mock.calls[0][0]).toEqual<AdvocacyCaseInput>({ ...debtCase, courseId: COURSE, status: 'open', actions: 'Klaget.' });

    fireEvent.click(screen.getByRole('button', { name: 'Rediger barrieren fra 20.05.2026' }));
    form = within(screen.getByRole('form', { name: da.advocacy.editCase }));
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    fireEvent.click(form.getByRole('button', { name: da.advocacy.deleteCase }));
    expect(confirm.mock.calls[0][0]).toContain('20.05.2026');
    expect(stepsApi.deleteCase).not.toHaveBeenCalled();
    confirm.mockReturnValue(true);
    fireEvent.click(form.getByRole('button', { name: da.advocacy.deleteCase }));
    await waitFor(() => expect(stepsApi.deleteCase).toHaveBeenCalledWith(COURSE, 2));
    await waitFor(() => expect(screen.queryByTestId('case-2')).toBeNull());
  });

  it('says so when there are no barriers yet', async () => {
    renderStep(dto({ cases: [], completeness: status(['barrier_reviewed', 'barrier_actions']) }));
    await loaded();
    expect(screen.getByText(da.advocacy.noCases)).toBeTruthy();
    expect(screen.getByText(da.advocacy.noCasesHint)).toBeTruthy();
  });

  it('shows everything of a closed course but offers no controls', async () => {
    renderStep(dto(), true);
    await loaded();
    expect(screen.getByText(gpCase.barrier)).toBeTruthy();
    expect(screen.getByText(gpCase.outcome)).toBeTruthy();
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(screen.queryAllByRole('form')).toEqual([]);
    expect(screen.queryByText(da.advocacy.noCasesHint)).toBeNull();
  });
});
