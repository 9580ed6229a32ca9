import { useId, useState } from 'react';
import type { FollowUp, WeeklyCheckInput } from '../../../api/steps';
import { stepsApi } from '../../../api/steps';
import { stepKeys, useStepMutation } from '../../../api/stepQueries';
import { DateField, TextArea } from '../../../components/form';
import { TableScroll } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/messages';
import { isoToDanish, todayIso } from '../../../lib/dates';
import { isoWeek, mondayOf } from './logic';
import { ScaleGroup } from './ScaleGroup';
import { EntryForm, RenewingForm, saveThen, Section, useFieldErrors, type RenewingHooks } from './shared';

const WORDS: MessageKey[] = ['followup.weeklyScale.w0', 'followup.weeklyScale.w1', 'followup.weeklyScale.w2', 'followup.weeklyScale.w3', 'followup.weeklyScale.w4'];
const SHOWN = 8;

/** A 0-4 rating as "2 – Moderat" with a small coloured level mark. */
export function Rating(p: { value: number }) {
  const { tx } = useI18n();
  return (
    <span className="fu-rating">
      <span className={`fu-rating-mark fu-rating-${p.value}`} aria-hidden="true">
        {p.value}
      </span>
      <span className="fu-sr-only">{p.value} – </span>
      {tx(`followup.weeklyScale.w${p.value}`)}
    </span>
  );
}

/** Section 3: the weekly check of substance use and mental state. */
export function WeeklySection(p: { courseId: number; data: FollowUp; readOnly: boolean }) {
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  const rows = p.data.weeklyChecks; // newest first
  const shown = all ? rows : rows.slice(0, SHOWN);
  return (
    <Section title={t('followup.weeklyTitle')} intro={t('followup.weeklyIntro')} className="fu-weekly">
      {!p.readOnly && (
        <RenewingForm savedText={t('followup.weeklySaved')}>{(h) => <WeeklyForm courseId={p.courseId} {...h} />}</RenewingForm>
      )}
      <h4 className="fu-subhead">{t('followup.weeklyHistory')}</h4>
      {rows.length === 0 ? (
        <p className="muted">{t('followup.weeklyNone')}</p>
      ) : (
        <>
          <TableScroll label={t('followup.weeklyTitle')}>
            <table className="table fu-table fu-table-compact" data-testid="weekly-table">
              <caption className="fu-sr-only">{t('followup.weeklyTableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('followup.colWeek')}</th>
                  <th scope="col">{t('followup.weeklySubstance')}</th>
                  <th scope="col">{t('followup.weeklyMental')}</th>
                  <th scope="col">{t('followup.colNote')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((w) => (
                  <tr key={w.id || w.weekStart}>
                    <td className="fu-nowrap">{t('followup.weekOf', { week: isoWeek(w.weekStart) ?? '', date: isoToDanish(w.weekStart) })}</td>
                    <td>
                      <Rating value={w.substance} />
                    </td>
                    <td>
                      <Rating value={w.mental} />
                    </td>
                    <td className="pre" lang="da">{w.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {rows.length > SHOWN && (
            <button type="button" className="link fu-more" onClick={() => setAll((a) => !a)} aria-expanded={all}>
              {all ? t('followup.weeklyShowFewer') : t('followup.weeklyShowAll', { n: rows.length })}
            </button>
          )}
        </>
      )}
    </Section>
  );
}

function WeeklyForm(p: RenewingHooks & { courseId: number }) {
  const { t } = useI18n();
  const base = useId();
  const save = useStepMutation<WeeklyCheckInput, FollowUp>(stepKeys.followUp(p.courseId), p.courseId, stepsApi.saveWeeklyCheck);
  const [week, setWeek] = useState(() => todayIso());
  const [substance, setSubstance] = useState<number | null>(null);
  const [mental, setMental] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const fe = useFieldErrors(save.error);
  const words = WORDS.map((k) => t(k));
  const monday = mondayOf(week);
  const weekHelp = monday ? t('followup.weeklyWeekHelp', { week: isoWeek(monday) ?? '', date: isoToDanish(monday) }) : undefined;

  const submit = async () => {
    if (substance === null || mental === null) {
      setTried(true);
      document.getElementById(`${base}-${substance === null ? 'substance' : 'mental'}-0`)?.focus();
      return;
    }
    await saveThen(() => save.mutateAsync({ courseId: p.courseId, week, substance, mental, note }), p.onSaved);
  };

  const pick = (set: (v: number) => void) => (v: number) => {
    p.onEdit();
    set(v);
  };

  return (
    <EntryForm
      label={t('followup.weeklyTitle')}
      title={t('followup.weeklyFormTitle')}
      error={save.error}
      busy={save.isPending}
      saveText={t('followup.saveWeekly')}
      onSubmit={() => void submit()}
    >
      <DateField label={t('followup.weeklyWeek')} help={weekHelp} value={week} onChange={setWeek} error={fe('week')} />
      <div className="fu-weekly-grid">
        <ScaleGroup
          idPrefix={`${base}-substance`}
          required
          compact
          legend={t('followup.weeklySubstance')}
          words={words}
          value={substance}
          onChange={pick(setSubstance)}
          error={(tried && substance === null ? t('followup.weeklyPick') : undefined) ?? fe('substance')}
        />
        <ScaleGroup
          idPrefix={`${base}-mental`}
          required
          compact
          legend={t('followup.weeklyMental')}
          words={words}
          value={mental}
          onChange={pick(setMental)}
          error={(tried && mental === null ? t('followup.weeklyPick') : undefined) ?? fe('mental')}
        />
      </div>
      <TextArea label={t('followup.note')} value={note} onChange={setNote} error={fe('note')} rows={2} />
    </EntryForm>
  );
}
