import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../../i18n/i18n';
import { ScaleGroup } from './ScaleGroup';

afterEach(cleanup);

const words = ['Aldrig', 'Lidt', 'Meget'];
const renderGroup = (p: { required?: boolean; error?: string }) =>
  render(
    <I18nProvider lang="da" onChange={() => {}}>
      <ScaleGroup legend="Jeg har følt mig glad" words={words} value={null} onChange={() => {}} {...p} />
    </I18nProvider>,
  );

describe('ScaleGroup', () => {
  it('marks a required group: required radios and a star in the legend (C-L1)', () => {
    renderGroup({ required: true });
    const radios = screen.getAllByRole('radio') as HTMLInputElement[];
    expect(radios).toHaveLength(3);
    expect(radios.every((r) => r.required)).toBe(true);
    expect(screen.getByRole('group').querySelector('legend .req')?.textContent).toContain('*');
  });

  it('leaves an optional group unmarked', () => {
    renderGroup({});
    expect((screen.getAllByRole('radio') as HTMLInputElement[]).some((r) => r.required)).toBe(false);
    expect(screen.getByRole('group').querySelector('legend .req')).toBeNull();
  });

  it('ties its error as plain text, not as a live alert (C-M2)', () => {
    renderGroup({ required: true, error: 'Vælg et svar.' });
    expect(screen.queryByRole('alert')).toBeNull();
    const group = screen.getByRole('group');
    expect(document.getElementById(group.getAttribute('aria-describedby')!)?.textContent).toBe('Vælg et svar.');
    expect(screen.getAllByRole('radio').every((r) => r.getAttribute('aria-invalid') === 'true')).toBe(true);
  });
});
