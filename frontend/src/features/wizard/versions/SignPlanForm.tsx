import { useEffect, useId, useRef, useState } from 'react';
import { useVocabulary } from '../../../api/queries';
import type { PlanVersion, SignPlanInput } from '../../../api/versions';
import { useSignPlan } from '../../../api/versionQueries';
import { DateField, RadioGroup, TextArea, TextField } from '../../../components/form';
import { ErrorBanner } from '../../../components/ui';
import { useActingLead } from '../../auth/session';
import { useI18n } from '../../../i18n/i18n';
import { todayIso } from '../../../lib/dates';
import { CheckField, differs, useFormErrors, useUnsavedGuard } from '../coordination/shared';
import { BusyButton } from '../../../components/BusyButton';
import { useFocusFirstField, useFocusFirstInvalid } from '../../../components/focus';

/** The form as it opens: the citizen's registered name, both dates today, no approval. */
export function emptySignature(courseId: number, citizenName: string, today = todayIso()): SignPlanInput {
  return { courseId, citizenName, citizenDate: today, method: '', workerDate: today, leadApproval: false, leadDate: '', citizenComment: '' };
}

/**
 * Signs off the plan as the next version: the citizen's name, date and how they signed,
 * the ICM worker's date, an optional approval by the signed-in team lead (a worker's form
 * says that only the team lead can give it) and the citizen's comments or disagreement. Submitting asks once more, because a signed version cannot be changed;
 * the backend's field errors are shown next to the fields and nothing typed is lost.
 */
export function SignPlanForm(p: { courseId: number; nextNo: number; citizenName: string; workerName: string; onDone: (v?: PlanVersion) => void }) {
  const { t, tx } = useI18n();
  const vocab = useVocabulary();
  const lead = useActingLead();
  const sign = useSignPlan(p.courseId);
  const [initial] = useState(() => emptySignature(p.courseId, p.citizenName));
  const [form, setForm] = useState<SignPlanInput>(initial);
  const [confirming, setConfirming] = useState(false);
  const { err, fe } = useFormErrors(sign.error);
  const ref = useFocusFirstField<HTMLFormElement>();
  const confirmRef = useRef<HTMLButtonElement>(null);
  // The confirm box is a named group (no live region: it holds buttons); its button is
  // described by the warning, so taking the focus reads both once (WCAG 4.1.3).
  const confirmId = useId();
  const submitRef = useRef<HTMLButtonElement>(null);
  // "Tilbage" and a failed signature remove the confirm box that holds the focus: it goes
  // back to the submit button, or (after field errors) to the first wrong field.
  const backToSubmit = useRef(false);
  useUnsavedGuard(differs(form, initial));
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (backToSubmit.current) (ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? submitRef.current)?.focus();
    backToSubmit.current = false;
  }, [confirming]);
  useFocusFirstInvalid(ref, sign.error);
  const back = () => {
    backToSubmit.current = true;
    setConfirming(false);
  };
  const set =
    <K extends keyof SignPlanInput>(k: K) =>
    (v: SignPlanInput[K]) =>
      setForm((f) => ({ ...f, [k]: v }));
  const busy = sign.isPending;
  const title = t('versions.form.title', { n: p.nextNo });

  const confirm = () =>
    sign.mutate(form, {
      onSuccess: (v) => p.onDone(v),
      onError: back,
    });

  return (
    <form
      ref={ref}
      className="ca-inline-form pv-sign-form"
      aria-label={t('versions.signOpen')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        sign.reset();
        setConfirming(true);
      }}
    >
      <h4>{title}</h4>
      <p className="muted small">{t('versions.form.intro', { n: p.nextNo })}</p>
      <ErrorBanner error={err} />
      <fieldset className="pv-sign-fields" disabled={confirming || busy}>
        <div className="row">
          <TextField label={t('versions.form.citizenName')} help={t('versions.form.citizenNameHelp')} required value={form.citizenName} onChange={set('citizenName')} error={fe('citizenName')} />
          <DateField label={t('versions.form.citizenDate')} required value={form.citizenDate} onChange={set('citizenDate')} error={fe('citizenDate')} />
        </div>
        <RadioGroup
          label={t('versions.form.method')}
          required
          value={form.method}
          onChange={set('method')}
          options={(vocab.data?.signMethods ?? []).map((m) => ({ value: m, label: tx(`versions.method.${m}`) }))}
          error={fe('method')}
        />
        <div className="row">
          <DateField label={t('versions.form.workerDate')} help={t('versions.form.workerHelp', { name: p.workerName })} required value={form.workerDate} onChange={set('workerDate')} error={fe('workerDate')} />
        </div>
        {lead === null ? (
          <p className="muted small">{t('versions.form.leadOnly')}</p>
        ) : (
          <div className="row">
            <CheckField
              label={t('versions.form.lead')}
              help={lead ? t('versions.form.leadHelp', { name: lead }) : undefined}
              checked={form.leadApproval}
              error={fe('leadApproval')}
              onChange={(leadApproval) => setForm((f) => ({ ...f, leadApproval, leadDate: leadApproval ? f.leadDate || todayIso() : '' }))}
            />
            {form.leadApproval && <DateField label={t('versions.form.leadDate')} required value={form.leadDate} onChange={set('leadDate')} error={fe('leadDate')} />}
          </div>
        )}
        <TextArea label={t('versions.form.comment')} help={t('versions.form.commentHelp')} value={form.citizenComment} onChange={set('citizenComment')} error={fe('citizenComment')} rows={3} />
      </fieldset>
      {confirming ? (
        <div className="pv-confirm" role="group" aria-labelledby={`${confirmId}-title`}>
          <span id={`${confirmId}-title`} hidden>
            {t('versions.form.confirmTitle')}
          </span>
          <p id={`${confirmId}-text`}>{t('versions.form.confirmText', { next: p.nextNo + 1 })}</p>
          <div className="ca-form-actions">
            <BusyButton ref={confirmRef} type="button" className="primary" onClick={confirm} busy={busy} aria-describedby={`${confirmId}-text`}>
              {busy ? t('common.saving') : t('versions.form.confirm', { n: p.nextNo })}
            </BusyButton>
            <button type="button" onClick={back} disabled={busy}>
              {t('versions.form.back')}
            </button>
          </div>
        </div>
      ) : (
        <div className="ca-form-actions">
          <button ref={submitRef} type="submit" className="primary">
            {t('versions.form.submit', { n: p.nextNo })}
          </button>
          <button type="button" onClick={() => p.onDone()}>
            {t('common.cancel')}
          </button>
        </div>
      )}
    </form>
  );
}
