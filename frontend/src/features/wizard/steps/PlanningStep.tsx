import { useState } from 'react';
import type { Goal, Plan } from '../../../api/steps';
import { usePlan } from '../../../api/stepQueries';
import { toAppError } from '../../../api/errors';
import { keysAfterRemoval, StatusLine, useFocusReturn, useStatusLine, type StatusLineState } from '../../../components/focus';
import { Badge, ErrorBanner, Loading, TableScroll } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { isoToDanish } from '../../../lib/dates';
import { MissingLine } from './MissingLine';
import { ActivityForm, GoalForm, SubGoalForm, type Outcome } from '../planning/PlanForms';
import { PlanVersionsSection } from '../versions/PlanVersionsSection';

/** Which one editor is open: only one at a time, so every label on the screen is unique. */
export type Editing = null | { kind: 'goal' | 'sub' | 'activity'; id: number; goalId?: number };

/** The data-focus-key of the button that opened an editor. */
function openerKey(e: NonNullable<Editing>): string {
  if (e.kind === 'sub') return e.id ? `sub-${e.id}` : `sub-add-${e.goalId}`;
  if (e.kind === 'goal') return e.id ? `goal-${e.id}` : 'goal-add';
  return e.id ? `activity-${e.id}` : 'activity-add';
}

/** Where the focus goes when the entry edited in `e` is deleted: the next or previous one, else the list's heading. */
function keysAfterDelete(plan: Plan, e: NonNullable<Editing>): string[] {
  if (e.kind === 'goal') return keysAfterRemoval(plan.goals, plan.goals.findIndex((g) => g.id === e.id), (g) => `goal-${g.id}`, 'plan-goals');
  if (e.kind === 'activity') return keysAfterRemoval(plan.activities, plan.activities.findIndex((a) => a.id === e.id), (a) => `activity-${a.id}`, 'plan-activities');
  const subs = plan.goals.find((g) => g.id === e.goalId)?.subGoals ?? [];
  return keysAfterRemoval(subs, subs.findIndex((s) => s.id === e.id), (s) => `sub-${s.id}`, `subs-${e.goalId}`);
}

/**
 * Step 3: the plan made with the citizen. An editor takes the focus when it opens; after a
 * save the section's status line (for a sub-goal: the line under that goal's sub-goals) says
 * so and takes it, after a cancel the button that opened
 * the editor gets it back, and after a delete the next entry (or the list's heading) gets it.
 */
export function PlanningStep(p: { courseId: number; readOnly: boolean }) {
  const { t } = useI18n();
  const q = usePlan(p.courseId);
  const [editing, setEditing] = useState<Editing>(null);
  const goalStatus = useStatusLine();
  const activityStatus = useStatusLine();
  // A sub-goal's save or delete is said right after that goal's sub-goals, not after all
  // the goals: the line is shown in the sub-goal list of goal `subLineGoal`.
  const subStatus = useStatusLine();
  const [subLineGoal, setSubLineGoal] = useState(0);
  const focusReturn = useFocusReturn();
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorBanner error={toAppError(q.error)} />;
  const plan = q.data;
  const is = (kind: string, id: number) => editing?.kind === kind && editing.id === id;
  const open = (e: NonNullable<Editing>) => {
    goalStatus.clear();
    activityStatus.clear();
    subStatus.clear();
    setEditing(e);
  };
  const done = (how: Outcome) => {
    const e = editing;
    setEditing(null);
    if (!e) return;
    const status = e.kind === 'activity' ? activityStatus : e.kind === 'sub' ? subStatus : goalStatus;
    if (e.kind === 'sub') setSubLineGoal(e.goalId ?? 0);
    const word = e.kind === 'goal' ? 'goal' : e.kind === 'sub' ? 'subGoal' : 'activity';
    if (how === 'saved') status.say(t(`planning.${word}Saved`));
    else if (how === 'cancelled') focusReturn(openerKey(e));
    else {
      status.say(t(`planning.${word}Deleted`), { focus: false });
      focusReturn(...keysAfterDelete(plan, e));
    }
  };
  const canEdit = !p.readOnly && editing === null;
  return (
    <div className="planning">
      <MissingLine missing={plan.completeness.missing} />
      <section className="form-section first">
        <h3 tabIndex={-1} data-focus-key="plan-goals">
          {t('planning.goals')}
        </h3>
        <p className="muted">{t('planning.goalsIntro')}</p>
        {plan.goals.length === 0 && <p className="empty small">{t('planning.noGoals')}</p>}
        {plan.goals.map((g, i) => (
          <article key={g.id} className="goal card-inner" aria-label={t('planning.goal', { n: i + 1 })}>
            {is('goal', g.id) ? (
              <GoalForm courseId={p.courseId} goal={g} n={i + 1} onDone={done} />
            ) : (
              <GoalView goal={g} n={i + 1} onEdit={canEdit ? () => open({ kind: 'goal', id: g.id }) : undefined} />
            )}
            <SubGoals
              plan={plan}
              goal={g}
              editing={editing}
              open={open}
              done={done}
              readOnly={p.readOnly}
              courseId={p.courseId}
              status={subLineGoal === g.id ? subStatus : undefined}
            />
          </article>
        ))}
        <StatusLine status={goalStatus} />
        {is('goal', 0) ? (
          <div className="card-inner">
            <GoalForm courseId={p.courseId} onDone={done} />
          </div>
        ) : (
          canEdit && (
            <button type="button" data-focus-key="goal-add" onClick={() => open({ kind: 'goal', id: 0 })}>
              + {t('planning.addGoal')}
            </button>
          )
        )}
      </section>
      <section className="form-section">
        <h3 tabIndex={-1} data-focus-key="plan-activities">
          {t('planning.activities')}
        </h3>
        <p className="muted">{t('planning.activitiesIntro')}</p>
        {plan.activities.length === 0 ? (
          <p className="empty small">{t('planning.noActivities')}</p>
        ) : (
          <TableScroll label={t('planning.activities')}><table className="table compact">
            <thead>
              <tr>
                <th>{t('planning.activity')}</th>
                <th>{t('planning.frequency')}</th>
                <th>{t('planning.activityOwner')}</th>
                <th>{t('planning.linkedSubGoal')}</th>
                <th>
                  <span className="sr-only">{t('common.actionsColumn')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {plan.activities.map((a) => (
                <tr key={a.id}>
                  <td>{a.what}</td>
                  <td>{a.frequency}</td>
                  <td>{a.owner}</td>
                  <td>{subGoalName(plan, a.subGoalId)}</td>
                  <td>
                    {canEdit && (
                      <button
                        type="button"
                        className="link"
                        data-focus-key={`activity-${a.id}`}
                        aria-label={t('planning.editActivityLabel', { what: a.what })}
                        onClick={() => open({ kind: 'activity', id: a.id })}
                      >
                        {t('common.edit')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table></TableScroll>
        )}
        <StatusLine status={activityStatus} />
        {editing?.kind === 'activity' ? (
          <div className="card-inner">
            <ActivityForm courseId={p.courseId} plan={plan} activity={plan.activities.find((a) => a.id === editing.id)} onDone={done} />
          </div>
        ) : (
          canEdit && (
            <button type="button" data-focus-key="activity-add" onClick={() => open({ kind: 'activity', id: 0 })}>
              + {t('planning.addActivity')}
            </button>
          )
        )}
      </section>
      <PlanVersionsSection courseId={p.courseId} readOnly={p.readOnly} hasGoals={plan.goals.length > 0} />
    </div>
  );
}

function subGoalName(plan: Plan, id: number): string {
  for (const g of plan.goals) for (const s of g.subGoals) if (s.id === id) return s.what;
  return '';
}

function GoalView(p: { goal: Goal; n: number; onEdit?: () => void }) {
  const { t, tx } = useI18n();
  return (
    <header className="goal-head">
      <div>
        <div className="muted small">
          {t('planning.goal', { n: p.n })}
          {p.goal.area ? ` · ${tx(`topics.${p.goal.area}`)}` : ''}
        </div>
        <blockquote className="citizen-words" lang="da">“{p.goal.citizenWords}”</blockquote>
        {p.goal.actionPlanGoal && (
          <div className="small">
            § 141: {p.goal.actionPlanGoal}
          </div>
        )}
      </div>
      {p.onEdit && (
        <button type="button" className="link" data-focus-key={`goal-${p.goal.id}`} aria-label={t('planning.editGoalLabel', { n: p.n })} onClick={p.onEdit}>
          {t('common.edit')}
        </button>
      )}
    </header>
  );
}

function SubGoals(p: {
  plan: Plan;
  goal: Goal;
  editing: Editing;
  open: (e: NonNullable<Editing>) => void;
  done: (how: Outcome) => void;
  readOnly: boolean;
  courseId: number;
  /** The sub-goals' status line, when the last sub-goal saved or deleted was this goal's. */
  status?: StatusLineState;
}) {
  const { t, tx } = useI18n();
  const canEdit = !p.readOnly && p.editing === null;
  const isNew = p.editing?.kind === 'sub' && p.editing.id === 0 && p.editing.goalId === p.goal.id;
  return (
    <div className="subgoals">
      <h4 tabIndex={-1} data-focus-key={`subs-${p.goal.id}`}>
        {t('planning.subGoals')}
      </h4>
      <ul>
        {p.goal.subGoals.map((s) =>
          p.editing?.kind === 'sub' && p.editing.id === s.id ? (
            <li key={s.id}>
              <SubGoalForm courseId={p.courseId} goalId={p.goal.id} subGoal={s} onDone={p.done} />
            </li>
          ) : (
            <li key={s.id} className="subgoal">
              <div className="subgoal-main">
                <div className="subgoal-what">{s.what}</div>
                <div className="small muted">
                  {s.measure && <>{t('planning.measureShort')}: {s.measure} · </>}
                  {s.owner && <>{s.owner} · </>}
                  {s.deadline ? `${t('planning.deadline')} ${isoToDanish(s.deadline)}` : ''}
                </div>
                <div className="smart">
                  {s.smartLacks.length === 0 ? (
                    <Badge tone="ok">{t('planning.smartOk')}</Badge>
                  ) : (
                    <span className="smart-advice">
                      {t('planning.smartAdvice')} {s.smartLacks.map((l) => tx(`smart.${l}`)).join('; ')}
                    </span>
                  )}
                </div>
              </div>
              <div className="subgoal-side">
                <Badge tone={s.status === 'achieved' ? 'ok' : s.status === 'dropped' ? 'neutral' : 'info'}>{tx(`enum.subGoalStatus.${s.status}`)}</Badge>
                {canEdit && (
                  <button
                    type="button"
                    className="link"
                    data-focus-key={`sub-${s.id}`}
                    aria-label={t('planning.editSubGoalLabel', { what: s.what })}
                    onClick={() => p.open({ kind: 'sub', id: s.id, goalId: p.goal.id })}
                  >
                    {t('common.edit')}
                  </button>
                )}
              </div>
            </li>
          ),
        )}
      </ul>
      {p.status && <StatusLine status={p.status} />}
      {isNew ? (
        <SubGoalForm courseId={p.courseId} goalId={p.goal.id} onDone={p.done} />
      ) : (
        canEdit && (
          <button type="button" className="small-button" data-focus-key={`sub-add-${p.goal.id}`} onClick={() => p.open({ kind: 'sub', id: 0, goalId: p.goal.id })}>
            + {t('planning.addSubGoal')}
          </button>
        )
      )}
    </div>
  );
}
