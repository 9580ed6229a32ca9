import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { EventsOn } from '../../wailsjs/runtime/runtime';
import { listenForTeamChanges, onTeamChanges } from './teamSync';

vi.mock('../../wailsjs/runtime/runtime', () => ({ EventsOn: vi.fn(() => () => undefined) }));

describe("another laptop's changes", () => {
  it('reads every screen again', async () => {
    const client = new QueryClient();
    client.setQueryData(['citizens', ''], ['old']);
    onTeamChanges(client);
    expect(client.getQueryState(['citizens', ''])?.isInvalidated).toBe(true);
  });

  it('listens only inside the app window', () => {
    const client = new QueryClient();
    listenForTeamChanges(client);
    expect(EventsOn).not.toHaveBeenCalled();
    (window as unknown as { runtime?: unknown }).runtime = {};
    listenForTeamChanges(client);
    expect(EventsOn).toHaveBeenCalledWith('sync:applied', expect.any(Function));
    delete (window as unknown as { runtime?: unknown }).runtime;
  });
});
