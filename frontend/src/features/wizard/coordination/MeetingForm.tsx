import { BusyButton } from '../../../components/BusyButton';
import { useEffect, useId, useRef, useState } from 'react';
import type { Coordination, Meeting, MeetingAction, MeetingInput } from '../../../api/steps';
import { stepsApi } from '../../../api/steps';
import { stepKeys, useStepMutation } from '../../../api/stepQueries';
import { DateField, TextArea, TextField } from '../../../components/form';
import { ErrorBanner } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { isoToDanish, todayIso } from '../../../lib/dates';
import { differs, useFormErrors, useUnsavedGuard } from './shared';
import { useFocusFirstField, useFocusFirstInvalid } from '../../../components/focus';

/** An action row of the form; the key keeps each row's fields apart when rows are removed. */
type Row = MeetingAction & { key: number };

let rowSeq = 0;
const newRow = (a: MeetingAction = { action: '', owner: '', deadline: '', done: false }): Row => ({ ...a, key: ++rowSeq });
const isBlank = (r: MeetingAction) => !r.action.trim() && !r.owner.trim() && !r.deadline.trim() && !r.done;
const toAction = (r: Row): MeetingAction => ({ action: r.action, owner: r.owner, deadline: r.deadline, done: r.done });

/** A new meeting, dated today. */
export function emptyMeeting(courseId: number): MeetingInput {
  return { id: 0, courseId, date: todayIso(), participants: '', purpose: '', preparation: '', outcome: '', actions: [] };
}

/** The input that saves a meeting as it is. */
export function meetingInput(courseId: number, m: Meeting): MeetingInput {
  return {
    id: m.id,
    courseId,
    date: m.date,
    participants: m.participants,
    purpose: m.purpose,
    preparation: m.preparation,
    outcome: m.outcome,
    actions: m.actions.map((a) => ({ action: a.action, owner: a.owner, deadline: a.deadline, done: a.done })),
  };
}

/**
 * Adds or edits a meeting and its agreed actions. Empty action rows are left out when saving;
 * the backend's errors for "actions.<i>.<field>" are shown in the row that was sent as i.
 */
export function MeetingForm(p: { initial: MeetingInput; onDone: () => void }) {
  const { t } = useI18n();
  const courseId = p.initial.courseId;
  const key = stepKeys.coordination(courseId);
  const save = useStepMutation<MeetingInput, Coordination>(key, courseId, stepsApi.saveMeeting);
  const del = useStepMutation<number, Coordination>(key, courseId, (id) => stepsApi.deleteMeeting(courseId, id));
  const { actions: initialActions, ...initialRest } = p.initial;
  const [form, setForm] = useState(initialRest);
  const [rows, setRows] = useState<Row[]>(() => (initialActions.length ? initialActions.map((a) => newRow(a)) : p.initial.id === 0 ? [newRow()] : []));
  // the row keys in the order they were last sent, to place the backend's row errors
  const [sentKeys, setSentKeys] = useState<number[]>([]);
  const { err, fe } = useFormErrors(save.error, del.error);
  const ref = useFocusFirstField<HTMLFormElement>();
  // A refused save puts the focus on the first wrong field, not on the page body.
  useFocusFirstInvalid(ref, save.error);
  useUnsavedGuard(differs(form, initialRest) || differs(rows.filter((r) => !isBlank(r)).map(toAction), initialActions));
  const helpId = useId();
  const focusAfter = useRef<string | null>(null);
  useEffect(() => {
    if (!focusAfter.current) return;
    ref.current?.querySelector<HTMLElement>(focusAfter.current)?.focus();
    focusAfter.current = null;
  });

  const set =
    <K extends keyof typeof form>(k: K) =>
    (v: (typeof form)[K]) =>
      setForm((f) => ({ ...f, [k]: v }));
  const setRow = (rowKey: number, patch: Partial<MeetingAction>) => setRows((rs) => rs.map((r) => (r.key === rowKey ? { ...r, ...patch } : r)));
  const addRow = () => {
    const r = newRow();
    setRows((rs) => [...rs, r]);
    focusAfter.current = `[data-row="${r.key}"] input`;
  };
  const removeRow = (rowKey: number) => {
    setRows((rs) => rs.filter((r) => r.key !== rowKey));
    focusAfter.current = '[data-add-action]';
  };
  const rowError = (r: Row, field: keyof MeetingAction) => {
    const i = sentKeys.indexOf(r.key);
    return i < 0 ? undefined : fe(`actions.${i}.${field}`);
  };

  const isNew = p.initial.id === 0;
  const title = isNew ? t('coordination.newMeeting') : t('coordination.editMeeting');
  const busy = save.isPending || del.isPending;

  const submit = () => {
    const kept = rows.filter((r) => !isBlank(r));
    setSentKeys(kept.map((r) => r.key));
    del.reset();
    save.mutate({ ...form, actions: kept.map(toAction) }, { onSuccess: p.onDone });
  };
  const remove = () => {
    if (!window.confirm(t('coordination.confirmDeleteMeeting', { date: isoToDanish(p.initial.date) }))) return;
    save.reset();
    del.mutate(p.initial.id, { onSuccess: p.onDone });
  };

  return (
    <form
      ref={ref}
      className="ca-inline-form coord-meeting-form"
      aria-label={title}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h4>{title}</h4>
      <ErrorBanner error={err} />
      <DateField label={t('coordination.date')} required value={form.date} onChange={set('date')} error={fe('date')} />
      <TextArea label={t('coordination.purpose')} required value={form.purpose} onChange={set('purpose')} error={fe('purpose')} rows={2} />
      <TextArea label={t('coordination.participants')} help={t('coordination.participantsHelp')} value={form.participants} onChange={set('participants')} error={fe('participants')} rows={2} />
      <TextArea label={t('coordination.preparation')} help={t('coordination.preparationHelp')} value={form.preparation} onChange={set('preparation')} error={fe('preparation')} />
      <TextArea label={t('coordination.outcome')} value={form.outcome} onChange={set('outcome')} error={fe('outcome')} />

      <fieldset className="coord-actions-edit" aria-describedby={fe('actions') ? `${helpId} ${helpId}-error` : helpId}>
        <legend>{t('coordination.actions')}</legend>
        <p className="help" id={helpId}>
          {t('coordination.actionsHelp')}
        </p>
        {fe('actions') && (
          <div className="error" id={`${helpId}-error`}>
            {fe('actions')}
          </div>
        )}
        {rows.length === 0 && <p className="muted coord-no-rows">{t('coordination.noActionRows')}</p>}
        {rows.map((r, i) => (
          <fieldset key={r.key} className="coord-action-row" data-row={r.key} data-testid="action-row">
            <legend>{t('coordination.actionRow', { n: i + 1 })}</legend>
            <div className="coord-action-grid">
              <TextField label={t('coordination.action')} required value={r.action} onChange={(action) => setRow(r.key, { action })} error={rowError(r, 'action')} />
              <TextField label={t('coordination.owner')} value={r.owner} onChange={(owner) => setRow(r.key, { owner })} error={rowError(r, 'owner')} />
              <DateField label={t('coordination.deadline')} value={r.deadline} onChange={(deadline) => setRow(r.key, { deadline })} error={rowError(r, 'deadline')} />
              <div className="coord-action-tail">
                <label className="choice">
                  <input type="checkbox" checked={r.done} onChange={(e) => setRow(r.key, { done: e.target.checked })} /> {t('coordination.done')}
                </label>
                <button type="button" className="link" onClick={() => removeRow(r.key)} aria-label={t('coordination.removeActionNamed', { n: i + 1 })}>
                  {t('coordination.removeAction')}
                </button>
              </div>
            </div>
          </fieldset>
        ))}
        <button type="button" data-add-action onClick={addRow}>
          <span aria-hidden="true">+ </span>
          {t('coordination.addAction')}
        </button>
      </fieldset>

      <div className="ca-form-actions">
        <BusyButton type="submit" className="primary" busy={busy}>
          {save.isPending ? t('common.saving') : t('coordination.saveMeeting')}
        </BusyButton>
        <button type="button" onClick={p.onDone} disabled={busy}>
          {t('common.cancel')}
        </button>
        {!isNew && (
          <>
            <span className="ca-spacer" />
            <BusyButton type="button" className="ca-danger" onClick={remove} busy={busy}>
              {t('coordination.deleteMeeting')}
            </BusyButton>
          </>
        )}
      </div>
    </form>
  );
}
