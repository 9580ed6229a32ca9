import { useState } from 'react';
import type { CaseReview, CaseReviewInput, FollowUp } from '../../../api/steps';
import { stepsApi } from '../../../api/steps';
import { stepKeys, useStepMutation } from '../../../api/stepQueries';
import { DateField, TextArea, TextField } from '../../../components/form';
import { ErrorBanner } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { isoToDanish, todayIso } from '../../../lib/dates';
import { SavedNote, Section, useFieldErrors } from './shared';

/** The course's reviews at team meetings (at least three a year) and when the next is due. */
export function ReviewSection(p: { courseId: number; data: FollowUp; readOnly: boolean }) {
  const { t, tx } = useI18n();
  const [formKey, setFormKey] = useState(0);
  const [saved, setSaved] = useState(false);
  const d = p.data;
  const reviews = d.caseReviews ?? [];
  const state = d.caseReviewState || 'ok';
  const del = useStepMutation<number, FollowUp>(stepKeys.followUp(p.courseId), p.courseId, (id) => stepsApi.deleteCaseReview(p.courseId, id));
  const remove = (r: CaseReview) => {
    if (!window.confirm(t('followup.confirmDeleteReview', { date: isoToDanish(r.date) }))) return;
    del.mutate(r.id);
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
        <ReviewForm
          key={formKey}
          courseId={p.courseId}
          saved={saved}
          onSaved={() => {
            setSaved(true);
            setFormKey((k) => k + 1);
          }}
          onEdit={() => setSaved(false)}
        />
      )}
      <h4 className="fu-subhead">{t('followup.reviewHistory')}</h4>
      <ErrorBanner error={del.error} />
      {reviews.length === 0 ? (
        <p className="muted">{t('followup.reviewNone')}</p>
      ) : (
        <ul className="fu-reviews" data-testid="review-list">
          {reviews.map((r) => (
            <li key={r.id}>
              <strong>{isoToDanish(r.date)}</strong> · {r.participants}
              {!p.readOnly && (
                <>
                  {' '}
                  <button type="button" className="fu-danger-link" onClick={() => remove(r)} disabled={del.isPending}
                    aria-label={t('followup.deleteReviewLabel', { date: isoToDanish(r.date) })}>
                    {t('followup.deleteWho5')}
                  </button>
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

function ReviewForm(p: { courseId: number; saved: boolean; onSaved: () => void; onEdit: () => void }) {
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
  const submit = async () => {
    try {
      await save.mutateAsync({ id: 0, courseId: p.courseId, date, participants, agreed });
      p.onSaved();
    } catch {
      // shown by the banner and the field errors
    }
  };
  return (
    <form
      className="fu-form"
      aria-label={t('followup.reviewFormTitle')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h4>{t('followup.reviewFormTitle')}</h4>
      <ErrorBanner error={save.error} />
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
      <div className="form-actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('followup.reviewSave')}
        </button>
        <SavedNote show={p.saved} text={t('followup.reviewSaved')} />
      </div>
    </form>
  );
}
