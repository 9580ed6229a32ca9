import { act, cleanup, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScreenReadySignal } from './ScreenReadySignal';
import { PendingLoading } from '../lib/lazyScreen';
import { I18nProvider } from '../i18n/i18n';

type Runtime = { EventsEmit: ReturnType<typeof vi.fn> };
const win = window as unknown as { runtime?: Runtime };

// A screen whose data arrives when the test says so.
function Page(p: { name: string; wait: Promise<string> }) {
  const q = useQuery({ queryKey: ['page', p.name], queryFn: () => p.wait });
  return <p>{q.data ?? 'loading'}</p>;
}

function deferred() {
  let resolve!: (v: string) => void;
  const promise = new Promise<string>((r) => (resolve = r));
  return { promise, resolve };
}

const frames = () => act(() => new Promise((r) => setTimeout(r, 50)));

beforeEach(() => {
  win.runtime = { EventsEmit: vi.fn() };
  window.location.hash = '#/citizens';
});
afterEach(() => {
  cleanup();
  delete win.runtime;
});

describe('ScreenReadySignal', () => {
  it('reports a screen once, after its data has arrived and rendered', async () => {
    const first = deferred();
    const client = new QueryClient();
    render(
      <QueryClientProvider client={client}>
        <Page name="citizens" wait={first.promise} />
        <ScreenReadySignal />
      </QueryClientProvider>,
    );
    await frames();
    expect(win.runtime!.EventsEmit).not.toHaveBeenCalled();
    await act(async () => first.resolve('300 borgere'));
    await frames();
    expect(screen.getByText('300 borgere')).toBeTruthy();
    expect(win.runtime!.EventsEmit).toHaveBeenCalledTimes(1);
    expect(win.runtime!.EventsEmit).toHaveBeenCalledWith('app:screen-ready', '#/citizens');

    // A new route is reported again once its own data is in.
    const second = deferred();
    render(
      <QueryClientProvider client={client}>
        <Page name="overview" wait={second.promise} />
      </QueryClientProvider>,
    );
    await act(async () => {
      window.location.hash = '#/overview';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await frames();
    expect(win.runtime!.EventsEmit).toHaveBeenCalledTimes(1);
    await act(async () => second.resolve('Overblik'));
    await frames();
    expect(win.runtime!.EventsEmit).toHaveBeenCalledTimes(2);
    expect(win.runtime!.EventsEmit).toHaveBeenLastCalledWith('app:screen-ready', '#/overview');
  });

  it('waits while the shell shows a pending loading indicator (the sign-in state outside react-query)', async () => {
    const client = new QueryClient();
    const view = render(
      <QueryClientProvider client={client}>
        <I18nProvider lang="da" onChange={() => undefined}>
          <PendingLoading />
        </I18nProvider>
        <ScreenReadySignal />
      </QueryClientProvider>,
    );
    await frames();
    await frames();
    expect(win.runtime!.EventsEmit).not.toHaveBeenCalled();
    view.rerender(
      <QueryClientProvider client={client}>
        <p>Log ind</p>
        <ScreenReadySignal />
      </QueryClientProvider>,
    );
    await frames();
    expect(win.runtime!.EventsEmit).toHaveBeenCalledTimes(1);
  });
});
