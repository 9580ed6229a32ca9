import { Fragment, type ReactNode } from 'react';
import type { PlanChange, PlanDiff, PlanVersionRef } from '../../../api/versions';
import { hasKey, useI18n } from '../../../i18n/i18n';
import { groupChanges, readable } from './format';
import './versions.css';

/** Fills a text's {placeholders} with elements, so values can be marked up. */
function Rich(p: { template: string; values: Record<string, ReactNode> }) {
  return (
    <>
      {p.template.split(/(\{\w+\})/).map((part, i) => {
        const m = /^\{(\w+)\}$/.exec(part);
        return <Fragment key={i}>{m && m[1] in p.values ? p.values[m[1]] : part}</Fragment>;
      })}
    </>
  );
}

/** One change in words, e.g. "Status ændret fra I gang til Nået: Søge om boligstøtte". */
export function ChangeLine(p: { change: PlanChange }) {
  const { t, tx, lang } = useI18n();
  const c = p.change;
  const key = hasKey(lang, `versions.diff.kind.${c.kind}`) ? `versions.diff.kind.${c.kind}` : 'versions.diff.kind.other';
  const value = (v: string, cls: string) => (v ? <span className={cls}>{readable(v)}</span> : <em className={cls}>{t('versions.diff.empty')}</em>);
  return (
    <li className={`pv-change pv-change-${c.kind}`} data-kind={c.kind}>
      <Rich template={tx(key)} values={{ item: <strong className="pv-item">{readable(c.item)}</strong>, from: value(c.from, 'pv-old'), to: value(c.to, 'pv-new') }} />
      {c.goal && c.kind.startsWith('subgoal_') && <span className="pv-context"> ({t('versions.diff.underGoal', { goal: c.goal })})</span>}
    </li>
  );
}

/** The name of one side of a comparison: "version 2" or "nuværende plan". */
export function useSideName() {
  const { t } = useI18n();
  return (ref: PlanVersionRef) => (ref.versionNo === 0 ? t('versions.diff.draftName') : t('versions.diff.versionName', { n: ref.versionNo }));
}

/** What changed between two plan versions, grouped by the parts of the plan. */
export function PlanDiffView(p: { diff: PlanDiff; headingId?: string }) {
  const { t, tx } = useI18n();
  const side = useSideName();
  const groups = groupChanges(p.diff.changes ?? []);
  return (
    <div className="pv-diff" data-testid="plan-diff">
      <h4 id={p.headingId} tabIndex={-1}>
        {t('versions.diff.title', { from: side(p.diff.from), to: side(p.diff.to) })}
      </h4>
      {groups.length === 0 ? (
        <p className="ca-empty">{t('versions.diff.none')}</p>
      ) : (
        groups.map(([section, changes]) => (
          <section key={section} className="pv-diff-group" aria-label={tx(`versions.diff.section.${section}`)}>
            <h5>{tx(`versions.diff.section.${section}`)}</h5>
            <ul>
              {changes.map((c, i) => (
                <ChangeLine key={i} change={c} />
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
