import { describe, expect, it } from 'vitest';
import { nextPage } from '../../api/auditQueries';
import { AUDIT_PAGE, auditDate, emptyAuditFilter, toAuditFilter } from './filter';

describe('auditDate', () => {
  it.each([
    ['', ''],
    ['  ', ''],
    ['2026-12-01', '2026-12-01'],
    ['01.12.2026', '2026-12-01'],
    ['1.12.2026', '2026-12-01'],
    ['01122026', '2026-12-01'],
    [' 24-12-2026 ', '2026-12-24'],
  ])('%j is sent as %j', (typed, sent) => {
    expect(auditDate(typed)).toBe(sent);
  });

  it('passes text that is no date on as typed, so the backend can say so next to the field', () => {
    expect(auditDate('31.02.2026')).toBe('31.02.2026');
    expect(auditDate('i går')).toBe('i går');
  });
});

describe('toAuditFilter', () => {
  it('sends nothing to filter on for the empty form', () => {
    expect(toAuditFilter(emptyAuditFilter)).toEqual({ citizenId: 0, workerId: 0, action: '', from: '', to: '', before: 0, limit: AUDIT_PAGE, computer: 'all', cursor: '' });
  });

  it('sends ids as numbers, dates as ISO and the page below the last entry shown', () => {
    expect(toAuditFilter({ citizenId: '12', workerId: '3', action: 'view', from: '01.11.2026', to: '2026-11-30', computer: 'this' }, 480, 50)).toEqual({
      citizenId: 12,
      workerId: 3,
      action: 'view',
      from: '2026-11-01',
      to: '2026-11-30',
      before: 480,
      limit: 50,
      computer: 'this',
      cursor: '',
    });
  });

  it('does not read a stray select value as an id', () => {
    expect(toAuditFilter({ ...emptyAuditFilter, citizenId: 'abc', workerId: '-1' })).toMatchObject({ citizenId: 0, workerId: 0 });
  });
});

describe('nextPage', () => {
  const entry = (id: number) => ({ id, at: '', workerId: 1, workerName: '', action: 'view', object: 'course', citizenId: 1, citizenName: '', courseId: 1, detail: '', laptop: '', computer: '' });

  it('continues below the oldest entry shown of this computer while there are more', () => {
    expect(nextPage({ entries: [entry(90), entry(88), entry(75)], more: true })).toEqual({ before: 75, cursor: '' });
  });

  it('continues from the backend’s cursor in a list across the team’s computers', () => {
    expect(nextPage({ entries: [entry(90), entry(3)], more: true, next: '88/2026-12-01T10:00:00.000000000Z/ab/3' })).toEqual({
      before: 0,
      cursor: '88/2026-12-01T10:00:00.000000000Z/ab/3',
    });
  });

  it('stops when the backend says there are no more', () => {
    expect(nextPage({ entries: [entry(3)], more: false })).toBeUndefined();
    expect(nextPage({ entries: [], more: true })).toBeUndefined();
  });
});
