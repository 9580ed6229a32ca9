import { useEffect, useRef, type RefObject } from 'react';

/** The controls Tab moves between inside a dialog. */
const focusable = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/** The controls an opening dialog may start on: its fields first, then its buttons. */
const startable = 'input:not([type="hidden"]), select, textarea, button';

/**
 * Whether the keyboard can reach a control now: not disabled (also aria-disabled buttons stay
 * reachable, as they keep focus while busy), not inside an inert part, and painted (not in a
 * closed <details>, display:none or hidden).
 */
export function reachable(el: HTMLElement): boolean {
  if (el.matches(':disabled') || el.closest('[inert]')) return false;
  if (typeof el.checkVisibility === 'function') return el.checkVisibility({ visibilityProperty: true });
  // Engines without checkVisibility (and jsdom, which paints nothing): walk the ancestors.
  for (let n: HTMLElement | null = el; n; n = n.parentElement) {
    if (n.hidden || getComputedStyle(n).display === 'none' || getComputedStyle(n).visibility === 'hidden') return false;
    const parent = n.parentElement;
    if (parent instanceof HTMLDetailsElement && !parent.open && n.tagName !== 'SUMMARY') return false;
  }
  return true;
}

/** The first control of `box` the keyboard can reach, matching `selector`. */
function firstReachable(box: HTMLElement, selector: string): HTMLElement | undefined {
  return Array.from(box.querySelectorAll<HTMLElement>(selector)).find(reachable);
}

/**
 * Keeps the keyboard inside an open dialog (WCAG 2.1.2, 2.4.3): focus moves into it when it
 * opens (to `initial`, or else its first field or button, or else the dialog box itself while
 * it has no control yet), Tab and Shift+Tab go round its own controls and never reach the
 * page behind, Escape closes it unless `busy`, and when it closes the focus goes back to
 * whatever opened it. A new `focusKey` (the dialog's stage: form, preview, done) moves the
 * focus in again, as the stage's controls replace the ones that held it. The keys are left
 * alone while the dialog is under another layer (the lock screen makes it inert) or the key
 * was pressed outside it.
 */
export function useDialogFocus(
  box: RefObject<HTMLElement | null>,
  p: { onClose: () => void; busy?: boolean; initial?: RefObject<HTMLElement | null>; focusKey?: string | number },
) {
  // The latest onClose and busy, so that the listener below is set up once per opening.
  const state = useRef(p);
  state.current = p;
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const onKey = (e: KeyboardEvent) => {
      const dialog = box.current;
      if (!dialog || dialog.closest('[inert]')) return;
      const target = e.target as Node | null;
      if (target && target !== document && target !== document.body && !dialog.contains(target)) return;
      if (e.key === 'Escape' && !state.current.busy) {
        e.preventDefault();
        state.current.onClose();
        return;
      }
      if (e.key !== 'Tab') return;
      const all = Array.from(dialog.querySelectorAll<HTMLElement>(focusable)).filter(reachable);
      if (all.length === 0) {
        e.preventDefault();
        return;
      }
      const first = all[0];
      const last = all[all.length - 1];
      const inside = dialog.contains(document.activeElement);
      if (e.shiftKey && (!inside || document.activeElement === first)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (!inside || document.activeElement === last)) {
        e.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      if (opener?.isConnected) opener.focus();
    };
  }, [box]);
  // After the listener above (which notes the opener), so the opener is not the start.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const start = state.current.initial?.current ?? firstReachable(el, startable) ?? el;
    start.focus();
  }, [box, p.focusKey]);
}
