import { TableScroll } from '../../components/ui';
import { Fragment, useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import type { CourseFidelity, RuleResult, RuleTotal } from '../../api/overview';
import { useI18n } from '../../i18n/i18n';
import { isoToDanish } from '../../lib/dates';
import { href } from '../../lib/router';

/** The sentence that explains one rule's result, with dates in Danish form. */
export function useReasonText() {
  const { tx } = useI18n();
  return (r: RuleResult) => {
    const params: Record<string, string> = { ...r.params };
    if (params.due) params.due = isoToDanish(params.due);
    return tx(`overview.fidelity.reason.${r.reason}`, params);
  };
}

/** Where a failing rule is fixed: a step of the course, or the caseload page for the caseload. */
export function useFixLink() {
  const { t, tx } = useI18n();
  return (courseId: number, r: RuleResult) =>
    r.step === 'caseload'
      ? { href: href({ name: 'caseload' }), text: t('overview.fidelity.fixCaseload') }
      : { href: href({ name: 'course', id: courseId, step: r.step }), text: t('overview.fidelity.fixAt', { step: tx(`steps.${r.step}`) }) };
}

function Cell(p: { row: CourseFidelity; r: RuleResult }) {
  const { t, tx } = useI18n();
  const reasonText = useReasonText();
  const fixLink = useFixLink();
  const rule = tx(`overview.fidelity.rules.${p.r.rule}`);
  if (p.r.pass) {
    const why = p.r.reason === 'ok' ? '' : ` ${reasonText(p.r)}`;
    return (
      <td className="ov-cell ov-pass" data-rule={p.r.rule} data-pass="true" title={`${rule}: ${t('overview.fidelity.pass')}.${why}`}>
        <span aria-hidden="true">✓</span>
        <span className="sr-only">
          {rule}: {t('overview.fidelity.pass')}.{why}
        </span>
      </td>
    );
  }
  return <FailCell code={p.r.rule} rule={rule} reason={reasonText(p.r)} link={fixLink(p.row.courseId, p.r)} />;
}

/** The gap between the viewport's edge (or the link) and a tip, in pixels. */
const tipGap = 6;

/**
 * Where a fixed tip goes: centred under its link, or above it when there is no room below,
 * moved in so that it lies wholly within the viewport (as far as it fits at all).
 */
export function tipPlace(
  link: { left: number; right: number; top: number; bottom: number },
  tip: { width: number; height: number },
  viewWidth: number,
  viewHeight: number,
): { left: number; top: number } {
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, hi));
  const left = clamp((link.left + link.right) / 2 - tip.width / 2, tipGap, viewWidth - tip.width - tipGap);
  const below = link.bottom + tipGap;
  const top = below + tip.height <= viewHeight - tipGap ? below : link.top - tipGap - tip.height;
  return { left: Math.max(tipGap, left), top: clamp(top, tipGap, Math.max(tipGap, viewHeight - tip.height - tipGap)) };
}

/**
 * A failing rule: a link to where it is fixed, whose reason shows in a tip on hover and focus.
 * Escape hides the tip until both the pointer and the focus have left (WCAG 1.4.13), also
 * when the pointer shows it while the keyboard focus is elsewhere: while a tip shows, Escape
 * is heard on the whole document. No title, which would show a second tip.
 */
function FailCell(p: { code: string; rule: string; reason: string; link: { href: string; text: string } }) {
  const { t } = useI18n();
  const [dismissed, setDismissed] = useState(false);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const shown = (hovered || focused) && !dismissed;
  const linkRef = useRef<HTMLAnchorElement>(null);
  const tipRef = useRef<HTMLSpanElement>(null);
  const [place, setPlace] = useState<CSSProperties | undefined>(undefined);
  useEffect(() => {
    if (!shown) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setDismissed(true);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [shown]);
  // The tip is fixed to the viewport beside its link, so the table's scroll box never clips
  // it (WCAG 1.4.13, 1.4.10); placed again while the page or the box scrolls.
  useLayoutEffect(() => {
    if (!shown) return;
    const put = () => {
      const link = linkRef.current;
      const tip = tipRef.current;
      if (link && tip) setPlace(tipPlace(link.getBoundingClientRect(), tip.getBoundingClientRect(), window.innerWidth, window.innerHeight));
    };
    put();
    window.addEventListener('scroll', put, true);
    window.addEventListener('resize', put);
    return () => {
      window.removeEventListener('scroll', put, true);
      window.removeEventListener('resize', put);
    };
  }, [shown]);
  const { rule, reason } = p;
  const fix = p.link.text;
  return (
    <td className="ov-cell ov-fail" data-rule={p.code} data-pass="false">
      <a
        ref={linkRef}
        href={p.link.href}
        data-dismissed={dismissed || undefined}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !dismissed) {
            e.stopPropagation();
            setDismissed(true);
          }
        }}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false);
          if (!hovered) setDismissed(false);
        }}
        onMouseEnter={() => setHovered(true)}
        onMouseLeave={() => {
          setHovered(false);
          if (!focused) setDismissed(false);
        }}
      >
        <span aria-hidden="true">✗</span>
        <span className="sr-only">
          {rule}: {t('overview.fidelity.fail')}. {reason} {fix}
        </span>
        <span className="ov-tip" aria-hidden="true" ref={tipRef} style={shown ? place : undefined}>
          {reason}
        </span>
      </a>
    </td>
  );
}

/** One row per open course, one column per minimum requirement, team totals at the foot. */
export function FidelityTable(p: { rows: CourseFidelity[]; totals: RuleTotal[] }) {
  const { t, tx } = useI18n();
  const reasonText = useReasonText();
  const fixLink = useFixLink();
  const [open, setOpen] = useState<Set<number>>(new Set());
  if (p.rows.length === 0) return <p className="empty">{t('overview.fidelity.noCourses')}</p>;
  const toggle = (id: number) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const cols = p.totals.length + 4;
  return (
    <TableScroll label={t('overview.fidelity.title')}>
      <table className="table compact ov-fidelity" aria-label={t('overview.fidelity.title')}>
        <thead>
          <tr>
            <th scope="col">{t('overview.fidelity.citizen')}</th>
            <th scope="col">{t('overview.fidelity.worker')}</th>
            {p.totals.map((r) => (
              <th scope="col" key={r.rule} className="ov-rule" title={tx(`overview.fidelity.rules.${r.rule}`)}>
                <span aria-hidden="true">{tx(`overview.fidelity.short.${r.rule}`)}</span>
                <span className="sr-only">{tx(`overview.fidelity.rules.${r.rule}`)}</span>
              </th>
            ))}
            <th scope="col">{t('overview.fidelity.score')}</th>
            <th scope="col">
              <span className="sr-only">{t('overview.fidelity.showReasons')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {p.rows.map((row) => {
            const failing = row.results.filter((r) => !r.pass);
            const expanded = open.has(row.courseId);
            return (
              <Fragment key={row.courseId}>
                <tr data-testid="fidelity-row" data-citizen={row.citizenName}>
                  <th scope="row">
                    <a href={href({ name: 'course', id: row.courseId, step: 'visitation' })}>{row.citizenName}</a>
                  </th>
                  <td title={row.workerName}>
                    <span aria-hidden="true">{row.workerInitials}</span>
                    <span className="sr-only">{row.workerName}</span>
                  </td>
                  {row.results.map((r) => (
                    <Cell key={r.rule} row={row} r={r} />
                  ))}
                  <td className="ov-score">
                    {row.passed}/{row.total}
                  </td>
                  <td>
                    {failing.length > 0 && (
                      <button type="button" className="link-button" aria-expanded={expanded} onClick={() => toggle(row.courseId)}>
                        {expanded ? t('overview.fidelity.hideReasons') : t('overview.fidelity.showReasons')}
                        <span className="sr-only">: {row.citizenName}</span>
                      </button>
                    )}
                  </td>
                </tr>
                {expanded && (
                  <tr className="ov-reasons">
                    <td colSpan={cols}>
                      <ul>
                        {failing.map((r) => (
                          <li key={r.rule}>
                            <strong>{tx(`overview.fidelity.rules.${r.rule}`)}:</strong> {reasonText(r)}{' '}
                            <a href={fixLink(row.courseId, r).href}>{fixLink(row.courseId, r).text}</a>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t('overview.fidelity.total')}
            </th>
            {p.totals.map((r) => (
              <td key={r.rule} data-rule={r.rule} className={r.pass === r.total ? 'ov-total-ok' : 'ov-total-bad'}>
                {t('overview.fidelity.totalCell', { pass: r.pass, total: r.total })}
              </td>
            ))}
            <td colSpan={2} />
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}
