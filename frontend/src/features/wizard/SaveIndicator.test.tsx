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

  it.each<[SaveState, string, string]>([
    [{ kind: 'pending' }, 'Ændringer der ikke er gemt', ''],
    [{ kind: 'saving' }, 'Gemmer …', ''],
    [{ kind: 'saved', at: new Date(2026, 11, 1, 9, 5) }, 'Gemt kl. 09:05', 'Gemt kl. 09:05'],
    [{ kind: 'invalid', error: new AppError('invalid_input', [{ field: 'x', code: 'required' }]) }, 'Ikke gemt – ret fejlene markeret nedenfor', 'Ikke gemt – ret fejlene markeret nedenfor'],
  ])('shows %j as %j and announces %j', (state, text, said) => {
    show(state);
    const el = screen.getByTestId('save-state');
    expect(el.textContent).toBe(text);
    expect(el.getAttribute('data-state')).toBe(state.kind);
    expect(el.querySelector('[aria-live=polite]')?.textContent).toBe(said);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('keeps one live region from idle through typing and saving to saved, so only "saved" is announced', () => {
    const view = show({ kind: 'idle' });
    const live = view.container.querySelector('[aria-live=polite]');
    expect(live).toBeTruthy();
    const steps: [SaveState, string][] = [
      [{ kind: 'pending' }, ''],
      [{ kind: 'saving' }, ''],
      [{ kind: 'saved', at: new Date(2026, 11, 1, 9, 5) }, 'Gemt kl. 09:05'],
      [{ kind: 'pending' }, ''],
    ];
    for (const [state, said] of steps) {
      view.rerender(
        <I18nProvider lang="da" onChange={() => {}}>
          <SaveIndicator state={state} />
        </I18nProvider>,
      );
      expect(view.container.querySelector('[aria-live=polite]')).toBe(live);
      expect(live!.textContent).toBe(said);
    }
  });

  it('says why a save failed and offers a retry', () => {
    const onRetry = vi.fn();
    show({ kind: 'error', error: new AppError('network') }, onRetry);
    expect(screen.getByTestId('save-state').textContent).toContain('Kunne ikke gemme: Programmet fik ikke svar');
    fireEvent.click(screen.getByRole('button', { name: 'Prøv igen' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});
