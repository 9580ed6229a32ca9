import { describe, expect, it } from 'vitest';
import type { Evaluation, Plan } from '../../../api/steps';
import { editEvaluationForm, groupRows, isoWeek, mondayOf, newEvaluationForm, signed, toEvaluationInput, who5Level, who5Tally } from './logic';

const plan: Plan = {
  courseId: 7,
  activities: [],
  completeness: { step: 'planning', available: true, done: 1, total: 1, percent: 100, missing: [] },
  goals: [
    {
      id: 1,
      citizenWords: 'Jeg vil have min egen lejlighed',
      area: 'housing',
      actionPlanGoal: '',
      subGoals: [
        { id: 11, goalId: 1, what: 'Søge bolig', measure: 'Ansøgning sendt', owner: 'Borger', deadline: '2026-06-01', status: 'in_progress', smartLacks: [] },
        { id: 12, goalId: 1, what: 'Åbne bankkonto', measure: '', owner: '', deadline: '', status: 'not_started', smartLacks: [] },
      ],
    },
    { id: 2, citizenWords: '', area: 'health', actionPlanGoal: 'Stabil medicinering', subGoals: [{ id: 21, goalId: 2, what: 'Besøge lægen', measure: '', owner: '', deadline: '', status: 'achieved', smartLacks: [] }] },
  ],
};

describe('who5Tally', () => {
  it('sums what is answered and scores it ×4', () => {
    expect(who5Tally([null, null, null, null, null])).toEqual({ answered: 0, raw: 0, score: 0, complete: false });
    expect(who5Tally([3, 3, null, 1, null])).toEqual({ answered: 3, raw: 7, score: 28, complete: false });
    expect(who5Tally([3, 3, 3, 3, 3])).toEqual({ answered: 5, raw: 15, score: 60, complete: true });
    expect(who5Tally([5, 5, 5, 5, 5]).score).toBe(100);
  });

  it('uses the backend thresholds: ≤ 28 possible depression, ≤ 50 poor', () => {
    expect(who5Level(28)).toBe('depression');
    expect(who5Level(32)).toBe('poor');
    expect(who5Level(50)).toBe('poor');
    expect(who5Level(52)).toBe('fine');
  });
});

describe('signed', () => {
  it('shows the sign of a change', () => {
    expect(signed(12)).toBe('+12');
    expect(signed(-8)).toBe('\u22128');
    expect(signed(0)).toBe('0');
  });
});

describe('weeks', () => {
  it('finds the Monday of the week', () => {
    expect(mondayOf('2026-03-19')).toBe('2026-03-16'); // Thursday
    expect(mondayOf('2026-03-16')).toBe('2026-03-16'); // Monday
    expect(mondayOf('2026-03-22')).toBe('2026-03-16'); // Sunday
    expect(mondayOf('2026-01-01')).toBe('2025-12-29'); // across the new year
    expect(mondayOf('nonsense')).toBeNull();
  });

  it('numbers weeks the ISO way', () => {
    expect(isoWeek('2026-01-01')).toBe(1);
    expect(isoWeek('2025-12-29')).toBe(1);
    expect(isoWeek('2027-01-01')).toBe(53);
    expect(isoWeek('2026-03-16')).toBe(12);
  });
});

describe('evaluation form', () => {
  it('has one row per sub-goal in plan order, pre-filled with the current status', () => {
    const f = newEvaluationForm(plan, '2026-04-01');
    expect(f.date).toBe('2026-04-01');
    expect(f.rows.map((r) => [r.subGoalId, r.status, r.goalText])).toEqual([
      [11, 'in_progress', 'Jeg vil have min egen lejlighed'],
      [12, 'not_started', 'Jeg vil have min egen lejlighed'],
      [21, 'achieved', 'Stabil medicinering'],
    ]);
    expect(groupRows(f.rows).map((g) => [g.goalId, g.rows.map((r) => r.index)])).toEqual([
      [1, [0, 1]],
      [2, [2]],
    ]);
  });

  it('is empty for a plan without sub-goals', () => {
    expect(newEvaluationForm({ ...plan, goals: [] }, '2026-04-01').rows).toEqual([]);
    expect(newEvaluationForm(undefined, '2026-04-01').rows).toEqual([]);
  });

  it('turns into EvaluationInput items in row order', () => {
    const f = newEvaluationForm(plan, '2026-04-01');
    f.rows[1] = { ...f.rows[1], status: 'in_progress', comment: 'Aftalt i banken' };
    expect(toEvaluationInput(7, { ...f, summary: 'S', planChanges: 'P' })).toEqual({
      id: 0,
      courseId: 7,
      date: '2026-04-01',
      summary: 'S',
      planChanges: 'P',
      items: [
        { subGoalId: 11, status: 'in_progress', comment: '' },
        { subGoalId: 12, status: 'in_progress', comment: 'Aftalt i banken' },
        { subGoalId: 21, status: 'achieved', comment: '' },
      ],
    });
  });

  it('opens an earlier evaluation with its own statuses, leaving out deleted sub-goals', () => {
    const ev: Evaluation = {
      id: 5,
      date: '2026-01-10',
      dueDate: '2026-01-15',
      onTime: true,
      summary: 'Godt i gang',
      planChanges: '',
      items: [
        { subGoalId: 12, subGoalWhat: 'Åbne bankkonto', status: 'adjusted', comment: 'Ny bank' },
        { subGoalId: 99, subGoalWhat: 'Slettet', status: 'dropped', comment: '' },
      ],
    };
    const f = editEvaluationForm(plan, ev);
    expect(f.id).toBe(5);
    expect(f.summary).toBe('Godt i gang');
    expect(f.rows.map((r) => [r.subGoalId, r.status, r.comment, r.currentStatus])).toEqual([[12, 'adjusted', 'Ny bank', 'not_started']]);
  });
});
