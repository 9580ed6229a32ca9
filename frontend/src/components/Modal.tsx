import { useId, useRef, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { useDialogFocus } from './dialogFocus';
import './modal.css';

/**
 * A modal dialog: focus moves to its first field (or, with none, its first button), stays inside while it is open
 * (Tab goes round its controls) and goes back to the opener when it closes; Escape or a
 * click on the backdrop closes it, unless the work inside is running (busy). `wide` is for dialogs with tables (the import preview).
 * `focusKey` names the dialog's stage (form, preview, done): when it changes, the focus moves
 * to the new stage's first field or else button (`initial` when given), or to the dialog itself
 * while nothing in it can take focus (loading).
 */
export function Modal(p: {
  title: string;
  onClose: () => void;
  busy?: boolean;
  wide?: boolean;
  focusKey?: string | number;
  initial?: RefObject<HTMLElement | null>;
  /** The data-focus-key to return to when the opener is gone or disabled on closing. */
  returnTo?: string;
  children: ReactNode;
}) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const state = useRef({ onClose: p.onClose, busy: p.busy });
  state.current = { onClose: p.onClose, busy: p.busy };
  useDialogFocus(box, { onClose: () => state.current.onClose(), busy: p.busy, focusKey: p.focusKey, initial: p.initial, returnTo: p.returnTo });
  return createPortal(
    <div
      className="modal-backdrop"
      onMouseDown={(e) => e.target === e.currentTarget && !state.current.busy && state.current.onClose()}
    >
      <div
        ref={box}
        className={p.wide ? 'card modal modal-wide' : 'card modal'}
        role="dialog"
        tabIndex={-1}
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
