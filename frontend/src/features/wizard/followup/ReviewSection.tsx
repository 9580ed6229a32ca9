import { useState } from 'react';
import { BusyButton } from '../../../components/BusyButton';
import { keysAfterRemoval, useFocusReturn } from '../../../components/focus';
import type { CaseReview, CaseReviewInput, FollowUp } from '../../../api/steps';
import { stepsApi } from '../../../api/steps';
import { stepKeys, useStepMutation } from '../../../api/stepQueries';
import { DateField, TextArea, TextField } from '../../../components/form';
import { ErrorBanner } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { isoToDanish, todayIso } from '../../../lib/dates';
import { EntryForm, RenewingForm, saveThen, Section, useFieldErrors, type RenewingHooks } from './shared';

/** The course's reviews at team meetings (at least three a year) and when the next is due. */
export function ReviewSection(p: { courseId: number; data: FollowUp; readOnly: boolean }) {
  const { t, tx } = useI18n();
  const focusReturn = useFocusReturn();
  const d = p.data;
  const reviews = d.caseReviews ?? [];
  const state = d.caseReviewState || 'ok';
  const del = useStepMutation<number, FollowUp>(stepKeys.followUp(p.courseId), p.courseId, (id) => stepsApi.deleteCaseReview(p.courseId, id));
  const remove = (r: CaseReview, i: number) => {
    if (!window.confirm(t('followup.confirmDeleteReview', { date: isoToDanish(r.date) }))) return;
    // The deleted row held the focus: the next row's button (or the list's heading) takes it.
    del.mutate(r.id, { onSuccess: () => focusReturn(...keysAfterRemoval(reviews, i, (x) => `review-${x.id}`, 'review-history')) });
  };
  return (
    <Section
      title={t('followup.reviewTitle')}
      intro={t('followup.reviewIntro')}
      className="fu-review"
      aside={
        !p.readOnly &&
        d.nextCaseReviewDue && (
          <div className={`fu-due fu-due-${state}`} data-testid="review-due">
            <div className="fu-due-text">{t('followup.reviewNext', { date: isoToDanish(d.nextCaseReviewDue) })}</div>
            <strong>{tx(`followup.reviewState.${state}`)}</strong>
          </div>
        )
      }
    >
      {!p.readOnly && (
        <RenewingForm savedText={t('followup.reviewSaved')}>{(h) => <ReviewForm courseId={p.courseId} {...h} />}</RenewingForm>
      )}
      <h4 className="fu-subhead" tabIndex={-1} data-focus-key="review-history">
        {t('followup.reviewHistory')}
      </h4>
      <ErrorBanner error={del.error} />
      {reviews.length === 0 ? (
        <p className="muted">{t('followup.reviewNone')}</p>
      ) : (
        <ul className="fu-reviews" data-testid="review-list">
          {reviews.map((r, i) => (
            <li key={r.id}>
              <strong>{isoToDanish(r.date)}</strong> · {r.participants}
              {!p.readOnly && (
                <>
                  {' '}
                  <BusyButton className="fu-danger-link" onClick={() => remove(r, i)} busy={del.isPending} data-focus-key={`review-${r.id}`}
                    aria-label={t('followup.deleteReviewLabel', { date: isoToDanish(r.date) })}>
                    {t('followup.deleteWho5')}
                  </BusyButton>
                </>
              )}
              <div className="pre" lang="da">{r.agreed}</div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function ReviewForm(p: RenewingHooks & { courseId: number }) {
  const { t } = useI18n();
  const save = useStepMutation<CaseReviewInput, FollowUp>(stepKeys.followUp(p.courseId), p.courseId, stepsApi.saveCaseReview);
  const [date, setDate] = useState(() => todayIso());
  const [participants, setParticipants] = useState('');
  const [agreed, setAgreed] = useState('');
  const fe = useFieldErrors(save.error);
  const edit = (set: (v: string) => void) => (v: string) => {
    p.onEdit();
    set(v);
  };
  const submit = () => saveThen(() => save.mutateAsync({ id: 0, courseId: p.courseId, date, participants, agreed }), p.onSaved);
  return (
    <EntryForm
      label={t('followup.reviewFormTitle')}
      title={t('followup.reviewFormTitle')}
      error={save.error}
      busy={save.isPending}
      saveText={t('followup.reviewSave')}
      onSubmit={() => void submit()}
    >
      <DateField label={t('followup.reviewDate')} value={date} onChange={edit(setDate)} error={fe('date')} required />
      <TextField
        label={t('followup.reviewParticipants')}
        help={t('followup.reviewParticipantsHelp')}
        value={participants}
        onChange={edit(setParticipants)}
        error={fe('participants')}
        required
      />
      <TextArea label={t('followup.reviewAgreed')} value={agreed} onChange={edit(setAgreed)} error={fe('agreed')} rows={3} required />
    </EntryForm>
  );
}
