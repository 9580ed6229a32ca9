import { Fragment, useId, useState, type ReactNode } from 'react';
import type { AppError } from '../../../api/errors';
import { BusyButton } from '../../../components/BusyButton';
import { fieldText } from '../../../components/errorText';
import { StatusLine, useStatusLine } from '../../../components/focus';
import { ErrorBanner } from '../../../components/ui';
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

/** What a "new entry" form is told by the RenewingForm around it. */
export interface RenewingHooks {
  /** The entry is saved: start again blank and say so. */
  onSaved: () => void;
  /** The worker typed again: the "saved" line goes away. */
  onEdit: () => void;
}

/**
 * A "new entry" form that starts again blank after each save (it is re-mounted), with a
 * status line below it that is mounted once: it says what was saved and takes the focus, as
 * the button that held it is gone (WCAG 2.4.3, 4.1.3).
 */
export function RenewingForm(p: { savedText: string; children: (h: RenewingHooks) => ReactNode }) {
  const status = useStatusLine();
  const [key, setKey] = useState(0);
  const hooks: RenewingHooks = {
    onSaved: () => {
      setKey((k) => k + 1);
      status.say(p.savedText);
    },
    onEdit: status.clear,
  };
  return (
    <>
      <Fragment key={key}>{p.children(hooks)}</Fragment>
      <StatusLine status={status} className="fu-status" />
    </>
  );
}

/**
 * The frame of a follow-up "new entry" form: its name and heading, the error of the last
 * save, the fields, and a save button that keeps the focus while it saves.
 */
export function EntryForm(p: {
  label: string;
  title: string;
  error: AppError | null;
  busy: boolean;
  saveText: string;
  onSubmit: () => void;
  hint?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <form
      className="fu-form"
      aria-label={p.label}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        p.onSubmit();
      }}
    >
      <h4>{p.title}</h4>
      <ErrorBanner error={p.error} />
      {p.children}
      <div className="form-actions">
        <BusyButton type="submit" className="primary" busy={p.busy}>
          {p.busy ? t('common.saving') : p.saveText}
        </BusyButton>
        {p.hint}
      </div>
    </form>
  );
}

/** Runs a save and then `then`; a failure is shown by the form's banner and field errors. */
export async function saveThen(run: () => Promise<unknown>, then: () => void) {
  try {
    await run();
  } catch {
    return;
  }
  then();
}
