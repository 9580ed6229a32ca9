import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider, type Lang } from '../../i18n/i18n';
import { AboutDialog, AboutLink, type AboutFacts } from './AboutDialog';
import { readBuildInfo, type BuildInfo } from './buildInfo';

vi.mock('../../api/queries', () => ({
  useStatus: () => ({ data: { version: '2.0.1', databasePath: 'C:\\Users\\test\\AppData\\Local\\ICM\\icm.db', schemaVersion: 7 } }),
}));

afterEach(cleanup);

const facts: AboutFacts = { version: '1.4.2', databasePath: '/home/test/.local/share/icm/icm.db', schemaVersion: 6 };
const build: BuildInfo = { commit: '0f2a5b0c1d', built: '2026-12-01' };

function renderIn(lang: Lang, f: AboutFacts = facts, b: BuildInfo = build, onClose = vi.fn()) {
  render(
    <I18nProvider lang={lang} onChange={() => {}}>
      <AboutDialog facts={f} build={b} onClose={onClose} />
    </I18nProvider>,
  );
  return onClose;
}

const fact = (dialog: HTMLElement, term: string) => {
  const dt = within(dialog).getByText(term, { selector: 'dt' });
  return dt.nextElementSibling?.textContent;
};

describe('AboutDialog', () => {
  it('shows the product, version, build, database file, data protection and licences in Danish', () => {
    renderIn('da');
    const dialog = screen.getByRole('dialog', { name: 'Om ICM' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(within(dialog).getByText('ICM – Intensive Case Management')).toBeTruthy();
    expect(fact(dialog, 'Version')).toBe('1.4.2');
    expect(fact(dialog, 'Bygget')).toBe('01.12.2026');
    expect(fact(dialog, 'Kildekode (commit)')).toBe('0f2a5b0c1d');
    expect(fact(dialog, 'Databasefil')).toBe('/home/test/.local/share/icm/icm.db');
    expect(fact(dialog, 'Databaseversion')).toBe('6');
    expect(dialog.textContent).toContain('Alle data bliver på denne computer');
    expect(dialog.textContent).toContain('React og TanStack Query (MIT)');
    expect(dialog.textContent).toContain('THIRD-PARTY-LICENSES.txt');
    expect(dialog.textContent).toContain('DejaVu Sans');
  });

  it('speaks English when the UI does', () => {
    renderIn('en');
    const dialog = screen.getByRole('dialog', { name: 'About ICM' });
    expect(fact(dialog, 'Built')).toBe('01.12.2026');
    expect(fact(dialog, 'Database file')).toBe('/home/test/.local/share/icm/icm.db');
    expect(dialog.textContent).toContain('All data stays on this computer');
  });

  it('says when a developer build recorded no commit or date, and marks uncommitted changes', () => {
    renderIn('da', facts, { commit: null, built: null });
    let dialog = screen.getByRole('dialog');
    expect(fact(dialog, 'Bygget')).toBe('ikke angivet (udviklerbygning)');
    expect(fact(dialog, 'Kildekode (commit)')).toBe('ikke angivet (udviklerbygning)');
    cleanup();
    renderIn('en', facts, { commit: '0f2a5b0c1d+changes', built: '2026-12-01' });
    dialog = screen.getByRole('dialog');
    expect(fact(dialog, 'Source (commit)')).toBe('0f2a5b0c1d with changes not committed to git');
  });

  it('shows a placeholder while the status loads', () => {
    renderIn('da', {});
    expect(fact(screen.getByRole('dialog'), 'Version')).toBe('…');
  });

  it('takes focus, closes on Escape and on Close, and gives focus back to the opener', () => {
    function Opener() {
      const [open, setOpen] = useState(false);
      return (
        <I18nProvider lang="da" onChange={() => {}}>
          <button type="button" onClick={() => setOpen(true)}>
            Åbn
          </button>
          {open && <AboutDialog facts={facts} build={build} onClose={() => setOpen(false)} />}
        </I18nProvider>
      );
    }
    render(<Opener />);
    const opener = screen.getByRole('button', { name: 'Åbn' });
    opener.focus();
    fireEvent.click(opener);
    const close = screen.getByRole('button', { name: 'Luk' });
    expect(document.activeElement).toBe(close);
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);

    fireEvent.click(opener);
    fireEvent.click(screen.getByRole('button', { name: 'Luk' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('opens at its head: focusing Close at its foot does not scroll the box (200-400 %)', () => {
    const focus = vi.spyOn(HTMLElement.prototype, 'focus');
    try {
      render(
        <I18nProvider lang="da" onChange={() => {}}>
          <AboutDialog facts={facts} build={build} onClose={() => {}} />
        </I18nProvider>,
      );
      const close = screen.getByRole('button', { name: 'Luk' });
      expect(document.activeElement).toBe(close);
      const onClose = focus.mock.contexts.findIndex((c) => c === close);
      expect(focus.mock.calls[onClose]).toEqual([{ preventScroll: true }]);
      expect(screen.getByRole('dialog').scrollTop).toBe(0);
    } finally {
      focus.mockRestore();
    }
  });

  it('keeps Tab inside: from Close (its only control) Tab and Shift+Tab stay on Close, never the page behind', () => {
    const behind = document.createElement('button');
    document.body.appendChild(behind);
    renderIn('da');
    const close = screen.getByRole('button', { name: 'Luk' });
    expect(document.activeElement).toBe(close);
    const tab = fireEvent.keyDown(document, { key: 'Tab' });
    expect(tab).toBe(false); // the browser's own move to the page behind was stopped
    expect(document.activeElement).toBe(close);
    behind.focus(); // focus somehow outside: Tab brings it back in
    fireEvent.keyDown(document, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(close);
    behind.remove();
  });

  it('closes on a click on the backdrop but not inside the dialog', () => {
    const onClose = renderIn('da');
    fireEvent.mouseDown(screen.getByRole('dialog'));
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.mouseDown(screen.getByRole('dialog').parentElement!);
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});

describe('AboutLink', () => {
  it('opens the dialog with the live status, outside the navigation it sits in', () => {
    render(
      <I18nProvider lang="da" onChange={() => {}}>
        <nav aria-label="Hovedmenu">
          <AboutLink />
        </nav>
      </I18nProvider>,
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Om ICM' }));
    const dialog = screen.getByRole('dialog', { name: 'Om ICM' });
    expect(screen.getByRole('navigation').contains(dialog)).toBe(false);
    expect(fact(dialog, 'Version')).toBe('2.0.1');
    expect(fact(dialog, 'Databasefil')).toBe('C:\\Users\\test\\AppData\\Local\\ICM\\icm.db');
    expect(fact(dialog, 'Databaseversion')).toBe('7');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Luk' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('readBuildInfo', () => {
  it('keeps a commit hash and an ISO date', () => {
    expect(readBuildInfo({ VITE_ICM_COMMIT: 'ba91640abc', VITE_ICM_BUILT: '2026-12-02' })).toEqual({ commit: 'ba91640abc', built: '2026-12-02' });
    expect(readBuildInfo({ VITE_ICM_COMMIT: ' ba91640abc+changes\n', VITE_ICM_BUILT: '2026-12-02' }).commit).toBe('ba91640abc+changes');
  });

  it('drops what is missing or not a commit or a date', () => {
    expect(readBuildInfo({})).toEqual({ commit: null, built: null });
    expect(readBuildInfo({ VITE_ICM_COMMIT: '', VITE_ICM_BUILT: '' })).toEqual({ commit: null, built: null });
    expect(readBuildInfo({ VITE_ICM_COMMIT: 'main', VITE_ICM_BUILT: '02.12.2026' })).toEqual({ commit: null, built: null });
    expect(readBuildInfo({ VITE_ICM_COMMIT: '<script>', VITE_ICM_BUILT: '2026-12-02T00:00' })).toEqual({ commit: null, built: null });
  });
});
