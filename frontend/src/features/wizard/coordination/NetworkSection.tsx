import { useState } from 'react';
import type { Contact, ContactInput } from '../../../api/steps';
import { useVisitation } from '../../../api/queries';
import { Badge, TableScroll } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { isoToDanish } from '../../../lib/dates';
import { ContactForm, emptyContact } from './ContactForm';
import { StepSection } from './shared';
import { useFocusReturn } from '../../../components/focus';

const CASEWORKER = 'caseworker';

interface Editing {
  initial: ContactInput;
  nameHelp?: string;
}

/** Contacts grouped by kind in the vocabulary's order; active before inactive, then by name. */
export function groupByKind(contacts: Contact[], kinds: string[]): { kind: string; items: Contact[] }[] {
  const rank = (k: string) => {
    const i = kinds.indexOf(k);
    return i < 0 ? kinds.length : i;
  };
  const label = (c: Contact) => (c.name || c.organisation).toLocaleLowerCase('da');
  const sorted = [...contacts].sort(
    (a, b) => rank(a.kind) - rank(b.kind) || a.kind.localeCompare(b.kind) || Number(b.active) - Number(a.active) || label(a).localeCompare(label(b), 'da'),
  );
  const groups: { kind: string; items: Contact[] }[] = [];
  for (const c of sorted) {
    const last = groups[groups.length - 1];
    if (last && last.kind === c.kind) last.items.push(c);
    else groups.push({ kind: c.kind, items: [c] });
  }
  return groups;
}

function toInput(courseId: number, c: Contact): ContactInput {
  return { id: c.id, courseId, kind: c.kind, name: c.name, organisation: c.organisation, phone: c.phone, email: c.email, role: c.role, lastContact: c.lastContact, active: c.active };
}

/** The citizen's network: who is involved, what they do, and when there was last contact. */
export function NetworkSection(p: { courseId: number; contacts: Contact[]; kinds: string[]; readOnly: boolean }) {
  const { t, tx } = useI18n();
  const visitation = useVisitation(p.courseId);
  const [editing, setEditing] = useState<Editing | null>(null);
  const focusReturn = useFocusReturn();
  const groups = groupByKind(p.contacts, p.kinds);
  const active = p.contacts.filter((c) => c.active).length;
  const hasCaseworker = p.contacts.some((c) => c.active && c.kind === CASEWORKER);
  const editable = !p.readOnly;
  const cols = editable ? 5 : 4;
  const busy = editing !== null;

  const close = () => {
    const id = editing?.initial.id ?? 0;
    focusReturn(...(id ? [`contact-${id}`] : []), 'contact-add');
    setEditing(null);
  };
  const addCaseworker = () => {
    const name = visitation.data?.actionPlanCaseworker?.trim() ?? '';
    setEditing({ initial: emptyContact(p.courseId, CASEWORKER, name), nameHelp: name ? t('coordination.fromVisitation') : undefined });
  };
  const form = (e: Editing) => <ContactForm key={e.initial.id} initial={e.initial} nameHelp={e.nameHelp} kinds={p.kinds} onDone={close} />;

  return (
    <StepSection
      id="coord-network"
      title={t('coordination.networkTitle')}
      count={p.contacts.length ? t('coordination.networkCount', { active, inactive: p.contacts.length - active }) : undefined}
      intro={t('coordination.networkIntro')}
      action={
        editable && (
          <button type="button" className="primary" data-focus-key="contact-add" disabled={busy} onClick={() => setEditing({ initial: emptyContact(p.courseId) })}>
            {t('coordination.addContact')}
          </button>
        )
      }
    >
      {editable && !hasCaseworker && (
        <div className="banner banner-warn coord-hint" data-testid="caseworker-hint">
          <span>{t('coordination.caseworkerMissing')}</span>
          <button type="button" data-focus-key="contact-caseworker" disabled={busy} onClick={addCaseworker}>
            {t('coordination.addCaseworker')}
          </button>
        </div>
      )}
      {editing && editing.initial.id === 0 && form(editing)}
      {p.contacts.length === 0 ? (
        <div className="ca-empty">
          <p>{t('coordination.noContacts')}</p>
          {editable && <p>{t('coordination.noContactsHint')}</p>}
        </div>
      ) : (
        <TableScroll label={t('coordination.networkTitle')}><table className="table coord-network">
          <caption className="ca-sr-only">{t('coordination.networkTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('coordination.colContact')}</th>
              <th scope="col">{t('coordination.colRole')}</th>
              <th scope="col">{t('coordination.colReach')}</th>
              <th scope="col">{t('coordination.colLastContact')}</th>
              {editable && (
                <th scope="col">
                  <span className="ca-sr-only">{t('coordination.colActions')}</span>
                </th>
              )}
            </tr>
          </thead>
          {groups.map((g) => (
            <tbody key={g.kind}>
              <tr className="coord-group">
                <th scope="rowgroup" colSpan={cols}>
                  {tx(`enum.contactKind.${g.kind}`)}
                </th>
              </tr>
              {g.items.map((c) =>
                editing?.initial.id === c.id ? (
                  <tr key={c.id} className="coord-edit-row">
                    <td colSpan={cols}>{form(editing)}</td>
                  </tr>
                ) : (
                  <ContactRow key={c.id} contact={c} editable={editable} busy={busy} onEdit={() => setEditing({ initial: toInput(p.courseId, c) })} />
                ),
              )}
            </tbody>
          ))}
        </table></TableScroll>
      )}
    </StepSection>
  );
}

function ContactRow(p: { contact: Contact; editable: boolean; busy: boolean; onEdit: () => void }) {
  const { t } = useI18n();
  const c = p.contact;
  const title = c.name || c.organisation;
  return (
    <tr className={c.active ? '' : 'inactive'} data-testid={`contact-${c.id}`}>
      <td>
        <span className="coord-name">{title}</span> {!c.active && <Badge>{t('coordination.inactive')}</Badge>}
        {c.name && c.organisation && <div className="coord-sub">{c.organisation}</div>}
      </td>
      <td className="coord-role">{c.role || <span className="muted">{t('common.none')}</span>}</td>
      <td className="coord-reach">
        {c.phone && <div>{c.phone}</div>}
        {c.email && <div>{c.email}</div>}
        {!c.phone && !c.email && <span className="muted">{t('common.none')}</span>}
      </td>
      <td className="coord-date">{c.lastContact ? isoToDanish(c.lastContact) : <span className="muted">{t('common.none')}</span>}</td>
      {p.editable && (
        <td className="coord-row-actions">
          <button type="button" className="link" data-focus-key={`contact-${c.id}`} disabled={p.busy} onClick={p.onEdit} aria-label={t('coordination.editContactNamed', { name: title })}>
            {t('common.edit')}
          </button>
        </td>
      )}
    </tr>
  );
}
