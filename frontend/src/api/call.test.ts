import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, isSessionError, lastBackendCall, onSessionError } from './call';
import { AppError } from './errors';

const wire = (code: string) => new Error(JSON.stringify({ code, message: code }));

describe('call', () => {
  const off: (() => void)[] = [];
  afterEach(() => off.splice(0).forEach((f) => f()));

  it('passes results through and turns rejections into AppErrors', async () => {
    await expect(call(() => Promise.resolve(7))).resolves.toBe(7);
    const e = await call(() => Promise.reject(wire('not_found'))).catch((x) => x);
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe('not_found');
  });

  it.each(['not_signed_in', 'session_locked'])('announces %s from any call, and still rejects', async (code) => {
    const heard = vi.fn();
    off.push(onSessionError(heard));
    const e = await call(() => Promise.reject(wire(code))).catch((x) => x);
    expect(e.code).toBe(code);
    expect(heard).toHaveBeenCalledWith(code);
  });

  it('announces nothing for other errors or after unsubscribing', async () => {
    const heard = vi.fn();
    const stop = onSessionError(heard);
    await call(() => Promise.reject(wire('read_only_access'))).catch(() => undefined);
    await call(() => Promise.reject(new Error('boom'))).catch(() => undefined);
    expect(heard).not.toHaveBeenCalled();
    stop();
    await call(() => Promise.reject(wire('session_locked'))).catch(() => undefined);
    expect(heard).not.toHaveBeenCalled();
  });

  it('remembers when the backend last heard from the worker', async () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date('2026-12-01T10:00:00Z'));
      await call(() => Promise.resolve(1));
      expect(lastBackendCall()).toBe(Date.parse('2026-12-01T10:00:00Z'));
      // A call the backend answers without looking at the session does not count.
      vi.setSystemTime(new Date('2026-12-01T10:05:00Z'));
      await call(() => Promise.resolve(2), { idle: true });
      expect(lastBackendCall()).toBe(Date.parse('2026-12-01T10:00:00Z'));
    } finally {
      vi.useRealTimers();
    }
  });

  it('tells session errors from others', () => {
    expect(isSessionError(new AppError('session_locked'))).toBe(true);
    expect(isSessionError(new AppError('forbidden'))).toBe(false);
    expect(isSessionError(null)).toBe(false);
    expect(isSessionError('session_locked')).toBe(false);
  });
});
