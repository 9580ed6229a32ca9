import { describe, expect, it } from 'vitest';
import type { AuthStatus } from '../../api/auth';
import { afterSessionError, authScreen, keepsAppUnderneath, type AuthScreen } from './screen';

const base: AuthStatus = {
  hasTeam: true,
  hasAccount: true,
  signedIn: true,
  locked: false,
  mustChange: false,
  user: { workerId: 3, name: 'Jonas Ørnberg', initials: 'JØ', role: 'icm_worker' },
  lockMinutes: 10,
  demo: false,
  leadsWithoutAccount: [],
  audit: { checked: true, ok: true, entries: 12, brokenAt: 0, checkedAt: '01.12.2026 09:00', full: true, newEntries: 0, fullAt: '01.12.2026 09:00', rewritten: false, anchorId: 0, anchorSource: '', anchorAt: '', headId: 0, headHash: '' },
};

describe('authScreen', () => {
  it.each<[string, Partial<AuthStatus>, AuthScreen]>([
    ['no team yet: first start', { hasTeam: false, hasAccount: false, signedIn: false, user: undefined }, 'setup'],
    ['a team but no team lead can sign in', { hasAccount: false, signedIn: false, user: undefined }, 'firstAccount'],
    ['nobody signed in', { signedIn: false, user: undefined }, 'signIn'],
    ['signed in', {}, 'app'],
    ['locked', { locked: true }, 'locked'],
    ['a temporary password to replace', { mustChange: true }, 'changePassword'],
    ['locked while the password must still be changed', { locked: true, mustChange: true }, 'locked'],
    ['no team wins over anything else', { hasTeam: false }, 'setup'],
  ])('%s', (_name, over, want) => {
    expect(authScreen({ ...base, ...over })).toBe(want);
  });
});

describe('afterSessionError', () => {
  it('locks the screen of a signed-in worker and keeps who it is', () => {
    const s = afterSessionError(base, 'session_locked');
    expect(authScreen(s)).toBe('locked');
    expect(s.user?.name).toBe('Jonas Ørnberg');
  });

  it('shows the sign-in when the backend no longer knows the worker', () => {
    const s = afterSessionError({ ...base, locked: true }, 'not_signed_in');
    expect(authScreen(s)).toBe('signIn');
    expect(s.user).toBeUndefined();
    expect(s.locked).toBe(false);
  });

  it('asks for the own password when the backend says it must be chosen first', () => {
    const s = afterSessionError(base, 'password_change_required');
    expect(authScreen(s)).toBe('changePassword');
    expect(s.user?.name).toBe('Jonas Ørnberg');
  });

  it('does not invent a session that is not there', () => {
    const out = { ...base, signedIn: false, user: undefined };
    expect(authScreen(afterSessionError(out, 'session_locked'))).toBe('signIn');
  });
});

describe('keepsAppUnderneath', () => {
  it('keeps the app mounted under the lock screen only when it was on screen', () => {
    expect(keepsAppUnderneath('app', false)).toBe(true);
    expect(keepsAppUnderneath('locked', true)).toBe(true);
    expect(keepsAppUnderneath('locked', false)).toBe(false);
    for (const s of ['setup', 'firstAccount', 'signIn', 'changePassword'] as const) expect(keepsAppUnderneath(s, true)).toBe(false);
  });
});
