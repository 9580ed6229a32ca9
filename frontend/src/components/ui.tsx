import { cloneElement, isValidElement, useEffect, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { AppError } from '../api/errors';
import { useI18n } from '../i18n/i18n';
import { errorText } from './errorText';
import { focusFirstInvalid } from './focus';

/** A screen's heading; `titleLang` marks a title in another language than the UI's (for screen readers). */
export function PageHeader(p: { title: string; titleLang?: string; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="page-header">
      <div>
        {/* Takes the focus by script on a change of screen (screenFocus.tsx). */}
        <h1 tabIndex={-1} lang={p.titleLang}>
          {p.title}
        </h1>
        {p.subtitle && <div className="subtitle">{p.subtitle}</div>}
      </div>
      {p.actions && <div className="actions">{p.actions}</div>}
    </header>
  );
}

/**
 * A translated error message for a failed load or save. One announcement per refused save
 * (WCAG 4.1.3, 3.3.1): an error that is not about fields is an alert; an error about fields
 * is plain text, and the first wrong field of the banner's form takes the focus, so it reads
 * its label and its own error (tied by aria-describedby) once. Only if no wrong field can take
 * the focus (the worker went on elsewhere, or the field is not shown) is the text said as an alert.
 */
export function ErrorBanner(p: { error: AppError | null | undefined }) {
  const { lang } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const [unplaced, setUnplaced] = useState<AppError | null>(null);
  const aboutFields = !!p.error && p.error.fields.length > 0;
  useEffect(() => {
    const el = ref.current;
    if (!p.error || !aboutFields || !el) return;
    if (!focusFirstInvalid(el)) setUnplaced(p.error);
  }, [p.error, aboutFields]);
  if (!p.error) return null;
  const text = errorText(lang, p.error);
  if (!aboutFields) {
    return (
      <div className="banner banner-error" role="alert">
        {text}
      </div>
    );
  }
  const said = unplaced === p.error;
  return (
    <div ref={ref} className="banner banner-error" data-field-errors>
      <span aria-hidden={said || undefined}>{text}</span>
      {said && (
        <span role="alert" className="sr-only">
          {text}
        </span>
      )}
    </div>
  );
}

/**
 * For a form whose field errors show only beside the fields (no banner): after a refused
 * save (`failure` changes to a new non-null value), the first wrong field of the surrounding
 * form takes the focus and reads its own error. Renders an empty hidden marker.
 */
export function FocusFirstInvalid(p: { failure: unknown }) {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (p.failure == null || p.failure === false || !ref.current) return;
    focusFirstInvalid(ref.current);
  }, [p.failure]);
  return <span ref={ref} hidden data-focus-first-invalid />;
}

export function Loading() {
  const { t } = useI18n();
  return <div className="loading" aria-busy="true">{t('app.loading')}</div>;
}

/**
 * A bar of value out of max. Over max (9 open courses under a ceiling of 8) the bar is full,
 * aria-valuenow stays within its range and aria-valuetext says "9 af 8 – over grænsen".
 */
export function Progress(p: { value: number; max: number; label: string; tone?: 'ok' | 'warn' | 'over' }) {
  const { t } = useI18n();
  const pct = p.max > 0 ? Math.min(100, Math.round((100 * p.value) / p.max)) : p.value > 0 ? 100 : 0;
  const max = Math.max(0, p.max);
  const now = Math.min(Math.max(0, p.value), max);
  const text = t(p.value > p.max ? 'progress.over' : 'progress.value', { n: p.value, max: p.max });
  return (
    <div
      className={`progress tone-${p.tone ?? 'ok'}`}
      role="progressbar"
      aria-label={p.label}
      aria-valuenow={now}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuetext={text}
    >
      <div className="bar" style={{ width: `${pct}%` }} />
    </div>
  );
}

export function Badge(p: { tone?: 'neutral' | 'ok' | 'warn' | 'over' | 'info'; children: ReactNode }) {
  return <span className={`badge badge-${p.tone ?? 'neutral'}`}>{p.children}</span>;
}

/**
 * A wide table's own scroll box: at high zoom or in a narrow window the table scrolls
 * sideways inside it instead of the whole page (WCAG 1.4.10); the box is a named region
 * that takes the keyboard focus, so it can be scrolled with the arrow keys.
 */
export function TableScroll(p: { label: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const scrolls = useScrollsSideways(box);
  // A Tab stop only while there is something to scroll; otherwise the table's own links come first.
  return (
    <div ref={box} className="table-scroll" role="region" aria-label={p.label} tabIndex={scrolls ? 0 : undefined}>
      {named(p.children, p.label)}
    </div>
  );
}

/** A table gets the box's label as its own name, unless it is given one (aria-label or aria-labelledby). */
function named(children: ReactNode, label: string): ReactNode {
  if (!isValidElement<{ 'aria-label'?: string; 'aria-labelledby'?: string }>(children) || children.type !== 'table') return children;
  if (children.props['aria-label'] || children.props['aria-labelledby']) return children;
  return cloneElement(children, { 'aria-label': label });
}

/** Whether the box's content is wider than the box, followed as either is resized. */
function useScrollsSideways(box: RefObject<HTMLElement | null>): boolean {
  const [scrolls, setScrolls] = useState(false);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    check();
    if (typeof ResizeObserver === 'undefined') return;
    const watch = new ResizeObserver(check);
    watch.observe(el);
    if (el.firstElementChild) watch.observe(el.firstElementChild);
    return () => watch.disconnect();
  }, [box]);
  // new rows or columns (the observed table may also have been replaced)
  useLayoutEffect(() => {
    const el = box.current;
    if (el) setScrolls(el.scrollWidth > el.clientWidth + 1);
  });
  return scrolls;
}
