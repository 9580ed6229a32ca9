import { useEffect, useRef, useState } from 'react';
import { useWorkers } from '../../api/queries';
import type { SignTemplateInput, TemplateVersion } from '../../api/template';
import { useSignTemplate } from '../../api/templateQueries';
import { DateField, SelectField, TextArea } from '../../components/form';
import { ErrorBanner } from '../../components/ui';
import { differs, useFocusFirstField, useFormErrors, useUnsavedGuard } from '../../features/wizard/coordination/shared';
import { useI18n } from '../../i18n/i18n';
import { todayIso } from '../../lib/dates';

/**
 * Signs the current template as the next version: an active team lead, the date (today
 * unless changed) and an optional note. Submitting asks once more, because a signed
 * version cannot be changed; the backend's field errors show next to the fields.
 */
export function SignTemplateForm(p: { nextNo: number; agreed: number; total: number; onDone: (v?: TemplateVersion) => void }) {
  const { t } = useI18n();
  const workers = useWorkers();
  const sign = useSignTemplate();
  const leads = (workers.data ?? []).filter((w) => w.active && w.role === 'team_lead');
  const [initial] = useState<SignTemplateInput>(() => ({ leadId: 0, date: todayIso(), note: '' }));
  const [form, setForm] = useState<SignTemplateInput>(initial);
  const [confirming, setConfirming] = useState(false);
  const { err, fe } = useFormErrors(sign.error);
  const ref = useFocusFirstField<HTMLFormElement>();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useUnsavedGuard(differs(form, initial));
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  // With a single team lead, there is nobody else to choose.
  useEffect(() => {
    if (leads.length === 1 && form.leadId === 0) setForm((f) => ({ ...f, leadId: leads[0].id }));
  }, [leads, form.leadId]);
  const busy = sign.isPending;
  const confirm = () => sign.mutate(form, { onSuccess: (v) => p.onDone(v), onError: () => setConfirming(false) });

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
      <ErrorBanner error={err} />
      <fieldset className="pv-sign-fields" disabled={confirming || busy}>
        <div className="row">
          <SelectField
            label={t('template.sign.lead')}
            help={t('template.sign.leadHelp')}
            required
            value={form.leadId ? String(form.leadId) : ''}
            onChange={(v) => setForm((f) => ({ ...f, leadId: Number(v) || 0 }))}
            options={leads.map((w) => ({ value: String(w.id), label: w.name }))}
            error={fe('leadId')}
          />
          <DateField label={t('template.sign.date')} required value={form.date} onChange={(date) => setForm((f) => ({ ...f, date }))} error={fe('date')} />
        </div>
        <TextArea label={t('template.sign.note')} help={t('template.sign.noteHelp')} value={form.note} onChange={(note) => setForm((f) => ({ ...f, note }))} error={fe('note')} rows={2} />
      </fieldset>
      {confirming ? (
        <div className="pv-confirm" role="alert">
          <p>{t('template.sign.confirmText', { next: p.nextNo + 1 })}</p>
          <div className="ca-form-actions">
            <button ref={confirmRef} type="button" className="primary" onClick={confirm} disabled={busy}>
              {busy ? t('common.saving') : t('template.sign.confirm', { n: p.nextNo })}
            </button>
            <button type="button" onClick={() => setConfirming(false)} disabled={busy}>
              {t('template.sign.back')}
            </button>
          </div>
        </div>
      ) : (
        <div className="ca-form-actions">
          <button type="submit" className="primary">
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
