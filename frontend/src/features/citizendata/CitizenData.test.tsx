import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { citizenDataApi, type DeletionPreview, type ImportPreview } from '../../api/citizenData';
import { api, type Citizen, type Worker } from '../../api/client';
import { AppError } from '../../api/errors';
import { da } from '../../i18n/all';
import { I18nProvider } from '../../i18n/i18n';
import { SessionContext, type Session } from '../auth/session';
import { CitizenDataSection } from './CitizenDataSection';
import { sameName } from './DeleteDialog';
import { ImportDialog } from './ImportDialog';

vi.mock('../../api/citizenData', () => ({
  citizenDataApi: {
    exportAccess: vi.fn(),
    exportHandover: vi.fn(),
    chooseHandoverFile: vi.fn(),
    previewImport: vi.fn(),
    confirmImport: vi.fn(),
    deletionPreview: vi.fn(),
    deleteCitizen: vi.fn(),
  },
}));
vi.mock('../../api/client', () => ({ api: { workers: vi.fn() } }));

const t = da.citizenData;
const fill = (s: string, p: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(p[k]));

const citizen = (over: Partial<Citizen> = {}): Citizen =>
  ({
    id: 4, readOnly: false, name: 'Åse Ærø', cpr: '010190-1234', cprMasked: '010190-••••', phone: '', email: '', address: '',
    contactNote: '', housing: 'shelter', housingNote: '', updatedAt: '2026-11-01T10:00:00Z',
    courses: [
      { id: 9, status: 'active', startDate: '2026-03-02', endDate: '', workerId: 2, workerName: 'Aisha Berg', workerInitials: 'AB' },
      { id: 3, status: 'closed', startDate: '2025-01-06', endDate: '2025-02-28', workerId: 2, workerName: 'Aisha Berg', workerInitials: 'AB' },
    ],
    ...over,
  }) as Citizen;

const worker = (id: number, name: string, over: Partial<Worker> = {}): Worker =>
  ({ id, name, initials: name.slice(0, 2).toUpperCase(), role: 'icm_worker', fte: 1, active: true, openCourses: 2, maxCaseload: 8, ...over }) as Worker;

afterEach(cleanup);
beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(api.workers).mockResolvedValue([worker(1, 'Mette Lund', { role: 'team_lead' }), worker(2, 'Karin Holm'), worker(5, 'Bo Berg', { openCourses: 2, maxCaseload: 2 })]);
});

function wrap(ui: React.ReactNode, isLead = true) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <I18nProvider lang="da" onChange={() => {}}>
        <SessionContext.Provider value={{ isLead } as Session}>{ui}</SessionContext.Provider>
      </I18nProvider>
    </QueryClientProvider>,
  );
}

describe('the section on the citizen page', () => {
  it('offers the three actions to a team lead, the deletion only to leads, nothing for a colleague', () => {
    wrap(<CitizenDataSection citizen={citizen()} />);
    for (const label of [t.access, t.handover, t.del]) expect(screen.getByRole('button', { name: label })).toBeTruthy();
    cleanup();
    wrap(<CitizenDataSection citizen={citizen()} />, false);
    expect(screen.queryByRole('button', { name: t.del })).toBeNull();
    expect(screen.getByRole('button', { name: t.handover })).toBeTruthy();
    cleanup();
    wrap(<CitizenDataSection citizen={citizen({ readOnly: true })} />);
    expect(screen.queryByText(t.title)).toBeNull();
  });

  it('saves the access request and says where both files went', async () => {
    vi.mocked(citizenDataApi.exportAccess).mockResolvedValue({ pdfPath: '/home/m/Indsigt Åse.pdf', jsonPath: '/home/m/Indsigt Åse.json', cancelled: false, replacedChars: [] });
    wrap(<CitizenDataSection citizen={citizen()} />);
    fireEvent.click(screen.getByRole('button', { name: t.access }));
    expect(await screen.findByText(fill(t.accessSaved, { pdf: '/home/m/Indsigt Åse.pdf', json: '/home/m/Indsigt Åse.json' }))).toBeTruthy();
    expect(citizenDataApi.exportAccess).toHaveBeenCalledWith(4);
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('says which characters the access request PDF could not print as written', async () => {
    vi.mocked(citizenDataApi.exportAccess).mockResolvedValue({ pdfPath: '/home/m/a.pdf', jsonPath: '/home/m/a.json', cancelled: false, replacedChars: ['🌻'] });
    wrap(<CitizenDataSection citizen={citizen()} />);
    fireEvent.click(screen.getByRole('button', { name: t.access }));
    const note = await screen.findByRole('note');
    expect(note.textContent).toContain(fill(da.export.replaced, { chars: '🌻' }));
  });
});

describe('the handover', () => {
  it('needs the passphrase twice, sends the chosen course and shows where the file went', async () => {
    vi.mocked(citizenDataApi.exportHandover)
      .mockRejectedValueOnce(new AppError('weak_passphrase', [], { min: '12' }))
      .mockResolvedValue({ path: '/home/m/Overdragelse.icmhandover', courses: 1, cancelled: false });
    wrap(<CitizenDataSection citizen={citizen()} />);
    fireEvent.click(screen.getByRole('button', { name: t.handover }));
    const dialog = screen.getByRole('dialog', { name: t.handoverTitle });
    const what = within(dialog).getByLabelText(t.handoverWhat) as HTMLSelectElement;
    expect(what.value).toBe('9'); // the open course first
    expect([...what.options].map((o) => o.text)).toEqual([
      fill(t.handoverAll, { n: 2 }),
      fill(t.handoverCourse, { start: '02.03.2026', end: t.ongoing, status: da.enum.status.active }),
      fill(t.handoverCourse, { start: '06.01.2025', end: '28.02.2025', status: da.enum.status.closed }),
    ]);
    const save = within(dialog).getByRole('button', { name: t.handoverSave }) as HTMLButtonElement;
    fireEvent.change(within(dialog).getByLabelText(/^Adgangsfrase/), { target: { value: 'kort' } });
    fireEvent.change(within(dialog).getByLabelText(/^Gentag/), { target: { value: 'kor' } });
    expect(within(dialog).getByText(t.passphrasesDiffer)).toBeTruthy();
    expect(save.disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText(/^Gentag/), { target: { value: 'kort' } });
    fireEvent.click(save);
    expect(await within(dialog).findByText(fill(da.errors.weak_passphrase, { min: 12 }))).toBeTruthy();
    fireEvent.change(what, { target: { value: '0' } });
    fireEvent.change(within(dialog).getByLabelText(/^Adgangsfrase/), { target: { value: 'hest batteri hæfteklamme' } });
    fireEvent.change(within(dialog).getByLabelText(/^Gentag/), { target: { value: 'hest batteri hæfteklamme' } });
    fireEvent.click(save);
    const saved = await within(dialog).findByText(fill(t.handoverSaved, { path: '/home/m/Overdragelse.icmhandover', n: 1 }));
    expect(document.activeElement).toBe(saved);
    expect(saved.hasAttribute('data-status-line')).toBe(true);
    expect(within(dialog).queryByRole('status')).toBeNull(); // read once, on focus
    expect(citizenDataApi.exportHandover).toHaveBeenLastCalledWith(4, 0, 'hest batteri hæfteklamme');
  });
});

const preview = (over: Partial<DeletionPreview> = {}): DeletionPreview => ({
  citizenId: 4, name: 'Åse Ærø', courses: 2, openCourses: 0, lastEndDate: '2026-11-30', auditEntries: 57, allowed: true,
  counts: [{ kind: 'notes', rows: 7 }, { kind: 'plan_versions', rows: 1 }, { kind: 'meetings', rows: 0 }, { kind: 'courses', rows: 2 }],
  ...over,
});

describe('the deletion', () => {
  it('is refused while a course is open, and says why', async () => {
    vi.mocked(citizenDataApi.deletionPreview).mockResolvedValue(preview({ openCourses: 1, allowed: false }));
    wrap(<CitizenDataSection citizen={citizen()} />);
    fireEvent.click(screen.getByRole('button', { name: t.del }));
    const dialog = screen.getByRole('dialog', { name: t.deleteTitle });
    expect(await within(dialog).findByText(fill(t.deleteOpen, { n: 1 }))).toBeTruthy();
    expect(within(dialog).queryByLabelText(/Skriv borgerens navn/)).toBeNull();
    expect((within(dialog).getByRole('button', { name: t.deleteConfirm }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows what goes and what stays, and deletes once the name is typed', async () => {
    vi.mocked(citizenDataApi.deletionPreview).mockResolvedValue(preview());
    vi.mocked(citizenDataApi.deleteCitizen).mockResolvedValue({ deleted: [], auditEntriesKept: 57 });
    wrap(<CitizenDataSection citizen={citizen()} />);
    fireEvent.click(screen.getByRole('button', { name: t.del }));
    const dialog = screen.getByRole('dialog', { name: t.deleteTitle });
    expect(document.activeElement).toBe(dialog); // still loading: nothing else can take the focus
    const rows = (await within(dialog).findAllByRole('row')).map((r) => r.textContent);
    expect(document.activeElement).toBe(within(dialog).getByLabelText(/Skriv borgerens navn/));
    expect(rows).toEqual([t.deleteKind + t.deleteRows, t.kinds.notes + '7', t.kinds.plan_versions + '1', t.kinds.courses + '2']);
    expect(within(dialog).getByText(fill(t.deleteKept, { n: 57 }))).toBeTruthy();
    expect(within(dialog).getByText(fill(t.deleteLastEnd, { date: '30.11.2026' }))).toBeTruthy();
    const del = within(dialog).getByRole('button', { name: t.deleteConfirm }) as HTMLButtonElement;
    const name = within(dialog).getByLabelText(/Skriv borgerens navn/);
    fireEvent.change(name, { target: { value: 'Åse' } });
    expect(del.disabled).toBe(true);
    fireEvent.change(name, { target: { value: ' åse  ærø ' } });
    expect(del.disabled).toBe(false);
    fireEvent.click(del);
    expect(await screen.findByText(fill(t.deleted, { n: 57 }))).toBeTruthy();
    expect(document.activeElement).toBe(dialog.querySelector('[data-status-line]'));
    expect(within(dialog).queryByRole('status')).toBeNull(); // read once, on focus
    expect(citizenDataApi.deleteCitizen).toHaveBeenCalledWith(4, ' åse  ærø ');
  });

  it('compares names as the backend does', () => {
    expect(sameName('ÅSE ÆRØ', 'Åse Ærø')).toBe(true);
    expect(sameName('A\u030ase  Ærø', 'Åse Ærø')).toBe(true);
    expect(sameName('Åse', 'Åse Ærø')).toBe(false);
    expect(sameName('  ', '')).toBe(false);
  });
});

const importPreview = (over: Partial<ImportPreview> = {}): ImportPreview => ({
  token: 'tok', fileName: 'Overdragelse.icmhandover', exportedAt: '2026-11-30', source: 'Solvang Kommune · ICM-teamet',
  citizen: { name: 'Åse Ærø', cprMasked: '010190-••••', existingId: 0, existingName: '' },
  courses: [{ index: 0, status: 'active', startDate: '2026-03-02', endDate: '', workerName: 'Aisha Berg', workerInitials: 'AB',
    suggestedWorkerId: 0, workerFound: false,
    counts: { notes: 6, assessment: 12, goals: 3, subGoals: 5, activities: 3, contacts: 6, meetings: 1, advocacy: 1, evaluations: 2, who5: 3, weeklyChecks: 3, planVersions: 1 } }],
  conflicts: [{ kind: 'worker_missing', courseIndex: 0, blocking: false, params: { worker: 'Aisha Berg' } }],
  blocked: false,
  ...over,
});

describe('the import of a handover', () => {
  async function openPreview() {
    vi.mocked(citizenDataApi.chooseHandoverFile).mockResolvedValue({ path: '/tmp/Overdragelse.icmhandover', name: 'Overdragelse.icmhandover', cancelled: false });
    wrap(<ImportDialog onClose={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: t.importTitle });
    const open = within(dialog).getByRole('button', { name: t.openFile }) as HTMLButtonElement;
    expect(open.disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: t.chooseFile }));
    expect(await within(dialog).findByText(fill(t.fileChosen, { name: 'Overdragelse.icmhandover' }))).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText(/^Adgangsfrase/), { target: { value: 'hest batteri hæfteklamme' } });
    fireEvent.click(open);
    return dialog;
  }

  it('starts on "Vælg fil", as the file is chosen before the passphrase is typed', () => {
    wrap(<ImportDialog onClose={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: t.importTitle });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: t.chooseFile }));
  });

  it('shows what comes in, asks who takes the course, and writes only on confirmation', async () => {
    vi.mocked(citizenDataApi.previewImport).mockResolvedValue(importPreview());
    vi.mocked(citizenDataApi.confirmImport).mockResolvedValue({ citizenId: 17, courseIds: [40], existing: false });
    const dialog = await openPreview();
    expect(await within(dialog).findByText(fill(t.previewFrom, { source: 'Solvang Kommune · ICM-teamet', date: '30.11.2026' }))).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByText(fill(t.previewFrom, { source: 'Solvang Kommune · ICM-teamet', date: '30.11.2026' })));
    expect(citizenDataApi.previewImport).toHaveBeenCalledWith('/tmp/Overdragelse.icmhandover', 'hest batteri hæfteklamme');
    expect(within(dialog).getByText(t.previewNew)).toBeTruthy();
    expect(within(dialog).getByText(fill(t.conflicts.worker_missing, { worker: 'Aisha Berg' }))).toBeTruthy();
    expect(within(dialog).getByText(t.counts.notes).parentElement?.textContent).toBe(t.counts.notes + '6');
    expect(within(dialog).getByText(t.nothingYet)).toBeTruthy();
    const who = (await within(dialog).findByLabelText(/Hvem skal have forløbet her/)) as HTMLSelectElement;
    await waitFor(() => expect(who.options.length).toBe(4));
    fireEvent.change(who, { target: { value: '5' } }); // Bo Berg is at his ceiling: the override fields appear
    expect(within(dialog).getByLabelText(t.overrideReason)).toBeTruthy();
    fireEvent.change(who, { target: { value: '2' } });
    expect(within(dialog).queryByLabelText(t.overrideReason)).toBeNull();
    expect(citizenDataApi.confirmImport).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: t.confirmImport }));
    expect(await screen.findByText(t.imported)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByText(t.imported));
    expect(within(dialog).queryByRole('status')).toBeNull(); // read once, on focus
    expect(citizenDataApi.confirmImport).toHaveBeenCalledWith('tok', [{ index: 0, workerId: 2, overrideReason: '' }]);
  });

  it('cannot add a blocked handover, and words the conflict with Danish dates', async () => {
    vi.mocked(citizenDataApi.previewImport).mockResolvedValue(importPreview({
      blocked: true,
      citizen: { name: 'Åse Ærø', cprMasked: '010190-••••', existingId: 3, existingName: 'Åse Ærø' },
      conflicts: [{ kind: 'citizen_exists', courseIndex: -1, blocking: false, params: { name: 'Åse Ærø' } },
        { kind: 'course_exists', courseIndex: -1, blocking: true, params: { start: '2026-03-02' } }],
    }));
    const dialog = await openPreview();
    expect(await within(dialog).findByText(fill(t.conflicts.course_exists, { start: '02.03.2026' }))).toBeTruthy();
    expect(within(dialog).getByText(fill(t.previewExisting, { name: 'Åse Ærø' }))).toBeTruthy();
    expect(within(dialog).getByText(t.blocked)).toBeTruthy();
    expect((within(dialog).getByRole('button', { name: t.confirmImport }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('says why a file does not open', async () => {
    vi.mocked(citizenDataApi.previewImport).mockRejectedValue(new AppError('wrong_passphrase'));
    const dialog = await openPreview();
    expect(await within(dialog).findByText(da.errors.wrong_passphrase)).toBeTruthy();
  });
});
