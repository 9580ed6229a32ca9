import type { AuditComputer } from '../../api/audit';

import type { I18n } from '../../i18n/i18n';

type T = I18n['t'];

/** A computer as the audit screen names it: its label from the team, or the start of its id when it has none. */
export function computerName(t: T, laptop: string, label: string, thisOne = false): string {
  const name = label || t('audit.team.unnamed', { id: laptop.slice(0, 8) });
  return thisOne ? t('audit.team.thisComputer', { label: name }) : name;
}

/** The choices of the computer filter: every computer, this one, then the others by name. */
export function computerOptions(t: T, computers: AuditComputer[]): { value: string; label: string }[] {
  const self = computers.find((c) => c.this);
  const others = computers.filter((c) => !c.this).map((c) => ({ value: c.laptop, label: computerName(t, c.laptop, c.label) }));
  others.sort((a, b) => a.label.localeCompare(b.label, 'da'));
  return [
    { value: 'all', label: t('audit.team.allComputers') },
    ...(self ? [{ value: 'this', label: computerName(t, self.laptop, self.label, true) }] : []),
    ...others,
  ];
}
