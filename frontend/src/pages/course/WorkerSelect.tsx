import type { Worker } from '../../api/client';
import { SelectField } from '../../components/form';
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

/** The team lead and reason needed to go over the caseload ceiling. */
export function OverrideFields(p: {
  workers: Worker[];
  reason: string;
  byId: number;
  onReason: (v: string) => void;
  onBy: (id: number) => void;
  reasonError?: string;
}) {
  const { t } = useI18n();
  const leads = p.workers.filter((w) => w.active && w.role === 'team_lead');
  return (
    <fieldset className="override">
      <legend>{t('course.overrideTitle')}</legend>
      <p>{t('course.overrideIntro')}</p>
      <div className="field">
        <label htmlFor="override-reason">{t('course.overrideReason')}</label>
        <textarea id="override-reason" rows={3} value={p.reason} onChange={(e) => p.onReason(e.target.value)} aria-invalid={!!p.reasonError} />
        {p.reasonError && (
          <div className="error" role="alert">
            {p.reasonError}
          </div>
        )}
      </div>
      <SelectField
        label={t('course.overrideBy')}
        value={p.byId ? String(p.byId) : ''}
        onChange={(v) => p.onBy(Number(v) || 0)}
        options={leads.map((w) => ({ value: String(w.id), label: `${w.name} (${w.initials})` }))}
      />
    </fieldset>
  );
}
