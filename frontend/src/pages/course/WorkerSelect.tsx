import type { Worker } from '../../api/client';
import { SelectField } from '../../components/form';
import { useActingLead } from '../../features/auth/session';
import { useI18n } from '../../i18n/i18n';

/** Picks the responsible worker; each option shows the caseload as "n of max". */
export function WorkerSelect(p: { workers: Worker[]; value: number; onChange: (id: number) => void; error?: string; currentId?: number }) {
  const { t } = useI18n();
  const options = p.workers
    .filter((w) => w.active || w.id === p.currentId)
    .map((w) => {
      const full = w.openCourses >= w.maxCaseload && w.id !== p.currentId;
      return {
        value: String(w.id),
        label: t('course.workerOption', { name: w.name, open: w.openCourses, max: w.maxCaseload }) + (full ? ` – ${t('course.workerFull')}` : ''),
      };
    });
  return (
    <SelectField
      label={t('course.worker')}
      required
      value={p.value ? String(p.value) : ''}
      options={options}
      onChange={(v) => p.onChange(Number(v) || 0)}
      error={p.error}
    />
  );
}

/**
 * The reason needed to go over the caseload ceiling. The exception is the signed-in team
 * lead's: a worker is told to ask the team lead, who signs in and records it.
 */
export function OverrideFields(p: { reason: string; onReason: (v: string) => void; reasonError?: string; missing?: boolean }) {
  const { t } = useI18n();
  const lead = useActingLead();
  // Saved again without a reason: the server says "caseload full" once more, and the field
  // that lacks the reason is the one to mark, not only the message above the form.
  const reasonError = p.reasonError ?? (p.missing && !p.reason.trim() ? t('course.overrideReasonMissing') : undefined);
  return (
    <fieldset className="override">
      <legend>{t('course.overrideTitle')}</legend>
      <p>{t('course.overrideIntro')}</p>
      {lead === null ? (
        <p className="banner banner-warn" data-testid="override-lead-only">
          {t('course.overrideLeadOnly')}
        </p>
      ) : (
        <OverrideReason reason={p.reason} onReason={p.onReason} reasonError={reasonError} lead={lead} />
      )}
    </fieldset>
  );
}

function OverrideReason(p: { reason: string; onReason: (v: string) => void; reasonError?: string; lead: string }) {
  const { t } = useI18n();
  return (
    <>
      <div className={`field ${p.reasonError ? 'field-invalid' : ''}`}>
        <label htmlFor="override-reason">{t('course.overrideReason')}</label>
        <textarea
          id="override-reason"
          rows={3}
          value={p.reason}
          onChange={(e) => p.onReason(e.target.value)}
          aria-invalid={!!p.reasonError}
          aria-required="true"
          aria-describedby={p.reasonError ? 'override-reason-error' : undefined}
        />
        {p.reasonError && (
          <div className="error" id="override-reason-error">
            {p.reasonError}
          </div>
        )}
      </div>
      {p.lead && <p className="small muted">{t('course.overrideByYou', { name: p.lead })}</p>}
    </>
  );
}
