import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StepStatus, Visitation, Vocabulary } from '../../../api/client';
import { api } from '../../../api/client';
import { AppError } from '../../../api/errors';
import type { Contact, Coordination, Meeting, MeetingInput } from '../../../api/steps';
import { stepsApi } from '../../../api/steps';
import { da } from '../../../i18n/all';
import { I18nProvider } from '../../../i18n/i18n';
import { todayIso } from '../../../lib/dates';
import { anyDirty } from '../../../lib/unsaved';
import { CoordinationStep } from '../steps/CoordinationStep';

vi.mock('../../../api/steps', () => ({
  stepsApi: { coordination: vi.fn(), saveContact: vi.fn(), deleteContact: vi.fn(), saveMeeting: vi.fn(), deleteMeeting: vi.fn() },
}));
vi.mock('../../../api/client', () => ({
  api: { vocabulary: vi.fn(), visitation: vi.fn() },
}));

afterEach(cleanup);

const COURSE = 7;

const vocab = {
  contactKinds: ['caseworker', 'jobcenter', 'addiction', 'psychiatry', 'gp', 'dentist', 'housing', 'probation', 'shelter', 'family', 'friend', 'other'],
  advocacyStatuses: ['open', 'resolved', 'stuck'],
} as unknown as Vocabulary;

const status = (missing: string[]): StepStatus => ({ step: 'coordination', available: true, done: 3 - missing.length, total: 3, percent: 0, missing });

const contact = (c: Partial<Contact> & { id: number; kind: string }): Contact => ({ name: '', organisation: '', phone: '', email: '', role: '', lastContact: '', active: true, ...c });

const gp = contact({ id: 1, kind: 'gp', name: 'Jens Holm', organisation: 'Lægehuset Nørregade', phone: '86 12 34 56', role: 'Borgerens egen læge', lastContact: '2026-03-05' });
const oldCaseworker = contact({ id: 2, kind: 'caseworker', name: 'Mette Lund', organisation: 'Socialforvaltningen', email: 'ml@kommune.dk', lastContact: '2026-01-10', active: false });
const sister = contact({ id: 3, kind: 'family', name: 'Anne', role: 'Søster – ringer hver søndag' });

const housingMeeting: Meeting = {
  id: 11,
  date: '2026-02-20',
  purpose: 'Møde om boligsituationen',
  participants: 'Borgeren, Mette Lund og ICM som bisidder',
  preparation: 'Vi øvede, hvad borgeren ville sige om boligen.',
  outcome: 'Kommunen søger en bolig via boliganvisningen.',
  actions: [
    { action: 'Ring til lægen', owner: 'ICM', deadline: '2026-03-01', done: false },
    { action: 'Søg boligstøtte', owner: 'Borgeren', deadline: '', done: true },
  ],
};
const firstMeeting: Meeting = { id: 10, date: '2026-01-15', purpose: 'Opstart', participants: '', preparation: '', outcome: '', actions: [] };

const dto = (over: Partial<Coordination> = {}): Coordination => ({
  courseId: COURSE,
  contacts: [gp, oldCaseworker, sister],
  meetings: [firstMeeting, housingMeeting],
  completeness: status(['caseworker_contact']),
  ...over,
});

function renderStep(data: Coordination, readOnly = false) {
  vi.clearAllMocks();
  vi.mocked(stepsApi.coordination).mockResolvedValue(data);
  vi.mocked(api.vocabulary).mockResolvedValue(vocab);
  vi.mocked(api.visitation).mockResolvedValue({ courseId: COURSE, actionPlanCaseworker: 'Lone Berg' } as Visitation);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <I18nProvider lang="da" onChange={() => {}}>
        <CoordinationStep courseId={COURSE} readOnly={readOnly} />
      </I18nProvider>
    </QueryClientProvider>,
  );
  return client;
}

const loaded = () => screen.findByRole('heading', { name: /^Borgerens netværk/ });
const change = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });
const input = (el: HTMLElement) => el as HTMLInputElement;

describe('CoordinationStep – the network', () => {
  it('groups the contacts by translated kind in the vocabulary order and shows Danish dates', async () => {
    renderStep(dto());
    await loaded();
    const table = screen.getByRole('table', { name: 'Borgerens netværk' });
    const groups = [...table.querySelectorAll('tr.coord-group th')].map((th) => th.textContent);
    expect(groups).toEqual([da.enum.contactKind.caseworker, da.enum.contactKind.gp, da.enum.contactKind.family]);
    const gpRow = screen.getByTestId('contact-1');
    expect(gpRow.textContent).toContain('Jens Holm');
    expect(gpRow.textContent).toContain('Lægehuset Nørregade');
    expect(gpRow.textContent).toContain('86 12 34 56');
    expect(gpRow.textContent).toContain('05.03.2026');
    expect(gpRow.textContent).not.toContain('2026-03-05');
    const inactive = screen.getByTestId('contact-2');
    expect(inactive.className).toBe('inactive');
    expect(within(inactive).getByText(da.coordination.inactive)).toBeTruthy();
    expect(inactive.textContent).toContain('10.01.2026');
    expect(screen.getByTestId('step-missing').textContent).toContain(da.requirement.caseworker_contact);
  });

  it('adds a contact and sends the ContactInput as typed', async () => {
    const added = contact({ id: 4, kind: 'psychiatry', name: 'Dr. Nielsen', organisation: 'Distriktspsykiatrien', phone: '+45 70 11 22 33', email: 'dn@region.dk', role: 'Behandler borgerens angst', lastContact: '2026-11-02' });
    renderStep(dto());
    vi.mocked(stepsApi.saveContact).mockResolvedValue(dto({ contacts: [gp, oldCaseworker, sister, added] }));
    await loaded();
    fireEvent.click(screen.getByRole('button', { name: da.coordination.addContact }));
    const form = within(screen.getByRole('form', { name: da.coordination.newContact }));
    // the first field has the focus
    expect(document.activeElement).toBe(form.getByLabelText(/^Type/));
    change(form.getByLabelText(/^Type/), 'psychiatry');
    change(form.getByLabelText('Navn'), 'Dr. Nielsen');
    change(form.getByLabelText('Organisation eller sted'), 'Distriktspsykiatrien');
    change(form.getByLabelText('Hvad gør de for borgeren?'), 'Behandler borgerens angst');
    change(form.getByLabelText('Telefon'), '+45 70 11 22 33');
    change(form.getByLabelText('E-mail'), 'dn@region.dk');
    change(form.getByLabelText('Seneste kontakt'), '02.11.2026');
    expect(input(form.getByLabelText('Aktiv i netværket')).checked).toBe(true);
    fireEvent.click(form.getByRole('button', { name: da.coordination.saveContact }));

    await waitFor(() => expect(screen.queryByRole('form', { name: da.coordination.newContact })).toBeNull());
    expect(stepsApi.saveContact).toHaveBeenCalledTimes(1);
    expect(vi.mocked(stepsApi.saveContact).mock.calls[0][0]).toEqual({
      id: 0,
      courseId: COURSE,
      kind: 'psychiatry',
      name: 'Dr. Nielsen',
      organisation: 'Distriktspsykiatrien',
      phone: '+45 70 11 22 33',
      email: 'dn@region.dk',
      role: 'Behandler borgerens angst',
      lastContact: '2026-11-02',
      active: true,
    });
    // the returned step replaces the shown one
    expect(screen.getByTestId('contact-4').textContent).toContain('02.11.2026');
    // and the keyboard focus goes back to the add button
    expect(document.activeElement).toBe(screen.getByRole('button', { name: da.coordination.addContact }));
  });

  it('shows a backend field error next to its field and keeps what was typed', async () => {
    renderStep(dto());
    vi.mocked(stepsApi.saveContact).mockRejectedValue(new AppError('invalid_input', [{ field: 'phone', code: 'invalid_phone' }]));
    await loaded();
    fireEvent.click(screen.getByRole('button', { name: da.coordination.addContact }));
    const formEl = screen.getByRole('form', { name: da.coordination.newContact });
    const form = within(formEl);
    change(form.getByLabelText(/^Type/), 'friend');
    change(form.getByLabelText('Navn'), 'Kim fra værestedet');
    change(form.getByLabelText('Telefon'), 'ring efter kl. 12');
    fireEvent.click(form.getByRole('button', { name: da.coordination.saveContact }));

    const message = await form.findByText(da.errors.invalid_phone);
    const phone = input(form.getByLabelText('Telefon'));
    expect(phone.closest('.field')?.contains(message)).toBe(true);
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    expect(phone.getAttribute('aria-describedby')).toContain(message.id);
    // the refused save puts the focus on the wrong field
    expect(document.activeElement).toBe(phone);
    expect(phone.value).toBe('ring efter kl. 12');
    expect(input(form.getByLabelText('Navn')).value).toBe('Kim fra værestedet');
    expect(input(form.getByLabelText('Navn')).getAttribute('aria-invalid')).toBe('false');
    expect((form.getByLabelText(/^Type/) as HTMLSelectElement).value).toBe('friend');
    expect(form.getByText(da.errors.invalid_input)).toBeTruthy();
    expect(screen.getByRole('form', { name: da.coordination.newContact })).toBe(formEl);
  });

  it('hints at a missing caseworker and prefills the one named in the visitation', async () => {
    const client = renderStep(dto());
    await loaded();
    await waitFor(() => expect(client.getQueryData(['visitation', COURSE])).toBeTruthy());
    const hint = screen.getByTestId('caseworker-hint');
    expect(hint.textContent).toContain(da.coordination.caseworkerMissing);
    fireEvent.click(within(hint).getByRole('button', { name: da.coordination.addCaseworker }));
    const form = within(screen.getByRole('form', { name: da.coordination.newContact }));
    expect((form.getByLabelText(/^Type/) as HTMLSelectElement).value).toBe('caseworker');
    expect(input(form.getByLabelText('Navn')).value).toBe('Lone Berg');
    expect(form.getByText(da.coordination.fromVisitation)).toBeTruthy();
  });

  it('shows no hint when an active caseworker is in the network', async () => {
    renderStep(dto({ contacts: [{ ...oldCaseworker, active: true }, gp], completeness: status([]) }));
    await loaded();
    expect(screen.queryByTestId('caseworker-hint')).toBeNull();
    expect(screen.queryByTestId('step-missing')).toBeNull();
  });

  it('edits a contact inline and deletes only after confirming', async () => {
    renderStep(dto());
    vi.mocked(stepsApi.saveContact).mockResolvedValue(dto());
    vi.mocked(stepsApi.deleteContact).mockResolvedValue(dto({ contacts: [oldCaseworker, sister] }));
    await loaded();
    fireEvent.click(screen.getByRole('button', { name: 'Rediger Jens Holm' }));
    let form = within(screen.getByRole('form', { name: da.coordination.editContact }));
    expect(input(form.getByLabelText('Navn')).value).toBe('Jens Holm');
    expect(input(form.getByLabelText('Seneste kontakt')).value).toBe('05.03.2026');
    // the other rows cannot be opened meanwhile
    expect(screen.getByRole('button', { name: 'Rediger Anne' })).toHaveProperty('disabled', true);
    fireEvent.click(form.getByLabelText('Aktiv i netværket'));
    fireEvent.click(form.getByRole('button', { name: da.coordination.saveContact }));
    await waitFor(() => expect(stepsApi.saveContact).toHaveBeenCalledTimes(1));
    expect(vi.mocked(stepsApi.saveContact).mock.calls[0][0]).toEqual({
      id: 1, courseId: COURSE, kind: 'gp', name: 'Jens Holm', organisation: 'Lægehuset Nørregade', phone: '86 12 34 56', email: '', role: 'Borgerens egen læge', lastContact: '2026-03-05', active: false,
    });
    await waitFor(() => expect(screen.queryByRole('form', { name: da.coordination.editContact })).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rediger Jens Holm' }));

    fireEvent.click(screen.getByRole('button', { name: 'Rediger Jens Holm' }));
    form = within(screen.getByRole('form', { name: da.coordination.editContact }));
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    fireEvent.click(form.getByRole('button', { name: da.coordination.deleteContact }));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(confirm.mock.calls[0][0]).toContain('Jens Holm');
    expect(stepsApi.deleteContact).not.toHaveBeenCalled();
    confirm.mockReturnValue(true);
    fireEvent.click(form.getByRole('button', { name: da.coordination.deleteContact }));
    await waitFor(() => expect(stepsApi.deleteContact).toHaveBeenCalledWith(COURSE, 1));
    await waitFor(() => expect(screen.queryByTestId('contact-1')).toBeNull());
  });

  it('tells the window-close guard about typed but unsaved text', async () => {
    renderStep(dto());
    await loaded();
    fireEvent.click(screen.getByRole('button', { name: da.coordination.addContact }));
    expect(anyDirty()).toBe(false);
    change(screen.getByLabelText('Navn'), 'Bo');
    expect(anyDirty()).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: da.common.cancel }));
    expect(anyDirty()).toBe(false);
  });

  it('says so when the network is empty', async () => {
    renderStep(dto({ contacts: [], completeness: status(['network', 'caseworker_contact']) }));
    await loaded();
    expect(screen.getByText(da.coordination.noContacts)).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Borgerens netværk' })).toBeNull();
    expect(screen.getByTestId('step-missing').textContent).toBe(`${da.course.missing}: ${da.requirement.network} · ${da.requirement.caseworker_contact}`);
  });
});

describe('CoordinationStep – meetings', () => {
  it('shows the meetings newest first with their agreed actions', async () => {
    renderStep(dto());
    await loaded();
    const list = screen.getByRole('list', { name: /^Koordinerende møder/ });
    const headings = within(list)
      .getAllByRole('heading', { level: 4 })
      .map((h) => h.textContent?.trim());
    expect(headings).toEqual(['Møde 20.02.2026', 'Møde 15.01.2026']);
    const card = within(screen.getByTestId('meeting-11'));
    expect(card.getByText(housingMeeting.preparation)).toBeTruthy();
    expect(card.getByText(housingMeeting.outcome)).toBeTruthy();
    expect(card.getByText('1 af 2 udført')).toBeTruthy();
    const rows = card.getAllByRole('row').slice(1);
    expect(rows[0].textContent).toContain('Ring til lægen');
    expect(rows[0].textContent).toContain('01.03.2026');
    expect(rows[0].textContent).toContain(da.coordination.overdue);
    expect(rows[1].textContent).not.toContain(da.coordination.overdue);
    expect(within(screen.getByTestId('meeting-10')).getByText(da.coordination.noActions)).toBeTruthy();
  });

  it('adds and removes action rows and sends the filled ones in order', async () => {
    const saved: Meeting = { id: 12, date: todayIso(), purpose: 'Netværksmøde', participants: '', preparation: '', outcome: '', actions: [] };
    renderStep(dto());
    vi.mocked(stepsApi.saveMeeting)
      .mockRejectedValueOnce(new AppError('invalid_input', [{ field: 'actions.1.action', code: 'required' }]))
      .mockResolvedValueOnce(dto({ meetings: [firstMeeting, housingMeeting, saved] }));
    await loaded();
    fireEvent.click(screen.getByRole('button', { name: da.coordination.addMeeting }));
    const formEl = screen.getByRole('form', { name: da.coordination.newMeeting });
    const form = within(formEl);
    expect(input(form.getByLabelText(/^Dato/)).value).toBe(todayIso().split('-').reverse().join('.'));
    change(form.getByLabelText(/^Formål med mødet/), 'Netværksmøde');
    const rows = () => form.getAllByTestId('action-row');
    const field = (row: number, label: RegExp | string) => within(rows()[row]).getByLabelText(label);
    // a new meeting starts with one empty row
    expect(rows()).toHaveLength(1);
    change(field(0, /^Handling/), 'Søg om boligstøtte');
    change(field(0, 'Ansvarlig'), 'Borgeren');
    fireEvent.click(form.getByRole('button', { name: da.coordination.addAction }));
    fireEvent.click(form.getByRole('button', { name: da.coordination.addAction }));
    expect(rows()).toHaveLength(3);
    expect(document.activeElement).toBe(field(2, /^Handling/));
    change(field(1, /^Handling/), 'Bliver fjernet');
    change(field(2, 'Ansvarlig'), 'ICM');
    change(field(2, 'Frist'), '15.12.2026');
    fireEvent.click(field(2, 'Udført'));
    fireEvent.click(form.getByRole('button', { name: 'Fjern handling 2' }));
    expect(rows()).toHaveLength(2);
    expect(rows().map((r) => r.querySelector('legend')?.textContent)).toEqual(['Handling 1', 'Handling 2']);
    // an empty row is left out
    fireEvent.click(form.getByRole('button', { name: da.coordination.addAction }));
    fireEvent.click(form.getByRole('button', { name: da.coordination.saveMeeting }));

    // the error for actions.1 belongs to the second row that was sent
    const message = await form.findByText(da.errors.required);
    expect(rows()[1].contains(message)).toBe(true);
    expect(input(field(1, 'Ansvarlig')).value).toBe('ICM');
    expect(rows()).toHaveLength(3);

    change(field(1, /^Handling/), 'Ring til boligselskabet');
    fireEvent.click(form.getByRole('button', { name: da.coordination.saveMeeting }));
    await waitFor(() => expect(screen.queryByRole('form', { name: da.coordination.newMeeting })).toBeNull());
    const calls = vi.mocked(stepsApi.saveMeeting).mock.calls.map((c) => c[0]);
    expect(calls).toHaveLength(2);
    expect(calls[0].actions.map((a) => a.action)).toEqual(['Søg om boligstøtte', '']);
    expect(calls[1]).toEqual<MeetingInput>({
      id: 0,
      courseId: COURSE,
      date: todayIso(),
      participants: '',
      purpose: 'Netværksmøde',
      preparation: '',
      outcome: '',
      actions: [
        { action: 'Søg om boligstøtte', owner: 'Borgeren', deadline: '', done: false },
        { action: 'Ring til boligselskabet', owner: 'ICM', deadline: '2026-12-15', done: true },
      ],
    });
    expect(screen.getByTestId('meeting-12')).toBeTruthy();
  });

  it('puts the focus on the first wrong field of a refused meeting', async () => {
    renderStep(dto());
    vi.mocked(stepsApi.saveMeeting).mockRejectedValueOnce(
      new AppError('invalid_input', [
        { field: 'outcome', code: 'too_long' },
        { field: 'purpose', code: 'required' },
      ]),
    );
    await loaded();
    fireEvent.click(screen.getByRole('button', { name: da.coordination.addMeeting }));
    const form = within(screen.getByRole('form', { name: da.coordination.newMeeting }));
    change(form.getByLabelText(/^Formål med mødet/), 'Netværksmøde');
    const save = form.getByRole('button', { name: da.coordination.saveMeeting });
    save.focus();
    fireEvent.click(save);
    await waitFor(() => expect(document.activeElement).toBe(form.getByLabelText(/^Formål med mødet/)));
  });

  it('ties an error about the actions as a whole to their fieldset', async () => {
    renderStep(dto());
    vi.mocked(stepsApi.saveMeeting).mockRejectedValueOnce(new AppError('invalid_input', [{ field: 'actions', code: 'required' }]));
    await loaded();
    fireEvent.click(screen.getByRole('button', { name: da.coordination.addMeeting }));
    const form = within(screen.getByRole('form', { name: da.coordination.newMeeting }));
    change(form.getByLabelText(/^Formål med mødet/), 'Netværksmøde');
    fireEvent.click(form.getByRole('button', { name: da.coordination.saveMeeting }));
    const group = form.getByRole('group', { name: da.coordination.actions });
    const message = await within(group).findByText(da.errors.required, {}, { timeout: 2000 });
    expect(message.getAttribute('role')).toBeNull();
    expect((group.getAttribute('aria-describedby') ?? '').split(' ')).toContain(message.id);
    // No field took the focus (the group of rows has none marked), so the banner says it: once.
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(1));
  });

  it('saves the whole meeting when an action is ticked done', async () => {
    const ticked: Meeting = { ...housingMeeting, actions: [{ ...housingMeeting.actions[0], done: true }, housingMeeting.actions[1]] };
    renderStep(dto());
    vi.mocked(stepsApi.saveMeeting).mockResolvedValue(dto({ meetings: [firstMeeting, ticked] }));
    await loaded();
    const box = input(screen.getByRole('checkbox', { name: 'Udført: Ring til lægen' }));
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await waitFor(() => expect(stepsApi.saveMeeting).toHaveBeenCalledTimes(1));
    expect(vi.mocked(stepsApi.saveMeeting).mock.calls[0][0]).toEqual<MeetingInput>({
      id: 11,
      courseId: COURSE,
      date: housingMeeting.date,
      participants: housingMeeting.participants,
      purpose: housingMeeting.purpose,
      preparation: housingMeeting.preparation,
      outcome: housingMeeting.outcome,
      actions: [
        { action: 'Ring til lægen', owner: 'ICM', deadline: '2026-03-01', done: true },
        { action: 'Søg boligstøtte', owner: 'Borgeren', deadline: '', done: true },
      ],
    });
    await waitFor(() => expect(within(screen.getByTestId('meeting-11')).getByText('2 af 2 udført')).toBeTruthy());
    expect(input(screen.getByRole('checkbox', { name: 'Udført: Ring til lægen' })).checked).toBe(true);
    expect(screen.queryByText(da.coordination.overdue)).toBeNull();
  });

  it('edits a meeting with its actions and deletes it only after confirming', async () => {
    renderStep(dto());
    vi.mocked(stepsApi.deleteMeeting).mockResolvedValue(dto({ meetings: [firstMeeting] }));
    await loaded();
    fireEvent.click(screen.getByRole('button', { name: 'Rediger mødet 20.02.2026' }));
    const form = within(screen.getByRole('form', { name: da.coordination.editMeeting }));
    expect(input(form.getByLabelText(/^Formål med mødet/)).value).toBe(housingMeeting.purpose);
    const rows = form.getAllByTestId('action-row');
    expect(rows.map((r) => input(within(r).getByLabelText(/^Handling/)).value)).toEqual(['Ring til lægen', 'Søg boligstøtte']);
    expect(input(within(rows[1]).getByLabelText('Udført')).checked).toBe(true);
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    fireEvent.click(form.getByRole('button', { name: da.coordination.deleteMeeting }));
    expect(confirm.mock.calls[0][0]).toContain('20.02.2026');
    expect(stepsApi.deleteMeeting).not.toHaveBeenCalled();
    confirm.mockReturnValue(true);
    fireEvent.click(form.getByRole('button', { name: da.coordination.deleteMeeting }));
    await waitFor(() => expect(stepsApi.deleteMeeting).toHaveBeenCalledWith(COURSE, 11));
    await waitFor(() => expect(screen.queryByTestId('meeting-11')).toBeNull());
  });
});

describe('CoordinationStep – a closed course', () => {
  it('shows everything but offers no controls', async () => {
    renderStep(dto(), true);
    await loaded();
    expect(screen.getByTestId('contact-1').textContent).toContain('Jens Holm');
    expect(screen.getByText(housingMeeting.purpose)).toBeTruthy();
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(screen.queryAllByRole('checkbox')).toEqual([]);
    expect(screen.queryAllByRole('form')).toEqual([]);
    expect(screen.queryByTestId('caseworker-hint')).toBeNull();
    const card = within(screen.getByTestId('meeting-11'));
    expect(card.getByText(da.coordination.done, { selector: '.badge' })).toBeTruthy();
    expect(card.getByText(da.coordination.notDone)).toBeTruthy();
  });
});
