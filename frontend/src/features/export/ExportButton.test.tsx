import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n/i18n';
import type { Lang } from '../../i18n/i18n';
import { ExportButton } from './ExportButton';

afterEach(cleanup);

function renderButton(lang: Lang, result: { path: string; cancelled: boolean; replacedChars?: string[] | null }) {
  render(
    <I18nProvider lang={lang} onChange={() => {}}>
      <ExportButton label="PDF" run={() => Promise.resolve(result)} />
    </I18nProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'PDF' }));
}

describe('the export button', () => {
  it('says which characters the PDF could not print as written', async () => {
    renderButton('da', { path: '/tmp/plan.pdf', cancelled: false, replacedChars: ['😀', '王'] });
    await screen.findByText('Gemt: /tmp/plan.pdf');
    const note = screen.getByRole('note');
    expect(note.textContent).toContain('□');
    expect(note.textContent).toContain('😀 王');
  });

  it('says it in English too', async () => {
    renderButton('en', { path: '/tmp/plan.pdf', cancelled: false, replacedChars: ['😀'] });
    await screen.findByText('Saved: /tmp/plan.pdf');
    expect(screen.getByRole('note').textContent).toMatch(/font lacks these characters.*😀/);
  });

  it('says nothing more when every character printed', async () => {
    for (const replacedChars of [[], null, undefined]) {
      renderButton('da', { path: '/tmp/plan.pdf', cancelled: false, replacedChars });
      await screen.findByText('Gemt: /tmp/plan.pdf');
      expect(screen.queryByRole('note')).toBeNull();
      cleanup();
    }
  });
});
