// Pure helpers of the plan versions: how changes are grouped and how values read.
import type { PlanChange } from '../../../api/versions';
import { isoToDanish } from '../../../lib/dates';

/** The sections of a comparison, in the order of the plan. */
export const diffSections = ['general', 'goals', 'activities', 'network', 'actions', 'advocacy', 'evaluation'] as const;
export type DiffSection = (typeof diffSections)[number];

/** The section a change belongs to, from its kind (see backend/plandoc/diff.go). */
export function sectionOf(kind: string): DiffSection {
  if (kind === 'wishes_changed' || kind === 'action_plan_changed') return 'general';
  if (kind.startsWith('goal_') || kind.startsWith('subgoal_')) return 'goals';
  if (kind.startsWith('activity_')) return 'activities';
  if (kind.startsWith('contact_')) return 'network';
  if (kind.startsWith('action_')) return 'actions';
  if (kind.startsWith('advocacy_')) return 'advocacy';
  return 'evaluation';
}

/** The changes grouped by section, sections in plan order, empty sections left out. */
export function groupChanges(changes: PlanChange[]): [DiffSection, PlanChange[]][] {
  return diffSections
    .map((s) => [s, changes.filter((c) => sectionOf(c.kind) === s)] as [DiffSection, PlanChange[]])
    .filter(([, cs]) => cs.length > 0);
}

/** A value as people read it: ISO dates anywhere in it become dd.mm.åååå. */
export function readable(value: string): string {
  return value.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => isoToDanish(iso));
}

/** The number the next signed version gets, from the list (newest first). */
export function nextVersionNo(versions: { versionNo: number }[]): number {
  return versions.reduce((max, v) => Math.max(max, v.versionNo), 0) + 1;
}
