import { useId, type ReactNode } from 'react';
import type { AppError } from '../../../api/errors';
import { fieldText } from '../../../components/errorText';
import { useI18n } from '../../../i18n/i18n';

/** One titled part of the follow-up screen; a named region, so it can be found and skipped to. */
export function Section(p: { title: string; intro?: ReactNode; aside?: ReactNode; className?: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className={`fu-section ${p.className ?? ''}`} aria-labelledby={id}>
      <header className="fu-section-head">
        <div>
          <h3 id={id}>{p.title}</h3>
          {p.intro && <p className="fu-intro">{p.intro}</p>}
        </div>
        {p.aside && <div className="fu-section-aside">{p.aside}</div>}
      </header>
      {p.children}
    </section>
  );
}

/** Field errors of a failed save, translated: fe('date'), fe('items.0.status'). */
export function useFieldErrors(err: AppError | null | undefined) {
  const { lang } = useI18n();
  return (name: string) => fieldText(lang, err?.field(name));
}

/** A calm "saved" line that screen readers announce. */
export function SavedNote(p: { show: boolean; text: string }) {
  return (
    <span className="fu-saved" role="status" aria-live="polite">
      {p.show ? `✓ ${p.text}` : ''}
    </span>
  );
}
