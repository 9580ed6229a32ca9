import { cleanup, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../i18n/i18n';
import { SyncIndicator } from './SyncIndicator';

const status = vi.fn();
vi.mock('../../api/teamFolder', () => ({
  teamFolderApi: { status: () => status(), onStatus: () => () => undefined },
}));

function show() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={qc}>
      <I18nProvider lang="da" onChange={() => undefined}>
        <SyncIndicator />
      </I18nProvider>
    </QueryClientProvider>,
  );
}

afterEach(cleanup);

describe('the sync indicator', () => {
  it.each([
    ['ok', 'Opdateret'],
    ['sending', 'Sender ændringer'],
    ['offline', 'Ingen forbindelse'],
    ['problem', 'Problem'],
  ])('says %s in words and links to the sync page', async (state, text) => {
    status.mockResolvedValue({ state, pending: 0, laptops: [], problems: [] });
    show();
    const link = await screen.findByRole('link', { name: `${text} – synkronisering` });
    expect(link.getAttribute('href')).toBe('#/sync');
    expect(link.textContent).toContain(text);
  });

  it('is not shown on a laptop without a team folder', async () => {
    status.mockResolvedValue({ state: 'none', pending: 0, laptops: [], problems: [] });
    const { container } = show();
    await new Promise((r) => setTimeout(r, 20));
    expect(container.textContent).toBe('');
  });
});
