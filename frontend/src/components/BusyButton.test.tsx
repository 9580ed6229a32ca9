import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BusyButton } from './BusyButton';

afterEach(cleanup);

describe('BusyButton', () => {
  it('keeps the focus while busy, says it is unavailable and ignores clicks and submits', () => {
    const onClick = vi.fn();
    const onSubmit = vi.fn((e: { preventDefault: () => void }) => e.preventDefault());
    const { rerender } = render(
      <form onSubmit={onSubmit}>
        <BusyButton type="submit" busy={false} onClick={onClick}>
          Gem
        </BusyButton>
      </form>,
    );
    const button = screen.getByRole('button', { name: 'Gem' });
    button.focus();
    fireEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledTimes(1);
    rerender(
      <form onSubmit={onSubmit}>
        <BusyButton type="submit" busy onClick={onClick}>
          Gem
        </BusyButton>
      </form>,
    );
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect((button as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('passes its ref to the button, so a form can put the focus back on it', () => {
    const ref = createRef<HTMLButtonElement>();
    render(
      <BusyButton ref={ref} busy={false}>
        Ja, underskriv
      </BusyButton>,
    );
    expect(ref.current).toBe(screen.getByRole('button', { name: 'Ja, underskriv' }));
  });
});
