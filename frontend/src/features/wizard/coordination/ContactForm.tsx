import { BusyButton } from '../../../components/BusyButton';
import { useState } from 'react';
import type { Coordination, ContactInput } from '../../../api/steps';
import { stepsApi } from '../../../api/steps';
import { stepKeys, useStepMutation } from '../../../api/stepQueries';
import { DateField, SelectField, TextArea, TextField } from '../../../components/form';
import { ErrorBanner } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { CheckField, differs, useFormErrors, useUnsavedGuard } from './shared';
import { useFocusFirstField, useFocusFirstInvalid } from '../../../components/focus';

/** A new, empty contact; `kind` may be chosen beforehand (e.g. the caseworker). */
export function emptyContact(courseId: number, kind = '', name = ''): ContactInput {
  return { id: 0, courseId, kind, name, organisation: '', phone: '', email: '', role: '', lastContact: '', active: true };
}

/**
 * Adds or edits one contact of the network. The form keeps what was typed until it is saved;
 * a rejected save shows the backend's messages next to the fields.
 */
export function ContactForm(p: { initial: ContactInput; kinds: string[]; nameHelp?: string; onDone: () => void }) {
  const { t, tx } = useI18n();
  const courseId = p.initial.courseId;
  const key = stepKeys.coordination(courseId);
  const save = useStepMutation<ContactInput, Coordination>(key, courseId, stepsApi.saveContact);
  const del = useStepMutation<number, Coordination>(key, courseId, (id) => stepsApi.deleteContact(courseId, id));
  const [form, setForm] = useState<ContactInput>(p.initial);
  const { err, fe } = useFormErrors(save.error, del.error);
  const ref = useFocusFirstField<HTMLFormElement>();
  // A refused save puts the focus on the first wrong field, not on the page body.
  useFocusFirstInvalid(ref, save.error);
  useUnsavedGuard(differs(form, p.initial));
  const set =
    <K extends keyof ContactInput>(k: K) =>
    (v: ContactInput[K]) =>
      setForm((f) => ({ ...f, [k]: v }));
  const isNew = p.initial.id === 0;
  const title = isNew ? t('coordination.newContact') : t('coordination.editContact');
  const busy = save.isPending || del.isPending;
  const displayName = p.initial.name || p.initial.organisation;

  const remove = () => {
    if (!window.confirm(t('coordination.confirmDeleteContact', { name: displayName }))) return;
    save.reset();
    del.mutate(p.initial.id, { onSuccess: p.onDone });
  };

  return (
    <form
      ref={ref}
      className="ca-inline-form"
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
      <div className="row">
        <SelectField
          label={t('coordination.kind')}
          required
          value={form.kind}
          onChange={set('kind')}
          options={p.kinds.map((k) => ({ value: k, label: tx(`enum.contactKind.${k}`) }))}
          error={fe('kind')}
        />
        <TextField label={t('coordination.name')} value={form.name} onChange={set('name')} error={fe('name')} help={p.nameHelp ?? t('coordination.nameOrOrganisation')} />
        <TextField label={t('coordination.organisation')} value={form.organisation} onChange={set('organisation')} error={fe('organisation')} />
      </div>
      <TextArea label={t('coordination.role')} help={t('coordination.roleHelp')} value={form.role} onChange={set('role')} error={fe('role')} rows={2} />
      <div className="row">
        <TextField label={t('coordination.phone')} type="tel" inputMode="tel" value={form.phone} onChange={set('phone')} error={fe('phone')} />
        <TextField label={t('coordination.email')} type="email" inputMode="email" value={form.email} onChange={set('email')} error={fe('email')} />
        <DateField label={t('coordination.lastContact')} value={form.lastContact} onChange={set('lastContact')} error={fe('lastContact')} />
      </div>
      <CheckField label={t('coordination.active')} help={t('coordination.activeHelp')} checked={form.active} onChange={set('active')} />
      <div className="ca-form-actions">
        <BusyButton type="submit" className="primary" busy={busy}>
          {save.isPending ? t('common.saving') : t('coordination.saveContact')}
        </BusyButton>
        <button type="button" onClick={p.onDone} disabled={busy}>
          {t('common.cancel')}
        </button>
        {!isNew && (
          <>
            <span className="ca-spacer" />
            <BusyButton type="button" className="ca-danger" onClick={remove} busy={busy}>
              {t('coordination.deleteContact')}
            </BusyButton>
          </>
        )}
      </div>
    </form>
  );
}
