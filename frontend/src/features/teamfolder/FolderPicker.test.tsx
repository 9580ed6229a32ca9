import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FolderCheck } from '../../api/teamFolder';
import { I18nProvider } from '../../i18n/i18n';
import { SyncProgressBar } from './common';
import { FolderPicker } from './FolderPicker';

vi.mock('../../api/teamFolder', () => ({ teamFolderApi: {} }));

afterEach(cleanup);

const usable: FolderCheck = { path: '/mnt/team', cancelled: false, usable: true, reason: '', hasTeam: false, teamId: '', teamCreated: '', empty: true };

function Picker(p: { check: FolderCheck | null }) {
  return (
    <I18nProvider lang="da" onChange={() => undefined}>
      <FolderPicker path="/mnt/team" onPath={() => undefined} check={p.check} onCheck={() => undefined} onError={() => undefined} />
    </I18nProvider>
  );
}

describe('the folder check', () => {
  it('has its live region on the page before the first check, and fills it with the answer', () => {
    const view = render(<Picker check={null} />);
    const region = screen.getByTestId('folder-check');
    expect(region.getAttribute('role')).toBe('status');
    expect(region.textContent).toBe('');
    view.rerender(<Picker check={usable} />);
    expect(screen.getByTestId('folder-check')).toBe(region); // the same region, filled
    expect(region.textContent).toContain('Mappen kan bruges.');
  });
});

describe('the sync progress', () => {
  it('announces the step only, not every count', () => {
    render(
      <I18nProvider lang="da" onChange={() => undefined}>
        <SyncProgressBar progress={{ operation: 'join', phase: 'snapshot_load', done: 1200, total: 5000 }} />
      </I18nProvider>,
    );
    const live = document.querySelectorAll('[aria-live], [role="status"], [role="alert"]');
    expect(live).toHaveLength(1);
    expect(live[0].textContent).toBe('Indlæser teamets data');
    expect(screen.getByText(/1\.200 af 5\.000/)).toBeTruthy();
  });
});
