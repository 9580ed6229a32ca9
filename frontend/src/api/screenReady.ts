// Tells the Go side that a screen has rendered with its data. Only the performance
// measurement listens (scripts/bench.sh, see backend/benchhook); otherwise the event goes
// nowhere.
import { EventsEmit } from '../../wailsjs/runtime/runtime';

export function signalScreenReady(hash: string): void {
  if (!(window as unknown as { runtime?: unknown }).runtime) return;
  EventsEmit('app:screen-ready', hash);
}
