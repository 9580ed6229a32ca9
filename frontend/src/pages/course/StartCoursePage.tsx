import { useState } from 'react';
import { useCitizen, useCreateCourse, useWorkers } from '../../api/queries';
import { toAppError } from '../../api/errors';
import { fieldText } from '../../components/errorText';
import { DateField } from '../../components/form';
import { ErrorBanner, FocusFirstInvalid, Loading, PageHeader } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { todayIso } from '../../lib/dates';
import { href, navigate } from '../../lib/router';
import { OverrideFields, WorkerSelect } from './WorkerSelect';
import { BusyButton } from '../../components/BusyButton';

const needsOverride = (code?: string) => code === 'caseload_full' || code === 'override_requires_team_lead';

/** Starts an ICM course: one responsible worker, within the caseload ceiling or with a lead's override. */
export function StartCoursePage(p: { citizenId: number }) {
  const { t, lang } = useI18n();
  const citizen = useCitizen(p.citizenId);
  const workers = useWorkers();
  const create = useCreateCourse();
  const [workerId, setWorkerId] = useState(0);
  const [startDate, setStartDate] = useState(todayIso());
  const [reason, setReason] = useState('');
  const [showOverride, setShowOverride] = useState(false);
  const [triedOverride, setTriedOverride] = useState(false);
  const err = create.error ? toAppError(create.error) : null;
  const fe = (name: string) => fieldText(lang, err?.field(name));

  if (citizen.isPending || workers.isPending) return <Loading />;
  if (citizen.error || workers.error) return <ErrorBanner error={toAppError(citizen.error ?? workers.error)} />;

  return (
    <>
      <PageHeader title={t('course.startTitle')} subtitle={citizen.data.name} />
      <form
        className="card form"
        onSubmit={(e) => {
          e.preventDefault();
          setTriedOverride(showOverride);
          create.mutate(
            { citizenId: p.citizenId, workerId, startDate, overrideReason: showOverride ? reason : '' },
            {
              onSuccess: (c) => navigate({ name: 'course', id: c.id, step: 'visitation' }),
              onError: (e) => {
                if (needsOverride(e.code)) setShowOverride(true);
              },
            },
          );
        }}
      >
        <p>{t('course.startIntro')}</p>
        <ErrorBanner error={err && !err.fields.length ? err : null} />
        <FocusFirstInvalid failure={err} />
        <WorkerSelect workers={workers.data} value={workerId} onChange={setWorkerId} error={fe('workerId')} />
        <DateField label={t('course.startDate')} required value={startDate} onChange={setStartDate} error={fe('startDate')} />
        {showOverride && (
          <OverrideFields
            reason={reason}
            onReason={setReason}
            reasonError={fe('overrideReason')}
            missing={triedOverride && err?.code === 'caseload_full'}
          />
        )}
        <div className="form-actions">
          <BusyButton className="primary" type="submit" busy={create.isPending}>
            {t('course.create')}
          </BusyButton>
          <a className="button" href={href({ name: 'citizen', id: p.citizenId })}>
            {t('common.cancel')}
          </a>
        </div>
      </form>
    </>
  );
}
