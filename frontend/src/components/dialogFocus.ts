import { useEffect, useRef, type RefObject } from 'react';

/** The controls Tab moves between inside a dialog. */
const focusable = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/**
 * Keeps the keyboard inside an open dialog (WCAG 2.1.2, 2.4.3): focus moves into it when it
 * opens (to `initial`, or else its first field or button), Tab and Shift+Tab go round its own
 * controls and never reach the page behind, Escape closes it unless `busy`, and when it
 * closes the focus goes back to whatever opened it.
 */
export function useDialogFocus(box: RefObject<HTMLElement | null>, p: { onClose: () => void; busy?: boolean; initial?: RefObject<HTMLElement | null> }) {
  // The latest onClose and busy, so that the listener below is set up once per opening.
  const state = useRef(p);
  state.current = p;
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const start = state.current.initial?.current ?? box.current?.querySelector<HTMLElement>('input, select, textarea, button');
    start?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !state.current.busy) {
        e.preventDefault();
        state.current.onClose();
        return;
      }
      if (e.key !== 'Tab' || !box.current) return;
      const all = Array.from(box.current.querySelectorAll<HTMLElement>(focusable)).filter((el) => !el.hasAttribute('disabled'));
      if (all.length === 0) {
        e.preventDefault();
        return;
      }
      const first = all[0];
      const last = all[all.length - 1];
      const inside = box.current.contains(document.activeElement);
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
}
