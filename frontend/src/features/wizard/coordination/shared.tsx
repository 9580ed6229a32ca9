// Small pieces shared by the coordination and advocacy steps.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { AppError } from '../../../api/errors';
import { toAppError } from '../../../api/errors';
import { fieldText } from '../../../components/errorText';
import { useI18n } from '../../../i18n/i18n';
import { registerDirty } from '../../../lib/unsaved';
import './coordination.css';

/** What the step still lacks, as the method asks it (like the visitation step shows it). */
export function StepMissing(p: { missing: string[] }) {
  const { t, tx } = useI18n();
  if (p.missing.length === 0) return null;
  return (
    <div className="banner banner-info" data-testid="step-missing">
      <strong>{t('course.missing')}:</strong> {p.missing.map((m) => tx(`requirement.${m}`)).join(' · ')}
    </div>
  );
}

/** A section of a step with a heading, a short explanation and an optional action button. */
export function StepSection(p: { id: string; title: string; count?: string; intro?: string; action?: ReactNode; children: ReactNode }) {
  return (
    <section className="ca-section" aria-labelledby={p.id}>
      <div className="ca-section-head">
        <div>
          <h3 id={p.id}>
            {p.title}
            {p.count && <span className="ca-count">{p.count}</span>}
          </h3>
          {p.intro && <p className="muted">{p.intro}</p>}
        </div>
        {p.action}
      </div>
      {p.children}
    </section>
  );
}

/**
 * Tells the window-close guard that a form holds typed but unsaved text, so closing the
 * app asks before throwing it away.
 */
export function useUnsavedGuard(dirty: boolean) {
  const ref = useRef(dirty);
  ref.current = dirty;
  useEffect(() => registerDirty(() => ref.current), []);
}

/** Whether two plain values (form states) differ. */
export const differs = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);

/** The error of the last save or delete, and a lookup of its translated field messages. */
export function useFormErrors(...errors: unknown[]) {
  const { lang } = useI18n();
  const raw = errors.find((e) => e != null);
  const err: AppError | null = raw ? toAppError(raw) : null;
  return { err, fe: (name: string) => fieldText(lang, err?.field(name)) };
}

/** A labelled single checkbox with an optional help text and error. */
export function CheckField(p: { label: string; checked: boolean; onChange: (v: boolean) => void; help?: string; error?: string }) {
  const id = useId();
  const described = [p.help ? `${id}-help` : '', p.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ca-check-field ${p.error ? 'field-invalid' : ''}`}>
      <label className="choice">
        <input type="checkbox" checked={p.checked} aria-invalid={!!p.error} aria-describedby={described} onChange={(e) => p.onChange(e.target.checked)} /> {p.label}
      </label>
      {p.help && (
        <div className="help" id={`${id}-help`}>
          {p.help}
        </div>
      )}
      {p.error && (
        <div className="error" id={`${id}-error`}>
          {p.error}
        </div>
      )}
    </div>
  );
}

/** Newest first by an ISO date, then by id (later entered first). */
export function newestFirst<T extends { id: number }>(list: T[], date: (x: T) => string): T[] {
  return [...list].sort((a, b) => (date(a) === date(b) ? b.id - a.id : date(a) < date(b) ? 1 : -1));
}
