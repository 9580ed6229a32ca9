import { useState } from 'react';
import type { AdvocacyCase, AdvocacyCaseInput } from '../../../api/steps';
import { Badge } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { isoToDanish } from '../../../lib/dates';
import { newestFirst, StepSection } from '../coordination/shared';
import { useFocusReturn } from '../../../components/focus';
import { AdvocacyCaseForm, caseInput, emptyCase } from './AdvocacyCaseForm';

type Tone = 'neutral' | 'ok' | 'warn' | 'over' | 'info';

/** The badge colour of an advocacy status: being worked on, resolved, or stuck. */
export function statusTone(status: string): Tone {
  if (status === 'resolved') return 'ok';
  if (status === 'stuck') return 'warn';
  if (status === 'open') return 'info';
  return 'neutral';
}

/** The barriers between the citizen and the help, newest first. */
export function CasesSection(p: { courseId: number; cases: AdvocacyCase[]; statuses: string[]; readOnly: boolean }) {
  const { t, tx } = useI18n();
  const [editing, setEditing] = useState<AdvocacyCaseInput | null>(null);
  const focusReturn = useFocusReturn();
  const cases = newestFirst(p.cases, (c) => c.opened);
  const editable = !p.readOnly;
  const busy = editing !== null;
  const counts = p.statuses
    .map((s) => ({ s, n: p.cases.filter((c) => c.status === s).length }))
    .filter((x) => x.n > 0);

  const close = () => {
    const id = editing?.id ?? 0;
    focusReturn(...(id ? [`case-${id}`] : []), 'case-add');
    setEditing(null);
  };
  const form = (c: AdvocacyCaseInput) => <AdvocacyCaseForm key={c.id} initial={c} statuses={p.statuses} onDone={close} />;

  return (
    <StepSection
      id="adv-cases"
      title={t('advocacy.casesTitle')}
      count={cases.length ? t('advocacy.casesCount', { n: cases.length }) : undefined}
      action={
        editable && (
          <button type="button" className="primary" data-focus-key="case-add" disabled={busy} onClick={() => setEditing(emptyCase(p.courseId))}>
            {t('advocacy.addCase')}
          </button>
        )
      }
    >
      {counts.length > 0 && (
        <div className="adv-summary">
          {counts.map(({ s, n }) => (
            <Badge key={s} tone={statusTone(s)}>
              {tx(`enum.advocacyStatus.${s}`)}: {n}
            </Badge>
          ))}
        </div>
      )}
      {editing && editing.id === 0 && form(editing)}
      {cases.length === 0 ? (
        <div className="ca-empty">
          <p>{t('advocacy.noCases')}</p>
          {editable && <p>{t('advocacy.noCasesHint')}</p>}
        </div>
      ) : (
        <ul className="ca-cards" aria-labelledby="adv-cases">
          {cases.map((c) => (
            <li key={c.id}>
              {editing?.id === c.id ? form(editing) : <CaseCard case={c} editable={editable} busy={busy} onEdit={() => setEditing(caseInput(p.courseId, c))} />}
            </li>
          ))}
        </ul>
      )}
    </StepSection>
  );
}

function CaseCard(p: { case: AdvocacyCase; editable: boolean; busy: boolean; onEdit: () => void }) {
  const { t, tx } = useI18n();
  const c = p.case;
  const date = isoToDanish(c.opened);
  const headingId = `case-${c.id}-title`;
  const facts: [string, string][] = [
    [t('advocacy.actions'), c.actions],
    [t('advocacy.rights'), c.rights],
    [t('advocacy.outcome'), c.outcome],
  ];
  const shown = facts.filter(([, v]) => v.trim() !== '');
  const needsAction = c.status !== 'resolved' && c.actions.trim() === '';
  return (
    <article className={`ca-card adv-case adv-${c.status}`} aria-labelledby={headingId} data-testid={`case-${c.id}`}>
      <div className="ca-card-head">
        <h4 id={headingId} className="adv-barrier">
          {c.barrier}
        </h4>
        {p.editable && (
          <button type="button" className="link" data-focus-key={`case-${c.id}`} disabled={p.busy} onClick={p.onEdit} aria-label={t('advocacy.editCaseOn', { date })}>
            {t('common.edit')}
          </button>
        )}
      </div>
      <div className="ca-meta">
        <Badge tone={statusTone(c.status)}>{tx(`enum.advocacyStatus.${c.status}`)}</Badge>
        <span>{t('advocacy.openedOn', { date })}</span>
        {c.towards && <span>{t('advocacy.towardsOn', { who: c.towards })}</span>}
      </div>
      {shown.length > 0 && (
        <dl className="facts ca-facts">
          {shown.flatMap(([label, v]) => [
            <dt key={`${label}-t`}>{label}</dt>,
            <dd key={`${label}-d`} className="pre" lang="da">
              {v}
            </dd>,
          ])}
        </dl>
      )}
      {needsAction && <p className="adv-nothing">{t('advocacy.noActionsYet')}</p>}
    </article>
  );
}
