// A damaged database found after the first screen (the integrity check runs in the background
// when the last session ended cleanly; see store.CheckDeferred): the Go side then refuses every
// call with database_corrupt and sends "app:database-damaged". Either way the status is read
// again, and App replaces the screens with the start error page and its advice.
import type { QueryClient } from '@tanstack/react-query';
import { EventsOn } from '../../wailsjs/runtime/runtime';
import { toAppError } from './errors';
import { keys } from './queries';

/** Reads the status again when err says the database is damaged (not when reading the
 * status itself failed: its error is already on screen, and asking again would loop). */
export function onCallError(client: QueryClient, err: unknown, queryKey?: readonly unknown[]): void {
  if (queryKey && queryKey[0] === keys.status[0]) return;
  if (toAppError(err).code === 'database_corrupt') void client.invalidateQueries({ queryKey: keys.status });
}

/** Listens for the background check's finding; returns the function that stops listening. */
export function listenForDamage(client: QueryClient): () => void {
  if (!(window as unknown as { runtime?: unknown }).runtime) return () => undefined;
  return EventsOn('app:database-damaged', () => void client.invalidateQueries({ queryKey: keys.status }));
}
