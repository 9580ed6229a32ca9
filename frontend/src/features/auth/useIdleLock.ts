import { useEffect, useRef } from 'react';
import { IdleLock } from './idle';

/** The input that counts as the worker being at the screen. */
export const activityEvents = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'focusin', 'touchstart'] as const;

/**
 * Locks after lockMinutes without input while `enabled`. onIdle is called once per stretch
 * of inactivity; enabling again (after unlocking) starts a new one.
 */
export function useIdleLock(p: { enabled: boolean; lockMinutes: number; onIdle: () => void; keepAlive: () => void; lastCall: () => number }) {
  const latest = useRef(p);
  latest.current = p;
  const lock = useRef<IdleLock | null>(null);
  const ms = Math.max(1, p.lockMinutes) * 60_000;

  useEffect(() => {
    if (!p.enabled) return;
    const idle = new IdleLock({
      lockAfterMs: ms,
      onIdle: () => latest.current.onIdle(),
      keepAlive: () => latest.current.keepAlive(),
      lastCall: () => latest.current.lastCall(),
    });
    lock.current = idle;
    const onInput = () => idle.activity();
    for (const e of activityEvents) window.addEventListener(e, onInput, { capture: true, passive: true });
    return () => {
      for (const e of activityEvents) window.removeEventListener(e, onInput, { capture: true });
      idle.stop();
      lock.current = null;
    };
    // Only enabling starts a count; a new lock time is passed on below without restarting it.
  }, [p.enabled]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    lock.current?.setLockAfter(ms);
  }, [ms]);
}
