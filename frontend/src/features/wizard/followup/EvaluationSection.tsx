import { useEffect, useRef, useState } from 'react';
import { toAppError } from '../../../api/errors';
import type { Evaluation, EvaluationInput, FollowUp, Plan } from '../../../api/steps';
import { stepsApi } from '../../../api/steps';
import { stepKeys, usePlan, useStepMutation } from '../../../api/stepQueries';
import { DateField, SelectField, TextArea } from '../../../components/form';
import { Badge, ErrorBanner, Loading, TableScroll } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { isoToDanish, todayIso } from '../../../lib/dates';
import { href } from '../../../lib/router';
import { exportApi } from '../../../api/export';
import { ExportButton } from '../../export/ExportButton';
import { editEvaluationForm, groupRows, newEvaluationForm, toEvaluationInput, type EvaluationForm, type EvaluationRow } from './logic';
import { Section, useFieldErrors } from './shared';
import { StatusLine, useFocusReturn, useStatusLine } from '../../../components/focus';
import { BusyButton } from '../../../components/BusyButton';

type Tone = 'neutral' | 'ok' | 'warn' | 'over' | 'info';

export const statusTone = (s: string): Tone =>
  s === 'achieved' ? 'ok' : s === 'in_progress' ? 'info' : s === 'adjusted' ? 'warn' : 'neutral';

const dueTone = (state: string): Tone => (state === 'overdue' ? 'over' : state === 'due_soon' ? 'warn' : 'ok');

type Mode = { kind: 'closed' } | { kind: 'new' } | { kind: 'edit'; ev: Evaluation };

/** Section 1: the three-monthly evaluation – when it is due, the earlier ones, and a new one. */
export function EvaluationSection(p: { courseId: number; data: FollowUp; readOnly: boolean; statuses: string[] }) {
  const { t, tx } = useI18n();
  const plan = usePlan(p.courseId);
  const [mode, setMode] = useState<Mode>({ kind: 'closed' });
  const status = useStatusLine();
  const focusReturn = useFocusReturn();
  const evals = [...p.data.evaluations].reverse(); // newest first
  const state = p.data.evaluationState || 'ok';

  const open = (m: Mode) => {
    status.clear();
    setMode(m);
  };
  // After a save the status line says so and takes the focus; after a cancel the button
  // that opened the form takes it back.
  const done = (ok: boolean) => {
    const id = mode.kind === 'edit' ? mode.ev.id : 0;
    setMode({ kind: 'closed' });
    if (ok) status.say(t('followup.evalSaved'));
    else focusReturn(...(id ? [`eval-${id}`] : []), 'eval-new');
  };

  return (
    <Section title={t('followup.evalTitle')} intro={t('followup.evalIntro')} className="fu-eval">
      {!p.readOnly && (
        <div className={`fu-due fu-due-${state}`} data-testid="next-evaluation">
          <div>
            <div className="fu-due-label">{t('followup.nextDue')}</div>
            <div className="fu-due-date">{isoToDanish(p.data.nextEvaluationDue)}</div>
          </div>
          <div className="fu-due-state">
            <Badge tone={dueTone(state)}>{tx(`followup.due.${state}`)}</Badge>
            <div className="fu-small">{tx(`followup.dueText.${state}`)}</div>
            <div className="fu-small muted">{t('followup.dueRule')}</div>
          </div>
        </div>
      )}

      {!p.readOnly && mode.kind === 'closed' && (
        <div className="fu-actions">
          <button type="button" className="primary" data-focus-key="eval-new" onClick={() => open({ kind: 'new' })}>
            {t('followup.newEval')}
          </button>
        </div>
      )}
      {!p.readOnly && <StatusLine status={status} className="fu-status" />}

      {!p.readOnly && mode.kind !== 'closed' && (
        <>
          {plan.isPending ? (
            <Loading />
          ) : plan.error ? (
            <ErrorBanner error={toAppError(plan.error)} />
          ) : (
            <EvaluationEditor
              key={mode.kind === 'edit' ? `edit-${mode.ev.id}` : 'new'}
              courseId={p.courseId}
              plan={plan.data}
              edit={mode.kind === 'edit' ? mode.ev : undefined}
              statuses={p.statuses}
              onDone={done}
            />
          )}
        </>
      )}

      <h4 className="fu-subhead">{t('followup.evalHistory')}</h4>
      {evals.length === 0 ? (
        <p className="muted">{t('followup.evalNone')}</p>
      ) : (
        <ol className="fu-eval-list">
          {evals.map((ev) => (
            <EvaluationCard
              key={ev.id}
              ev={ev}
              courseId={p.courseId}
              onEdit={p.readOnly || mode.kind !== 'closed' ? undefined : () => open({ kind: 'edit', ev })}
            />
          ))}
        </ol>
      )}
    </Section>
  );
}

function EvaluationCard(p: { ev: Evaluation; courseId: number; onEdit?: () => void }) {
  const { t, tx } = useI18n();
  const ev = p.ev;
  const date = isoToDanish(ev.date);
  return (
    <li className="fu-card">
      <div className="fu-card-head">
        <div>
          <h5>{t('followup.evalHeading', { date })}</h5>
          <span className="fu-small muted">{t('followup.evalDueWas', { date: isoToDanish(ev.dueDate) })}</span>{' '}
          <Badge tone={ev.onTime ? 'ok' : 'warn'}>{ev.onTime ? t('followup.onTime') : t('followup.late')}</Badge>
        </div>
        <div className="fu-card-actions">
          <ExportButton label={t('export.saveEvaluation')} run={() => exportApi.saveEvaluation(p.courseId, ev.id)} />
          {p.onEdit && (
            <button type="button" onClick={p.onEdit} data-focus-key={`eval-${ev.id}`} aria-label={t('followup.editEvalLabel', { date })}>
              {t('followup.edit')}
            </button>
          )}
        </div>
      </div>
      {(ev.summary || ev.planChanges) && (
      <dl className="fu-facts">
        {ev.summary && (
          <>
            <dt>{t('followup.summary')}</dt>
            <dd className="pre" lang="da">{ev.summary}</dd>
          </>
        )}
        {ev.planChanges && (
          <>
            <dt>{t('followup.planChanges')}</dt>
            <dd className="pre" lang="da">{ev.planChanges}</dd>
          </>
        )}
      </dl>
      )}
      {ev.items.length === 0 ? (
        <p className="muted fu-small">{t('followup.noItems')}</p>
      ) : (
        <TableScroll label={t('followup.evalTitle')}><table className="table fu-table">
          <thead>
            <tr>
              <th scope="col">{t('followup.colSubGoal')}</th>
              <th scope="col">{t('followup.colStatus')}</th>
              <th scope="col">{t('followup.colComment')}</th>
            </tr>
          </thead>
          <tbody>
            {ev.items.map((it) => (
              <tr key={it.subGoalId}>
                <td>{it.subGoalWhat}</td>
                <td>
                  <Badge tone={statusTone(it.status)}>{tx(`enum.subGoalStatus.${it.status}`)}</Badge>
                </td>
                <td className="pre">{it.comment || <span className="muted">{t('common.none')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table></TableScroll>
      )}
    </li>
  );
}

function EvaluationEditor(p: { courseId: number; plan: Plan; edit?: Evaluation; statuses: string[]; onDone: (saved: boolean) => void }) {
  const { t, tx } = useI18n();
  const save = useStepMutation<EvaluationInput, FollowUp>(stepKeys.followUp(p.courseId), p.courseId, stepsApi.saveEvaluation, [stepKeys.plan(p.courseId)]);
  const [form, setForm] = useState<EvaluationForm>(() => (p.edit ? editEvaluationForm(p.plan, p.edit) : newEvaluationForm(p.plan, todayIso())));
  const fe = useFieldErrors(save.error);
  const head = useRef<HTMLHeadingElement>(null);
  useEffect(() => head.current?.focus(), []);
  const title = p.edit ? t('followup.editEvalTitle', { date: isoToDanish(p.edit.date) }) : t('followup.newEval');
  const setRow = (i: number, patch: Partial<EvaluationRow>) =>
    setForm((f) => ({ ...f, rows: f.rows.map((r, k) => (k === i ? { ...r, ...patch } : r)) }));
  const statusOptions = p.statuses.map((s) => ({ value: s, label: tx(`enum.subGoalStatus.${s}`) }));
  const dropped = p.edit ? p.edit.items.length - form.rows.length : 0;
  const planHasSubGoals = p.plan.goals.some((g) => (g.subGoals ?? []).length > 0);

  const submit = async () => {
    try {
      await save.mutateAsync(toEvaluationInput(p.courseId, form));
      p.onDone(true);
    } catch {
      // shown by the banner and the field errors
    }
  };

  return (
    <form
      className="fu-form"
      aria-label={title}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h4 ref={head} tabIndex={-1}>
        {title}
      </h4>
      <ErrorBanner error={save.error} />
      <DateField label={t('followup.evalDate')} value={form.date} onChange={(v) => setForm((f) => ({ ...f, date: v }))} error={fe('date')} />

      {form.rows.length === 0 ? (
        !p.edit || !planHasSubGoals ? (
          <div className="banner banner-info" data-testid="no-subgoals">
            {t('followup.noSubGoals')} <a href={href({ name: 'course', id: p.courseId, step: 'planning' })}>{t('followup.toPlanning')}</a>
          </div>
        ) : null
      ) : (
        <>
          <p className="fu-small muted">{t('followup.statusHelp')}</p>
          {groupRows(form.rows).map((g) => (
            <div key={g.goalId} className="fu-goal">
              <div className="fu-goal-title">
                <span className="fu-goal-label">{t('followup.goalLabel')}</span> {g.goalText ? t('followup.quoted', { text: g.goalText }) : t('followup.goalUntitled')}
              </div>
              {g.rows.map(({ row, index }) => (
                <fieldset key={row.subGoalId} className="fu-subgoal">
                  <legend>{row.what}</legend>
                  <div className="fu-subgoal-meta fu-small muted">
                    {row.measure && <span>{t('followup.measure', { text: row.measure })}</span>}
                    {row.deadline && <span>{t('followup.deadline', { date: isoToDanish(row.deadline) })}</span>}
                    {row.currentStatus && <span>{t('followup.statusNow', { status: tx(`enum.subGoalStatus.${row.currentStatus}`) })}</span>}
                  </div>
                  <div className="fu-subgoal-fields">
                    <SelectField
                      label={t('followup.subGoalStatus')}
                      value={row.status}
                      options={statusOptions}
                      allowEmpty={!row.status}
                      onChange={(v) => setRow(index, { status: v })}
                      error={fe(`items.${index}.status`) ?? fe(`items.${index}.subGoalId`)}
                     
                    />
                    <TextArea label={t('followup.subGoalComment')} value={row.comment} rows={2} onChange={(v) => setRow(index, { comment: v })} error={fe(`items.${index}.comment`)} />
                  </div>
                </fieldset>
              ))}
            </div>
          ))}
        </>
      )}
      {dropped > 0 && <p className="fu-small muted">{t('followup.editDropped')}</p>}

      <TextArea label={t('followup.summary')} value={form.summary} onChange={(v) => setForm((f) => ({ ...f, summary: v }))} error={fe('summary')} />
      <TextArea label={t('followup.planChanges')} value={form.planChanges} onChange={(v) => setForm((f) => ({ ...f, planChanges: v }))} error={fe('planChanges')} />
      <div className="form-actions">
        <BusyButton type="submit" className="primary" busy={save.isPending}>
          {save.isPending ? t('common.saving') : t('followup.saveEval')}
        </BusyButton>
        <button type="button" onClick={() => p.onDone(false)} disabled={save.isPending}>
          {t('followup.cancel')}
        </button>
      </div>
    </form>
  );
}
