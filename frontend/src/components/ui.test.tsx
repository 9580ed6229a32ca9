import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../api/errors';
import { da } from '../i18n/all';
import { I18nProvider } from '../i18n/i18n';
import { ErrorBanner, FocusFirstInvalid, Progress, TableScroll } from './ui';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Progress', () => {
  it.each([
    ['da', 5, 8, '5', '8', '5 af 8'],
    ['da', 9, 8, '8', '8', '9 af 8 – over grænsen'],
    ['en', 9, 8, '8', '8', '9 of 8 – over the limit'],
    ['da', 0, 0, '0', '0', '0 af 0'],
  ] as const)('%s: %i of %i has valuenow %s of %s and says "%s"', (lang, value, max, now, vmax, text) => {
    render(
      <I18nProvider lang={lang} onChange={() => {}}>
        <Progress value={value} max={max} label="Karin Holm" />
      </I18nProvider>,
    );
    const bar = screen.getByRole('progressbar', { name: 'Karin Holm' });
    expect(bar.getAttribute('aria-valuenow')).toBe(now);
    expect(bar.getAttribute('aria-valuemax')).toBe(vmax);
    expect(bar.getAttribute('aria-valuetext')).toBe(text);
  });
});

describe('TableScroll', () => {
  it('is a Tab stop only while its table is wider than the box', () => {
    let resized = () => {};
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(cb: () => void) {
          resized = cb;
        }
        observe() {}
        disconnect() {}
      },
    );
    render(
      <TableScroll label="Borgere">
        <table>
          <tbody>
            <tr>
              <td>Åse</td>
            </tr>
          </tbody>
        </table>
      </TableScroll>,
    );
    const box = screen.getByRole('region', { name: 'Borgere' });
    expect(box.hasAttribute('tabindex')).toBe(false);
    const size = (scroll: number, client: number) => {
      Object.defineProperty(box, 'scrollWidth', { value: scroll, configurable: true });
      Object.defineProperty(box, 'clientWidth', { value: client, configurable: true });
      act(() => resized());
    };
    size(900, 320);
    expect(box.getAttribute('tabindex')).toBe('0');
    size(640, 640);
    expect(box.hasAttribute('tabindex')).toBe(false);
  });
});

describe('TableScroll names its table', () => {
  it('with the box’s label, unless the table has its own', () => {
    render(
      <>
        <TableScroll label="Borgere">
          <table>
            <tbody />
          </table>
        </TableScroll>
        <TableScroll label="Forløb">
          <table aria-label="Egne forløb">
            <tbody />
          </table>
        </TableScroll>
      </>,
    );
    expect(screen.getByRole('table', { name: 'Borgere' })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Egne forløb' })).toBeTruthy();
  });
});

// One announcement per refused save (review 17c, C-M2/C-M3).
describe('ErrorBanner and FocusFirstInvalid', () => {
  const fieldError = new AppError('invalid_input', [{ field: 'name', code: 'required' }]);
  function Harness(p: { error: AppError | null; banner: boolean; fieldShown?: boolean }) {
    return (
      <I18nProvider lang="da" onChange={() => {}}>
        <form aria-label="Ny borger">
          {p.banner ? <ErrorBanner error={p.error} /> : <FocusFirstInvalid failure={p.error} />}
          <input aria-label="Alder" aria-invalid={false} />
          {(p.fieldShown ?? true) && <input aria-label="Navn" aria-invalid={!!p.error} aria-describedby="name-error" />}
          {p.error && (p.fieldShown ?? true) && <div id="name-error">Feltet skal udfyldes.</div>}
          <button type="submit">Gem</button>
        </form>
      </I18nProvider>
    );
  }

  it('moves the focus to the first wrong field and says nothing live when the error is about fields', () => {
    const { rerender } = render(<Harness error={null} banner />);
    screen.getByRole('button', { name: 'Gem' }).focus();
    rerender(<Harness error={fieldError} banner />);
    expect(document.activeElement).toBe(screen.getByLabelText('Navn'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText(da.errors.invalid_input)).toBeTruthy(); // still shown, as plain text
  });

  it('says an error about fields as one alert when no wrong field can take the focus', () => {
    const { rerender } = render(<Harness error={null} banner fieldShown={false} />);
    screen.getByRole('button', { name: 'Gem' }).focus();
    rerender(<Harness error={fieldError} banner fieldShown={false} />);
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.getByRole('alert').textContent).toBe(da.errors.invalid_input);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Gem' }));
  });

  it('keeps an error that is not about fields an alert', () => {
    render(<Harness error={new AppError('internal')} banner />);
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });

  it('moves the focus without a banner in a form that shows its errors only beside the fields', () => {
    const { rerender } = render(<Harness error={null} banner={false} />);
    screen.getByRole('button', { name: 'Gem' }).focus();
    rerender(<Harness error={fieldError} banner={false} />);
    expect(document.activeElement).toBe(screen.getByLabelText('Navn'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('leaves the focus where the worker went meanwhile', () => {
    const { rerender } = render(
      <>
        <button type="button">Andet sted</button>
        <Harness error={null} banner={false} />
      </>,
    );
    screen.getByRole('button', { name: 'Andet sted' }).focus();
    rerender(
      <>
        <button type="button">Andet sted</button>
        <Harness error={fieldError} banner={false} />
      </>,
    );
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Andet sted' }));
  });
});
