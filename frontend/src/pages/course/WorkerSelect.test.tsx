import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/i18n';
import { da } from '../../i18n/all';
import { OverrideFields } from './WorkerSelect';

afterEach(cleanup);

function renderFields(p: { reason: string; missing?: boolean; reasonError?: string }) {
  render(
    <I18nProvider lang="da" onChange={() => {}}>
      <OverrideFields reason={p.reason} onReason={() => {}} missing={p.missing} reasonError={p.reasonError} />
    </I18nProvider>,
  );
  return screen.getByLabelText(da.course.overrideReason);
}

// Saving again over the ceiling without a reason marks the reason field itself (issue 16).
describe('OverrideFields', () => {
  it('marks the empty reason field when the save was refused for lack of it', () => {
    const field = renderFields({ reason: '', missing: true });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toBe('override-reason-error');
    expect(screen.queryByRole('alert')).toBeNull(); // the field reads its own error when it gets the focus
    expect(document.getElementById('override-reason-error')?.textContent).toBe(da.course.overrideReasonMissing);
  });
  it('does not mark the field before a save, or once a reason is written', () => {
    for (const p of [{ reason: '', missing: false }, { reason: 'Akut behov', missing: true }]) {
      const field = renderFields(p);
      expect(field.getAttribute('aria-invalid')).toBe('false');
      expect(screen.queryByRole('alert')).toBeNull();
      cleanup();
    }
  });
  it('shows the server’s field error first', () => {
    const field = renderFields({ reason: 'x', missing: true, reasonError: 'For lang' });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('override-reason-error')?.textContent).toBe('For lang');
  });
});
