// Pure helpers of the follow-up step: WHO-5 sums, weeks, and the evaluation form.
// The backend stays the authority (it scores, flags and validates); these only let the
// screen show the same numbers while the worker is still answering.
import type { Evaluation, EvaluationInput, Plan } from '../../../api/steps';

export const WHO5_STATEMENTS = 5;
export const WHO5_MAX_ANSWER = 5;
export const WHO5_POOR_AT_OR_BELOW = 50;
export const WHO5_DEPRESSION_AT_OR_BELOW = 28;
export const WEEKLY_MAX = 4;

/** An answer per statement; null while not yet answered. */
export type Who5Answers = (number | null)[];

export const emptyWho5 = (): Who5Answers => Array.from({ length: WHO5_STATEMENTS }, () => null);

/** The live tally of a WHO-5 being answered: raw sum 0-25 and score 0-100 of the answers so far. */
export function who5Tally(answers: Who5Answers): { answered: number; raw: number; score: number; complete: boolean } {
  let raw = 0;
  let answered = 0;
  for (const a of answers) {
    if (a === null || a === undefined) continue;
    raw += a;
    answered++;
  }
  return { answered, raw, score: raw * 4, complete: answered === WHO5_STATEMENTS };
}

/** The level of a 0-100 score, as the backend flags it. */
export function who5Level(score: number): 'depression' | 'poor' | 'fine' {
  if (score <= WHO5_DEPRESSION_AT_OR_BELOW) return 'depression';
  if (score <= WHO5_POOR_AT_OR_BELOW) return 'poor';
  return 'fine';
}

/** "+8", "−12" (true minus sign) or "0". */
export function signed(n: number): string {
  if (n > 0) return `+${n}`;
  if (n < 0) return `\u2212${Math.abs(n)}`;
  return '0';
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');

function parseIso(iso: string): Date | null {
  const m = ISO.exec(iso);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? null : d;
}

const toIso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** The Monday of the week that holds the ISO date (the backend stores that); null for non-dates. */
export function mondayOf(iso: string): string | null {
  const d = parseIso(iso);
  if (!d) return null;
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return toIso(d);
}

/** The ISO 8601 week number, as Danish calendars count weeks. */
export function isoWeek(iso: string): number | null {
  const d = parseIso(iso);
  if (!d) return null;
  // the Thursday of this week decides the year the week belongs to
  d.setUTCDate(d.getUTCDate() + 3 - ((d.getUTCDay() + 6) % 7));
  const firstThursday = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() + 3 - ((firstThursday.getUTCDay() + 6) % 7));
  return 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86400000));
}

/** One sub-goal row of the evaluation form, with what the worker needs to see beside it. */
export interface EvaluationRow {
  subGoalId: number;
  goalId: number;
  goalText: string;
  what: string;
  measure: string;
  deadline: string;
  currentStatus: string;
  status: string;
  comment: string;
}

export interface EvaluationForm {
  id: number;
  date: string;
  summary: string;
  planChanges: string;
  rows: EvaluationRow[];
}

/** The goal as the citizen put it, falling back to the action-plan goal. */
export function goalText(g: Plan['goals'][number]): string {
  return g.citizenWords.trim() || g.actionPlanGoal.trim() || '';
}

/** A new evaluation: one row per sub-goal of the plan, pre-filled with its current status. */
export function newEvaluationForm(plan: Plan | undefined, today: string): EvaluationForm {
  const rows: EvaluationRow[] = [];
  for (const g of plan?.goals ?? []) {
    for (const sg of g.subGoals ?? []) {
      rows.push({
        subGoalId: sg.id,
        goalId: g.id,
        goalText: goalText(g),
        what: sg.what,
        measure: sg.measure,
        deadline: sg.deadline,
        currentStatus: sg.status,
        status: sg.status,
        comment: '',
      });
    }
  }
  return { id: 0, date: today, summary: '', planChanges: '', rows };
}

/**
 * An earlier evaluation opened for correction: its own rows, for the sub-goals that are
 * still in the plan (a deleted sub-goal can no longer be saved against).
 */
export function editEvaluationForm(plan: Plan | undefined, ev: Evaluation): EvaluationForm {
  const byId = new Map<number, { g: Plan['goals'][number]; sg: Plan['goals'][number]['subGoals'][number] }>();
  for (const g of plan?.goals ?? []) for (const sg of g.subGoals ?? []) byId.set(sg.id, { g, sg });
  const rows: EvaluationRow[] = [];
  for (const it of ev.items ?? []) {
    const hit = byId.get(it.subGoalId);
    if (!hit) continue;
    rows.push({
      subGoalId: it.subGoalId,
      goalId: hit.g.id,
      goalText: goalText(hit.g),
      what: hit.sg.what || it.subGoalWhat,
      measure: hit.sg.measure,
      deadline: hit.sg.deadline,
      currentStatus: hit.sg.status,
      status: it.status,
      comment: it.comment,
    });
  }
  return { id: ev.id, date: ev.date, summary: ev.summary, planChanges: ev.planChanges, rows };
}

/** What the backend receives: items in the form's row order (field errors use that index). */
export function toEvaluationInput(courseId: number, f: EvaluationForm): EvaluationInput {
  return {
    id: f.id,
    courseId,
    date: f.date,
    summary: f.summary,
    planChanges: f.planChanges,
    items: f.rows.map((r) => ({ subGoalId: r.subGoalId, status: r.status, comment: r.comment })),
  };
}

/** Rows grouped under their goal, in plan order, for display. */
export function groupRows(rows: EvaluationRow[]): { goalId: number; goalText: string; rows: { row: EvaluationRow; index: number }[] }[] {
  const out: { goalId: number; goalText: string; rows: { row: EvaluationRow; index: number }[] }[] = [];
  rows.forEach((row, index) => {
    let g = out.find((x) => x.goalId === row.goalId);
    if (!g) {
      g = { goalId: row.goalId, goalText: row.goalText, rows: [] };
      out.push(g);
    }
    g.rows.push({ row, index });
  });
  return out;
}
