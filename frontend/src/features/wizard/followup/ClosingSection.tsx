import { useEffect, useRef, useState } from 'react';
import type { Vocabulary } from '../../../api/client';
import { keys } from '../../../api/queries';
import type { CloseCourseInput, FollowUp } from '../../../api/steps';
import { stepsApi } from '../../../api/steps';
import { stepKeys, useStepMutation } from '../../../api/stepQueries';
import { DateField, RadioGroup, SelectField, TextArea } from '../../../components/form';
import { ErrorBanner } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { isoToDanish, todayIso } from '../../../lib/dates';
import { Section, useFieldErrors } from './shared';
import { housingKeys, useHousingHistory } from '../../../api/housingQueries';
import { HousingPanel } from '../../housing/HousingPanel';
import { BusyButton } from '../../../components/BusyButton';

// What a closing changes besides the course: the citizen's housing and course lists, and
// every caseload figure (one open course fewer).
const alsoAfterClosing: (readonly unknown[])[] = [keys.citizensAll, keys.citizenAll, keys.workers, keys.overview, housingKeys.all];

/** Section 4: closing the course – a deliberate act, confirmed, after which all is read-only. */
export function ClosingSection(p: { courseId: number; citizenId: number; data: FollowUp; readOnly: boolean; vocab: Vocabulary }) {
  const { t, tx } = useI18n();
  const [open, setOpen] = useState(false);
  const cl = p.data.closing;
  // After closing, the focus goes to the line that says the course is closed (the form that
  // held it is gone); after a cancel, back to the button that opened the form.
  const justClosed = useRef(false);
  const closedLead = useRef<HTMLParagraphElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const cancelled = useRef(false);
  useEffect(() => {
    if (cl && justClosed.current) {
      justClosed.current = false;
      closedLead.current?.focus();
    }
    if (!open && cancelled.current) {
      cancelled.current = false;
      opener.current?.focus();
    }
  });

  if (cl) {
    return (
      <Section title={t('followup.closeTitle')} className="fu-closing">
        <div className="fu-closed" data-testid="closing">
          <p className="fu-closed-lead" ref={closedLead} tabIndex={-1}>{t('followup.closedInfo', { date: isoToDanish(cl.endDate) })}</p>
          <dl className="fu-facts">
            <dt>{t('followup.endDate')}</dt>
            <dd>{isoToDanish(cl.endDate)}</dd>
            <dt>{t('followup.reason')}</dt>
            <dd>{tx(`enum.closingReason.${cl.reason}`)}</dd>
            <dt>{t('followup.afterSupport')}</dt>
            <dd>{tx(`enum.afterSupport.${cl.afterSupport}`)}</dd>
            {cl.afterNote && (
              <>
                <dt>{t('followup.afterNote')}</dt>
                <dd className="pre" lang="da">{cl.afterNote}</dd>
              </>
            )}
            <dt>{t('followup.housingAtClose')}</dt>
            <dd>{tx(`enum.housing.${cl.housingAtClose}`)}</dd>
            {cl.note && (
              <>
                <dt>{t('followup.closeNote')}</dt>
                <dd className="pre" lang="da">{cl.note}</dd>
              </>
            )}
          </dl>
        </div>
      </Section>
    );
  }

  if (p.readOnly) {
    return (
      <Section title={t('followup.closeTitle')} className="fu-closing">
        <p className="muted">{t('followup.closedNoRecord')}</p>
      </Section>
    );
  }

  return (
    <Section title={t('followup.closeTitle')} intro={t('followup.closeIntro')} className="fu-closing">
      <p className="fu-small muted">{t('followup.closeReadOnlyInfo')}</p>
      {open && <HousingPanel citizenId={p.citizenId} compact />}
      {open ? (
        <CloseForm
          courseId={p.courseId}
          citizenId={p.citizenId}
          vocab={p.vocab}
          onCancel={() => {
            cancelled.current = true;
            setOpen(false);
          }}
          onClosed={() => (justClosed.current = true)}
        />
      ) : (
        <div className="fu-actions">
          <button type="button" className="fu-danger" ref={opener} onClick={() => setOpen(true)}>
            {t('followup.closeOpen')}
          </button>
        </div>
      )}
    </Section>
  );
}

function CloseForm(p: { courseId: number; citizenId: number; vocab: Vocabulary; onCancel: () => void; onClosed: () => void }) {
  const { t, tx } = useI18n();
  const housing = useHousingHistory(p.citizenId);
  const close = useStepMutation<CloseCourseInput, FollowUp>(stepKeys.followUp(p.courseId), p.courseId, stepsApi.closeCourse, alsoAfterClosing);
  const [form, setForm] = useState<CloseCourseInput>(() => ({
    courseId: p.courseId,
    endDate: todayIso(),
    reason: '',
    afterSupport: '',
    afterNote: '',
    housingAtClose: housing.data?.current ?? '',
    note: '',
  }));
  // The housing at the end starts as the housing now, once the history has loaded.
  const current = housing.data?.current ?? '';
  useEffect(() => {
    if (current) setForm((f) => (f.housingAtClose ? f : { ...f, housingAtClose: current }));
  }, [current]);
  const fe = useFieldErrors(close.error);
  const head = useRef<HTMLHeadingElement>(null);
  useEffect(() => head.current?.focus(), []);
  const set = (k: keyof CloseCourseInput) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const opts = (list: string[], group: string) => list.map((v) => ({ value: v, label: tx(`enum.${group}.${v}`) }));

  const submit = () => {
    if (!window.confirm(t('followup.closeConfirm', { date: isoToDanish(form.endDate) }))) return;
    close.mutate(form, { onSuccess: p.onClosed });
  };

  return (
    <form
      className="fu-form fu-close-form"
      aria-label={t('followup.closeFormTitle')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h4 ref={head} tabIndex={-1}>
        {t('followup.closeFormTitle')}
      </h4>
      <ErrorBanner error={close.error} />
      <div className="row">
        <DateField label={t('followup.endDate')} value={form.endDate} onChange={set('endDate')} error={fe('endDate')} />
        <SelectField label={t('followup.reason')} value={form.reason} onChange={set('reason')} options={opts(p.vocab.closingReasons, 'closingReason')} error={fe('reason')} />
      </div>
      <RadioGroup label={t('followup.afterSupport')} value={form.afterSupport} onChange={set('afterSupport')} options={opts(p.vocab.afterSupports, 'afterSupport')} error={fe('afterSupport')} />
      <TextArea label={t('followup.afterNote')} help={t('followup.afterNoteHelp')} value={form.afterNote} onChange={set('afterNote')} error={fe('afterNote')} rows={2} />
      <SelectField
        label={t('followup.housingAtClose')}
        help={t('followup.housingAtCloseHelp')}
        value={form.housingAtClose}
        onChange={set('housingAtClose')}
        options={opts(p.vocab.housings, 'housing')}
        error={fe('housingAtClose')}
       
      />
      <TextArea label={t('followup.closeNote')} value={form.note} onChange={set('note')} error={fe('note')} />
      <div className="form-actions">
        <BusyButton type="submit" className="fu-danger" busy={close.isPending}>
          {close.isPending ? t('common.saving') : t('followup.closeSubmit')}
        </BusyButton>
        <button type="button" onClick={p.onCancel} disabled={close.isPending}>
          {t('followup.cancel')}
        </button>
      </div>
    </form>
  );
}
