import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import './modal.css';

/** The controls Tab moves between inside a dialog. */
const focusable = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog: focus moves to its first field or button, stays inside while it is open
 * (Tab goes round its controls) and goes back to the opener when it closes; Escape or a
 * click on the backdrop closes it, unless the work inside is running (busy). `wide` is for dialogs with tables (the import preview).
 */
export function Modal(p: { title: string; onClose: () => void; busy?: boolean; wide?: boolean; children: ReactNode }) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  // The latest onClose and busy, so the listeners below are set up once.
  const state = useRef({ onClose: p.onClose, busy: p.busy });
  state.current = { onClose: p.onClose, busy: p.busy };
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    box.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !state.current.busy) {
        e.preventDefault();
        state.current.onClose();
      }
      if (e.key === 'Tab' && box.current) {
        // Tab and Shift+Tab go round the dialog's own controls, never to the page behind.
        const all = Array.from(box.current.querySelectorAll<HTMLElement>(focusable)).filter((el) => !el.hasAttribute('disabled'));
        if (all.length === 0) return;
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
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      opener?.focus?.();
    };
  }, []);
  return createPortal(
    <div
      className="modal-backdrop"
      onMouseDown={(e) => e.target === e.currentTarget && !state.current.busy && state.current.onClose()}
    >
      <div
        ref={box}
        className={p.wide ? 'card modal modal-wide' : 'card modal'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
      >
        <h2 id={titleId}>{p.title}</h2>
        {p.children}
      </div>
    </div>,
    document.body,
  );
}
