import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, type Vocabulary } from '../../../api/client';
import { stepsApi, type FollowUp, type Plan } from '../../../api/steps';
import { AppError } from '../../../api/errors';
import { I18nProvider } from '../../../i18n/i18n';
import { isoToDanish, todayIso } from '../../../lib/dates';
import { FollowUpStep } from '../steps/FollowUpStep';
import { housingApi } from '../../../api/housing';

vi.mock('../../../api/steps', () => ({
  stepsApi: {
    followUp: vi.fn(),
    plan: vi.fn(),
    saveEvaluation: vi.fn(),
    saveWHO5: vi.fn(),
    deleteWHO5: vi.fn(),
    saveWeeklyCheck: vi.fn(),
    closeCourse: vi.fn(),
    saveContactFrequency: vi.fn(),
    saveCaseReview: vi.fn(),
    deleteContactFrequency: vi.fn(),
    deleteCaseReview: vi.fn(),
  },
}));
vi.mock('../../../api/client', () => ({ api: { vocabulary: vi.fn() } }));
vi.mock('../../../api/housing', () => ({ housingApi: { history: vi.fn(), record: vi.fn(), withdraw: vi.fn() } }));

const steps = vi.mocked(stepsApi);
const client = vi.mocked(api);

afterEach(cleanup);

const vocab: Vocabulary = {
  steps: [],
  housings: ['street', 'shelter', 'own'],
  needs: [],
  referrals: [],
  legalBases: [],
  actionPlans: [],
  consents: [],
  consentForms: [],
  statuses: [],
  roles: [],
  topics: [],
  lifeAreas: [],
  subGoalStatuses: ['not_started', 'in_progress', 'achieved', 'adjusted', 'dropped'],
  contactKinds: [],
  advocacyStatuses: [],
  noteLocations: [],
  noteKinds: [],
  closingReasons: ['goals_reached', 'citizen_ended', 'moved', 'other'],
  afterSupports: ['cti', 'sel_85', 'other', 'none'],
  signMethods: [],
};

const plan: Plan = {
  courseId: 7,
  activities: [],
  completeness: { step: 'planning', available: true, done: 1, total: 1, percent: 100, missing: [] },
  goals: [
    {
      id: 1,
      citizenWords: 'Jeg vil have mit eget sted at bo',
      area: 'housing',
      actionPlanGoal: '',
      subGoals: [
        { id: 11, goalId: 1, what: 'Søge bolig', measure: 'Tre ansøgninger sendt', owner: 'Borger', deadline: '2026-06-01', status: 'in_progress', smartLacks: [] },
        { id: 12, goalId: 1, what: 'Åbne bankkonto', measure: '', owner: '', deadline: '', status: 'not_started', smartLacks: [] },
      ],
    },
  ],
};

function followUp(over: Partial<FollowUp> = {}): FollowUp {
  return {
    courseId: 7,
    nextEvaluationDue: '2026-06-15',
    evaluationState: 'due_soon',
    evaluations: [
      {
        id: 1,
        date: '2026-03-01',
        dueDate: '2026-03-10',
        onTime: true,
        summary: 'Boligen fylder mest',
        planChanges: 'Nyt delmål om bankkonto',
        items: [{ subGoalId: 11, subGoalWhat: 'Søge bolig', status: 'in_progress', comment: 'To ansøgninger sendt' }],
      },
    ],
    who5: [
      { id: 1, date: '2026-01-10', items: [2, 2, 2, 2, 2], raw: 10, percent: 40, flags: ['poor_wellbeing'], note: '' },
      { id: 2, date: '2026-03-10', items: [1, 1, 1, 1, 1], raw: 5, percent: 20, change: -20, flags: ['poor_wellbeing', 'possible_depression', 'worsened'], note: 'Svær periode' },
    ],
    weeklyChecks: [{ id: 1, weekStart: '2026-03-09', substance: 2, mental: 3, note: 'Drak mere i weekenden' }],
    contactGap: { days: 20, limitDays: 14, over: true, since: '2026-02-20', noneYet: false },
    completeness: { step: 'followup', available: true, done: 2, total: 4, percent: 50, missing: [] },
    contactFrequencies: [],
    frequencyNow: undefined,
    contactWeeks: [],
    caseReviews: [],
    lastCaseReview: '',
    nextCaseReviewDue: '2026-08-01',
    caseReviewState: 'ok',
    ...over,
  };
}

beforeEach(() => {
  vi.clearAllMocks();
  steps.followUp.mockResolvedValue(followUp());
  steps.plan.mockResolvedValue(plan);
  steps.saveEvaluation.mockResolvedValue(followUp());
  steps.saveWHO5.mockResolvedValue(followUp());
  steps.deleteWHO5.mockResolvedValue(followUp());
  steps.saveWeeklyCheck.mockResolvedValue(followUp());
  steps.closeCourse.mockResolvedValue(followUp());
  client.vocabulary.mockResolvedValue(vocab);
  vi.mocked(housingApi).history.mockResolvedValue({
    citizenId: 3, readOnly: false, current: 'shelter', since: '2026-01-05', currentNote: '',
    entries: [{ id: 1, date: '2026-01-05', from: '', housing: 'shelter', note: '', kind: 'move', courseId: 0, correctsId: 0,
      inForce: true, correctable: true, recordedBy: 'ML', createdAt: '', correctedBy: 0, withdrawn: false, withdrawnNote: '', withdrawnAt: '', withdrawnBy: '' }],
  });
});

async function renderStep(readOnly = false) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const r = render(
    <QueryClientProvider client={qc}>
      <I18nProvider lang="da" onChange={() => {}}>
        <FollowUpStep courseId={7} citizenId={3} readOnly={readOnly} />
      </I18nProvider>
    </QueryClientProvider>,
  );
  await screen.findByRole('heading', { name: 'Evaluering af mål og delmål' });
  return r;
}

const who5Form = () => screen.getByRole('form', { name: 'Trivsel (WHO-5)' });
const statement = (name: string) => within(who5Form()).getByRole('group', { name: new RegExp(name) });
const answer = (name: string, v: number) => fireEvent.click(within(statement(name)).getByRole('radio', { name: new RegExp(`^${v} – `) }));
const STATEMENTS = ['godt humør', 'ro på', 'energi', 'udhvilet', 'hverdag'];

describe('FollowUpStep: WHO-5', () => {
  it('shows the live raw sum and score while answering', async () => {
    await renderStep();
    expect(screen.getByTestId('who5-raw').textContent).toBe('0 af 25');
    // The tally is read where it stands, not re-announced after every answer (C-L2).
    expect(screen.getByTestId('who5-tally').closest('[role="status"], [aria-live]')).toBeNull();
    answer('godt humør', 3);
    answer('ro på', 3);
    expect(screen.getByTestId('who5-raw').textContent).toBe('6 af 25');
    expect(screen.getByText('2 af 5 udsagn besvaret')).toBeTruthy();
    for (const s of STATEMENTS.slice(2)) answer(s, 3);
    expect(screen.getByTestId('who5-raw').textContent).toBe('15 af 25');
    expect(screen.getByTestId('who5-score').textContent).toBe('60 af 100');
  });

  it('offers six labelled answers per statement, in one radio group each', async () => {
    await renderStep();
    const radios = within(statement('godt humør')).getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('value'))).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(new Set(radios.map((r) => r.getAttribute('name'))).size).toBe(1);
    expect(within(statement('godt humør')).getByRole('radio', { name: '0 – Slet ikke' })).toBeTruthy();
    expect(within(statement('godt humør')).getByRole('radio', { name: '5 – Hele tiden' })).toBeTruthy();
  });

  it('sends WHO5Input with the five answers in order', async () => {
    await renderStep();
    STATEMENTS.forEach((s, i) => answer(s, i + 1));
    expect(screen.getByTestId('who5-score').textContent).toBe('60 af 100');
    fireEvent.change(within(who5Form()).getByLabelText('Bemærkning'), { target: { value: 'Sov dårligt' } });
    // The status line sits outside the form, which starts again blank: it is the same line
    // before and after the save, and it takes the focus from the vanished button.
    const line = who5Form().nextElementSibling as HTMLElement;
    expect(line.hasAttribute('data-status-line')).toBe(true);
    expect(line.textContent).toBe('');
    fireEvent.click(within(who5Form()).getByRole('button', { name: 'Gem WHO-5' }));
    await waitFor(() => expect(steps.saveWHO5).toHaveBeenCalledTimes(1));
    expect(steps.saveWHO5.mock.calls[0][0]).toEqual({ courseId: 7, date: todayIso(), items: [1, 2, 3, 4, 5], note: 'Sov dårligt' });
    await waitFor(() => expect(line.textContent).toMatch(/WHO-5-besvarelsen er gemt/));
    expect(document.activeElement).toBe(line);
    expect((within(who5Form()).getByLabelText('Bemærkning') as HTMLTextAreaElement).value).toBe('');
  });

  it('does not send an incomplete answer and says which statements are missing', async () => {
    await renderStep();
    answer('godt humør', 4);
    fireEvent.click(within(who5Form()).getByRole('button', { name: 'Gem WHO-5' }));
    expect(within(statement('ro på')).getByText('Vælg et svar.')).toBeTruthy();
    expect(within(statement('godt humør')).queryByText('Vælg et svar.')).toBeNull();
    expect(steps.saveWHO5).not.toHaveBeenCalled();
  });

  it('ties an error about all five statements to their group', async () => {
    steps.saveWHO5.mockRejectedValueOnce(new AppError('invalid_input', [{ field: 'items', code: 'required' }]));
    await renderStep();
    const form = who5Form();
    form.querySelectorAll<HTMLInputElement>('input[type=radio][value="2"]').forEach((r) => fireEvent.click(r));
    fireEvent.click(within(form).getByRole('button', { name: 'Gem WHO-5' }));
    const group = form.querySelector('.fu-who5-items')!;
    expect(group.getAttribute('role')).toBe('group');
    expect(document.getElementById(group.getAttribute('aria-labelledby')!)?.textContent).toBe('De seneste to uger …');
    await waitFor(() => expect(group.getAttribute('aria-describedby')).toBeTruthy());
    const error = document.getElementById(group.getAttribute('aria-describedby')!);
    expect(error?.textContent).toBeTruthy();
    expect(error?.getAttribute('role')).toBeNull(); // plain text: the group's description, not a second announcement
  }, 15000);

  it('warns about possible depression in the preview', async () => {
    await renderStep();
    for (const s of STATEMENTS) answer(s, 1);
    expect(within(screen.getByTestId('who5-tally')).getByText(/egen læge/)).toBeTruthy();
  });

  it('renders the history with signed change and flags as Danish badges, and a labelled chart', async () => {
    await renderStep();
    const table = screen.getByTestId('who5-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    // newest first
    expect(rows[0].textContent).toContain('10.03.2026');
    expect(within(rows[0]).getByText('\u221220')).toBeTruthy();
    expect(within(rows[0]).getByText('Nedsat trivsel').className).toContain('badge');
    expect(within(rows[0]).getByText('Mulig depression').className).toContain('badge-over');
    expect(within(rows[0]).getByText('Dårligere trivsel')).toBeTruthy();
    expect(within(rows[1]).getByText('Første måling')).toBeTruthy();
    expect(table.textContent).not.toContain('possible_depression');

    const chart = screen.getByRole('img', { name: /WHO-5-score/ });
    const label = chart.getAttribute('aria-label') ?? '';
    expect(label).toContain('10.01.2026: 40');
    expect(label).toContain('10.03.2026: 20');
    expect(chart.querySelectorAll('circle')).toHaveLength(2);
    expect(chart.querySelectorAll('line[stroke-dasharray]')).toHaveLength(2);

    expect(screen.getByTestId('who5-depression').textContent).toContain('egen læge');
  });

  it('deletes an entry only after confirming', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    await renderStep();
    const del = screen.getByRole('button', { name: 'Slet WHO-5 fra 10.01.2026' });
    fireEvent.click(del);
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(steps.deleteWHO5).not.toHaveBeenCalled();
    fireEvent.click(del);
    await waitFor(() => expect(steps.deleteWHO5).toHaveBeenCalledWith(7, 1));
    // The last row's button held the focus: the row before it takes it.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Slet WHO-5 fra 10.03.2026' })));
  });
});

describe('FollowUpStep: evaluation', () => {
  it('shows the next due date with its badge and the earlier evaluations', async () => {
    await renderStep();
    const due = screen.getByTestId('next-evaluation');
    expect(due.textContent).toContain('15.06.2026');
    expect(within(due).getByText('Snart').className).toContain('badge-warn');
    expect(screen.getByRole('heading', { name: 'Evaluering 01.03.2026' })).toBeTruthy();
    expect(screen.getByText('Rettidig')).toBeTruthy();
    expect(screen.getByText('Boligen fylder mest')).toBeTruthy();
    expect(screen.getByText('To ansøgninger sendt')).toBeTruthy();
  });

  it('pre-fills each sub-goal with its current status and sends EvaluationInput items', async () => {
    await renderStep();
    fireEvent.click(screen.getByRole('button', { name: 'Ny evaluering' }));
    const form = await screen.findByRole('form', { name: 'Ny evaluering' });
    expect(within(form).getByText(/Jeg vil have mit eget sted at bo/)).toBeTruthy();
    const housing = within(form).getByRole('group', { name: 'Søge bolig' });
    const bank = within(form).getByRole('group', { name: 'Åbne bankkonto' });
    expect((within(housing).getByLabelText('Status') as HTMLSelectElement).value).toBe('in_progress');
    expect((within(bank).getByLabelText('Status') as HTMLSelectElement).value).toBe('not_started');
    expect(within(housing).getByText('Succeskriterium: Tre ansøgninger sendt')).toBeTruthy();

    fireEvent.change(within(housing).getByLabelText('Status'), { target: { value: 'achieved' } });
    fireEvent.change(within(housing).getByLabelText('Kommentar'), { target: { value: 'Har fået en lejlighed' } });
    fireEvent.change(within(form).getByLabelText('Samlet vurdering'), { target: { value: 'Stort skridt' } });
    fireEvent.change(within(form).getByLabelText('Ændringer i planen'), { target: { value: 'Nyt mål om økonomi' } });
    const planCalls = steps.plan.mock.calls.length;
    fireEvent.click(within(form).getByRole('button', { name: 'Gem evaluering' }));

    await waitFor(() => expect(steps.saveEvaluation).toHaveBeenCalledTimes(1));
    expect(steps.saveEvaluation.mock.calls[0][0]).toEqual({
      id: 0,
      courseId: 7,
      date: todayIso(),
      summary: 'Stort skridt',
      planChanges: 'Nyt mål om økonomi',
      items: [
        { subGoalId: 11, status: 'achieved', comment: 'Har fået en lejlighed' },
        { subGoalId: 12, status: 'not_started', comment: '' },
      ],
    });
    // the sub-goal statuses changed, so the plan is read again
    await waitFor(() => expect(steps.plan.mock.calls.length).toBeGreaterThan(planCalls));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Ny evaluering' })).toBeNull());
    expect(document.activeElement?.textContent).toContain('Evalueringen er gemt');
    expect(document.activeElement?.hasAttribute('data-status-line')).toBe(true);
    expect(document.activeElement?.hasAttribute('role')).toBe(false); // read on focus, not also as a live region
  });

  it('takes the focus into the form when it opens and back to its button on cancel', async () => {
    await renderStep();
    fireEvent.click(screen.getByRole('button', { name: 'Ret evalueringen fra 01.03.2026' }));
    const form = await screen.findByRole('form', { name: 'Ret evalueringen fra 01.03.2026' });
    expect(form.contains(document.activeElement)).toBe(true);
    fireEvent.click(within(form).getByRole('button', { name: 'Annuller' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Ret evalueringen fra 01.03.2026' })));
  });

  it('shows field errors from the backend next to the sub-goal', async () => {
    const { AppError } = await import('../../../api/errors');
    steps.saveEvaluation.mockRejectedValueOnce(new AppError('invalid_input', [{ field: 'items.1.status', code: 'invalid_choice' }]));
    await renderStep();
    fireEvent.click(screen.getByRole('button', { name: 'Ny evaluering' }));
    const form = await screen.findByRole('form', { name: 'Ny evaluering' });
    fireEvent.click(within(form).getByRole('button', { name: 'Gem evaluering' }));
    const bank = within(form).getByRole('group', { name: 'Åbne bankkonto' });
    expect(await within(bank).findByText('Vælg en af mulighederne på listen.')).toBeTruthy();
    // One channel (C-M2/C-M3): the wrong field takes the focus and reads its own error; nothing is live.
    await waitFor(() => expect(bank.contains(document.activeElement)).toBe(true));
    expect(document.activeElement?.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).queryByRole('alert')).toBeNull();
  });

  it('edits an earlier evaluation with its own statuses', async () => {
    await renderStep();
    fireEvent.click(screen.getByRole('button', { name: 'Ret evalueringen fra 01.03.2026' }));
    const form = await screen.findByRole('form', { name: 'Ret evalueringen fra 01.03.2026' });
    expect((within(form).getByLabelText('Samlet vurdering') as HTMLTextAreaElement).value).toBe('Boligen fylder mest');
    expect(within(form).queryByRole('group', { name: 'Åbne bankkonto' })).toBeNull();
    fireEvent.click(within(form).getByRole('button', { name: 'Gem evaluering' }));
    await waitFor(() => expect(steps.saveEvaluation).toHaveBeenCalledTimes(1));
    expect(steps.saveEvaluation.mock.calls[0][0]).toMatchObject({ id: 1, date: '2026-03-01', items: [{ subGoalId: 11, status: 'in_progress', comment: 'To ansøgninger sendt' }] });
  });

  it('says so and links to planning when the plan has no sub-goals', async () => {
    steps.plan.mockResolvedValue({ ...plan, goals: [] });
    await renderStep();
    fireEvent.click(screen.getByRole('button', { name: 'Ny evaluering' }));
    const note = await screen.findByTestId('no-subgoals');
    expect(within(note).getByRole('link', { name: 'Gå til planlægning' }).getAttribute('href')).toBe('#/courses/7/planning');
  });
});

describe('FollowUpStep: weekly check', () => {
  it('sends the two ratings for the week and lists the last weeks with words', async () => {
    await renderStep();
    const form = screen.getByRole('form', { name: 'Ugentlig vurdering' });
    fireEvent.click(within(within(form).getByRole('group', { name: /Rusmidler/ })).getByRole('radio', { name: '2 – Moderat' }));
    fireEvent.click(within(within(form).getByRole('group', { name: 'Psykisk tilstand' })).getByRole('radio', { name: '1 – Let' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Gem ugens vurdering' }));
    await waitFor(() => expect(steps.saveWeeklyCheck).toHaveBeenCalledTimes(1));
    expect(steps.saveWeeklyCheck.mock.calls[0][0]).toEqual({ courseId: 7, week: todayIso(), substance: 2, mental: 1, note: '' });

    const table = screen.getByTestId('weekly-table');
    expect(table.textContent).toContain('Uge 11 · fra 09.03.2026');
    expect(table.textContent).toContain('Moderat');
    expect(table.textContent).toContain('Alvorlig');
  });

  it('asks for both ratings before saving', async () => {
    await renderStep();
    const form = screen.getByRole('form', { name: 'Ugentlig vurdering' });
    fireEvent.click(within(form).getByRole('button', { name: 'Gem ugens vurdering' }));
    expect(within(form).getAllByText('Vælg et niveau.')).toHaveLength(2);
    expect(steps.saveWeeklyCheck).not.toHaveBeenCalled();
  });
});

describe('FollowUpStep: contact and closing', () => {
  it('warns in red when contact has been lost for longer than the team allows', async () => {
    await renderStep();
    const banner = screen.getByTestId('followup-contact-gap');
    expect(banner.className).toContain('banner-error');
    expect(banner.textContent).toContain('20 dage');
    expect(banner.textContent).toContain('14 dage');
    expect(banner.textContent).toContain('opsøge borgeren');
  });

  it('closes the course only after confirming', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    await renderStep();
    fireEvent.click(screen.getByRole('button', { name: 'Afslut forløb' }));
    const form = screen.getByRole('form', { name: 'Afslut forløbet' });
    // The housing at the end starts as the housing now, from the housing history beside it.
    await waitFor(() => expect((within(form).getByLabelText('Boligsituation ved afslutningen') as HTMLSelectElement).value).toBe('shelter'));
    expect(screen.getByTestId('housing-current').textContent).toContain('siden 05.01.2026');
    fireEvent.change(within(form).getByLabelText('Årsag til afslutningen'), { target: { value: 'goals_reached' } });
    fireEvent.click(within(form).getByRole('radio', { name: 'CTI (Critical Time Intervention)' }));
    fireEvent.change(within(form).getByLabelText('Boligsituation ved afslutningen'), { target: { value: 'own' } });
    fireEvent.change(within(form).getByLabelText('Aftaler om den videre støtte'), { target: { value: 'CTI-medarbejder overtager' } });

    fireEvent.click(within(form).getByRole('button', { name: 'Bekræft afslutning' }));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(confirm.mock.calls[0][0]).toContain('skrivebeskyttet');
    expect(steps.closeCourse).not.toHaveBeenCalled();

    fireEvent.click(within(form).getByRole('button', { name: 'Bekræft afslutning' }));
    await waitFor(() => expect(steps.closeCourse).toHaveBeenCalledTimes(1));
    expect(steps.closeCourse.mock.calls[0][0]).toEqual({
      courseId: 7,
      endDate: todayIso(),
      reason: 'goals_reached',
      afterSupport: 'cti',
      afterNote: 'CTI-medarbejder overtager',
      housingAtClose: 'own',
      note: '',
    });
  });

  it('gives the focus back to "Afslut forløb" on cancel, and to the closed line after closing', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const closed = { endDate: todayIso(), reason: 'goals_reached', afterSupport: 'cti', afterNote: '', housingAtClose: 'own', note: '' };
    steps.closeCourse.mockResolvedValue(followUp({ closing: closed }));
    await renderStep();
    fireEvent.click(screen.getByRole('button', { name: 'Afslut forløb' }));
    let form = screen.getByRole('form', { name: 'Afslut forløbet' });
    fireEvent.click(within(form).getByRole('button', { name: 'Annuller' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Afslut forløb' })));

    fireEvent.click(screen.getByRole('button', { name: 'Afslut forløb' }));
    form = screen.getByRole('form', { name: 'Afslut forløbet' });
    fireEvent.change(within(form).getByLabelText('Årsag til afslutningen'), { target: { value: 'goals_reached' } });
    fireEvent.click(within(form).getByRole('radio', { name: 'CTI (Critical Time Intervention)' }));
    steps.followUp.mockResolvedValue(followUp({ closing: closed }));
    fireEvent.click(within(form).getByRole('button', { name: 'Bekræft afslutning' }));
    await waitFor(() => expect(document.activeElement?.textContent).toBe(`Forløbet blev afsluttet ${isoToDanish(todayIso())}.`));
  });

  it('shows everything but no forms on a closed course', async () => {
    steps.followUp.mockResolvedValue(
      followUp({
        evaluationState: 'ok',
        contactGap: { days: 40, limitDays: 14, over: false, since: '2026-02-20', noneYet: false },
        closing: { endDate: '2026-04-01', reason: 'goals_reached', afterSupport: 'sel_85', afterNote: '', housingAtClose: 'own', note: 'Afsluttet efter aftale' },
      }),
    );
    await renderStep(true);
    expect(screen.queryAllByRole('form')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Ny evaluering' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Afslut forløb' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Slet WHO-5/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /Ret evalueringen/ })).toBeNull();
    expect(screen.queryAllByRole('radio')).toHaveLength(0);
    expect(screen.getByTestId('followup-readonly')).toBeTruthy();
    // history and closing are still there
    expect(screen.getByText('Boligen fylder mest')).toBeTruthy();
    expect(screen.getByTestId('who5-table')).toBeTruthy();
    expect(screen.getByTestId('weekly-table')).toBeTruthy();
    const closing = screen.getByTestId('closing');
    expect(closing.textContent).toContain('01.04.2026');
    expect(closing.textContent).toContain('Borgeren klarer sig med mindre støtte');
    expect(closing.textContent).toContain('Almindelig § 85-støtte');
    expect(closing.textContent).toContain('Egen bolig – stabil');
    expect(closing.textContent).toContain('Afsluttet efter aftale');
  });
});

describe('FollowUpStep: agreed contact and case reviews', () => {
  it('shows each week against the agreement, attempts apart, and saves a new agreement', async () => {
    steps.followUp.mockResolvedValue(
      followUp({
        contactFrequencies: [
          { id: 1, fromDate: '2026-11-02', times: 1, per: 'day', note: 'Den første tid' },
          { id: 2, fromDate: '2026-11-23', times: 2, per: 'week', note: '' },
        ],
        frequencyNow: { id: 0, fromDate: '2026-11-23', times: 2, per: 'week', note: '' },
        contactWeeks: [
          { weekStart: '2026-11-16', agreedTimes: 1, agreedPer: 'day', agreedPerWeek: 7, contacts: 1, minutes: 45, attempts: 0, state: 'below' },
          { weekStart: '2026-11-23', agreedTimes: 2, agreedPer: 'week', agreedPerWeek: 2, contacts: 2, minutes: 90, attempts: 2, state: 'met' },
          { weekStart: '2026-11-30', agreedTimes: 2, agreedPer: 'week', agreedPerWeek: 2, contacts: 0, minutes: 0, attempts: 2, state: 'sought' },
        ],
      }),
    );
    steps.saveContactFrequency.mockResolvedValue(followUp());
    await renderStep();
    expect(screen.getByTestId('frequency-now').textContent).toBe('Aftalt nu: 2 gang(e) om ugen (fra 23.11.2026)');
    const rows = within(screen.getByTestId('contact-weeks')).getAllByRole('row').slice(1);
    expect(rows.map((r) => Array.from(r.querySelectorAll('td')).slice(1).map((c) => c.textContent))).toEqual([
      ['7', '1', '45 min', '0', 'Under aftalen'],
      ['2', '2', '90 min', '2', 'Som aftalt'],
      ['2', '0', '0 min', '2', 'Holdt med forsøg'],
    ]);
    const form = screen.getByRole('form', { name: 'Ny aftale om kontakt' });
    fireEvent.change(within(form).getByLabelText(/Antal gange/), { target: { value: '3' } });
    fireEvent.change(within(form).getByLabelText('Pr.'), { target: { value: 'day' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Gem aftalen' }));
    await waitFor(() => expect(steps.saveContactFrequency).toHaveBeenCalledTimes(1));
    expect(steps.saveContactFrequency.mock.calls[0][0]).toEqual({ courseId: 7, fromDate: todayIso(), times: 3, per: 'day', note: '' });
  });

  it('deletes an agreement and a case review only after confirming', async () => {
    const data = followUp({
      contactFrequencies: [{ id: 4, fromDate: '2026-11-02', times: 2, per: 'week', note: '' }],
      caseReviews: [{ id: 9, date: '2026-11-20', participants: 'ML', agreed: 'Fortsæt' }],
    });
    steps.followUp.mockResolvedValue(data);
    steps.deleteContactFrequency.mockResolvedValue(data);
    steps.deleteCaseReview.mockResolvedValue(data);
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValue(true);
    await renderStep();
    const delFreq = screen.getByRole('button', { name: 'Slet aftalen fra 02.11.2026' });
    fireEvent.click(delFreq);
    expect(steps.deleteContactFrequency).not.toHaveBeenCalled();
    fireEvent.click(delFreq);
    await waitFor(() => expect(steps.deleteContactFrequency).toHaveBeenCalledWith(7, 4));
    // No other row to go to: the list's heading takes the focus from the deleted row's button.
    await waitFor(() => expect(document.activeElement?.getAttribute('data-focus-key')).toBe('freq-history'));
    fireEvent.click(screen.getByRole('button', { name: 'Slet sagsgennemgangen 20.11.2026' }));
    await waitFor(() => expect(steps.deleteCaseReview).toHaveBeenCalledWith(7, 9));
    await waitFor(() => expect(document.activeElement?.getAttribute('data-focus-key')).toBe('review-history'));
    expect(confirm).toHaveBeenCalledTimes(3);
    confirm.mockRestore();
  });

  it('shows when the next case review is due and saves one', async () => {
    steps.followUp.mockResolvedValue(followUp({ nextCaseReviewDue: '2026-11-15', caseReviewState: 'overdue' }));
    steps.saveCaseReview.mockResolvedValue(followUp());
    await renderStep();
    expect(screen.getByTestId('review-due').textContent).toContain('Overskredet');
    const form = screen.getByRole('form', { name: 'Ny sagsgennemgang' });
    fireEvent.change(within(form).getByLabelText(/Deltagere/), { target: { value: 'ML, JØ' } });
    fireEvent.change(within(form).getByLabelText(/Hvad blev aftalt/), { target: { value: 'Fortsæt' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Gem gennemgangen' }));
    await waitFor(() => expect(steps.saveCaseReview).toHaveBeenCalledTimes(1));
    expect(steps.saveCaseReview.mock.calls[0][0]).toEqual({ id: 0, courseId: 7, date: todayIso(), participants: 'ML, JØ', agreed: 'Fortsæt' });
  });
});
