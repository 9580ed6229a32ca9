import { useCallback, useEffect, useRef, useState } from 'react';
import { toAppError, type AppError } from '../../api/errors';
import { registerFlush } from '../../lib/unsaved';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'invalid'; error: AppError }
  | { kind: 'error'; error: AppError };

/**
 * Saves `value` a short while after the last change, again on flush (blur, step change)
 * and once more when the screen goes away. A rejected save keeps the typed value on screen
 * and reports the field errors; nothing the user typed is thrown away.
 */
export function useAutosave<T>(value: T, save: (v: T) => Promise<unknown>, delay = 700) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const json = JSON.stringify(value);
  const savedJson = useRef(json);
  const latest = useRef({ value, json, save });
  latest.current = { value, json, save };
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const mounted = useRef(true);

  const run = useCallback(async (): Promise<void> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    // Wait for every save under way, so that two waiting calls do not both save the same value.
    while (inFlight.current) await inFlight.current;
    const { value: v, json: j, save: s } = latest.current;
    if (j === savedJson.current) {
      // Nothing to save (a change was undone): drop a state that no longer applies.
      if (mounted.current) setState((st) => (st.kind === 'pending' || st.kind === 'invalid' || st.kind === 'error' ? { kind: 'idle' } : st));
      return;
    }
    if (mounted.current) setState({ kind: 'saving' });
    const p = (async () => {
      try {
        await s(v);
        savedJson.current = j;
        if (mounted.current) setState({ kind: 'saved', at: new Date() });
      } catch (e) {
        const err = toAppError(e);
        if (mounted.current) setState(err.fields.length ? { kind: 'invalid', error: err } : { kind: 'error', error: err });
      }
    })();
    inFlight.current = p;
    await p;
    if (inFlight.current === p) inFlight.current = null;
  }, []);

  useEffect(() => {
    // While a save is under way, going back to the stored value is a change as well:
    // the save in flight is about to replace it.
    if (json === savedJson.current && !inFlight.current) return;
    setState((s) => (s.kind === 'invalid' ? s : { kind: 'pending' }));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void run(), delay);
  }, [json, delay, run]);

  // Warn before the window unloads with unsaved text, and save on the way out.
  useEffect(() => {
    mounted.current = true;
    const onUnload = (e: BeforeUnloadEvent) => {
      if (latest.current.json !== savedJson.current) {
        void run();
        e.preventDefault();
      }
    };
    window.addEventListener('beforeunload', onUnload);
    const unregister = registerFlush(run);
    return () => {
      unregister();
      window.removeEventListener('beforeunload', onUnload);
      mounted.current = false;
      if (latest.current.json !== savedJson.current) void run();
    };
  }, [run]);

  const dirty = json !== savedJson.current;
  return { state, flush: run, dirty };
}
