// Cover during holidays and illness, end to end on the demo team: the team lead lets Aisha
// cover for one of Jonas's citizens, Aisha signs in and writes a note in that course (and
// only that one), the lead withdraws the cover when Jonas is back, and Jonas's start
// screen shows the note under "Mens du var væk" until he marks it read.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { danishDate, label, openApp, shot, signIn, signOut } from './harness.mjs';

let app;
let page;
let covered = '';
const noteText = 'Aisha kiggede forbi i Jonas’ ferie. Alt vel.';
before(async () => {
  app = await openApp();
  page = app.page;
  await page.getByRole('button', { name: 'Indlæs demodata' }).click();
  await page.getByText('Logget ind: Mette Lund (Teamleder)').waitFor();
});
after(async () => {
  await app?.close();
});

test('the team lead sets a cover for one of the worker’s citizens, after a field error', async () => {
  await page.getByRole('link', { name: 'Team', exact: true }).click();
  const section = page.getByRole('region', { name: 'Dækning ved ferie og sygdom' });
  await section.getByText('Ingen dækninger nu eller senere.').waitFor();
  await section.getByRole('button', { name: 'Ny dækning' }).click();
  const form = page.getByRole('form', { name: 'Sæt en kollega til at dække' });
  await form.getByLabel(label('Medarbejder, der er væk')).selectOption({ label: 'Jonas Ørnberg (JØ)' });
  await form.getByLabel(label('Kollega, der dækker')).selectOption({ label: 'Aisha Khalil (AK)' });
  await form.getByLabel(label('Fra dato')).fill(danishDate(0));
  await form.getByLabel(label('Til og med dato')).fill(danishDate(1));
  await form.getByLabel('Kun de valgte borgere').check();
  const group = form.getByRole('group', { name: 'Borgere med åbent forløb hos medarbejderen' });
  const first = group.getByRole('checkbox').first();
  covered = (await group.locator('label.choice').first().innerText()).trim();
  await first.check();
  await form.getByLabel(label('Note (fx ferie, sygdom)')).fill('Ferie');
  await form.getByRole('button', { name: 'Gem dækning' }).click();
  await form.getByText('Til-datoen ligger før fra-datoen.').waitFor();
  await shot(page, 'cover-form-error', { full: true });
  await form.getByLabel(label('Til og med dato')).fill(danishDate(-14));
  await form.getByRole('button', { name: 'Gem dækning' }).click();
  await section.getByText('Dækningen er gemt.').waitFor();
  const row = section.getByTestId('cover-list').getByRole('row').nth(1);
  assert.match(await row.innerText(), new RegExp(`Jonas Ørnberg\\s+Aisha Khalil\\s+${covered}`));
  await shot(page, 'cover-team-section', { full: true });
});

test('the cover writes a note in the covered course, and only there', async () => {
  await signOut(page);
  await signIn(page, 'aisha', 'demo-adgang');
  await page.getByText('Logget ind: Aisha Khalil (ICM-medarbejder)').waitFor();
  await page.getByTestId('cover-notices').getByText(`Du dækker for Jonas Ørnberg til og med ${danishDate(-14)} (${covered}).`).waitFor();
  const row = page.getByRole('row').filter({ hasText: covered });
  await row.getByText('dækning').waitFor();
  assert.equal(await row.getByText('Kun læse').count(), 0);
  // Jonas's other citizens stay read-only for Aisha.
  const others = page.getByRole('row').filter({ hasText: 'Jonas Ørnberg' }).filter({ hasNotText: covered });
  assert.ok((await others.count()) > 0 && (await others.filter({ hasText: 'Kun læse' }).count()) === (await others.count()));
  await shot(page, 'cover-citizens-of-the-cover');
  await row.getByRole('link', { name: covered }).click();
  await page.getByRole('link', { name: /I gang/ }).first().click();
  await page.getByRole('button', { name: 'Nyt notat' }).click();
  const f = page.getByRole('form', { name: 'Nyt notat' });
  await f.getByLabel('Dato').fill(danishDate(0));
  await f.getByLabel('Klokken').fill('09:00');
  await f.getByLabel('Varighed (minutter)').fill('30');
  await f.getByLabel('Hvor').selectOption({ label: 'Borgerens hjem' });
  await f.getByLabel('Type').selectOption({ label: 'Besøg eller samtale' });
  await f.getByLabel('Notat').fill(noteText);
  await f.getByRole('button', { name: 'Gem notat' }).click();
  await page.getByRole('region', { name: 'Journalnotater' }).getByText(noteText).waitFor();
  await shot(page, 'cover-note-by-the-cover');
});

test('after the cover, the worker sees what was written under “Mens du var væk”', async () => {
  await signOut(page);
  await signIn(page, 'mette', 'demo-adgang');
  await page.getByRole('link', { name: 'Team', exact: true }).click();
  const section = page.getByRole('region', { name: 'Dækning ved ferie og sygdom' });
  page.once('dialog', (d) => void d.accept());
  await section.getByRole('button', { name: 'Træk tilbage: dækningen for Jonas Ørnberg' }).click();
  await section.getByText('Trukket tilbage', { exact: true }).waitFor();
  await signOut(page);
  await signIn(page, 'jonas', 'demo-adgang');
  const panel = page.getByRole('region', { name: 'Mens du var væk', exact: true });
  await panel.getByText(`Aisha Khalil dækkede for dig ${danishDate(0)} – ${danishDate(0)} (1 borger).`).waitFor();
  const item = panel.getByRole('row').filter({ hasText: noteText.split('.')[0] });
  assert.match(await item.innerText(), new RegExp(`${covered}\\s+Aisha Khalil\\s+Besøg eller samtale`));
  await shot(page, 'cover-while-away', { full: true });
  await item.getByRole('link', { name: `Åbn forløbet for ${covered}` }).click();
  const journal = page.getByRole('region', { name: 'Journalnotater' });
  await journal.getByText(noteText).waitFor();
  await page.getByRole('link', { name: 'Borgere', exact: true }).click();
  await panel.getByRole('button', { name: 'Markér som læst' }).click();
  await panel.waitFor({ state: 'detached' });
  assert.deepEqual(app.pageErrors, []);
});
