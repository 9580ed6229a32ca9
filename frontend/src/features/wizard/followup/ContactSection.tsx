import { useState } from 'react';
import type { ContactFrequency, ContactFrequencyInput, FollowUp } from '../../../api/steps';
import { stepsApi } from '../../../api/steps';
import { stepKeys, useStepMutation } from '../../../api/stepQueries';
import { BusyButton } from '../../../components/BusyButton';
import { keysAfterRemoval, useFocusReturn } from '../../../components/focus';
import { DateField, SelectField, TextArea, TextField } from '../../../components/form';
import { ErrorBanner, TableScroll } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { isoToDanish, todayIso } from '../../../lib/dates';
import { isoWeek } from './logic';
import { EntryForm, RenewingForm, saveThen, Section, useFieldErrors, type RenewingHooks } from './shared';

/** "2 gange om ugen" for an agreement. */
export function useFrequencyText() {
  const { t } = useI18n();
  return (f: Pick<ContactFrequency, 'times' | 'per'>) =>
    f.per === 'day' ? t('followup.freqPerDay', { n: f.times }) : t('followup.freqPerWeek', { n: f.times });
}

/**
 * The contact frequency agreed with the citizen, its history, and the recent weeks' actual
 * contacts (count and time from the journal) against it; attempts and cancelled meetings
 * are shown apart: they keep the contact, but are no meeting.
 */
export function ContactSection(p: { courseId: number; data: FollowUp; readOnly: boolean }) {
  const { t, tx } = useI18n();
  const freqText = useFrequencyText();
  const focusReturn = useFocusReturn();
  const d = p.data;
  const history = [...(d.contactFrequencies ?? [])].reverse(); // newest first
  const weeks = d.contactWeeks ?? [];
  const del = useStepMutation<number, FollowUp>(stepKeys.followUp(p.courseId), p.courseId, (id) => stepsApi.deleteContactFrequency(p.courseId, id));
  const remove = (f: ContactFrequency, i: number) => {
    if (!window.confirm(t('followup.confirmDeleteFreq', { date: isoToDanish(f.fromDate) }))) return;
    // The deleted row held the focus: the next row's button takes it, or, when none is left,
    // the line that says which agreement holds now.
    del.mutate(f.id, { onSuccess: () => focusReturn(...keysAfterRemoval(history, i, (x) => `freq-${x.id}`, 'freq-history'), 'freq-now') });
  };
  return (
    <Section title={t('followup.freqTitle')} intro={t('followup.freqIntro')} className="fu-contact">
      <p className="fu-freq-now" data-testid="frequency-now" tabIndex={-1} data-focus-key="freq-now">
        {d.frequencyNow ? t('followup.freqNow', { freq: freqText(d.frequencyNow), date: isoToDanish(d.frequencyNow.fromDate) }) : t('followup.freqNone')}
      </p>
      {weeks.length > 0 && (
        <>
          <h4 className="fu-subhead">{t('followup.weeksTitle')}</h4>
          <TableScroll label={t('followup.weeksTitle')}>
            <table className="table fu-table fu-table-compact" data-testid="contact-weeks">
              <caption className="fu-sr-only">{t('followup.weeksCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('followup.colWeek')}</th>
                  <th scope="col">{t('followup.colAgreed')}</th>
                  <th scope="col">{t('followup.colContacts')}</th>
                  <th scope="col">{t('followup.colMinutes')}</th>
                  <th scope="col">{t('followup.colAttempts')}</th>
                  <th scope="col">{t('followup.colState')}</th>
                </tr>
              </thead>
              <tbody>
                {weeks.map((w) => (
                  <tr key={w.weekStart} className={`fu-week-${w.state}`}>
                    <td className="fu-nowrap">{t('followup.weekOf', { week: isoWeek(w.weekStart) ?? '', date: isoToDanish(w.weekStart) })}</td>
                    <td>{w.agreedPerWeek > 0 ? w.agreedPerWeek : '–'}</td>
                    <td>{w.contacts}</td>
                    <td className="fu-nowrap">{t('followup.minutes', { n: w.minutes })}</td>
                    <td>{w.attempts}</td>
                    <td>
                      <span className={`fu-week-state fu-week-state-${w.state}`}>{tx(`followup.weekState.${w.state}`)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
      {!p.readOnly && (
        <RenewingForm savedText={t('followup.freqSaved')}>{(h) => <FrequencyForm courseId={p.courseId} {...h} />}</RenewingForm>
      )}
      {history.length > 0 && (
        <>
          <h4 className="fu-subhead" tabIndex={-1} data-focus-key="freq-history">
            {t('followup.freqHistory')}
          </h4>
          <ErrorBanner error={del.error} />
          <TableScroll label={t('followup.freqHistory')}>
            <table className="table fu-table fu-table-compact" data-testid="frequency-history">
              <thead>
                <tr>
                  <th scope="col">{t('followup.freqColFrom')}</th>
                  <th scope="col">{t('followup.freqColFreq')}</th>
                  <th scope="col">{t('followup.colNote')}</th>
                  {!p.readOnly && <th scope="col"><span className="fu-sr-only">{t('followup.colActions')}</span></th>}
                </tr>
              </thead>
              <tbody>
                {history.map((f, i) => (
                  <tr key={f.id || f.fromDate}>
                    <td className="fu-nowrap">{isoToDanish(f.fromDate)}</td>
                    <td>{freqText(f)}</td>
                    <td className="pre" lang="da">{f.note}</td>
                    {!p.readOnly && (
                      <td>
                        <BusyButton className="fu-danger-link" onClick={() => remove(f, i)} busy={del.isPending} data-focus-key={`freq-${f.id}`}
                          aria-label={t('followup.deleteFreqLabel', { date: isoToDanish(f.fromDate) })}>
                          {t('followup.deleteWho5')}
                        </BusyButton>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </Section>
  );
}

/** The form for a new agreement; also used in the course frame. */
export function FrequencyForm(p: RenewingHooks & { courseId: number }) {
  const { t } = useI18n();
  const save = useStepMutation<ContactFrequencyInput, FollowUp>(stepKeys.followUp(p.courseId), p.courseId, stepsApi.saveContactFrequency);
  const [fromDate, setFromDate] = useState(() => todayIso());
  const [times, setTimes] = useState('');
  const [per, setPer] = useState('week');
  const [note, setNote] = useState('');
  const fe = useFieldErrors(save.error);
  const edit = (set: (v: string) => void) => (v: string) => {
    p.onEdit();
    set(v);
  };
  const submit = () => saveThen(() => save.mutateAsync({ courseId: p.courseId, fromDate, times: Number.parseInt(times, 10) || 0, per, note }), p.onSaved);
  return (
    <EntryForm
      label={t('followup.freqFormTitle')}
      title={t('followup.freqFormTitle')}
      error={save.error}
      busy={save.isPending}
      saveText={t('followup.freqSave')}
      onSubmit={() => void submit()}
    >
      <div className="fu-freq-grid">
        <DateField label={t('followup.freqFrom')} value={fromDate} onChange={edit(setFromDate)} error={fe('fromDate')} required />
        <TextField label={t('followup.freqTimes')} value={times} onChange={edit(setTimes)} inputMode="decimal" error={fe('times')} required />
        <SelectField
          label={t('followup.freqPer')}
          value={per}
          allowEmpty={false}
          options={[
            { value: 'day', label: t('followup.freqPerOption.day') },
            { value: 'week', label: t('followup.freqPerOption.week') },
          ]}
          onChange={edit(setPer)}
          error={fe('per')}
        />
      </div>
      <TextArea label={t('followup.freqNote')} value={note} onChange={edit(setNote)} error={fe('note')} rows={2} />
    </EntryForm>
  );
}
