import { useId, type ReactNode } from 'react';
import { useI18n } from '../../../i18n/i18n';

/**
 * A labelled group of radio buttons for a number scale (0-5 for WHO-5, 0-4 for the weekly
 * check). Native radios in one group, so the arrow keys move between the answers; each
 * answer reads as "3 – Over halvdelen af tiden". A `required` group puts `required` on its
 * radios (how a screen reader learns the group needs an answer) and a star in the legend; the
 * form says `noValidate`, so the form's own check, not the browser's bubble, says what is missing.
 * The error is plain text tied by aria-describedby (no live region): the form moves the focus
 * to the first unanswered group, which then reads it once.
 */
export function ScaleGroup(p: {
  legend: ReactNode;
  words: string[]; // one per value, starting at 0
  value: number | null;
  onChange: (v: number) => void;
  error?: string;
  help?: string;
  disabled?: boolean;
  idPrefix?: string;
  compact?: boolean;
  required?: boolean;
}) {
  const { t } = useI18n();
  const auto = useId();
  const name = p.idPrefix ?? auto;
  const described = [p.help ? `${name}-help` : '', p.error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={`fu-scale-group ${p.error ? 'field-invalid' : ''}`} aria-describedby={described}>
      <legend>
        {p.legend}
        {p.required && (
          <span className="req" aria-hidden="true" title={t('common.required')}>
            {' '}
            *
          </span>
        )}
      </legend>
      {p.help && (
        <div className="help" id={`${name}-help`}>
          {p.help}
        </div>
      )}
      <div className={`fu-scale ${p.compact ? 'fu-scale-compact' : ''}`} style={{ ['--fu-cols' as string]: p.words.length }}>
        {p.words.map((word, v) => (
          <label key={v} className={`fu-scale-opt ${p.value === v ? 'on' : ''} fu-level-${v}-of-${p.words.length - 1}`}>
            <input
              type="radio"
              id={`${name}-${v}`}
              name={name}
              value={v}
              checked={p.value === v}
              aria-label={`${v} – ${word}`}
              aria-invalid={p.error ? true : undefined}
              required={p.required}
              disabled={p.disabled}
              onChange={() => p.onChange(v)}
            />
            <span className="fu-scale-num" aria-hidden="true">
              {v}
            </span>
            <span className="fu-scale-word" aria-hidden="true">
              {word}
            </span>
          </label>
        ))}
      </div>
      {p.error && (
        <div className="error" id={`${name}-error`}>
          {p.error}
        </div>
      )}
    </fieldset>
  );
}
