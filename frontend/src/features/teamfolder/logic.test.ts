import { describe, expect, it } from 'vitest';
import { daysSince, danishDateTime, formatCode, indicatorTone, progressShare, problemCodes, folderReasons } from './logic';
import { teamFolderText } from './i18n';

describe('formatCode', () => {
  it.each([
    ['694f87a5516358b00d42', '694F-87A5-5163-58B0-0D42'],
    ['694F 87A5-5163', '694F-87A5-5163'],
    [' 69', '69'],
    ['', ''],
    ['æø-å!', ''],
  ])('%s → %s', (input, want) => expect(formatCode(input)).toBe(want));
});

describe('indicatorTone', () => {
  it.each([
    ['ok', 'good'],
    ['sending', 'busy'],
    ['waiting', 'busy'],
    ['offline', 'bad'],
    ['problem', 'bad'],
    ['revoked', 'bad'],
    ['none', 'none'],
  ])('%s is %s', (state, tone) => expect(indicatorTone(state)).toBe(tone));
});

describe('progressShare', () => {
  it('is undefined when not counted', () => {
    expect(progressShare({ done: 3, total: 0 })).toBeUndefined();
    expect(progressShare(null)).toBeUndefined();
  });
  it('stays within 0..1', () => {
    expect(progressShare({ done: 5, total: 10 })).toBe(0.5);
    expect(progressShare({ done: 12, total: 10 })).toBe(1);
  });
});

describe('daysSince and danishDateTime', () => {
  const now = new Date('2026-12-20T12:00:00Z');
  it('counts whole days', () => {
    expect(daysSince('2026-12-01T10:00:00Z', now)).toBe(19);
    expect(daysSince('', now)).toBeUndefined();
    expect(daysSince('not a date', now)).toBeUndefined();
  });
  it('writes dd.mm.åååå', () => {
    expect(danishDateTime('2026-12-01T10:00:00')).toBe('01.12.2026 10:00');
    expect(danishDateTime('')).toBe('');
  });
});

describe('texts', () => {
  it('explain every problem and every folder reason in both languages', () => {
    for (const lang of ['da', 'en'] as const) {
      for (const c of problemCodes) {
        expect(teamFolderText[lang].problems[c].what).toBeTruthy();
        expect(teamFolderText[lang].problems[c].todo).toBeTruthy();
      }
      for (const r of folderReasons) expect(teamFolderText[lang].reasons[r]).toBeTruthy();
      for (const s of ['none', 'waiting', 'loading', 'ok', 'sending', 'offline', 'problem', 'revoked']) {
        expect(teamFolderText[lang].states[s as keyof (typeof teamFolderText)['da']['states']]).toBeTruthy();
      }
    }
  });
});
