import type { ComponentPropsWithRef } from 'react';
import './busyButton.css';

/**
 * A button whose work is running (a save, a delete): it looks and is announced as unavailable
 * (aria-disabled) and ignores clicks, but stays focusable. A `disabled` button would drop the
 * keyboard focus to the page body in some engines while the work runs (WCAG 2.4.3), so the
 * next Tab would start from the top. Use `disabled` only for buttons that are unavailable
 * for a reason other than running work. `ref` reaches the button (a prop in React 19), for
 * forms that put the focus back on it.
 */
export function BusyButton({ busy, onClick, ...rest }: ComponentPropsWithRef<'button'> & { busy: boolean }) {
  return (
    <button
      type="button"
      {...rest}
      aria-disabled={busy || rest.disabled ? true : undefined}
      onClick={(e) => {
        if (busy) {
          e.preventDefault(); // also stops a submit button from submitting again
          return;
        }
        onClick?.(e);
      }}
    />
  );
}
