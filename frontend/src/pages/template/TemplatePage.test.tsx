import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { AppError } from '../../api/errors';
import { templateApi, type Template, type TemplateVersionSummary } from '../../api/template';
import { templateText } from '../../features/wizard/i18n/template';
import { da } from '../../i18n/all';
import { I18nProvider } from '../../i18n/i18n';
import { isoToDanish, todayIso } from '../../lib/dates';
import { workers } from '../../features/wizard/versions/testData';
import { SignedInAs } from '../../features/auth/testSession';
import { TemplatePage } from './TemplatePage';

vi.mock('../../api/template', async (orig) => ({
  ...(await orig<typeof import('../../api/template')>()),
  templateApi: { get: vi.fn(), saveElement: vi.fn(), sign: vi.fn(), version: vi.fn(), savePdf: vi.fn() },
}));
vi.mock('../../api/client', () => ({ api: { workers: vi.fn() } }));

afterEach(cleanup);

const tt = da.template;
const codes = Object.keys(templateText.da.elements);

function template(over: Partial<Record<string, { answer: string; status: string }>> = {}, versions: TemplateVersionSummary[] = []): Template {
  const elements = codes.map((c) => ({ element: c, answer: over[c]?.answer ?? '', status: over[c]?.status ?? 'not_started', updatedAt: over[c] ? '2026-11-30T09:00:00Z' : '' }));
  return { elements, completeness: { agreed: elements.filter((e) => e.status === 'agreed').length, total: 16 }, versions };
}

const v1: TemplateVersionSummary = { id: 7, versionNo: 1, leadId: 4, leadName: 'Lars Bak', date: '2026-11-30', signedAt: '2026-11-30T10:00:00Z', note: 'Aftalt på teammødet', agreed: 1, total: 16 };

function renderPage(t: Template) {
  vi.clearAllMocks();
  vi.mocked(templateApi.get).mockResolvedValue(t);
  vi.mocked(api.workers).mockResolvedValue(workers);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <I18nProvider lang="da" onChange={() => {}}>
        <SignedInAs role="team_lead">
          <TemplatePage />
        </SignedInAs>
      </I18nProvider>
    </QueryClientProvider>,
  );
}

const change = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });

describe('the method template page', () => {
  it('shows the intro, the progress and the sixteen elements with the first one open', async () => {
    renderPage(template({ target_group: { answer: 'Borgere fra herberget', status: 'agreed' }, location: { answer: 'Hjemme', status: 'draft' } }));
    expect(await screen.findByRole('heading', { level: 1, name: tt.title })).toBeTruthy();
    expect(screen.getByText(tt.intro)).toBeTruthy();
    expect(screen.getByText('1 af 16 elementer aftalt')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: tt.progressLabel }).getAttribute('aria-valuenow')).toBe('1');
    const nav = within(screen.getByRole('navigation', { name: tt.elementsLabel }));
    const items = nav.getAllByRole('button');
    expect(items).toHaveLength(16);
    codes.forEach((c, i) => expect(items[i].textContent?.startsWith(templateText.da.elements[c as keyof typeof templateText.da.elements].name)).toBe(true));
    expect(items[0].textContent).toContain('Aftalt');
    expect(items[14].textContent).toContain('Udkast');
    expect(items[1].textContent).toContain('Ikke startet');

    // the selected element: name, boxed requirement, questions, answer and status
    const el = templateText.da.elements.target_group;
    expect(screen.getByRole('heading', { level: 2, name: el.name })).toBeTruthy();
    expect(screen.getByRole('note', { name: tt.requirement }).textContent).toContain(el.requirement);
    expect(screen.getByText(el.questions.q1)).toBeTruthy();
    expect((screen.getByLabelText(new RegExp(`^${tt.answer}`)) as HTMLTextAreaElement).value).toBe('Borgere fra herberget');
    expect((screen.getByLabelText(tt.status.agreed) as HTMLInputElement).checked).toBe(true);

    // another element
    fireEvent.click(nav.getByRole('button', { name: /^Tilgængelighed/ }));
    expect(screen.getByRole('heading', { level: 2, name: 'Tilgængelighed' })).toBeTruthy();
    expect(screen.getByText(templateText.da.elements.availability.questions.q2)).toBeTruthy();
    // the method says "it is important" here: not shown as a must
    expect(screen.getByRole('note', { name: tt.important }).textContent).toContain('Det er vigtigt, at borgeren kan få hjælp');
    expect(screen.queryByRole('note', { name: tt.requirement })).toBeNull();
    // element 3 is named as the method template names it
    fireEvent.click(nav.getByRole('button', { name: /^Udredning/ }));
    expect(screen.getByRole('heading', { level: 2, name: 'Udredning' })).toBeTruthy();
    expect(screen.getByRole('note', { name: tt.important }).textContent).toContain('fortsætter hele forløbet');
    expect((screen.getByLabelText(tt.status.not_started) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText(tt.versions.none)).toBeTruthy();
  });

  it('autosaves the answer, makes a started element a draft and saves the status', async () => {
    renderPage(template());
    const answer = await screen.findByLabelText(new RegExp(`^${tt.answer}`));
    vi.mocked(templateApi.saveElement).mockImplementation(async (input) => template({ [input.element]: { answer: input.answer, status: input.status } }));
    change(answer, 'Vi tager borgere fra herberget');
    expect((screen.getByLabelText(tt.status.draft) as HTMLInputElement).checked).toBe(true);
    const saved = (n: number) => vi.mocked(templateApi.saveElement).mock.calls[n]?.[0];
    await waitFor(() => expect(saved(0)).toEqual({ element: 'target_group', answer: 'Vi tager borgere fra herberget', status: 'draft' }), { timeout: 2000 });
    await waitFor(() => expect(screen.getByTestId('save-state').getAttribute('data-state')).toBe('saved'));

    fireEvent.click(screen.getByLabelText(tt.status.agreed));
    await waitFor(() => expect(saved(1)).toEqual({ element: 'target_group', answer: 'Vi tager borgere fra herberget', status: 'agreed' }), { timeout: 2000 });
    await screen.findByText('1 af 16 elementer aftalt');
  });

  it('shows a refused save next to the answer and keeps the text', async () => {
    renderPage(template());
    const answer = await screen.findByLabelText(new RegExp(`^${tt.answer}`));
    vi.mocked(templateApi.saveElement).mockRejectedValue(new AppError('invalid_input', [{ field: 'answer', code: 'invalid_characters' }]));
    change(answer, 'Tekst med fejl');
    await screen.findByText(da.errors.invalid_characters, {}, { timeout: 2000 });
    expect(answer.getAttribute('aria-invalid')).toBe('true');
    expect((answer as HTMLTextAreaElement).value).toBe('Tekst med fejl');
  });

  it('signs the template as a team lead after a confirmation and lists the version', async () => {
    renderPage(template({ target_group: { answer: 'Borgere fra herberget', status: 'agreed' } }));
    fireEvent.click(await screen.findByRole('button', { name: tt.versions.signOpen }));
    const form = within(screen.getByRole('form', { name: tt.versions.signOpen }));
    expect(form.getByRole('heading', { name: 'Underskriv skabelonen som version 1' })).toBeTruthy();
    // signed in the signed-in team lead's name: nobody to choose
    expect(form.getByTestId('template-signer').textContent).toBe('Underskrives af dig som teamleder: Lars Bak.');
    expect(form.queryByRole('combobox')).toBeNull();
    expect((form.getByLabelText(/^Dato for underskriften/) as HTMLInputElement).value).toBe(isoToDanish(todayIso()));
    change(form.getByLabelText(/^Bemærkning/), 'Aftalt på teammødet');

    vi.mocked(templateApi.sign).mockResolvedValue({ summary: v1, elements: template().elements });
    vi.mocked(templateApi.get).mockResolvedValue(template({ target_group: { answer: 'Borgere fra herberget', status: 'agreed' } }, [v1]));
    fireEvent.click(form.getByRole('button', { name: 'Underskriv version 1' }));
    expect(templateApi.sign).not.toHaveBeenCalled();
    // a named group that holds the buttons, not an alert; the button is described by the warning
    expect(form.queryByRole('alert')).toBeNull();
    const box = within(form.getByRole('group', { name: da.versions.form.confirmTitle }));
    const yes = box.getByRole('button', { name: 'Ja, underskriv version 1' });
    expect(document.getElementById(yes.getAttribute('aria-describedby')!)?.textContent).toContain('version 2');
    fireEvent.click(yes);

    await waitFor(() => expect(screen.queryByRole('form', { name: tt.versions.signOpen })).toBeNull());
    expect(vi.mocked(templateApi.sign).mock.calls[0][0]).toEqual({ date: todayIso(), note: 'Aftalt på teammødet' });
    // the form that held the focus is gone: the result takes it, in a line mounted once
    const line = screen.getByTestId('template-signed');
    await waitFor(() => expect(document.activeElement).toBe(line));
    expect(line.textContent).toBe('✓ Version 1 er underskrevet og gemt.');
    expect(line.nextElementSibling?.textContent).toBe('');
    const row = within(await screen.findByRole('listitem', { name: 'Version 1' }));
    expect(row.getByText('Underskrevet af Lars Bak 30.11.2026')).toBeTruthy();
    expect(row.getByText('Aftalt på teammødet')).toBeTruthy();
    expect(row.getByRole('button', { name: tt.versions.savePdf })).toBeTruthy();
  });

  it('shows the backend’s refusal next to the date', async () => {
    renderPage(template());
    fireEvent.click(await screen.findByRole('button', { name: tt.versions.signOpen }));
    const form = within(screen.getByRole('form', { name: tt.versions.signOpen }));
    vi.mocked(templateApi.sign).mockRejectedValue(new AppError('invalid_input', [{ field: 'date', code: 'required' }]));
    fireEvent.click(form.getByRole('button', { name: 'Underskriv version 1' }));
    fireEvent.click(form.getByRole('button', { name: 'Ja, underskriv version 1' }));
    await form.findByText(da.errors.required);
    expect(form.getByLabelText(/^Dato for underskriften/).getAttribute('aria-invalid')).toBe('true');
    // the confirm box is gone: the focus is on the wrong field
    expect(document.activeElement).toBe(form.getByLabelText(/^Dato for underskriften/));
  });

  it('keeps the focus on the busy confirm button, and puts it back on the submit button after Tilbage or a refusal', async () => {
    renderPage(template());
    fireEvent.click(await screen.findByRole('button', { name: tt.versions.signOpen }));
    const form = within(screen.getByRole('form', { name: tt.versions.signOpen }));
    fireEvent.click(form.getByRole('button', { name: 'Underskriv version 1' }));
    fireEvent.click(form.getByRole('button', { name: tt.sign.back }));
    expect(document.activeElement).toBe(form.getByRole('button', { name: 'Underskriv version 1' }));

    let fail: (e: unknown) => void = () => undefined;
    vi.mocked(templateApi.sign).mockReturnValue(new Promise((_, reject) => (fail = reject)));
    fireEvent.click(form.getByRole('button', { name: 'Underskriv version 1' }));
    const yes = form.getByRole('button', { name: 'Ja, underskriv version 1' });
    fireEvent.click(yes);
    await waitFor(() => expect(yes.getAttribute('aria-disabled')).toBe('true'));
    expect(document.activeElement).toBe(yes);
    fail(new AppError('internal'));
    await waitFor(() => expect(document.activeElement).toBe(form.getByRole('button', { name: 'Underskriv version 1' })));
  });

  it('saves the current template and a signed version as PDF, and shows a version as signed', async () => {
    renderPage(template({}, [v1]));
    vi.mocked(templateApi.savePdf).mockResolvedValue({ path: '/tmp/skabelon.pdf', cancelled: false, replacedChars: [] });
    vi.mocked(templateApi.version).mockResolvedValue({ summary: v1, elements: template({ target_group: { answer: 'Som underskrevet', status: 'agreed' } }).elements });
    const buttons = await screen.findAllByRole('button', { name: tt.versions.savePdf });
    expect(buttons).toHaveLength(2);
    fireEvent.click(buttons[0]);
    await screen.findByText('Gemt: /tmp/skabelon.pdf');
    expect(vi.mocked(templateApi.savePdf).mock.calls[0][0]).toBe(0);
    fireEvent.click(buttons[1]);
    await waitFor(() => expect(vi.mocked(templateApi.savePdf).mock.calls[1]?.[0]).toBe(7));

    const row = within(screen.getByRole('listitem', { name: 'Version 1' }));
    fireEvent.click(row.getByRole('button', { name: tt.versions.view }));
    expect(await row.findByText('Som underskrevet')).toBeTruthy();
  });
});
