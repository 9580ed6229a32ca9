import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { Progress, TableScroll } from './ui';

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
