import { useEffect, useId, useRef, useState } from 'react';
import type { SignTemplateInput, TemplateVersion } from '../../api/template';
import { useSignTemplate } from '../../api/templateQueries';
import { DateField, TextArea } from '../../components/form';
import { ErrorBanner } from '../../components/ui';
import { differs, useFormErrors, useUnsavedGuard } from '../../features/wizard/coordination/shared';
import { BusyButton } from '../../components/BusyButton';
import { useFocusFirstField, useFocusFirstInvalid } from '../../components/focus';
import { useActingLead } from '../../features/auth/session';
import { useI18n } from '../../i18n/i18n';
import { todayIso } from '../../lib/dates';

/**
 * Signs the current template as the next version in the signed-in team lead's name: the
 * date (today unless changed) and an optional note. Submitting asks once more, because a signed
 * version cannot be changed; the backend's field errors show next to the fields.
 */
export function SignTemplateForm(p: { nextNo: number; agreed: number; total: number; onDone: (v?: TemplateVersion) => void }) {
  const { t } = useI18n();
  const lead = useActingLead();
  const sign = useSignTemplate();
  const [initial] = useState<SignTemplateInput>(() => ({ date: todayIso(), note: '' }));
  const [form, setForm] = useState<SignTemplateInput>(initial);
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
  const busy = sign.isPending;
  const confirm = () => sign.mutate(form, { onSuccess: (v) => p.onDone(v), onError: back });

  return (
    <form
      ref={ref}
      className="ca-inline-form pv-sign-form"
      aria-label={t('template.versions.signOpen')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        sign.reset();
        setConfirming(true);
      }}
    >
      <h3>{t('template.sign.title', { n: p.nextNo })}</h3>
      <p className="muted small">{t('template.sign.intro', { n: p.nextNo, agreed: p.agreed, total: p.total })}</p>
      {lead && <p data-testid="template-signer">{t('template.sign.signer', { name: lead })}</p>}
      <ErrorBanner error={err} />
      <fieldset className="pv-sign-fields" disabled={confirming || busy}>
        <div className="row">
          <DateField label={t('template.sign.date')} required value={form.date} onChange={(date) => setForm((f) => ({ ...f, date }))} error={fe('date')} />
        </div>
        <TextArea label={t('template.sign.note')} help={t('template.sign.noteHelp')} value={form.note} onChange={(note) => setForm((f) => ({ ...f, note }))} error={fe('note')} rows={2} />
      </fieldset>
      {confirming ? (
        <div className="pv-confirm" role="group" aria-labelledby={`${confirmId}-title`}>
          <span id={`${confirmId}-title`} hidden>
            {t('versions.form.confirmTitle')}
          </span>
          <p id={`${confirmId}-text`}>{t('template.sign.confirmText', { next: p.nextNo + 1 })}</p>
          <div className="ca-form-actions">
            <BusyButton ref={confirmRef} type="button" className="primary" onClick={confirm} busy={busy} aria-describedby={`${confirmId}-text`}>
              {busy ? t('common.saving') : t('template.sign.confirm', { n: p.nextNo })}
            </BusyButton>
            <button type="button" onClick={back} disabled={busy}>
              {t('template.sign.back')}
            </button>
          </div>
        </div>
      ) : (
        <div className="ca-form-actions">
          <button ref={submitRef} type="submit" className="primary">
            {t('template.sign.submit', { n: p.nextNo })}
          </button>
          <button type="button" onClick={() => p.onDone()}>
            {t('common.cancel')}
          </button>
        </div>
      )}
    </form>
  );
}
