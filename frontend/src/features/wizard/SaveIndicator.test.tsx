import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../api/errors';
import { I18nProvider } from '../../i18n/i18n';
import { SaveIndicator } from './SaveIndicator';
import type { SaveState } from './useAutosave';

afterEach(cleanup);

function show(state: SaveState, onRetry?: () => void) {
  return render(
    <I18nProvider lang="da" onChange={() => {}}>
      <SaveIndicator state={state} onRetry={onRetry} />
    </I18nProvider>,
  );
}

describe('SaveIndicator', () => {
  it('shows nothing while idle', () => {
    const { container } = show({ kind: 'idle' });
    expect(container.textContent).toBe('');
    expect(screen.queryByTestId('save-state')).toBeNull();
  });

  it.each<[SaveState, string]>([
    [{ kind: 'pending' }, 'Ændringer der ikke er gemt'],
    [{ kind: 'saving' }, 'Gemmer …'],
    [{ kind: 'saved', at: new Date(2026, 11, 1, 9, 5) }, 'Gemt kl. 09:05'],
    [{ kind: 'invalid', error: new AppError('invalid_input', [{ field: 'x', code: 'required' }]) }, 'Ikke gemt – ret fejlene markeret nedenfor'],
  ])('reads %j as %j', (state, text) => {
    show(state);
    const el = screen.getByTestId('save-state');
    expect(el.textContent).toBe(text);
    expect(el.getAttribute('data-state')).toBe(state.kind);
    expect(el.getAttribute('aria-live')).toBe('polite');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says why a save failed and offers a retry', () => {
    const onRetry = vi.fn();
    show({ kind: 'error', error: new AppError('network') }, onRetry);
    expect(screen.getByTestId('save-state').textContent).toContain('Kunne ikke gemme: Programmet fik ikke svar');
    fireEvent.click(screen.getByRole('button', { name: 'Prøv igen' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});
