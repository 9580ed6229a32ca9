import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleLock } from './idle';

const MIN = 60_000;

describe('IdleLock', () => {
  let lastCall: number;
  let onIdle: ReturnType<typeof vi.fn<() => void>>;
  let keepAlive: ReturnType<typeof vi.fn<() => void>>;

  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-01T09:00:00'));
    lastCall = 0;
    onIdle = vi.fn<() => void>();
    keepAlive = vi.fn<() => void>(() => {
      lastCall = Date.now();
    });
  });
  afterEach(() => vi.useRealTimers());

  const make = (lockAfterMs = 10 * MIN) => new IdleLock({ lockAfterMs, onIdle, keepAlive, lastCall: () => lastCall });

  it('locks once after the lock time without input', () => {
    make();
    vi.advanceTimersByTime(10 * MIN - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60 * MIN);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('counts from the last input', () => {
    const idle = make();
    vi.advanceTimersByTime(9 * MIN);
    idle.activity();
    vi.advanceTimersByTime(9 * MIN);
    expect(onIdle).not.toHaveBeenCalled();
    idle.activity();
    // The input sent a keep-alive, so the backend counts from now too: the lock comes 2 s
    // before its own would.
    expect(keepAlive).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(10 * MIN - 2_001);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('tells the backend about input, but at most every 15 seconds', () => {
    lastCall = Date.now();
    const idle = make();
    idle.activity();
    expect(keepAlive).not.toHaveBeenCalled();
    vi.advanceTimersByTime(14_999);
    idle.activity();
    expect(keepAlive).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    idle.activity();
    idle.activity();
    expect(keepAlive).toHaveBeenCalledTimes(1);
  });

  it('locks before the backend would lock on its own, so that autosaves still get through', () => {
    lastCall = Date.now();
    const idle = make(MIN);
    // Input every 10 s, but the backend last heard from us at the start: it locks at 60 s.
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(10_000);
      idle.activity(); // the keep-alive at 20 s moves the backend's clock on
    }
    expect(keepAlive).toHaveBeenCalledTimes(2); // at 20 s and at 40 s
    // last input at 50 s, last call at 40 s: due at 40 s + 60 s - 2 s margin
    vi.advanceTimersByTime(97_999 - 50_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('takes a new lock time at once and can be stopped', () => {
    const idle = make(10 * MIN);
    vi.advanceTimersByTime(2 * MIN);
    idle.setLockAfter(3 * MIN);
    vi.advanceTimersByTime(MIN - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);

    const other = make(MIN);
    other.stop();
    other.activity();
    vi.advanceTimersByTime(10 * MIN);
    expect(onIdle).toHaveBeenCalledTimes(1);
    expect(keepAlive).not.toHaveBeenCalled();
  });

  it('locks at once when the new lock time has already passed', () => {
    const idle = make(10 * MIN);
    vi.advanceTimersByTime(5 * MIN);
    idle.setLockAfter(MIN);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });
});
