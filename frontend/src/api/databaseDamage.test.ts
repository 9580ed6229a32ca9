import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { onCallError } from './databaseDamage';
import { keys } from './queries';

vi.mock('../../wailsjs/runtime/runtime', () => ({ EventsOn: vi.fn() }));

const wire = (code: string) => new Error(JSON.stringify({ code, message: code }));

describe('a damaged database found during use', () => {
  it('reads the status again when a call says the file is damaged', () => {
    const client = new QueryClient();
    const spy = vi.spyOn(client, 'invalidateQueries');
    onCallError(client, wire('database_corrupt'), ['citizens', '']);
    expect(spy).toHaveBeenCalledWith({ queryKey: keys.status });
  });

  it('leaves other errors to the screen that made the call', () => {
    const client = new QueryClient();
    const spy = vi.spyOn(client, 'invalidateQueries');
    onCallError(client, wire('invalid_input'), ['citizens', '']);
    onCallError(client, new Error('network'));
    expect(spy).not.toHaveBeenCalled();
  });

  it('does not ask again when reading the status itself failed (no loop)', () => {
    const client = new QueryClient();
    const spy = vi.spyOn(client, 'invalidateQueries');
    onCallError(client, wire('database_corrupt'), keys.status);
    expect(spy).not.toHaveBeenCalled();
  });
});
