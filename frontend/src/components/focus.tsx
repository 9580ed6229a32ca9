// Where the keyboard focus goes when inline forms open and close (WCAG 2.4.3, 4.1.3).
import { useEffect, useRef, useState, type RefObject } from 'react';
import './focus.css';

/**
 * Puts the keyboard focus back after an inline form closes or a row is deleted: name the
 * data-focus-key of the elements to return to (the first one still on the page and not
 * disabled wins); it is focused after the next render.
 */
export function useFocusReturn(): (...keys: string[]) => void {
  const pending = useRef<string[]>([]);
  useEffect(() => {
    if (pending.current.length === 0) return;
    const keys = pending.current;
    pending.current = [];
    for (const k of keys) {
      const el = document.querySelector<HTMLElement>(`[data-focus-key="${k}"]`);
      if (el && !el.matches(':disabled')) {
        el.focus();
        return;
      }
    }
  });
  return (...keys: string[]) => {
    pending.current = keys;
  };
}

/**
 * Where the focus goes when row `index` of a list is deleted: the next row's key, else the
 * one before, else `fallback` (the list's heading, which carries tabIndex -1).
 */
export function keysAfterRemoval<T>(list: T[], index: number, key: (x: T) => string, fallback: string): string[] {
  const next = list[index + 1];
  const prev = index > 0 ? list[index - 1] : undefined;
  return [...(next ? [key(next)] : []), ...(prev ? [key(prev)] : []), fallback];
}

/** Focuses the first field of a form when it opens. */
export function useFocusFirstField<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input:not([type="hidden"]), select, textarea')?.focus();
  }, []);
  return ref;
}

/** The box a form's error belongs to: its form, dialog or section. */
function formBox(inside: Element): Element {
  return inside.closest('form, [role="dialog"], section') ?? inside.parentElement ?? inside;
}

/**
 * Moves the focus to the first field marked invalid in the form, dialog or section around
 * `inside` (or in `box` itself when `inside` is that box), unless the focus has already gone
 * elsewhere. Returns whether a field has the focus now.
 */
export function focusFirstInvalid(inside: Element, box: Element = formBox(inside)): boolean {
  const active = document.activeElement;
  if (active && active !== document.body && !box.contains(active)) return false;
  const field = box.querySelector<HTMLElement>('[aria-invalid="true"]:not(:disabled)');
  if (!field) return false;
  field.focus();
  return document.activeElement === field;
}

/**
 * After a failed save, moves the focus to the first field marked invalid in `box`, so the
 * worker lands where the error is instead of on the page body (WCAG 3.3.1, 2.4.3). `failure`
 * is the failed save's error (or any value that changes on each failed attempt); nothing
 * moves while it is null, or when the focus has already gone outside `box`.
 */
export function useFocusFirstInvalid(box: RefObject<HTMLElement | null>, failure: unknown) {
  useEffect(() => {
    const el = box.current;
    if (failure == null || failure === false || !el) return;
    focusFirstInvalid(el, el);
  }, [box, failure]);
}

/** A status line's state: its text, and a way to say something and move the focus there. */
export interface StatusLineState {
  ref: RefObject<HTMLParagraphElement | null>;
  /** The visible text. */
  text: string;
  /** The live region's text: filled only when the text is said without moving the focus. */
  live: string;
  /**
   * Shows `text` and moves the keyboard focus to the line (after a save), so a screen reader
   * reads it once, on focus. The focus moves only if it is on the page body or inside
   * `within` (by default the line's form, section or dialog): a worker who went on elsewhere
   * while the save ran keeps their place and hears the text from the live region instead.
   * `focus: false` only shows and announces it, when the focus goes elsewhere (after a delete).
   */
  say: (text: string, o?: { focus?: boolean; within?: Element | null }) => void;
  /** Empties the line (when the worker starts typing again). */
  clear: () => void;
}

/** Whether a status line may take the focus now (see StatusLineState.say). */
function mayTakeFocus(line: HTMLElement, within?: Element | null): boolean {
  const active = document.activeElement;
  if (!active || active === document.body || active === line) return true;
  const scope = within ?? line.closest('form, section, [role="dialog"]') ?? line.parentElement;
  return !!scope && scope.contains(active);
}

/** The state behind a StatusLine. */
export function useStatusLine(): StatusLineState {
  const ref = useRef<HTMLParagraphElement>(null);
  const [msg, setMsg] = useState({ text: '', live: '', n: 0 });
  const pending = useRef<{ focus: boolean; within?: Element | null } | null>(null);
  const frame = useRef(0);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  useEffect(() => {
    const how = pending.current;
    const line = ref.current;
    pending.current = null;
    if (!how || !line) return;
    if (how.focus && mayTakeFocus(line, how.within)) {
      if (document.activeElement === line) line.blur(); // the same line again is read again
      line.focus();
      return;
    }
    // The live region was emptied by say(); filling it a frame later is a change a screen
    // reader announces even when the text is the same as last time.
    const n = msg.n;
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setMsg((m) => (m.n === n ? { ...m, live: m.text } : m)));
  }, [msg.n]);
  return {
    ref,
    text: msg.text,
    live: msg.live,
    say: (text, o) => {
      pending.current = { focus: o?.focus ?? true, within: o?.within };
      setMsg((m) => ({ text, live: '', n: m.n + 1 }));
    },
    clear: () => setMsg((m) => (m.text || m.live ? { text: '', live: '', n: m.n } : m)),
  };
}

/**
 * A line that says what just happened ("Målet er gemt."), mounted once. One channel per
 * event, so a screen reader says it once: after a save the line takes the focus and is read
 * on focus (it is no live region itself); when the focus goes elsewhere the text also goes
 * into a live region beside it, which is always there (a live region inserted with its text
 * often is not announced). The visible copy is then hidden from screen readers, so reading
 * on past it does not say it twice. `data-status-line` marks the line for tests.
 */
export function StatusLine(p: { status: StatusLineState; className?: string; testId?: string }) {
  const { text, live } = p.status;
  return (
    <>
      <p ref={p.status.ref} className={`status-line tone-ok ${p.className ?? ''}`} tabIndex={-1} data-status-line data-testid={p.testId}>
        {text ? <span aria-hidden={live ? true : undefined}>{`✓ ${text}`}</span> : null}
      </p>
      <span role="status" className="sr-only">
        {live}
      </span>
    </>
  );
}
