import { useId, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { danishToIso, isoToDanish } from '../lib/dates';

interface FieldProps {
  label: string;
  help?: string;
  error?: string;
  required?: boolean;
  className?: string;
}

/** A labelled field: the label, help and error are tied to the input for screen readers. */
function Field(props: FieldProps & { id: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className={`field ${props.error ? 'field-invalid' : ''} ${props.className ?? ''}`}>
      <label htmlFor={props.id}>
        {props.label}
        {props.required && (
          <span className="req" aria-hidden="true" title={t('common.required')}>
            {' '}
            *
          </span>
        )}
      </label>
      {props.children}
      {props.help && <div className="help" id={`${props.id}-help`}>{props.help}</div>}
      {props.error && (
        <div className="error" id={`${props.id}-error`}>
          {props.error}
        </div>
      )}
    </div>
  );
}

function described(id: string, p: FieldProps): string | undefined {
  const ids = [p.help ? `${id}-help` : '', p.error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** autoComplete names the input's purpose (WCAG 1.3.5), e.g. "username" or "current-password". */
export function TextField(
  p: FieldProps & {
    value: string;
    onChange: (v: string) => void;
    onBlur?: () => void;
    type?: string;
    maxLength?: number;
    autoFocus?: boolean;
    inputMode?: 'text' | 'decimal' | 'tel' | 'email';
    autoComplete?: string;
  },
) {
  const id = useId();
  return (
    <Field {...p} id={id}>
      <input
        id={id}
        type={p.type ?? 'text'}
        value={p.value}
        inputMode={p.inputMode}
        maxLength={p.maxLength}
        autoFocus={p.autoFocus}
        autoComplete={p.autoComplete}
        aria-invalid={!!p.error}
        aria-required={p.required || undefined}
        aria-describedby={described(id, p)}
        onChange={(e) => p.onChange(e.target.value)}
        onBlur={p.onBlur}
      />
    </Field>
  );
}

export function TextArea(p: FieldProps & { value: string; onChange: (v: string) => void; onBlur?: () => void; rows?: number }) {
  const id = useId();
  return (
    <Field {...p} id={id}>
      <textarea
        id={id}
        rows={p.rows ?? 3}
        value={p.value}
        aria-invalid={!!p.error}
        aria-required={p.required || undefined}
        aria-describedby={described(id, p)}
        onChange={(e) => p.onChange(e.target.value)}
        onBlur={p.onBlur}
      />
    </Field>
  );
}

export interface Option {
  value: string;
  label: string;
  disabled?: boolean;
}

export function SelectField(p: FieldProps & { value: string; options: Option[]; onChange: (v: string) => void; allowEmpty?: boolean }) {
  const id = useId();
  const { t } = useI18n();
  return (
    <Field {...p} id={id}>
      <select
        id={id}
        value={p.value}
        aria-invalid={!!p.error}
        aria-required={p.required || undefined}
        aria-describedby={described(id, p)}
        onChange={(e) => p.onChange(e.target.value)}
      >
        {(p.allowEmpty ?? true) && <option value="">{t('common.choose')}</option>}
        {p.options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** The legend of a group of choices, with the required mark as a Field's label has it. */
function GroupLegend(p: { label: string; required?: boolean }) {
  const { t } = useI18n();
  return (
    <legend>
      {p.label}
      {p.required && (
        <span className="req" aria-hidden="true" title={t('common.required')}>
          {' '}
          *
        </span>
      )}
    </legend>
  );
}

/** The help and error under a group of choices; their ids are in the fieldset's aria-describedby (see described). */
function GroupNotes(p: FieldProps & { id: string }) {
  return (
    <>
      {p.help && (
        <div className="help" id={`${p.id}-help`}>
          {p.help}
        </div>
      )}
      {p.error && (
        <div className="error" id={`${p.id}-error`}>
          {p.error}
        </div>
      )}
    </>
  );
}

/**
 * A group of choices where one may be picked; shown as radio buttons in a fieldset. A required
 * group puts `required` on its radios, which is how HTML tells a screen reader that the whole
 * group needs a choice (the legend's star is for the eye only). A form that holds one says
 * `noValidate`, so that the backend's coded error, not the browser's bubble, tells what is missing.
 */
export function RadioGroup(p: FieldProps & { value: string; options: Option[]; onChange: (v: string) => void }) {
  const name = useId();
  return (
    <fieldset className={`field choice-group ${p.error ? 'field-invalid' : ''}`} aria-describedby={described(name, p)}>
      <GroupLegend label={p.label} required={p.required} />
      <div className="choices">
        {p.options.map((o) => (
          <label key={o.value} className="choice">
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={p.value === o.value}
              required={p.required}
              aria-invalid={p.error ? true : undefined}
              onChange={() => p.onChange(o.value)}
            />
            {o.label}
          </label>
        ))}
      </div>
      <GroupNotes {...p} id={name} />
    </fieldset>
  );
}

/** A group of choices where several may be picked. */
export function CheckboxGroup(p: FieldProps & { values: string[]; options: Option[]; onChange: (v: string[]) => void }) {
  const name = useId();
  const toggle = (v: string) =>
    p.onChange(p.values.includes(v) ? p.values.filter((x) => x !== v) : [...p.values, v]);
  return (
    <fieldset className={`field choice-group ${p.error ? 'field-invalid' : ''}`} aria-describedby={described(name, p)}>
      <GroupLegend label={p.label} required={p.required} />
      <div className="choices columns">
        {p.options.map((o) => (
          <label key={o.value} className="choice">
            <input
              type="checkbox"
              name={name}
              value={o.value}
              checked={p.values.includes(o.value)}
              aria-invalid={p.error ? true : undefined}
              onChange={() => toggle(o.value)}
            />
            {o.label}
          </label>
        ))}
      </div>
      <GroupNotes {...p} id={name} />
    </fieldset>
  );
}

/**
 * A date typed as dd.mm.åååå. The value is ISO; text that is not yet a date is passed on
 * as typed when the field loses focus, so the backend answers with a clear field error and
 * nothing the user typed disappears.
 */
export function DateField(p: FieldProps & { value: string; onChange: (v: string) => void }) {
  const id = useId();
  const { t } = useI18n();
  const [text, setText] = useState(() => isoToDanish(p.value));
  const [lastValue, setLastValue] = useState(p.value);
  if (p.value !== lastValue) {
    // the value changed from outside (loaded or reset): show it
    setLastValue(p.value);
    if (danishToIso(text) !== p.value && text !== p.value) setText(isoToDanish(p.value));
  }
  const commit = (raw: string) => {
    const iso = raw.trim() === '' ? '' : danishToIso(raw);
    const next = iso ?? raw.trim();
    setLastValue(next);
    if (next !== p.value) p.onChange(next);
  };
  return (
    <Field {...p} id={id} help={p.help ?? t('common.dateFormat')}>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        placeholder={t('common.dateFormat')}
        value={text}
        aria-invalid={!!p.error}
        aria-required={p.required || undefined}
        aria-describedby={described(id, { ...p, help: 'x' })}
        onChange={(e) => {
          setText(e.target.value);
          const iso = danishToIso(e.target.value);
          if (iso) commit(e.target.value);
        }}
        onBlur={() => commit(text)}
        className="date-input"
      />
    </Field>
  );
}
