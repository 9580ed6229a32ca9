import { BusyButton } from '../../../components/BusyButton';
import { useState } from 'react';
import type { Advocacy, AdvocacyCase, AdvocacyCaseInput } from '../../../api/steps';
import { stepsApi } from '../../../api/steps';
import { stepKeys, useStepMutation } from '../../../api/stepQueries';
import { DateField, RadioGroup, TextArea, TextField } from '../../../components/form';
import { ErrorBanner } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { isoToDanish, todayIso } from '../../../lib/dates';
import { differs, useFormErrors, useUnsavedGuard } from '../coordination/shared';
import { useFocusFirstField, useFocusFirstInvalid } from '../../../components/focus';

/** A new barrier: taken up today and being worked on. */
export function emptyCase(courseId: number): AdvocacyCaseInput {
  return { id: 0, courseId, opened: todayIso(), barrier: '', towards: '', actions: '', rights: '', outcome: '', status: 'open' };
}

export function caseInput(courseId: number, c: AdvocacyCase): AdvocacyCaseInput {
  return { id: c.id, courseId, opened: c.opened, barrier: c.barrier, towards: c.towards, actions: c.actions, rights: c.rights, outcome: c.outcome, status: c.status };
}

/** Adds or edits a barrier; what was typed stays until it is saved. */
export function AdvocacyCaseForm(p: { initial: AdvocacyCaseInput; statuses: string[]; onDone: () => void }) {
  const { t, tx } = useI18n();
  const courseId = p.initial.courseId;
  const key = stepKeys.advocacy(courseId);
  const save = useStepMutation<AdvocacyCaseInput, Advocacy>(key, courseId, stepsApi.saveCase);
  const del = useStepMutation<number, Advocacy>(key, courseId, (id) => stepsApi.deleteCase(courseId, id));
  const [form, setForm] = useState<AdvocacyCaseInput>(p.initial);
  const { err, fe } = useFormErrors(save.error, del.error);
  const ref = useFocusFirstField<HTMLFormElement>();
  // A refused save puts the focus on the first wrong field, not on the page body.
  useFocusFirstInvalid(ref, save.error);
  useUnsavedGuard(differs(form, p.initial));
  const set = (k: keyof AdvocacyCaseInput) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const isNew = p.initial.id === 0;
  const title = isNew ? t('advocacy.newCase') : t('advocacy.editCase');
  const busy = save.isPending || del.isPending;

  const remove = () => {
    if (!window.confirm(t('advocacy.confirmDeleteCase', { date: isoToDanish(p.initial.opened) }))) return;
    save.reset();
    del.mutate(p.initial.id, { onSuccess: p.onDone });
  };

  return (
    <form
      ref={ref}
      className="ca-inline-form adv-form"
      aria-label={title}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        del.reset();
        save.mutate(form, { onSuccess: p.onDone });
      }}
    >
      <h4>{title}</h4>
      <ErrorBanner error={err} />
      <TextArea label={t('advocacy.barrier')} required help={t('advocacy.barrierHelp')} value={form.barrier} onChange={set('barrier')} error={fe('barrier')} />
      <div className="row">
        <TextField label={t('advocacy.towards')} help={t('advocacy.towardsHelp')} value={form.towards} onChange={set('towards')} error={fe('towards')} />
        <DateField label={t('advocacy.opened')} required help={t('advocacy.openedHelp')} value={form.opened} onChange={set('opened')} error={fe('opened')} />
      </div>
      <TextArea label={t('advocacy.actions')} help={t('advocacy.actionsHelp')} value={form.actions} onChange={set('actions')} error={fe('actions')} />
      <TextArea label={t('advocacy.rights')} help={t('advocacy.rightsHelp')} value={form.rights} onChange={set('rights')} error={fe('rights')} rows={2} />
      <TextArea label={t('advocacy.outcome')} value={form.outcome} onChange={set('outcome')} error={fe('outcome')} rows={2} />
      <RadioGroup
        label={t('advocacy.status')}
        value={form.status}
        onChange={set('status')}
        options={p.statuses.map((s) => ({ value: s, label: tx(`enum.advocacyStatus.${s}`) }))}
        error={fe('status')}
      />
      <div className="ca-form-actions">
        <BusyButton type="submit" className="primary" busy={busy}>
          {save.isPending ? t('common.saving') : t('advocacy.saveCase')}
        </BusyButton>
        <button type="button" onClick={p.onDone} disabled={busy}>
          {t('common.cancel')}
        </button>
        {!isNew && (
          <>
            <span className="ca-spacer" />
            <BusyButton type="button" className="ca-danger" onClick={remove} busy={busy}>
              {t('advocacy.deleteCase')}
            </BusyButton>
          </>
        )}
      </div>
    </form>
  );
}
