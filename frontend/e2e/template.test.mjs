// The team lead's method template (metodeskabelon) end-to-end on a fresh database: set up
// the team, describe three elements and agree on them, sign the template as the team lead
// and find the signed version in the list. Saving the PDF opens a native dialog, so it is
// tested in Go instead.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { danishDate, fillLeadAccount, openApp, shot, waitSaved } from './harness.mjs';

let app;
let page;
before(async () => {
  app = await openApp();
  page = app.page;
});
after(async () => {
  await app?.close();
});

const answers = [
  ['Målgruppe', 'Borgere fra herberget og fra den fremskudte rådgivning, cirka 30 borgere det første år.', 'Fast krav til metoden'],
  // the method says "it is important" here, not "must"
  ['Tilgængelighed', 'Hverdage 8–16, og borgeren kan altid sende en sms til sin case manager.', 'Det lægger metoden vægt på'],
  ['Lokalitet', 'Vi mødes i borgerens hjem eller et sted i nærmiljøet, som borgeren vælger.', 'Fast krav til metoden'],
];

test('the team is set up through the first-start form', async () => {
  await page.getByLabel('Kommune').fill('Testrup Kommune');
  await page.getByLabel('Teamets navn').fill('ICM Nord');
  await page.getByLabel('Dit navn').fill('Hanne Krogh');
  await page.getByLabel('Dine initialer').fill('HK');
  await page.getByLabel('Dit årsværk').fill('1');
  await fillLeadAccount(page, 'hanne', 'Hannes kode til ICM');
  await page.getByRole('button', { name: 'Opret team' }).click();
  await page.getByRole('link', { name: 'Metodeskabelon' }).click();
  await page.getByRole('heading', { name: 'Metodeskabelon', level: 1 }).waitFor();
  await page.getByText('0 af 16 elementer aftalt').first().waitFor();
});

test('three elements are described and agreed', async () => {
  const list = page.getByRole('navigation', { name: 'Skabelonens elementer' });
  assert.equal(await list.getByRole('button').count(), 16);
  for (const [name, text, weight] of answers) {
    await list.getByRole('button', { name: new RegExp(`^${name}`) }).click();
    await page.getByRole('heading', { name, level: 2 }).waitFor();
    assert.ok(await page.getByRole('note', { name: weight }).isVisible());
    await page.getByLabel('Sådan gør vi i praksis').fill(text);
    await page.getByRole('group', { name: 'Status' }).getByLabel('Aftalt').check();
    await page.getByLabel('Sådan gør vi i praksis').blur();
    await waitSaved(page);
  }
  await page.getByText('3 af 16 elementer aftalt').first().waitFor();
  // the answers are stored: back to the first element, the text is there
  await list.getByRole('button', { name: /^Målgruppe/ }).click();
  assert.equal(await page.getByLabel('Sådan gør vi i praksis').inputValue(), answers[0][1]);
  assert.ok(await page.getByRole('group', { name: 'Status' }).getByLabel('Aftalt').isChecked());
  await shot(page, 'template-01-elements', { full: true });
});

test('the team lead signs the template and the version is listed', async () => {
  await page.getByRole('button', { name: 'Underskriv skabelonen' }).click();
  const form = page.getByRole('form', { name: 'Underskriv skabelonen' });
  await form.getByRole('heading', { name: 'Underskriv skabelonen som version 1' }).waitFor();
  await form.getByText('Underskrives af dig som teamleder: Hanne Krogh.').waitFor();
  assert.equal(await form.getByLabel('Dato for underskriften').inputValue(), danishDate(0));
  await form.getByLabel('Bemærkning').fill('Aftalt på teammødet');
  await form.getByRole('button', { name: 'Underskriv version 1' }).click();
  await form.getByRole('button', { name: 'Ja, underskriv version 1' }).click();
  const signed = page.getByTestId('template-signed');
  await signed.filter({ hasText: 'Version 1 er underskrevet og gemt.' }).waitFor();
  // The result takes the focus (read once, on focus).
  assert.equal(await signed.evaluate((el) => el === document.activeElement), true);
  const row = page.getByRole('listitem', { name: 'Version 1' });
  await row.getByText(`Underskrevet af Hanne Krogh ${danishDate(0)}`).waitFor();
  await row.getByText('3 af 16 aftalt').waitFor();
  await row.getByRole('button', { name: 'Vis' }).click();
  await row.getByText(answers[1][1]).waitFor();
  await shot(page, 'template-02-signed', { full: true });
});

test('editing after signing leaves the signed version as it was', async () => {
  const list = page.getByRole('navigation', { name: 'Skabelonens elementer' });
  await list.getByRole('button', { name: /^Tilgængelighed/ }).click();
  await page.getByLabel('Sådan gør vi i praksis').fill('Døgnet rundt via vagttelefonen.');
  await page.getByLabel('Sådan gør vi i praksis').blur();
  await waitSaved(page);
  const row = page.getByRole('listitem', { name: 'Version 1' });
  await row.getByText(answers[1][1]).waitFor();
  assert.equal(await row.getByText('Døgnet rundt via vagttelefonen.').count(), 0);
});

// The template's PDF, through the app's headless export on the same database: the signed
// version keeps the signed text; the current one has the later edit and is marked a draft.
test('the signed and the current template export as PDF', async () => {
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join, resolve } = await import('node:path');
  const repo = resolve(import.meta.dirname, '../..');
  const dir = mkdtempSync(join(tmpdir(), 'icm-template-pdf-'));
  const pdfText = (args, file) => {
    execFileSync('go', ['run', '.', '-db', process.env.E2E_DB, '-export-template', ...args, '-out', file], { cwd: repo, stdio: 'pipe' });
    return execFileSync('pdftotext', ['-layout', file, '-']).toString();
  };
  const signed = pdfText(['-template-version', '1'], join(dir, 'signed.pdf'));
  assert.match(signed, /Metodeskabelon/);
  assert.match(signed, /Hanne Krogh/);
  assert.match(signed.replace(/\s+/g, ' '), /Hverdage 8–16/);
  assert.doesNotMatch(signed, /Døgnet rundt/);
  const current = pdfText([], join(dir, 'current.pdf'));
  assert.match(current.replace(/\s+/g, ' '), /Døgnet rundt via vagttelefonen/);
  assert.match(current, /KLADDE/);
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', join(dir, 'signed.pdf'), join(process.env.E2E_OUT ?? dir, 'template-pdf')]);
});
