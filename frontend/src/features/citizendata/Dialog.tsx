import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import './citizendata.css';

/**
 * A modal dialog: focus moves into it and back to the opener when it closes; Escape closes
 * it unless the work inside is running (busy).
 */
export function Dialog(p: { title: string; onClose: () => void; busy?: boolean; children: ReactNode }) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const { onClose, busy } = p;
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>('input, select, button')?.focus();
    return () => opener?.focus?.();
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !busy) {
        e.preventDefault();
        onClose();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose, busy]);
  return createPortal(
    <div className="cd-backdrop">
      <div className="cd-dialog card" role="dialog" aria-modal="true" aria-labelledby={titleId} ref={ref}>
        <h2 id={titleId}>{p.title}</h2>
        {p.children}
      </div>
    </div>,
    document.body,
  );
}
