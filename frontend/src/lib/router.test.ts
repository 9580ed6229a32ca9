import { describe, expect, it } from 'vitest';
import { href, parseHash, type Route } from './router';

// One of every route kind; the switch below makes the compiler complain when a kind is added
// to Route without a case here.
const samples: Route[] = [
  { name: 'citizens' },
  { name: 'citizenNew' },
  { name: 'citizen', id: 7 },
  { name: 'citizenEdit', id: 7 },
  { name: 'courseNew', citizenId: 12 },
  { name: 'course', id: 3, step: 'visitation' },
  { name: 'course', id: 3, step: 'followup' },
  { name: 'caseload' },
  { name: 'team' },
  { name: 'settings' },
  { name: 'search' },
  { name: 'overview' },
  { name: 'template' },
  { name: 'audit' },
  { name: 'sync' },
];

function covered(r: Route): true {
  switch (r.name) {
    case 'citizens':
    case 'citizenNew':
    case 'citizen':
    case 'citizenEdit':
    case 'courseNew':
    case 'course':
    case 'caseload':
    case 'team':
    case 'settings':
    case 'search':
    case 'overview':
    case 'template':
    case 'audit':
    case 'sync':
      return true;
    default: {
      const never: never = r;
      return never;
    }
  }
}

describe('router', () => {
  it('has a sample of every route kind', () => {
    const kinds = new Set(samples.filter(covered).map((r) => r.name));
    expect(kinds.size).toBe(14);
  });

  it.each(samples.map((r) => [href(r), r] as const))('round-trips %s', (hash, route) => {
    expect(hash.startsWith('#/')).toBe(true);
    expect(parseHash(hash)).toEqual(route);
    expect(href(parseHash(hash))).toBe(hash);
  });

  it('writes the expected hashes', () => {
    expect(href({ name: 'citizens' })).toBe('#/citizens');
    expect(href({ name: 'citizenNew' })).toBe('#/citizens/new');
    expect(href({ name: 'citizen', id: 7 })).toBe('#/citizens/7');
    expect(href({ name: 'citizenEdit', id: 7 })).toBe('#/citizens/7/edit');
    expect(href({ name: 'courseNew', citizenId: 12 })).toBe('#/citizens/12/start-course');
    expect(href({ name: 'course', id: 3, step: 'planning' })).toBe('#/courses/3/planning');
    expect(href({ name: 'caseload' })).toBe('#/caseload');
    expect(href({ name: 'team' })).toBe('#/team');
    expect(href({ name: 'settings' })).toBe('#/settings');
  });

  it('defaults a course without a step to visitation', () => {
    expect(parseHash('#/courses/3')).toEqual({ name: 'course', id: 3, step: 'visitation' });
    expect(parseHash('#/courses/3/')).toEqual({ name: 'course', id: 3, step: 'visitation' });
  });

  it('accepts a hash without the slash or the #', () => {
    expect(parseHash('#citizens/5')).toEqual({ name: 'citizen', id: 5 });
    expect(parseHash('courses/4/planning')).toEqual({ name: 'course', id: 4, step: 'planning' });
  });

  it.each([
    '',
    '#',
    '#/',
    '#/x',
    '#/unknown/route',
    '#/courses',
    '#/courses/abc',
    '#/courses/0',
    '#/courses/-2/visitation',
    '#/courses/1.5',
    '#/citizens/-1',
    '#/citizens/0',
    '#/citizens/abc',
    '#/citizens/abc/edit',
    '#/citizens/2.5/edit',
  ])('falls back to the citizen list for %j', (hash) => {
    expect(parseHash(hash)).toEqual({ name: 'citizens' });
  });
});
