import { useState } from 'react';
import { useSaveCover } from '../../api/coverQueries';
import { useCitizens, useWorkers } from '../../api/queries';
import { BusyButton } from '../../components/BusyButton';
import { useFocusFirstField } from '../../components/focus';
import { CheckboxGroup, DateField, RadioGroup, SelectField, TextField } from '../../components/form';
import { ErrorBanner, FocusFirstInvalid } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { coverFieldError } from './coverErrors';
import { coverText } from './i18n';

interface FormState {
  workerId: string;
  coverWorkerId: string;
  from: string;
  to: string;
  note: string;
  scope: 'all' | 'some';
  citizenIds: string[];
}

const empty: FormState = { workerId: '', coverWorkerId: '', from: '', to: '', note: '', scope: 'all', citizenIds: [] };

/**
 * The team lead's form for a new cover: the worker who is away, the colleague (active, not
 * the same worker), the period in Danish dates, all the worker's citizens or some of those
 * with an open course, and a note. Go validates; each error shows at its field.
 */
export function CoverForm(p: { onDone: (saved: boolean) => void }) {
  const { lang } = useI18n();
  const x = coverText[lang];
  const workers = useWorkers();
  const citizens = useCitizens('');
  const save = useSaveCover();
  const [f, setF] = useState<FormState>(empty);
  const err = save.error;
  const fe = (field: string) => coverFieldError(lang, err, field);
  const active = (workers.data ?? []).filter((w) => w.active);
  const worker = active.find((w) => String(w.id) === f.workerId);
  // The worker's citizens with an open course (initials are unique in the team).
  const own = worker
    ? (citizens.data ?? []).filter((c) => c.workerInitials === worker.initials && c.courseStatus && c.courseStatus !== 'closed')
    : [];
  const set = <K extends keyof FormState>(k: K) => (v: FormState[K]) => setF((s) => ({ ...s, [k]: v }));
  const ref = useFocusFirstField<HTMLFormElement>();
  return (
    <form
      ref={ref}
      className="form cover-form"
      aria-label={x.formTitle}
      onSubmit={(e) => {
        e.preventDefault();
        if (save.isPending) return;
        save.mutate(
          {
            workerId: Number(f.workerId) || 0,
            coverWorkerId: Number(f.coverWorkerId) || 0,
            from: f.from,
            to: f.to,
            note: f.note,
            some: f.scope === 'some',
            citizenIds: f.scope === 'some' ? f.citizenIds.map(Number) : [],
          },
          { onSuccess: () => p.onDone(true) },
        );
      }}
    >
      <h3>{x.formTitle}</h3>
      <ErrorBanner error={err && !err.fields.length ? err : null} />
      <FocusFirstInvalid failure={err} />
      <div className="row">
        <SelectField
          label={x.worker}
          required
          value={f.workerId}
          onChange={(v) => setF((s) => ({ ...s, workerId: v, citizenIds: [] }))}
          options={active.map((w) => ({ value: String(w.id), label: `${w.name} (${w.initials})` }))}
          error={fe('workerId')}
        />
        <SelectField
          label={x.cover}
          required
          value={f.coverWorkerId}
          onChange={set('coverWorkerId')}
          options={active.map((w) => ({ value: String(w.id), label: `${w.name} (${w.initials})`, disabled: String(w.id) === f.workerId }))}
          error={fe('coverWorkerId')}
        />
      </div>
      <div className="row">
        <DateField label={x.from} required value={f.from} onChange={set('from')} error={fe('from')} />
        <DateField label={x.to} required value={f.to} onChange={set('to')} error={fe('to')} />
      </div>
      <RadioGroup
        label={x.scope}
        value={f.scope}
        onChange={(v) => set('scope')(v === 'some' ? 'some' : 'all')}
        options={[
          { value: 'all', label: x.scopeAll },
          { value: 'some', label: x.scopeSome },
        ]}
      />
      {f.scope === 'some' &&
        (!worker ? (
          <p className="help">{x.chooseWorkerFirst}</p>
        ) : own.length === 0 ? (
          <p className="help">{x.noCitizens}</p>
        ) : (
          <CheckboxGroup
            label={x.citizens}
            values={f.citizenIds}
            onChange={set('citizenIds')}
            options={own.map((c) => ({ value: String(c.id), label: c.name }))}
            error={fe('citizenIds')}
          />
        ))}
      {f.scope === 'some' && (!worker || own.length === 0) && fe('citizenIds') && (
        <div className="error" role="alert">
          {fe('citizenIds')}
        </div>
      )}
      <TextField label={x.note} value={f.note} onChange={set('note')} maxLength={200} error={fe('note')} />
      <div className="form-actions">
        <BusyButton className="primary" type="submit" busy={save.isPending}>
          {x.save}
        </BusyButton>
        <button type="button" onClick={() => p.onDone(false)}>
          {x.cancel}
        </button>
      </div>
    </form>
  );
}
