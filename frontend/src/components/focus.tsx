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

/** A status line's state: its text, and a way to say something and move the focus there. */
export interface StatusLineState {
  ref: RefObject<HTMLParagraphElement | null>;
  text: string;
  /**
   * Shows `text` and moves the keyboard focus to the line (after a save); `focus: false`
   * only shows it, when the focus goes elsewhere (after a delete).
   */
  say: (text: string, o?: { focus?: boolean }) => void;
  /** Empties the line (when the worker starts typing again). */
  clear: () => void;
}

/** The state behind a StatusLine. */
export function useStatusLine(): StatusLineState {
  const ref = useRef<HTMLParagraphElement>(null);
  const [msg, setMsg] = useState({ text: '', n: 0 });
  const focusNext = useRef(false);
  useEffect(() => {
    if (!focusNext.current) return;
    focusNext.current = false;
    ref.current?.focus();
  }, [msg]);
  return {
    ref,
    text: msg.text,
    say: (text, o) => {
      focusNext.current = o?.focus ?? true;
      setMsg((m) => ({ text, n: m.n + 1 }));
    },
    clear: () => setMsg((m) => (m.text ? { text: '', n: m.n } : m)),
  };
}

/**
 * A line that says what just happened ("Målet er gemt."). It is mounted once and only its
 * text changes, so screen readers announce it (a live region inserted with its text often
 * is not), and it takes the focus after a save, so the next Tab goes on from there instead
 * of from the top of the page.
 */
export function StatusLine(p: { status: StatusLineState; className?: string; testId?: string }) {
  return (
    <p ref={p.status.ref} className={`status-line tone-ok ${p.className ?? ''}`} role="status" tabIndex={-1} data-testid={p.testId}>
      {p.status.text ? `✓ ${p.status.text}` : ''}
    </p>
  );
}
