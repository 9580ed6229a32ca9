import { useState } from 'react';
import type { Goal, Plan } from '../../../api/steps';
import { usePlan } from '../../../api/stepQueries';
import { toAppError } from '../../../api/errors';
import { Badge, ErrorBanner, Loading, TableScroll } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { isoToDanish } from '../../../lib/dates';
import { MissingLine } from './MissingLine';
import { ActivityForm, GoalForm, SubGoalForm } from '../planning/PlanForms';
import { PlanVersionsSection } from '../versions/PlanVersionsSection';

/** Which one editor is open: only one at a time, so every label on the screen is unique. */
export type Editing = null | { kind: 'goal' | 'sub' | 'activity'; id: number; goalId?: number };

/** Step 3: the plan made with the citizen. */
export function PlanningStep(p: { courseId: number; readOnly: boolean }) {
  const { t } = useI18n();
  const q = usePlan(p.courseId);
  const [editing, setEditing] = useState<Editing>(null);
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorBanner error={toAppError(q.error)} />;
  const plan = q.data;
  const is = (kind: string, id: number) => editing?.kind === kind && editing.id === id;
  const done = () => setEditing(null);
  const canEdit = !p.readOnly && editing === null;
  return (
    <div className="planning">
      <MissingLine missing={plan.completeness.missing} />
      <section className="form-section first">
        <h3>{t('planning.goals')}</h3>
        <p className="muted">{t('planning.goalsIntro')}</p>
        {plan.goals.length === 0 && <p className="empty small">{t('planning.noGoals')}</p>}
        {plan.goals.map((g, i) => (
          <article key={g.id} className="goal card-inner" aria-label={t('planning.goal', { n: i + 1 })}>
            {is('goal', g.id) ? (
              <GoalForm courseId={p.courseId} goal={g} onDone={done} />
            ) : (
              <GoalView goal={g} n={i + 1} onEdit={canEdit ? () => setEditing({ kind: 'goal', id: g.id }) : undefined} />
            )}
            <SubGoals plan={plan} goal={g} editing={editing} setEditing={setEditing} readOnly={p.readOnly} courseId={p.courseId} />
          </article>
        ))}
        {is('goal', 0) ? (
          <div className="card-inner">
            <GoalForm courseId={p.courseId} onDone={done} />
          </div>
        ) : (
          canEdit && (
            <button type="button" onClick={() => setEditing({ kind: 'goal', id: 0 })}>
              + {t('planning.addGoal')}
            </button>
          )
        )}
      </section>
      <section className="form-section">
        <h3>{t('planning.activities')}</h3>
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
                      <button type="button" className="link" onClick={() => setEditing({ kind: 'activity', id: a.id })}>
                        {t('common.edit')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table></TableScroll>
        )}
        {editing?.kind === 'activity' ? (
          <div className="card-inner">
            <ActivityForm courseId={p.courseId} plan={plan} activity={plan.activities.find((a) => a.id === editing.id)} onDone={done} />
          </div>
        ) : (
          canEdit && (
            <button type="button" onClick={() => setEditing({ kind: 'activity', id: 0 })}>
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
        <button type="button" className="link" onClick={p.onEdit}>
          {t('common.edit')}
        </button>
      )}
    </header>
  );
}

function SubGoals(p: { plan: Plan; goal: Goal; editing: Editing; setEditing: (e: Editing) => void; readOnly: boolean; courseId: number }) {
  const { t, tx } = useI18n();
  const canEdit = !p.readOnly && p.editing === null;
  const isNew = p.editing?.kind === 'sub' && p.editing.id === 0 && p.editing.goalId === p.goal.id;
  return (
    <div className="subgoals">
      <h4>{t('planning.subGoals')}</h4>
      <ul>
        {p.goal.subGoals.map((s) =>
          p.editing?.kind === 'sub' && p.editing.id === s.id ? (
            <li key={s.id}>
              <SubGoalForm courseId={p.courseId} goalId={p.goal.id} subGoal={s} onDone={() => p.setEditing(null)} />
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
                  <button type="button" className="link" onClick={() => p.setEditing({ kind: 'sub', id: s.id, goalId: p.goal.id })}>
                    {t('common.edit')}
                  </button>
                )}
              </div>
            </li>
          ),
        )}
      </ul>
      {isNew ? (
        <SubGoalForm courseId={p.courseId} goalId={p.goal.id} onDone={() => p.setEditing(null)} />
      ) : (
        canEdit && (
          <button type="button" className="small-button" onClick={() => p.setEditing({ kind: 'sub', id: 0, goalId: p.goal.id })}>
            + {t('planning.addSubGoal')}
          </button>
        )
      )}
    </div>
  );
}
