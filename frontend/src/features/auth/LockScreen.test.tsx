import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuthStatus } from '../../api/auth';
import { Modal } from '../../components/Modal';
import { da } from '../../i18n/all';
import { I18nProvider } from '../../i18n/i18n';
import { LockScreen } from './LockScreen';

vi.mock('../../api/auth', () => ({ authApi: { unlock: vi.fn() } }));

afterEach(cleanup);

const a = da.auth;
const status = { signedIn: true, locked: true, user: { workerId: 3, name: 'Jonas Ørnberg', initials: 'JØ', role: 'icm_worker' } } as AuthStatus;

/** The page, a dialog that may open on its own (a restore's check that finishes), and the lock. */
function Page(p: { locked: boolean; dialog: boolean; onClose?: () => void; stage?: 'check' | 'ready' }) {
  return (
    <I18nProvider lang="da" onChange={() => {}}>
      <main>
        <button type="button">Gendan fra backup</button>
      </main>
      {p.dialog && (
        <Modal title="Backuppen er klar" onClose={p.onClose ?? (() => {})} focusKey={p.stage}>
          {p.stage === 'check' ? <input aria-label="Adgangsfrase" /> : <button type="button">Luk ICM nu</button>}
        </Modal>
      )}
      {p.locked && <LockScreen status={status} onUnlocked={() => {}} />}
    </I18nProvider>
  );
}

describe('the lock screen', () => {
  it('covers a dialog that opens while the screen is locked, keeps the focus on the password, and hands the dialog the focus after unlocking', async () => {
    const onClose = vi.fn();
    const { rerender } = render(<Page locked={false} dialog={false} onClose={onClose} />);
    const place = screen.getByRole('button', { name: 'Gendan fra backup' });
    place.focus();

    rerender(<Page locked dialog={false} onClose={onClose} />);
    const password = screen.getByLabelText(a.password);
    expect(document.activeElement).toBe(password);

    rerender(<Page locked dialog onClose={onClose} />);
    const dialog = screen.getByRole('dialog', { name: 'Backuppen er klar', hidden: true });
    const backdrop = dialog.parentElement!;
    await waitFor(() => expect(backdrop.hasAttribute('inert')).toBe(true));
    expect(backdrop.getAttribute('aria-hidden')).toBe('true');
    expect(backdrop.classList.contains('under-lock')).toBe(true);
    expect(document.activeElement).toBe(password);
    // Keys under the lock are not the dialog's.
    fireEvent.keyDown(password, { key: 'Escape' });
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(onClose).not.toHaveBeenCalled();

    rerender(<Page locked={false} dialog onClose={onClose} />);
    expect(backdrop.hasAttribute('inert')).toBe(false);
    expect(backdrop.hasAttribute('aria-hidden')).toBe(false);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Luk ICM nu' }));

    // Closing gives the focus back to where the worker was before the lock.
    rerender(<Page locked={false} dialog={false} onClose={onClose} />);
    expect(document.activeElement).toBe(place);
  });

  it('keeps the focus on the password when an open dialog moves to its next stage under the lock, and moves it in after unlocking', () => {
    const { rerender } = render(<Page locked={false} dialog stage="check" />);
    const field = screen.getByLabelText('Adgangsfrase');
    expect(document.activeElement).toBe(field);
    rerender(<Page locked dialog stage="check" />);
    const password = screen.getByLabelText(a.password);
    expect(document.activeElement).toBe(password);
    rerender(<Page locked dialog stage="ready" />);
    expect(document.activeElement).toBe(password);
    rerender(<Page locked={false} dialog stage="ready" />);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Luk ICM nu' }));
  });

  it('stops watching the page once unlocked', async () => {
    const { rerender } = render(<Page locked dialog={false} />);
    rerender(<Page locked={false} dialog={false} />);
    rerender(<Page locked={false} dialog />);
    const backdrop = screen.getByRole('dialog', { name: 'Backuppen er klar' }).parentElement!;
    await act(() => Promise.resolve());
    expect(backdrop.hasAttribute('inert')).toBe(false);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Luk ICM nu' }));
  });
});
