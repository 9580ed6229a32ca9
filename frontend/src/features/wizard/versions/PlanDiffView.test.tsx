import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlanChange } from '../../../api/versions';
import { da } from '../../../i18n/all';
import { en } from '../../../i18n/all';
import { hasKey, I18nProvider, type Lang } from '../../../i18n/i18n';
import { groupChanges, nextVersionNo, readable, sectionOf } from './format';
import { PlanDiffView } from './PlanDiffView';
import { diff } from './testData';

afterEach(cleanup);

const change = (kind: string, c: Partial<PlanChange> = {}): PlanChange => ({ kind, goal: '', item: '', from: '', to: '', ...c });
const goal = 'Jeg vil have min egen lejlighed';

function show(changes: PlanChange[], lang: Lang = 'da') {
  render(
    <I18nProvider lang={lang} onChange={() => {}}>
      <PlanDiffView diff={diff({ changes })} />
    </I18nProvider>,
  );
  return screen.getByTestId('plan-diff');
}

const lines = (el: HTMLElement) => [...el.querySelectorAll('li')].map((li) => li.textContent);

describe('PlanDiffView', () => {
  it.each<[string, PlanChange, string]>([
    ['a new sub-goal with its goal', change('subgoal_added', { goal, item: 'Besøge tre lejligheder' }), `Nyt delmål: Besøge tre lejligheder (under målet “${goal}”)`],
    ['a status change', change('subgoal_status', { goal, item: 'Søge om boligstøtte', from: 'I gang', to: 'Nået' }), `Status ændret fra I gang til Nået: Søge om boligstøtte (under målet “${goal}”)`],
    ['a deadline in Danish dates', change('subgoal_deadline', { goal, item: 'Søge', from: '2026-12-15', to: '2027-01-10' }), `Frist ændret fra 15.12.2026 til 10.01.2027: Søge (under målet “${goal}”)`],
    ['a removed deadline', change('subgoal_deadline', { goal, item: 'Søge', from: '2026-12-15', to: '' }), `Frist ændret fra 15.12.2026 til ingen: Søge (under målet “${goal}”)`],
    ['a new goal', change('goal_added', { item: 'Jeg vil se min datter' }), 'Nyt mål: Jeg vil se min datter'],
    ['a reworded goal', change('goal_reworded', { item: 'Et hjem', from: goal, to: 'Et hjem' }), `Mål omformuleret fra ${goal} til Et hjem`],
    ['a removed activity', change('activity_removed', { item: 'Gåtur' }), 'Aktivitet fjernet: Gåtur'],
    ['a new contact', change('contact_added', { item: 'Familie: Anne' }), 'Ny i netværket: Familie: Anne'],
    ['a done action', change('action_done', { item: 'Sende ansøgningen' }), 'Aftale udført: Sende ansøgningen'],
    ['a changed action with its date', change('action_changed', { item: 'Ringe', from: 'Jens · 2026-12-20', to: 'Jens · 2026-12-22' }), 'Aftale ændret fra Jens · 20.12.2026 til Jens · 22.12.2026: Ringe'],
    ['an advocacy status', change('advocacy_status', { item: 'Afslag', from: 'I gang', to: 'Løst' }), 'Status ændret fra I gang til Løst: Afslag'],
    ['the next evaluation', change('next_evaluation', { from: '2027-02-01', to: '2027-03-01' }), 'Næste evaluering flyttet fra 01.02.2027 til 01.03.2027'],
    ['a kind this build does not know', change('who5_added', { item: 'x' }), 'Ændret: x'],
  ])('words %s in Danish', (_name, c, text) => {
    expect(lines(show([c]))).toEqual([text]);
  });

  it('groups the changes by the parts of the plan, in plan order', () => {
    const el = show([
      change('next_evaluation', { from: '2027-02-01', to: '2027-03-01' }),
      change('advocacy_added', { item: 'Afslag' }),
      change('goal_added', { item: 'Nyt' }),
      change('wishes_changed', { from: 'Et hjem', to: 'Et hjem og arbejde' }),
      change('subgoal_removed', { goal: 'Nyt', item: 'Gammelt' }),
    ]);
    const headings = within(el).getAllByRole('heading', { level: 5 }).map((h) => h.textContent);
    expect(headings).toEqual(['Ønsker og § 141-handleplan', 'Mål og delmål', 'Fortalerrolle', 'Evaluering']);
    const goals = within(el).getByRole('region', { name: 'Mål og delmål' });
    expect(lines(goals)).toEqual(['Nyt mål: Nyt', 'Delmål fjernet: Gammelt (under målet “Nyt”)']);
    expect(within(el).getByRole('heading', { level: 4 }).textContent).toBe('Ændringer fra version 1 til nuværende plan');
  });

  it('marks the old and the new value', () => {
    const el = show([change('subgoal_status', { item: 'Søge', from: 'I gang', to: 'Nået' })]);
    expect(el.querySelector('.pv-old')!.textContent).toBe('I gang');
    expect(el.querySelector('.pv-new')!.textContent).toBe('Nået');
    expect(el.querySelector('.pv-item')!.textContent).toBe('Søge');
  });

  it('says when nothing changed', () => {
    const el = show([]);
    expect(el.textContent).toContain(da.versions.diff.none);
    expect(el.querySelectorAll('li')).toHaveLength(0);
  });

  it('speaks English too', () => {
    expect(lines(show([change('subgoal_status', { item: 'Apply', from: 'In progress', to: 'Reached' })], 'en'))).toEqual(['Status changed from In progress to Reached: Apply']);
  });
});

describe('format helpers', () => {
  it('sorts every kind into a section', () => {
    expect(sectionOf('action_plan_changed')).toBe('general');
    expect(sectionOf('action_done')).toBe('actions');
    expect(sectionOf('subgoal_owner')).toBe('goals');
    expect(sectionOf('contact_removed')).toBe('network');
    expect(groupChanges([])).toEqual([]);
  });

  it('reads ISO dates inside values as Danish dates and counts versions', () => {
    expect(readable('Jens · 2026-12-20')).toBe('Jens · 20.12.2026');
    expect(readable('Mål 2026')).toBe('Mål 2026');
    expect(nextVersionNo([])).toBe(1);
    expect(nextVersionNo([{ versionNo: 3 }, { versionNo: 2 }])).toBe(4);
  });
});

describe('the texts cover the backend', () => {
  // frontend/src/features/wizard/versions -> backend/
  const backend = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../backend');
  const goConsts = (file: string, type: string) =>
    [...readFileSync(resolve(backend, file), 'utf8').matchAll(new RegExp(`^\\s*\\w+\\s+${type}\\s*=\\s*"(\\w+)"`, 'gm'))].map((m) => m[1]);

  it('words every change kind of plandoc.Diff, in both languages', () => {
    const kinds = goConsts('plandoc/diff.go', 'ChangeKind');
    expect(kinds.length).toBeGreaterThan(20);
    for (const lang of ['da', 'en'] as const) {
      expect(kinds.filter((k) => !hasKey(lang, `versions.diff.kind.${k}`)), `missing in ${lang}`).toEqual([]);
    }
    const known = Object.keys(da.versions.diff.kind).filter((k) => k !== 'other');
    expect(known.sort()).toEqual([...kinds].sort());
    expect(Object.keys(en.versions.diff.kind).sort()).toEqual(Object.keys(da.versions.diff.kind).sort());
    for (const k of kinds) expect(['general', 'goals', 'activities', 'network', 'actions', 'advocacy', 'evaluation']).toContain(sectionOf(k));
  });

  it('names every signing method', () => {
    const methods = goConsts('domain/signoff.go', 'SignMethod');
    expect(methods).toEqual(['paper', 'in_person']);
    expect(Object.keys(da.versions.method).sort()).toEqual([...methods].sort());
    expect(Object.keys(en.versions.method).sort()).toEqual([...methods].sort());
  });
});
