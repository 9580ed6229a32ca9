// Answers the Go side's "app:before-close": save what autosaves, ask about unsaved forms,
// then quit or stay. See backend/service/close_guard.go.
import { EventsOn, Quit } from '../../wailsjs/runtime/runtime';
import * as CloseGuard from '../../wailsjs/go/service/CloseGuard';
import { anyDirty, flushAll } from '../lib/unsaved';

export function listenForClose(confirmText: () => string): () => void {
  if (!(window as unknown as { runtime?: unknown }).runtime) return () => undefined;
  return EventsOn('app:before-close', () => {
    void (async () => {
      await CloseGuard.CloseSeen();
      await flushAll();
      if (anyDirty() && !window.confirm(confirmText())) {
        await CloseGuard.CancelClose();
        return;
      }
      Quit();
    })();
  });
}
