import { lazy, Suspense, useEffect, useSyncExternalStore, type ComponentType, type ReactNode } from 'react';
import { Loading } from '../components/ui';

// Screens other than the first one live in their own chunks (the first screen then parses
// only what it needs). While a screen's chunk loads, a fallback shows and the screen does not
// count as ready (ScreenReadySignal waits for chunksLoading() to be 0); so does the shell
// while it asks for the sign-in state (PendingLoading).

let loading = 0;
const listeners = new Set<() => void>();
function changed() {
  for (const l of listeners) l();
}

/** How many screen chunks are loading now. */
export function useChunksLoading(): number {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => loading,
  );
}

/**
 * A loading indicator that also keeps the screen from counting as ready (ScreenReadySignal),
 * for what loads outside react-query: screen chunks, the shell's sign-in state.
 */
export function PendingLoading() {
  useEffect(() => {
    loading++;
    changed();
    return () => {
      loading--;
      changed();
    };
  }, []);
  return <Loading />;
}

/** A screen loaded in its own chunk when first shown, e.g. lazyScreen(() => import('./X'), 'X'). */
export function lazyScreen<P extends object, K extends string>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
): ComponentType<P> {
  const Inner = lazy(async () => ({ default: (await load())[name] })) as unknown as ComponentType<P>;
  return function LazyScreen(props: P) {
    return (
      <Suspense fallback={<PendingLoading />}>
        <Inner {...props} />
      </Suspense>
    );
  };
}

/** Wraps children in a Suspense boundary with the counted fallback. */
export function ScreenSuspense(p: { children: ReactNode }) {
  return <Suspense fallback={<PendingLoading />}>{p.children}</Suspense>;
}
