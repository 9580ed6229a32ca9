import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Modal } from './Modal';

afterEach(cleanup);

describe('Modal', () => {
  it('focuses its first field, closes on Escape and on the backdrop, and gives focus back', () => {
    const opener = document.createElement('button');
    document.body.appendChild(opener);
    opener.focus();
    const onClose = vi.fn();
    const { unmount } = render(
      <Modal title="Ny adgangskode" onClose={onClose}>
        <input aria-label="Kode" />
      </Modal>,
    );
    const dialog = screen.getByRole('dialog', { name: 'Ny adgangskode' });
    expect(document.activeElement).toBe(screen.getByLabelText('Kode'));
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent.mouseDown(dialog); // inside: stays open
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent.mouseDown(dialog.parentElement!); // the backdrop
    expect(onClose).toHaveBeenCalledTimes(2);
    unmount();
    expect(document.activeElement).toBe(opener);
    opener.remove();
  });

  it('stays open while the work inside runs', () => {
    const onClose = vi.fn();
    render(
      <Modal title="Gendan" onClose={onClose} busy wide>
        <button>OK</button>
      </Modal>,
    );
    fireEvent.keyDown(document, { key: 'Escape' });
    fireEvent.mouseDown(screen.getByRole('dialog').parentElement!);
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog').className).toContain('modal-wide');
  });

  it('keeps focus inside: Tab and Shift+Tab go round its controls', () => {
    const outside = document.createElement('button');
    document.body.appendChild(outside);
    render(
      <Modal title="Tidligere versioner" onClose={() => {}}>
        <button>Luk</button>
        <a href="#x">Link</a>
        <button disabled>Slået fra</button>
      </Modal>,
    );
    const close = screen.getByRole('button', { name: 'Luk' });
    const link = screen.getByRole('link', { name: 'Link' });
    expect(document.activeElement).toBe(close);
    fireEvent.keyDown(document, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(link);
    fireEvent.keyDown(document, { key: 'Tab' });
    expect(document.activeElement).toBe(close);
    outside.focus(); // focus that escaped somehow is brought back: the key is pressed on the page behind
    fireEvent.keyDown(outside, { key: 'Tab' });
    expect(document.activeElement).toBe(close);
    outside.focus();
    fireEvent.keyDown(outside, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(link);
    outside.remove();
  });

  it("keeps Shift+Tab inside from a stage's status line and from the dialog box itself", () => {
    const outside = document.createElement('button');
    document.body.appendChild(outside);
    render(
      <Modal title="Konto" onClose={() => {}}>
        <p tabIndex={-1} role="status">
          Adgangskoden er gemt.
        </p>
        <button>Luk</button>
        <button>Kopiér</button>
      </Modal>,
    );
    const status = screen.getByRole('status');
    status.focus();
    fireEvent.keyDown(status, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Kopiér' }));
    status.focus();
    fireEvent.keyDown(status, { key: 'Tab' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Luk' }));
    const dialog = screen.getByRole('dialog');
    dialog.focus();
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Kopiér' }));
    outside.remove();
  });

  it('treats a radio group as one Tab stop: Shift+Tab from the checked radio stays inside', () => {
    render(
      <Modal title="Konflikt" onClose={() => {}}>
        <input type="radio" name="keep" aria-label="Nuværende" />
        <input type="radio" name="keep" aria-label="Den anden" defaultChecked />
        <button>Gem</button>
      </Modal>,
    );
    const other = screen.getByRole('radio', { name: 'Den anden' });
    other.focus();
    fireEvent.keyDown(other, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Gem' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Tab' });
    expect(document.activeElement).toBe(other);
  });

  it("gives the focus to the screen's heading when its opener is gone", () => {
    const main = document.createElement('main');
    main.id = 'main-content';
    const h1 = document.createElement('h1');
    h1.tabIndex = -1;
    h1.textContent = 'Team';
    main.appendChild(h1);
    const opener = document.createElement('button');
    main.appendChild(opener);
    document.body.appendChild(main);
    opener.focus();
    const view = render(
      <Modal title="Lås op" onClose={() => {}}>
        <button>Luk</button>
      </Modal>,
    );
    opener.remove();
    view.unmount();
    expect(document.activeElement).toBe(h1);
    main.remove();
  });

  it('gives the focus to its returnTo key, else the heading, when its opener is disabled', () => {
    const main = document.createElement('main');
    main.id = 'main-content';
    const h1 = document.createElement('h1');
    h1.tabIndex = -1;
    main.appendChild(h1);
    const part = document.createElement('h3');
    part.tabIndex = -1;
    part.dataset.focusKey = 'part';
    main.appendChild(part);
    const opener = document.createElement('button');
    main.appendChild(opener);
    document.body.appendChild(main);
    for (const [returnTo, expected] of [
      ['part', part],
      [undefined, h1],
      ['missing', h1],
    ] as const) {
      opener.disabled = false;
      opener.focus();
      const view = render(
        <Modal title="Stop" onClose={() => {}} returnTo={returnTo}>
          <button>Luk</button>
        </Modal>,
      );
      opener.disabled = true;
      view.unmount();
      expect(document.activeElement).toBe(expected);
    }
    main.remove();
  });

  it('leaves the keys alone while under the lock screen (an inert ancestor)', () => {
    const onClose = vi.fn();
    render(
      <Modal title="Om ICM" onClose={onClose}>
        <button>Luk</button>
      </Modal>,
    );
    const backdrop = screen.getByRole('dialog').parentElement!;
    backdrop.setAttribute('inert', '');
    const lockField = document.createElement('input');
    document.body.appendChild(lockField);
    lockField.focus();
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    lockField.dispatchEvent(tab);
    expect(tab.defaultPrevented).toBe(false);
    const esc = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    lockField.dispatchEvent(esc);
    expect(esc.defaultPrevented).toBe(false);
    expect(onClose).not.toHaveBeenCalled();
    // Even a key on the body does nothing while the dialog is inert.
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(onClose).not.toHaveBeenCalled();
    lockField.remove();
  });

  it('leaves keys pressed in another layer outside the dialog alone', () => {
    const onClose = vi.fn();
    render(
      <Modal title="Om ICM" onClose={onClose}>
        <button>Luk</button>
      </Modal>,
    );
    // Another modal layer (as the lock screen is: role=dialog, aria-modal) owns its keys.
    const layer = document.createElement('div');
    layer.setAttribute('role', 'dialog');
    layer.setAttribute('aria-modal', 'true');
    const other = document.createElement('input');
    layer.appendChild(other);
    document.body.appendChild(layer);
    other.focus();
    const esc = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    other.dispatchEvent(esc);
    expect(onClose).not.toHaveBeenCalled();
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    other.dispatchEvent(tab);
    expect(tab.defaultPrevented).toBe(false);
    expect(document.activeElement).toBe(other);
    layer.remove();
  });

  it('skips hidden, inert and disabled controls in the trap and in the first focus', () => {
    render(
      <Modal title="Import" onClose={() => {}}>
        <input type="hidden" name="x" />
        <button disabled>Slået fra</button>
        <button>Første</button>
        <details>
          <summary>Mere</summary>
          <button>Skjult i details</button>
        </details>
        <div hidden>
          <button>Skjult</button>
        </div>
        <div inert>
          <button>Inert</button>
        </div>
      </Modal>,
    );
    const first = screen.getByRole('button', { name: 'Første' });
    const summary = screen.getByText('Mere');
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(document.activeElement!, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(summary);
    fireEvent.keyDown(document.activeElement!, { key: 'Tab' });
    expect(document.activeElement).toBe(first);
  });

  it('starts on its first field even when a button comes before it, and on the radio Tab lands on', () => {
    const { rerender } = render(
      <Modal title="Gendan" onClose={() => {}} focusKey="form">
        <button>Hjælp</button>
        <input aria-label="Adgangsfrase" />
        <button>Gem</button>
      </Modal>,
    );
    expect(document.activeElement).toBe(screen.getByLabelText('Adgangsfrase'));
    rerender(
      <Modal title="Gendan" onClose={() => {}} focusKey="choice">
        <button>Hjælp</button>
        <label>
          <input type="radio" name="valg" value="a" onChange={() => {}} /> Denne
        </label>
        <label>
          <input type="radio" name="valg" value="b" checked onChange={() => {}} /> Den anden
        </label>
      </Modal>,
    );
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Den anden' }));
    rerender(
      <Modal title="Gendan" onClose={() => {}} focusKey="done">
        <a href="#/hjaelp">Læs mere</a>
        <button>Luk</button>
      </Modal>,
    );
    // No field: the first button, not the link before it.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Luk' }));
  });

  it('focuses the dialog itself while loading, and the new stage when focusKey changes', () => {
    const { rerender } = render(
      <Modal title="Slet borgerens data" onClose={() => {}} focusKey="loading">
        <p>Henter…</p>
      </Modal>,
    );
    const dialog = screen.getByRole('dialog');
    expect(document.activeElement).toBe(dialog);
    rerender(
      <Modal title="Slet borgerens data" onClose={() => {}} focusKey="preview">
        <input aria-label="Skriv SLET" />
      </Modal>,
    );
    expect(document.activeElement).toBe(screen.getByLabelText('Skriv SLET'));
    rerender(
      <Modal title="Slet borgerens data" onClose={() => {}} focusKey="done">
        <p>Slettet.</p>
        <button>Luk</button>
      </Modal>,
    );
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Luk' }));
  });
});
