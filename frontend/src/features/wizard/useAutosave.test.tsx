import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../api/errors';
import { useAutosave } from './useAutosave';

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  reject: (e: unknown) => void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const DELAY = 700;

function setup(initial: { name: string }, save = vi.fn((_v: { name: string }) => Promise.resolve())) {
  const hook = renderHook(({ value }) => useAutosave(value, save, DELAY), { initialProps: { value: initial } });
  const change = (name: string) => hook.rerender({ value: { name } });
  return { ...hook, save, change };
}

/** Lets timers run and promises settle inside act. */
const advance = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useAutosave', () => {
  it('does not save the value it starts with', async () => {
    const { result, save } = setup({ name: 'a' });
    expect(result.current.state.kind).toBe('idle');
    expect(result.current.dirty).toBe(false);
    await advance(5000);
    expect(save).not.toHaveBeenCalled();
  });

  it('saves a change after the delay, not before', async () => {
    const { result, save, change } = setup({ name: 'a' });
    change('b');
    expect(result.current.state.kind).toBe('pending');
    expect(result.current.dirty).toBe(true);
    await advance(DELAY - 1);
    expect(save).not.toHaveBeenCalled();
    await advance(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({ name: 'b' });
  });

  it('ends in saved with the time after a successful save', async () => {
    vi.setSystemTime(new Date(2026, 11, 1, 14, 5));
    const d = deferred();
    const { result, save, change } = setup({ name: 'a' }, vi.fn(() => d.promise));
    change('b');
    await advance(DELAY);
    expect(save).toHaveBeenCalledTimes(1);
    expect(result.current.state.kind).toBe('saving');
    await act(async () => d.resolve());
    const s = result.current.state;
    expect(s.kind).toBe('saved');
    expect(s.kind === 'saved' && s.at.getHours() * 60 + s.at.getMinutes()).toBe(14 * 60 + 5);
    expect(result.current.dirty).toBe(false);
    // nothing more to save
    await advance(5000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('saves several quick changes once, with the last value', async () => {
    const { save, change } = setup({ name: 'a' });
    change('ab');
    await advance(300);
    change('abc');
    await advance(300);
    change('abcd');
    await advance(DELAY - 1);
    expect(save).not.toHaveBeenCalled();
    await advance(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({ name: 'abcd' });
    await advance(5000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('saves at once on flush and not again when the timer would have run', async () => {
    const { result, save, change } = setup({ name: 'a' });
    change('b');
    await act(() => result.current.flush());
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({ name: 'b' });
    expect(result.current.state.kind).toBe('saved');
    await advance(5000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('does nothing on flush without changes', async () => {
    const { result, save } = setup({ name: 'a' });
    await act(() => result.current.flush());
    expect(save).not.toHaveBeenCalled();
    expect(result.current.state.kind).toBe('idle');
  });

  it('reports field errors as invalid, keeps the value and saves again after the next change', async () => {
    const invalid = new AppError('invalid_input', [{ field: 'name', code: 'too_long' }]);
    const save = vi.fn((v: { name: string }) => (v.name === 'bad' ? Promise.reject(invalid) : Promise.resolve()));
    const { result, change } = setup({ name: 'a' }, save);
    change('bad');
    await advance(DELAY);
    const s = result.current.state;
    expect(s.kind).toBe('invalid');
    expect(s.kind === 'invalid' && s.error.field('name')?.code).toBe('too_long');
    expect(result.current.dirty).toBe(true);

    // the errors stay on screen while the user corrects the value
    change('good');
    expect(result.current.state.kind).toBe('invalid');
    await advance(DELAY);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith({ name: 'good' });
    expect(result.current.state.kind).toBe('saved');
  });

  it('reads a rejected Go error with fields as invalid', async () => {
    const wire = JSON.stringify({ code: 'invalid_input', fields: [{ field: 'name', code: 'required' }], message: 'x' });
    const { result, change } = setup({ name: 'a' }, vi.fn(() => Promise.reject(new Error(wire))));
    change('');
    await advance(DELAY);
    const s = result.current.state;
    expect(s.kind).toBe('invalid');
    expect(s.kind === 'invalid' && s.error.field('name')?.code).toBe('required');
  });

  it('reports an error without fields as error, and flush retries it', async () => {
    let fail = true;
    const save = vi.fn(() => (fail ? Promise.reject(new Error('Call to CourseService.SaveVisitation timed out')) : Promise.resolve()));
    const { result, change } = setup({ name: 'a' }, save);
    change('b');
    await advance(DELAY);
    const s = result.current.state;
    expect(s.kind).toBe('error');
    expect(s.kind === 'error' && s.error.code).toBe('network');
    expect(result.current.dirty).toBe(true);

    fail = false;
    await act(() => result.current.flush());
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith({ name: 'b' });
    expect(result.current.state.kind).toBe('saved');
  });

  it('saves once when unmounted with unsaved changes', async () => {
    const { save, change, unmount } = setup({ name: 'a' });
    change('b');
    unmount();
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({ name: 'b' });
    await advance(5000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('does not save on unmount when everything is saved', async () => {
    const { save, change, unmount } = setup({ name: 'a' });
    change('b');
    await advance(DELAY);
    expect(save).toHaveBeenCalledTimes(1);
    unmount();
    await advance(5000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('saves and asks before the window unloads with unsaved changes', async () => {
    const { save, change } = setup({ name: 'a' });
    const clean = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(clean);
    expect(clean.defaultPrevented).toBe(false);

    change('b');
    const dirty = new Event('beforeunload', { cancelable: true });
    await act(async () => {
      window.dispatchEvent(dirty);
    });
    expect(dirty.defaultPrevented).toBe(true);
    expect(save).toHaveBeenCalledWith({ name: 'b' });
  });

  it('goes back to idle when a change is undone before it is saved', async () => {
    const { result, save, change } = setup({ name: 'a' });
    change('ab');
    expect(result.current.state.kind).toBe('pending');
    change('a');
    await advance(5000);
    expect(save).not.toHaveBeenCalled();
    expect(result.current.dirty).toBe(false);
    expect(result.current.state.kind).toBe('idle');
  });

  it('saves a change that undoes a save still in flight', async () => {
    const first = deferred();
    const save = vi.fn((v: { name: string }) => (v.name === 'b' ? first.promise : Promise.resolve()));
    const { result, change } = setup({ name: 'a' }, save);
    change('b');
    await advance(DELAY);
    expect(save).toHaveBeenCalledTimes(1);
    // while "b" is being saved the user goes back to "a"
    change('a');
    await act(async () => first.resolve());
    await advance(DELAY);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith({ name: 'a' });
    expect(result.current.state.kind).toBe('saved');
    expect(result.current.dirty).toBe(false);
  });

  it('drops a failure that no longer applies once the change is undone', async () => {
    const first = deferred();
    const save = vi.fn(() => first.promise);
    const { result, change } = setup({ name: 'a' }, save);
    change('b');
    await advance(DELAY);
    change('a');
    await act(async () => first.reject(new Error('boom')));
    expect(result.current.state.kind).toBe('error');
    await advance(DELAY);
    // "a" is what is stored: nothing to save and nothing to report
    expect(save).toHaveBeenCalledTimes(1);
    expect(result.current.state.kind).toBe('idle');
    expect(result.current.dirty).toBe(false);
  });

  it('does not save the same value twice when flush and the timer wait for one save', async () => {
    const first = deferred();
    const save = vi.fn((v: { name: string }) => (v.name === 'b' ? first.promise : Promise.resolve()));
    const { result, change } = setup({ name: 'a' }, save);
    change('b');
    await advance(DELAY);
    change('c');
    await advance(DELAY); // the timer's save waits for "b"
    let flushed!: Promise<void>;
    act(() => {
      flushed = result.current.flush(); // so does the flush
    });
    await act(async () => {
      first.resolve();
      await flushed;
    });
    await advance(5000);
    expect(save.mock.calls.map(([v]) => v.name)).toEqual(['b', 'c']);
    expect(result.current.state.kind).toBe('saved');
  });
});
