import { useEffect, useRef } from 'react';
import { useI18n, type I18n } from '../i18n/i18n';
import type { Route } from '../lib/router';

/** Fields the worker may be typing in: focus is never taken from them. */
const typing = 'input, select, textarea, [contenteditable="true"]';

/** How long a new screen may take to load before its heading is given up on (ms). */
const waitForHeading = 3000;

/** The heading to move to on a change of screen: the step's own for a new step of the same course. */
function targetFor(prev: Route | null, next: Route): string {
  if (prev?.name === 'course' && next.name === 'course' && prev.id === next.id && prev.step !== next.step) return '#step-title';
  return '#main-content h1';
}

/** Moves the focus to el, which becomes focusable by script only (tabindex -1) if it is not. */
export function focusHeading(el: HTMLElement) {
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.focus();
}

/**
 * On a change of screen, moves the focus to the new screen's heading (WCAG 2.4.3), so a
 * screen reader says where the worker is and Tab goes on from the top of the content; a
 * new step of the same course focuses the step's heading. It waits for the heading while
 * the screen loads, and never takes the focus from a field the worker has moved into. The
 * first screen shown is left alone: reading starts at the top, where the skip link is.
 */
export function useFocusOnScreenChange(route: Route) {
  const prev = useRef<Route | null>(null);
  const key = JSON.stringify(route);
  useWindowTitle(route);
  useEffect(() => {
    // The first screen after a start or a sign-in is read from the top, skip link first (and
    // React's development double run of effects is no change of screen either).
    const unchanged = prev.current === null || JSON.stringify(prev.current) === key;
    const target = targetFor(prev.current, route);
    prev.current = route;
    if (unchanged) return;
    const until = Date.now() + waitForHeading;
    let frame = 0;
    const tryFocus = () => {
      if (document.activeElement?.closest(typing) || document.querySelector('[aria-modal="true"]')) return;
      const el = document.querySelector<HTMLElement>(target);
      if (el) focusHeading(el);
      else if (Date.now() < until) frame = requestAnimationFrame(tryFocus);
    };
    frame = requestAnimationFrame(tryFocus);
    return () => cancelAnimationFrame(frame);
    // route is compared by value (key): a re-render with the same screen moves nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
}

/** The name of a screen for the window title: what kind of screen, never whose data it shows. */
export function screenName(route: Route, i18n: Pick<I18n, 't' | 'tx'>): string {
  const { t, tx } = i18n;
  switch (route.name) {
    case 'citizenNew':
      return t('citizens.newTitle');
    case 'citizen':
      return t('screens.citizen');
    case 'citizenEdit':
      return t('citizens.editTitle');
    case 'courseNew':
      return t('course.startTitle');
    case 'course':
      return t('screens.course', { step: tx(`steps.${route.step}`) });
    case 'sync':
      return t('screens.sync');
    default:
      return t(`nav.${route.name}`);
  }
}

/**
 * Names the window after the screen, "<screen> – ICM", in the UI's language (WCAG 2.4.2: it
 * is what a screen reader says when the worker switches to the app). Back to "ICM" when the
 * shell goes (signed out).
 */
function useWindowTitle(route: Route) {
  const i18n = useI18n();
  const title = i18n.t('screens.window', { screen: screenName(route, i18n) });
  useEffect(() => {
    document.title = title;
  }, [title]);
  useEffect(
    () => () => {
      document.title = 'ICM';
    },
    [],
  );
}

/** The first Tab stop of every screen: jumps past the menu to the screen's heading (WCAG 2.4.1). */
export function SkipLink() {
  const { t } = useI18n();
  return (
    <a
      className="skip-link"
      href="#main-content"
      onClick={(e) => {
        // The hash belongs to the router: jump by focus, not by address.
        e.preventDefault();
        const main = document.getElementById('main-content');
        const h1 = main?.querySelector<HTMLElement>('h1');
        if (h1) focusHeading(h1);
        else main?.focus();
      }}
    >
      {t('nav.skipToContent')}
    </a>
  );
}
