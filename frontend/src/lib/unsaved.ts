// A registry of work the screens have not saved yet, so that closing the window can save
// autosaving forms first and ask before throwing away a form with an explicit Save button.

type Flush = () => Promise<void>;
type Dirty = () => boolean;

const flushers = new Set<Flush>();
const dirties = new Set<Dirty>();

/** Registers an autosave flush; returns the function that removes it. */
export function registerFlush(fn: Flush): () => void {
  flushers.add(fn);
  return () => flushers.delete(fn);
}

/** Registers a check that reports typed but unsaved text; returns its remover. */
export function registerDirty(fn: Dirty): () => void {
  dirties.add(fn);
  return () => dirties.delete(fn);
}

/** Saves every autosaving form now. */
export async function flushAll(): Promise<void> {
  await Promise.all([...flushers].map((f) => f().catch(() => undefined)));
}

/** Whether any form with an explicit Save button holds unsaved text. */
export function anyDirty(): boolean {
  return [...dirties].some((d) => d());
}
