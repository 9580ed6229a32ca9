import { useState } from 'react';
import type { Activity, ActivityInput, Goal, GoalInput, Plan, SubGoal, SubGoalInput } from '../../../api/steps';
import { stepsApi } from '../../../api/steps';
import { stepKeys, useStepMutation } from '../../../api/stepQueries';
import { planVersionsFollowPlan } from '../../../api/versionQueries';
import { useVocabulary } from '../../../api/queries';
import { BusyButton } from '../../../components/BusyButton';
import { fieldText } from '../../../components/errorText';
import { useFocusFirstField } from '../../../components/focus';
import { DateField, SelectField, TextArea, TextField } from '../../../components/form';
import { ErrorBanner, FocusFirstInvalid } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';

function usePlanMutation<I>(courseId: number, fn: (i: I) => Promise<Plan>) {
  // the draft plan version and comparisons with it follow the live plan
  return useStepMutation<I, Plan>(stepKeys.plan(courseId), courseId, fn, planVersionsFollowPlan(courseId));
}

/** How an editor of the plan closed: the step moves the focus and says so accordingly. */
export type Outcome = 'saved' | 'cancelled' | 'deleted';

function Actions(p: { busy: boolean; deleting: boolean; onCancel: () => void; onDelete?: () => void; deleteLabel?: string }) {
  const { t } = useI18n();
  return (
    <div className="form-actions">
      <BusyButton className="primary" type="submit" busy={p.busy}>
        {t('planning.save')}
      </BusyButton>
      <button type="button" onClick={p.onCancel}>
        {t('common.cancel')}
      </button>
      {p.onDelete && (
        <BusyButton className="link danger" busy={p.deleting} onClick={p.onDelete}>
          {p.deleteLabel}
        </BusyButton>
      )}
    </div>
  );
}

/** A goal in the citizen's words; `n` is its number in the plan when it is edited. */
export function GoalForm(p: { courseId: number; goal?: Goal; n?: number; onDone: (how: Outcome) => void }) {
  const { t, tx, lang } = useI18n();
  const vocab = useVocabulary();
  const save = usePlanMutation(p.courseId, stepsApi.saveGoal);
  const del = usePlanMutation(p.courseId, (id: number) => stepsApi.deleteGoal(p.courseId, id));
  const [f, setF] = useState<GoalInput>({
    id: p.goal?.id ?? 0,
    courseId: p.courseId,
    citizenWords: p.goal?.citizenWords ?? '',
    area: p.goal?.area ?? '',
    actionPlanGoal: p.goal?.actionPlanGoal ?? '',
  });
  const err = save.error ?? del.error;
  const fe = (n: string) => fieldText(lang, save.error?.field(n));
  const ref = useFocusFirstField<HTMLFormElement>();
  return (
    <form
      ref={ref}
      className="form"
      aria-label={p.goal ? t('planning.editGoalLabel', { n: p.n ?? '' }) : t('planning.addGoal')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!save.isPending) save.mutate(f, { onSuccess: () => p.onDone('saved') });
      }}
    >
      <ErrorBanner error={err && !err.fields.length ? err : null} />
      <FocusFirstInvalid failure={err} />
      <TextArea label={t('planning.citizenWords')} required value={f.citizenWords} onChange={(citizenWords) => setF({ ...f, citizenWords })} error={fe('citizenWords')} />
      <div className="row">
        <SelectField
          label={t('planning.area')}
          value={f.area}
          onChange={(area) => setF({ ...f, area })}
          options={(vocab.data?.lifeAreas ?? []).map((a) => ({ value: a, label: tx(`topics.${a}`) }))}
          error={fe('area')}
        />
        <TextField label={t('planning.actionPlanGoal')} help={t('planning.actionPlanGoalHelp')} value={f.actionPlanGoal} onChange={(actionPlanGoal) => setF({ ...f, actionPlanGoal })} error={fe('actionPlanGoal')} />
      </div>
      <Actions
        busy={save.isPending}
        deleting={del.isPending}
        onCancel={() => p.onDone('cancelled')}
        deleteLabel={t('planning.deleteGoal')}
        onDelete={p.goal ? () => window.confirm(t('planning.confirmDeleteGoal')) && del.mutate(p.goal!.id, { onSuccess: () => p.onDone('deleted') }) : undefined}
      />
    </form>
  );
}

export function SubGoalForm(p: { courseId: number; goalId: number; subGoal?: SubGoal; onDone: (how: Outcome) => void }) {
  const { t, tx, lang } = useI18n();
  const vocab = useVocabulary();
  const save = usePlanMutation(p.courseId, stepsApi.saveSubGoal);
  const del = usePlanMutation(p.courseId, (id: number) => stepsApi.deleteSubGoal(p.courseId, id));
  const s = p.subGoal;
  const [f, setF] = useState<SubGoalInput>({
    id: s?.id ?? 0,
    courseId: p.courseId,
    goalId: p.goalId,
    what: s?.what ?? '',
    measure: s?.measure ?? '',
    owner: s?.owner ?? '',
    deadline: s?.deadline ?? '',
    status: s?.status ?? 'not_started',
  });
  const err = save.error ?? del.error;
  const fe = (n: string) => fieldText(lang, save.error?.field(n));
  const ref = useFocusFirstField<HTMLFormElement>();
  return (
    <form
      ref={ref}
      className="form subgoal-form"
      aria-label={s ? t('planning.editSubGoalLabel', { what: s.what }) : t('planning.addSubGoal')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!save.isPending) save.mutate(f, { onSuccess: () => p.onDone('saved') });
      }}
    >
      <ErrorBanner error={err && !err.fields.length ? err : null} />
      <FocusFirstInvalid failure={err} />
      <TextArea label={t('planning.what')} required value={f.what} onChange={(what) => setF({ ...f, what })} error={fe('what')} rows={2} />
      <div className="row">
        <TextField label={t('planning.measure')} value={f.measure} onChange={(measure) => setF({ ...f, measure })} error={fe('measure')} />
        <TextField label={t('planning.owner')} value={f.owner} onChange={(owner) => setF({ ...f, owner })} error={fe('owner')} />
      </div>
      <div className="row">
        <DateField label={t('planning.deadline')} value={f.deadline} onChange={(deadline) => setF({ ...f, deadline })} error={fe('deadline')} />
        <SelectField
          label={t('planning.status')}
          allowEmpty={false}
          value={f.status}
          onChange={(status) => setF({ ...f, status })}
          options={(vocab.data?.subGoalStatuses ?? []).map((v) => ({ value: v, label: tx(`enum.subGoalStatus.${v}`) }))}
          error={fe('status')}
        />
      </div>
      <Actions
        busy={save.isPending}
        deleting={del.isPending}
        onCancel={() => p.onDone('cancelled')}
        deleteLabel={t('planning.deleteSubGoal')}
        onDelete={s ? () => del.mutate(s.id, { onSuccess: () => p.onDone('deleted') }) : undefined}
      />
    </form>
  );
}

export function ActivityForm(p: { courseId: number; plan: Plan; activity?: Activity; onDone: (how: Outcome) => void }) {
  const { t, lang } = useI18n();
  const save = usePlanMutation(p.courseId, stepsApi.saveActivity);
  const del = usePlanMutation(p.courseId, (id: number) => stepsApi.deleteActivity(p.courseId, id));
  const a = p.activity;
  const [f, setF] = useState<ActivityInput>({ id: a?.id ?? 0, courseId: p.courseId, what: a?.what ?? '', frequency: a?.frequency ?? '', owner: a?.owner ?? '', subGoalId: a?.subGoalId ?? 0 });
  const err = save.error ?? del.error;
  const fe = (n: string) => fieldText(lang, save.error?.field(n));
  const subOptions = p.plan.goals.flatMap((g) => g.subGoals.map((s) => ({ value: String(s.id), label: s.what })));
  const ref = useFocusFirstField<HTMLFormElement>();
  return (
    <form
      ref={ref}
      className="form"
      aria-label={a ? t('planning.editActivityLabel', { what: a.what }) : t('planning.addActivity')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!save.isPending) save.mutate(f, { onSuccess: () => p.onDone('saved') });
      }}
    >
      <ErrorBanner error={err && !err.fields.length ? err : null} />
      <FocusFirstInvalid failure={err} />
      <TextField label={t('planning.activity')} required value={f.what} onChange={(what) => setF({ ...f, what })} error={fe('what')} />
      <div className="row">
        <TextField label={t('planning.frequency')} value={f.frequency} onChange={(frequency) => setF({ ...f, frequency })} error={fe('frequency')} />
        <TextField label={t('planning.activityOwner')} value={f.owner} onChange={(owner) => setF({ ...f, owner })} error={fe('owner')} />
        <SelectField label={t('planning.linkedSubGoal')} value={f.subGoalId ? String(f.subGoalId) : ''} onChange={(v) => setF({ ...f, subGoalId: Number(v) || 0 })} options={subOptions} />
      </div>
      <Actions
        busy={save.isPending}
        deleting={del.isPending}
        onCancel={() => p.onDone('cancelled')}
        deleteLabel={t('planning.deleteActivity')}
        onDelete={a ? () => del.mutate(a.id, { onSuccess: () => p.onDone('deleted') }) : undefined}
      />
    </form>
  );
}
