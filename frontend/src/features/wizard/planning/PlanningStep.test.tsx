import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, type Vocabulary } from '../../../api/client';
import { stepsApi, type Plan } from '../../../api/steps';
import { I18nProvider } from '../../../i18n/i18n';
import { PlanningStep } from '../steps/PlanningStep';

vi.mock('../../../api/steps', () => ({
  stepsApi: {
    plan: vi.fn(),
    saveGoal: vi.fn(),
    deleteGoal: vi.fn(),
    saveSubGoal: vi.fn(),
    deleteSubGoal: vi.fn(),
    saveActivity: vi.fn(),
    deleteActivity: vi.fn(),
  },
}));
vi.mock('../../../api/client', () => ({ api: { vocabulary: vi.fn() } }));
// The signed versions below the plan have their own tests.
vi.mock('../versions/PlanVersionsSection', () => ({ PlanVersionsSection: () => null }));

afterEach(cleanup);

const steps = vi.mocked(stepsApi);

const sub = (id: number, what: string) => ({ id, goalId: 1, what, measure: '', owner: '', deadline: '', status: 'not_started', smartLacks: [] });

function plan(over: Partial<Plan> = {}): Plan {
  return {
    courseId: 7,
    completeness: { step: 'planning', available: true, done: 1, total: 1, percent: 100, missing: [] },
    goals: [
      { id: 1, citizenWords: 'Mit eget sted at bo', area: '', actionPlanGoal: '', subGoals: [sub(11, 'Søge bolig'), sub(12, 'Åbne bankkonto')] },
      { id: 2, citizenWords: 'Se min datter igen', area: '', actionPlanGoal: '', subGoals: [] },
    ],
    activities: [{ id: 21, what: 'Ugentligt besøg', frequency: 'Hver tirsdag', owner: 'ML', subGoalId: 0 }],
    ...over,
  } as Plan;
}

beforeEach(() => {
  vi.clearAllMocks();
  steps.plan.mockResolvedValue(plan());
  vi.mocked(api.vocabulary).mockResolvedValue({ lifeAreas: [], subGoalStatuses: ['not_started', 'in_progress'] } as unknown as Vocabulary);
});

async function renderStep() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={qc}>
      <I18nProvider lang="da" onChange={() => {}}>
        <PlanningStep courseId={7} readOnly={false} />
      </I18nProvider>
    </QueryClientProvider>,
  );
  await screen.findByRole('heading', { name: 'Langsigtede mål' });
}

describe('PlanningStep: where the focus goes', () => {
  it('names each edit button after its entry, starting with the visible word', async () => {
    await renderStep();
    expect(screen.getByRole('button', { name: 'Rediger mål 1' }).textContent).toBe('Rediger');
    expect(screen.getByRole('button', { name: 'Rediger mål 2' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Rediger delmålet Søge bolig' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Rediger aktiviteten Ugentligt besøg' })).toBeTruthy();
  });

  it('focuses the first field when a form opens, and its button again after cancel', async () => {
    await renderStep();
    fireEvent.click(screen.getByRole('button', { name: '+ Tilføj mål' }));
    const form = screen.getByRole('form', { name: 'Tilføj mål' });
    expect(document.activeElement).toBe(within(form).getByLabelText(/Målet med borgerens egne ord/));
    fireEvent.click(within(form).getByRole('button', { name: 'Annuller' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: '+ Tilføj mål' })));

    fireEvent.click(screen.getByRole('button', { name: 'Rediger delmålet Åbne bankkonto' }));
    const subForm = screen.getByRole('form', { name: 'Rediger delmålet Åbne bankkonto' });
    expect(document.activeElement).toBe(within(subForm).getByLabelText(/Hvad skal ske/));
    fireEvent.click(within(subForm).getByRole('button', { name: 'Annuller' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rediger delmålet Åbne bankkonto' })));
  });

  it('says that a goal is saved and gives the status line the focus', async () => {
    steps.saveGoal.mockResolvedValue(plan());
    await renderStep();
    fireEvent.click(screen.getByRole('button', { name: 'Rediger mål 2' }));
    const form = screen.getByRole('form', { name: 'Rediger mål 2' });
    fireEvent.change(within(form).getByLabelText(/Målet med borgerens egne ord/), { target: { value: 'Se min datter hver måned' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Gem' }));
    await waitFor(() => expect(document.activeElement?.textContent).toBe('✓ Målet er gemt.'));
    expect(document.activeElement?.hasAttribute('data-status-line')).toBe(true);
    expect(document.activeElement?.hasAttribute('role')).toBe(false); // read on focus, not also as a live region
    expect(steps.saveGoal).toHaveBeenCalledTimes(1);
  });

  it('says a sub-goal is saved right after that goal’s sub-goals, so the next Tab reaches its own "+ Tilføj delmål"', async () => {
    steps.saveSubGoal.mockResolvedValue(plan());
    await renderStep();
    fireEvent.click(screen.getByRole('button', { name: 'Rediger delmålet Søge bolig' }));
    const form = screen.getByRole('form', { name: 'Rediger delmålet Søge bolig' });
    fireEvent.change(within(form).getByLabelText(/Hvad skal ske/), { target: { value: 'Søge bolig i Aarhus' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Gem' }));
    await waitFor(() => expect(document.activeElement?.textContent).toBe('✓ Delmålet er gemt.'));
    const line = document.activeElement as HTMLElement;
    const goal1 = screen.getByRole('article', { name: 'Mål 1' });
    expect(goal1.contains(line)).toBe(true);
    const addSub = within(goal1).getByRole('button', { name: '+ Tilføj delmål' });
    expect(line.compareDocumentPosition(addSub) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // nothing focusable between the line and goal 1's "+ Tilføj delmål"
    const between = Array.from(document.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href]')).filter(
      (el) => line.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING && el.compareDocumentPosition(addSub) & Node.DOCUMENT_POSITION_FOLLOWING,
    );
    expect(between).toEqual([]);
    // the goals' own line (after all goals) stays empty
    expect(Array.from(document.querySelectorAll('[data-status-line]')).filter((l) => l.textContent).length).toBe(1);
  });

  it('after a delete gives the focus to the next entry, or to the list heading when none is left', async () => {
    steps.deleteSubGoal.mockResolvedValue(plan({ goals: [{ ...plan().goals[0], subGoals: [sub(12, 'Åbne bankkonto')] }, plan().goals[1]] }));
    steps.deleteActivity.mockResolvedValue(plan({ activities: [] }));
    await renderStep();
    fireEvent.click(screen.getByRole('button', { name: 'Rediger delmålet Søge bolig' }));
    fireEvent.click(within(screen.getByRole('form', { name: 'Rediger delmålet Søge bolig' })).getByRole('button', { name: 'Slet delmål' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rediger delmålet Åbne bankkonto' })));
    // said beside goal 1's sub-goals, through the live region as the focus went elsewhere
    expect(screen.getByText('✓ Delmålet er slettet.').closest('article')?.getAttribute('aria-label')).toBe('Mål 1');
    await waitFor(() => expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Delmålet er slettet.'));

    fireEvent.click(screen.getByRole('button', { name: 'Rediger aktiviteten Ugentligt besøg' }));
    fireEvent.click(within(screen.getByRole('form', { name: 'Rediger aktiviteten Ugentligt besøg' })).getByRole('button', { name: 'Slet aktivitet' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Aktivitetsplan' })));
  });
});
