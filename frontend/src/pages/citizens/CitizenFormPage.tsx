import { useState } from 'react';
import { useCitizen, useSaveCitizen, useVocabulary } from '../../api/queries';
import type { Citizen, CitizenInput } from '../../api/client';
import { toAppError } from '../../api/errors';
import { fieldText } from '../../components/errorText';
import { DateField, SelectField, TextArea, TextField } from '../../components/form';
import { HousingPanel } from '../../features/housing/HousingPanel';
import { ErrorBanner, Loading, PageHeader } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { href, navigate } from '../../lib/router';
import { ReadOnlyBanner } from '../../features/auth/ReadOnlyBanner';
import { BusyButton } from '../../components/BusyButton';

const empty: CitizenInput = { id: 0, name: '', cpr: '', phone: '', email: '', address: '', contactNote: '', housing: '', housingNote: '', housingDate: '' };

// A citizen already here changes housing through the housing history, not this form.
function toInput(c: Citizen): CitizenInput {
  const { id, name, cpr, phone, email, address, contactNote } = c;
  return { id, name, cpr, phone, email, address, contactNote, housing: '', housingNote: '', housingDate: '' };
}

/** Create (id 0) or edit a citizen's personal and contact details. */
export function CitizenFormPage(p: { id: number }) {
  const q = useCitizen(p.id);
  if (p.id !== 0 && q.isPending) return <Loading />;
  if (p.id !== 0 && q.error) return <ErrorBanner error={toAppError(q.error)} />;
  return <CitizenForm initial={p.id === 0 ? empty : toInput(q.data!)} readOnly={p.id !== 0 && !!q.data?.readOnly} />;
}

function CitizenForm(p: { initial: CitizenInput; readOnly?: boolean }) {
  const { t, tx, lang } = useI18n();
  const vocab = useVocabulary();
  const save = useSaveCitizen();
  const [form, setForm] = useState(p.initial);
  const set = (k: keyof CitizenInput) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const err = save.error ? toAppError(save.error) : null;
  const fe = (name: string) => fieldText(lang, err?.field(name));
  const isNew = p.initial.id === 0;
  const cancel = isNew ? href({ name: 'citizens' }) : href({ name: 'citizen', id: p.initial.id });

  return (
    <>
      <PageHeader title={isNew ? t('citizens.newTitle') : t('citizens.editTitle')} />
      <form
        className="card form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(form, { onSuccess: (c) => navigate({ name: 'citizen', id: c.id }) });
        }}
      >
        <ErrorBanner error={err} />
        {p.readOnly && <ReadOnlyBanner text={t('auth.citizenReadOnly')} />}
        <fieldset disabled={p.readOnly} className="plain">
          <TextField label={t('citizens.name')} required value={form.name} onChange={set('name')} error={fe('name')} autoFocus />
          <div className="row">
            <TextField label={t('citizens.cpr')} value={form.cpr} onChange={set('cpr')} error={fe('cpr')} help={t('citizens.cprHelp')} maxLength={11} />
            <TextField label={t('citizens.phone')} value={form.phone} onChange={set('phone')} error={fe('phone')} type="tel" />
            <TextField label={t('citizens.email')} value={form.email} onChange={set('email')} error={fe('email')} type="email" />
          </div>
          <TextArea label={t('citizens.address')} value={form.address} onChange={set('address')} error={fe('address')} rows={2} />
          <TextArea label={t('citizens.contactNote')} value={form.contactNote} onChange={set('contactNote')} error={fe('contactNote')} help={t('citizens.contactNoteHelp')} />
          {isNew && (
            <>
              <div className="row">
                <SelectField
                  label={t('citizens.housing')}
                  value={form.housing}
                  onChange={set('housing')}
                  error={fe('housing')}
                  options={(vocab.data?.housings ?? []).map((v) => ({ value: v, label: tx(`enum.housing.${v}`) }))}
                />
                <DateField label={t('citizens.housingDate')} help={t('citizens.housingDateHelp')} value={form.housingDate} onChange={set('housingDate')} error={fe('housingDate')} />
              </div>
              <TextArea label={t('citizens.housingNote')} value={form.housingNote} onChange={set('housingNote')} error={fe('housingNote')} rows={2} />
            </>
          )}
        </fieldset>
        <div className="form-actions">
          {!p.readOnly && (
            <BusyButton className="primary" type="submit" busy={save.isPending}>
              {t('common.save')}
            </BusyButton>
          )}
          <a className="button" href={cancel}>
            {t('common.cancel')}
          </a>
        </div>
      </form>
      {!isNew && (
        <div className="card">
          <HousingPanel citizenId={p.initial.id} readOnly={p.readOnly} />
        </div>
      )}
    </>
  );
}
