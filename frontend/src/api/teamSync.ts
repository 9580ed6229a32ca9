// Another laptop's changes arrive through the team folder while the app is open: the Go side
// applies them to the local database and sends "sync:applied". Every screen's data is then
// read again (what the worker is typing in a form is kept: forms hold their own state).
import type { QueryClient } from '@tanstack/react-query';
import { EventsOn } from '../../wailsjs/runtime/runtime';

/** What to do when another laptop's changes were applied: read every query again. */
export function onTeamChanges(client: QueryClient): void {
  void client.invalidateQueries();
}

/** Listens for applied changes; returns the function that stops listening. */
export function listenForTeamChanges(client: QueryClient): () => void {
  if (!(window as unknown as { runtime?: unknown }).runtime) return () => undefined;
  return EventsOn('sync:applied', () => onTeamChanges(client));
}
