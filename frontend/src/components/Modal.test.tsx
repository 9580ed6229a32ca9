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
    outside.focus(); // focus that escaped somehow is brought back
    fireEvent.keyDown(document, { key: 'Tab' });
    expect(document.activeElement).toBe(close);
    outside.remove();
  });
});
