import { useState } from 'react';
import type { Course } from '../../api/client';
import { toAppError } from '../../api/errors';
import { useUpdateCourse, useVocabulary, useWorkers } from '../../api/queries';
import { fieldText } from '../../components/errorText';
import { DateField, SelectField } from '../../components/form';
import { ErrorBanner, FocusFirstInvalid } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { isoToDanish } from '../../lib/dates';
import { FrequencyForm } from '../../features/wizard/followup/ContactSection';
import { RenewingForm } from '../../features/wizard/followup/shared';
import { OverrideFields, WorkerSelect } from './WorkerSelect';
import { BusyButton } from '../../components/BusyButton';

/** The course's frame: responsible worker, dates and status, behind a disclosure. */
export function CourseSettings(p: { course: Course }) {
  const { t, tx, lang } = useI18n();
  const workers = useWorkers();
  const vocab = useVocabulary();
  const update = useUpdateCourse();
  const c = p.course;
  const [form, setForm] = useState({ workerId: c.worker.id, startDate: c.startDate, status: c.status, endDate: c.endDate, overrideReason: '' });
  const [showOverride, setShowOverride] = useState(false);
  const [triedOverride, setTriedOverride] = useState(false);
  const err = update.error ? toAppError(update.error) : null;
  const fe = (name: string) => fieldText(lang, err?.field(name));
  return (
    <details className="card course-settings">
      <summary>{t('course.settings')}</summary>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          setTriedOverride(showOverride);
          update.mutate(
            {
              id: c.id,
              ...form,
              // The end belongs to the closing: a closed course keeps it, a reopened one has none.
              endDate: form.status === 'closed' ? c.endDate : '',
              overrideReason: showOverride ? form.overrideReason : '',
            },
            {
              onError: (e) => {
                if (e.code === 'caseload_full' || e.code === 'override_requires_team_lead') setShowOverride(true);
              },
              onSuccess: () => setShowOverride(false),
            },
          );
        }}
      >
        <ErrorBanner error={err && !err.fields.length ? err : null} />
        <FocusFirstInvalid failure={err} />
        <div className="row">
          <WorkerSelect workers={workers.data ?? []} value={form.workerId} currentId={c.worker.id} onChange={(workerId) => setForm((f) => ({ ...f, workerId }))} error={fe('workerId')} />
          <SelectField
            label={t('course.status')}
            allowEmpty={false}
            value={form.status}
            onChange={(status) => setForm((f) => ({ ...f, status }))}
            options={(vocab.data?.statuses ?? []).filter((s) => s !== 'closed' || c.status === 'closed').map((s) => ({ value: s, label: tx(`enum.status.${s}`) }))}
            help={c.status === 'closed' ? t('course.reopenHelp') : t('course.closeThroughClosing')}
            error={fe('status')}
          />
        </div>
        <div className="row">
          <DateField label={t('course.startDate')} required value={form.startDate} onChange={(startDate) => setForm((f) => ({ ...f, startDate }))} error={fe('startDate')} />
          {c.status === 'closed' && (
            <div className="field">
              <span className="label">{t('course.endDate')}</span>
              <div>{isoToDanish(c.endDate)}</div>
              {fe('endDate') && <div className="error" role="alert">{fe('endDate')}</div>}
            </div>
          )}
        </div>
        {showOverride && (
          <OverrideFields
            reason={form.overrideReason}
            onReason={(overrideReason) => setForm((f) => ({ ...f, overrideReason }))}
            reasonError={fe('overrideReason')}
            missing={triedOverride && err?.code === 'caseload_full'}
          />
        )}
        <div className="form-actions">
          <BusyButton className="primary" type="submit" busy={update.isPending}>
            {t('course.saveSettings')}
          </BusyButton>
          {update.isSuccess && <span className="tone-ok">{t('course.updated')}</span>}
        </div>
      </form>
      {c.status !== 'closed' && (
        <div className="course-frequency" data-testid="course-frequency">
          <p className="muted">{t('course.frequencyIntro')}</p>
          <RenewingForm savedText={t('followup.freqSaved')}>{(h) => <FrequencyForm courseId={c.id} {...h} />}</RenewingForm>
        </div>
      )}
    </details>
  );
}
