import { useEffect, useRef, type RefObject } from 'react';

/** The controls Tab moves between inside a dialog. */
const focusable = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/** The fields an opening dialog starts on; with none, it starts on its first button. */
const fields = 'input:not([type="hidden"]), select, textarea';

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

/**
 * The dialog's Tab stops in order: reachable controls, and of a radio group only the one Tab
 * lands on (the checked radio, or the first while none is).
 */
export function tabStops(dialog: HTMLElement): HTMLElement[] {
  const all = Array.from(dialog.querySelectorAll<HTMLElement>(focusable)).filter(reachable);
  return all.filter((el) => {
    if (!(el instanceof HTMLInputElement) || el.type !== 'radio' || !el.name) return true;
    const group = all.filter((o): o is HTMLInputElement => o instanceof HTMLInputElement && o.type === 'radio' && o.name === el.name);
    const checked = group.find((o) => o.checked);
    return el === (checked ?? group[0]);
  });
}

/**
 * Where Tab (or Shift+Tab) goes from `active` so that it stays in the dialog; undefined when
 * the browser's own move stays inside. From outside the dialog it comes back in; from the
 * last (first) stop it wraps round; from something inside that is no Tab stop itself (a
 * stage's status line, the dialog box) it goes to the next (previous) stop after it.
 */
export function nextStop(all: HTMLElement[], dialog: HTMLElement, active: Element | null, back: boolean): HTMLElement | undefined {
  const first = all[0];
  const last = all[all.length - 1];
  if (!active || !dialog.contains(active)) return back ? last : first;
  const at = all.indexOf(active as HTMLElement);
  if (at >= 0) {
    if (back && at === 0) return last;
    if (!back && at === all.length - 1) return first;
    return all[at + (back ? -1 : 1)];
  }
  if (back) {
    const before = all.filter((el) => active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING);
    return before[before.length - 1] ?? last;
  }
  return all.find((el) => active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) ?? first;
}

/**
 * Where an opening dialog (or a new stage) starts: its first field the keyboard can reach,
 * even when a button comes before it (a form's fields are what the worker came to fill in),
 * or else its first button; of a radio group the radio Tab would land on. A dialog whose
 * first step is a button before its fields ("Vælg fil" before the passphrase) names that
 * button as its `initial`.
 */
export function startControl(box: HTMLElement): HTMLElement | undefined {
  const stops = tabStops(box);
  return stops.find((el) => el.matches(fields)) ?? stops.find((el) => el.tagName === 'BUTTON');
}

/**
 * The attribute of a layer that covers the whole page (the lock screen). While one is there, a
 * dialog outside it neither takes the focus nor answers keys, also in the moment before the
 * layer has made a newly mounted dialog inert.
 */
export const pageCoverAttr = 'data-covers-page';

/** The event a page cover sends on `document` once it is lifted and the page may take focus again. */
export const pageUncoveredEvent = 'icm:page-uncovered';

/** Whether `el` lies under a page cover or in an inert part, where it must leave focus and keys alone. */
function underCover(el: HTMLElement): boolean {
  if (el.closest('[inert]')) return true;
  const cover = document.querySelector(`[${pageCoverAttr}]`);
  return !!cover && !cover.contains(el);
}

/**
 * Keeps the keyboard inside an open dialog (WCAG 2.1.2, 2.4.3): focus moves into it when it
 * opens (to `initial`, or else its first field, or else its first button, or else the dialog
 * box itself while it has no control yet), Tab and Shift+Tab go round its own controls and
 * never reach the page behind, Escape closes it unless `busy`, and when it closes the focus
 * goes back to whatever opened it (when that is gone or disabled: the element named by the
 * data-focus-key `returnTo`, or else the screen's heading). A new
 * `focusKey` (the dialog's stage: form, preview, done) moves the focus in again, as the
 * stage's controls replace the ones that held it. The keys are left alone while the dialog is
 * under another layer (the lock screen) or pressed in another dialog; a key on the page behind
 * brings the focus back in. A dialog that opens or changes stage under the lock screen leaves
 * the password field alone and takes the focus when the lock is lifted. `startAtTop` keeps
 * the box scrolled to its top when the focus goes to a control at its foot.
 */
export function useDialogFocus(
  box: RefObject<HTMLElement | null>,
  p: { onClose: () => void; busy?: boolean; initial?: RefObject<HTMLElement | null>; focusKey?: string | number; returnTo?: string; startAtTop?: boolean },
) {
  // The latest onClose and busy, so that the listener below is set up once per opening.
  const state = useRef(p);
  state.current = p;
  // Where the focus goes back to on closing, and whether the dialog still wants the focus
  // that a page cover kept from it.
  const opener = useRef<HTMLElement | null>(null);
  const waiting = useRef(false);
  useEffect(() => {
    opener.current = document.activeElement as HTMLElement | null;
    const onKey = (e: KeyboardEvent) => {
      const dialog = box.current;
      if (!dialog || underCover(dialog)) return;
      const target = e.target instanceof Element ? e.target : null;
      const inDialog = !!target && dialog.contains(target);
      // A key in another layer (a dialog opened over this one, the lock screen) is that layer's.
      if (target && !inDialog && target.closest('[aria-modal="true"]')) return;
      if (e.key === 'Escape' && !state.current.busy) {
        e.preventDefault();
        state.current.onClose();
        return;
      }
      if (e.key !== 'Tab') return;
      const all = tabStops(dialog);
      if (all.length === 0) {
        e.preventDefault();
        return;
      }
      const next = nextStop(all, dialog, document.activeElement, e.shiftKey);
      if (next) {
        e.preventDefault();
        next.focus();
      }
    };
    // The cover has put the focus back where the worker was before it: that place (unless the
    // opener noted under the cover, its password field, is still there) is where closing
    // returns to, and the focus the dialog waited for goes in now.
    const onUncovered = () => {
      const dialog = box.current;
      if (!waiting.current || !dialog || underCover(dialog)) return;
      waiting.current = false;
      const back = document.activeElement;
      if (!opener.current?.isConnected && back instanceof HTMLElement && back !== document.body && !dialog.contains(back)) opener.current = back;
      focusStart(dialog, state.current.initial, state.current.startAtTop);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener(pageUncoveredEvent, onUncovered);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener(pageUncoveredEvent, onUncovered);
      closeFocus(opener.current, state.current.returnTo);
    };
  }, [box]);
  // After the listener above (which notes the opener), so the opener is not the start.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    waiting.current = underCover(el);
    if (!waiting.current) focusStart(el, state.current.initial, state.current.startAtTop);
  }, [box, p.focusKey]);
}

/**
 * Where the focus goes when a dialog closes: back to its opener while that is still on the
 * page and enabled (a disabled button cannot take the focus, which would stay on the page
 * body); else to the element whose data-focus-key is `returnTo`; else the screen's heading,
 * so that the focus is never left on the page body.
 */
export function closeFocus(opener: HTMLElement | null, returnTo?: string) {
  if (opener?.isConnected && !opener.matches(':disabled')) {
    opener.focus();
    return;
  }
  const back = returnTo ? document.querySelector<HTMLElement>(`[data-focus-key="${returnTo}"]`) : null;
  if (back && !back.matches(':disabled')) back.focus();
  else document.querySelector<HTMLElement>('#main-content h1')?.focus();
}

/**
 * Moves the focus to where a dialog (or its new stage) starts. With `atTop` (a dialog to be
 * read from its head whose start is a button at its foot, like About's Close) the focus does
 * not scroll the box: it stays scrolled to its top, also when zoomed so it must scroll.
 */
function focusStart(dialog: HTMLElement, initial?: RefObject<HTMLElement | null>, atTop?: boolean) {
  const el = initial?.current ?? startControl(dialog) ?? dialog;
  if (!atTop) {
    el.focus();
    return;
  }
  el.focus({ preventScroll: true });
  dialog.scrollTop = 0;
}
