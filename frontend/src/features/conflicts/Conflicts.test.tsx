import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as ConflictService from '../../../wailsjs/go/service/ConflictService';
import type { Conflict } from '../../api/conflicts';
import { da } from '../../i18n/all';
import { en } from '../../i18n/all';
import { I18nProvider } from '../../i18n/i18n';
import { CaseloadWarnings } from './CaseloadWarnings';
import { ConflictNotice, ConflictSummary } from './ConflictNotice';
import { fieldLabel } from './i18n';

vi.mock('../../../wailsjs/go/service/ConflictService', () => ({
  List: vi.fn(), Count: vi.fn(), Resolve: vi.fn(), CaseloadWarnings: vi.fn(),
}));

const t = da.conflicts;
const fill = (s: string, p: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(p[k]));

const phone: Conflict = {
  id: 11, field: 'citizens.phone', citizenId: 4, citizenName: 'Åse Testesen', courseId: 0, mergeable: false,
  current: { keptId: 0, text: '22222222', kind: 'text', writerName: 'Anna Berg', laptop: 'Annas bærbare', at: '2026-12-01T09:00:00Z' },
  kept: [{ keptId: 11, text: '33333333', kind: 'text', writerName: 'Mette Lund', laptop: 'Lederens pc', at: '2026-12-01T08:59:00Z' }],
};
const note: Conflict = {
  ...phone, id: 12, field: 'citizens.contact_note', mergeable: true,
  current: { ...phone.current, text: 'Ring før besøg' },
  kept: [{ ...phone.kept[0], keptId: 12, text: 'Nøgle hos naboen' }],
};

afterEach(cleanup);
beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(ConflictService.Resolve).mockResolvedValue({ count: 0 });
});

function wrap(ui: React.ReactNode, lang: 'da' | 'en' = 'da') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <I18nProvider lang={lang} onChange={() => {}}>
        {ui}
      </I18nProvider>
    </QueryClientProvider>,
  );
}

describe('ConflictNotice', () => {
  it('names the field with the label the screens use and shows both values side by side', async () => {
    vi.mocked(ConflictService.List).mockResolvedValue([phone]);
    wrap(<ConflictNotice courseId={3} />);
    expect(await screen.findByText(fill(t.notice, { field: 'Telefon' }), { exact: false })).toBeTruthy();
    expect(ConflictService.List).toHaveBeenCalledWith({ courseId: 3, citizenId: 0 });
    fireEvent.click(screen.getByRole('button', { name: t.open }));
    const dialog = screen.getByRole('dialog', { name: fill(t.title, { field: 'Telefon' }) });
    const current = within(dialog).getByTestId('conflict-current');
    const kept = within(dialog).getByTestId('conflict-kept');
    expect(current.textContent).toContain('22222222');
    expect(current.textContent).toContain('Anna Berg');
    expect(kept.textContent).toContain('33333333');
    expect(kept.textContent).toContain('Mette Lund');
    expect(kept.textContent).toContain('Lederens pc');
    // A phone number is picked, never merged.
    expect(within(dialog).queryByText(t.merge)).toBeNull();
    fireEvent.click(within(kept).getByRole('radio'));
    fireEvent.click(within(dialog).getByRole('button', { name: t.save }));
    await waitFor(() => expect(ConflictService.Resolve).toHaveBeenCalledWith({ id: 11, choice: 'kept', text: '' }));
  });

  it('offers a merged text made of both for free text, which the worker may edit', async () => {
    vi.mocked(ConflictService.List).mockResolvedValue([note]);
    wrap(<ConflictNotice citizenId={4} />);
    fireEvent.click(await screen.findByRole('button', { name: t.open }));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByLabelText(t.merge));
    const text = within(dialog).getByLabelText(t.mergedText) as HTMLTextAreaElement;
    expect(text.value).toBe('Ring før besøg\nNøgle hos naboen');
    fireEvent.change(text, { target: { value: 'Ring før besøg; nøgle hos naboen' } });
    fireEvent.click(within(dialog).getByRole('button', { name: t.save }));
    await waitFor(() =>
      expect(ConflictService.Resolve).toHaveBeenCalledWith({ id: 12, choice: 'merged', text: 'Ring før besøg; nøgle hos naboen' }),
    );
  });

  it('announces only the saved choice, not the notice with its buttons', async () => {
    vi.mocked(ConflictService.List).mockResolvedValueOnce([phone]).mockResolvedValue([]);
    wrap(<ConflictNotice citizenId={4} />);
    fireEvent.click(await screen.findByRole('button', { name: t.open }));
    const notice = screen.getByTestId('conflict-notice');
    expect(notice.getAttribute('role')).toBeNull();
    // The live region is there, empty, before the result fills it, and holds no button.
    const live = within(notice).getByRole('status');
    expect(live.textContent).toBe('');
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(within(dialog).getByTestId('conflict-kept')).getByRole('radio'));
    fireEvent.click(within(dialog).getByRole('button', { name: t.save }));
    await waitFor(() => expect(live.textContent).toBe(t.done));
    expect(within(live).queryByRole('button')).toBeNull();
    expect(screen.getAllByRole('status')).toEqual([live]);
  });

  it('shows nothing when there is no conflict', async () => {
    vi.mocked(ConflictService.List).mockResolvedValue([]);
    wrap(<ConflictNotice courseId={3} />);
    await waitFor(() => expect(ConflictService.List).toHaveBeenCalled());
    expect(screen.queryByTestId('conflict-notice')).toBeNull();
  });
});

describe('fieldLabel', () => {
  it('never shows the SQL name of a column it does not know', () => {
    expect(fieldLabel('da', 'citizens.phone')).toBe('Telefon');
    expect(fieldLabel('en', 'citizens.phone')).toBe('Phone');
    expect(fieldLabel('da', 'weekly_checks.substance_note')).toBe(da.conflicts.fieldFallback);
    expect(fieldLabel('en', 'nonsense')).toBe(en.conflicts.fieldFallback);
  });
});

describe('ConflictSummary', () => {
  it('counts the fields waiting for a choice, in English too', async () => {
    vi.mocked(ConflictService.List).mockResolvedValue([phone, note]);
    wrap(<ConflictSummary />, 'en');
    expect(await screen.findByText(fill(en.conflicts.overviewCount, { n: 2 }))).toBeTruthy();
    expect(screen.getByText('Phone')).toBeTruthy();
    expect(screen.getByText('Contact note')).toBeTruthy();
  });
});

describe('CaseloadWarnings', () => {
  it('says which worker, by how many, and which assignments on which laptops', async () => {
    vi.mocked(ConflictService.CaseloadWarnings).mockResolvedValue([{
      workerId: 2, workerName: 'Anna Berg', open: 9, max: 8, over: 1,
      assignments: [
        { courseId: 20, citizenId: 8, citizenName: 'Otto Nielsen', at: '2026-12-01T09:00:00Z', byName: 'Mette Lund', laptop: 'Lederens pc', thisLaptop: false },
        { courseId: 21, citizenId: 9, citizenName: 'Nina Hansen', at: '2026-12-01T09:05:00Z', byName: 'Anna Berg', laptop: 'Annas bærbare', thisLaptop: false },
      ],
    }]);
    wrap(<CaseloadWarnings />);
    expect(await screen.findByText(fill(t.caseloadLine, { worker: 'Anna Berg', open: 9, max: 8, over: 1 }))).toBeTruthy();
    const links = within(screen.getByTestId('caseload-warnings')).getAllByRole('link');
    expect(links).toHaveLength(2);
    expect(links[0].textContent).toContain('Otto Nielsen');
    expect(links[0].textContent).toContain('Mette Lund');
    expect(links[1].textContent).toContain('Annas bærbare');
  });

  it('shows nothing to a worker, whom the backend refuses', async () => {
    vi.mocked(ConflictService.CaseloadWarnings).mockRejectedValue({ code: 'forbidden' });
    wrap(<CaseloadWarnings />);
    await waitFor(() => expect(ConflictService.CaseloadWarnings).toHaveBeenCalled());
    expect(screen.queryByTestId('caseload-warnings')).toBeNull();
  });
});
