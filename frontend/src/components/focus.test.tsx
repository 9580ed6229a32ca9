import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useRef, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { StatusLine, useFocusFirstInvalid, useStatusLine, type StatusLineState } from './focus';

afterEach(cleanup);

/** A section with a field, a save button and a status line; `grab` exposes the line's state. */
function Saving(p: { grab: (s: StatusLineState) => void }) {
  const status = useStatusLine();
  p.grab(status);
  return (
    <>
      <section aria-label="Mål">
        <input aria-label="Titel" />
        <button type="button">Gem</button>
        <StatusLine status={status} />
      </section>
      <section aria-label="Andet">
        <input aria-label="Søg" />
      </section>
    </>
  );
}

function setup() {
  let status!: StatusLineState;
  render(<Saving grab={(s) => (status = s)} />);
  const line = document.querySelector<HTMLElement>('[data-status-line]')!;
  const live = screen.getByRole('status');
  return { say: (text: string, o?: { focus?: boolean }) => act(() => status.say(text, o)), clear: () => act(() => status.clear()), line, live };
}

describe('StatusLine', () => {
  it('is no live region itself: after a save it takes the focus and the live region stays empty (one channel)', () => {
    const { say, line, live } = setup();
    expect(line.hasAttribute('role')).toBe(false);
    expect(line.tabIndex).toBe(-1);
    screen.getByRole('button', { name: 'Gem' }).focus();
    say('Målet er gemt.');
    expect(document.activeElement).toBe(line);
    expect(line.textContent).toBe('✓ Målet er gemt.');
    expect(live.textContent).toBe('');
  });

  it('also takes the focus from the page body (the form that saved is gone)', () => {
    const { say, line } = setup();
    (document.activeElement as HTMLElement | null)?.blur();
    say('Målet er gemt.');
    expect(document.activeElement).toBe(line);
  });

  it('with focus: false shows the text and announces it through the live region, without moving the focus', async () => {
    const { say, line, live } = setup();
    const button = screen.getByRole('button', { name: 'Gem' });
    button.focus();
    say('Målet er slettet.', { focus: false });
    expect(document.activeElement).toBe(button);
    expect(line.textContent).toBe('✓ Målet er slettet.');
    await waitFor(() => expect(live.textContent).toBe('Målet er slettet.'));
    // The visible copy is hidden from screen readers while the live region holds the text.
    expect(line.querySelector('[aria-hidden="true"]')?.textContent).toBe('✓ Målet er slettet.');
  });

  it('announces the same text twice: the live region is emptied, then filled again', async () => {
    const { say, live } = setup();
    say('Dækningen er trukket tilbage.', { focus: false });
    await waitFor(() => expect(live.textContent).toBe('Dækningen er trukket tilbage.'));
    const changes: string[] = [];
    const watch = new MutationObserver(() => changes.push(live.textContent ?? ''));
    watch.observe(live, { childList: true, characterData: true, subtree: true });
    say('Dækningen er trukket tilbage.', { focus: false });
    expect(live.textContent).toBe('');
    await waitFor(() => expect(live.textContent).toBe('Dækningen er trukket tilbage.'));
    watch.disconnect();
    expect(changes).toEqual(['', 'Dækningen er trukket tilbage.']);
  });

  it('focused twice with the same text, the line is focused again (blur, then focus)', () => {
    const { say, line } = setup();
    say('Målet er gemt.');
    let blurred = 0;
    line.addEventListener('blur', () => blurred++);
    say('Målet er gemt.');
    expect(blurred).toBe(1);
    expect(document.activeElement).toBe(line);
  });

  it('leaves the focus where the worker went on to during the save, and announces instead', async () => {
    const { say, line, live } = setup();
    const other = screen.getByRole('textbox', { name: 'Søg' });
    other.focus();
    say('Målet er gemt.');
    expect(document.activeElement).toBe(other);
    expect(line.textContent).toBe('✓ Målet er gemt.');
    await waitFor(() => expect(live.textContent).toBe('Målet er gemt.'));
  });

  it('clear empties both the line and the live region', async () => {
    const { say, clear, line, live } = setup();
    say('Gemt.', { focus: false });
    await waitFor(() => expect(live.textContent).toBe('Gemt.'));
    clear();
    expect(line.textContent).toBe('');
    expect(live.textContent).toBe('');
  });
});

function InvalidForm() {
  const ref = useRef<HTMLFormElement>(null);
  const [failed, setFailed] = useState(0);
  return (
    <>
      <form ref={ref} aria-label="Kontakt">
        <input aria-label="Navn" aria-invalid={false} />
        <input aria-label="Dato" aria-invalid={failed > 0} />
        <button type="button" onClick={() => setFailed((n) => n + 1)}>
          Gem
        </button>
        <Focuser box={ref} failure={failed || null} />
      </form>
      <input aria-label="Andetsteds" />
    </>
  );
}
function Focuser(p: { box: React.RefObject<HTMLElement | null>; failure: unknown }) {
  useFocusFirstInvalid(p.box, p.failure);
  return null;
}

describe('useFocusFirstInvalid', () => {
  it('moves the focus from the save button to the first invalid field after a failed save', () => {
    render(<InvalidForm />);
    const save = screen.getByRole('button', { name: 'Gem' });
    save.focus();
    fireEvent.click(save);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Dato' }));
  });

  it('leaves the focus alone when it has gone outside the form', () => {
    render(<InvalidForm />);
    const elsewhere = screen.getByRole('textbox', { name: 'Andetsteds' });
    elsewhere.focus();
    fireEvent.click(screen.getByRole('button', { name: 'Gem' }));
    expect(document.activeElement).toBe(elsewhere);
  });
});
