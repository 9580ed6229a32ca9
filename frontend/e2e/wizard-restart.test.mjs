// After the app has been stopped and started again on the same database, everything the
// wizard test entered is still there.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { danishDate, openApp, shot, signIn } from './harness.mjs';
import { story } from './story.mjs';

let app;
let page;
before(async () => {
  app = await openApp();
  page = app.page;
});
after(async () => {
  await app?.close();
});

const steps = () => page.getByRole('navigation', { name: 'Metodens trin' });

test('after the restart the worker signs in again first', async () => {
  await signIn(page, story.username, 'ikke den rigtige');
  await page.getByText('Brugernavn eller adgangskode er forkert.').waitFor();
  await signIn(page, story.username, story.password);
  await page.getByRole('heading', { name: 'Borgere' }).waitFor();
});

test('the course opens from the citizen list after the restart', async () => {
  await page.getByRole('link', { name: story.citizen }).click();
  // The housing history is kept: three moves after the course start, newest first.
  await page.getByTestId('housing-entry').first().waitFor();
  const entries = await page.getByTestId('housing-panel').getByTestId('housing-entry').allInnerTexts();
  assert.equal(entries.length, 5);
  story.moves.forEach((m, i) => assert.match(entries[2 - i], new RegExp(m.note)));
  await page.getByRole('link', { name: /I gang|Under visitation/ }).click();
  await page.getByRole('heading', { name: 'Målgruppe og visitation', level: 2 }).waitFor();
  assert.equal(await page.getByLabel('Uddybning af boligsituationen').inputValue(), story.visitation.housingNote);
  assert.equal(await page.getByLabel('Visitationsdato').inputValue(), danishDate(story.startDaysAgo));
  assert.equal(await page.getByLabel('Myndighedssagsbehandler').inputValue(), story.caseworker);
  for (const step of ['Målgruppe og visitation', 'Udredning', 'Planlægning', 'Koordinering', 'Fortalerrolle', 'Opfølgning']) {
    await steps().getByRole('link', { name: new RegExp(step) }).getByText('100 % udfyldt').waitFor();
  }
});

test('the assessment texts are kept per life area', async () => {
  await steps().getByRole('link', { name: /Udredning/ }).click();
  const topics = page.getByRole('navigation', { name: 'Emner i udredningen' });
  for (const [topic, fields] of story.assessment) {
    await topics.getByRole('button', { name: new RegExp(`^${topic}`) }).click();
    await page.getByRole('heading', { name: topic, level: 3 }).waitFor();
    for (const [label, text] of fields) assert.equal(await page.getByLabel(label, { exact: true }).inputValue(), text, `${topic}: ${label}`);
  }
});

test('the plan keeps goals, sub-goals and activities', async () => {
  await steps().getByRole('link', { name: /Planlægning/ }).click();
  for (const goal of story.goals) {
    const card = page.getByRole('article').filter({ hasText: goal.words });
    for (const sub of goal.subs) await card.getByText(sub.what).waitFor();
  }
  for (const a of story.activities) await page.getByRole('cell', { name: a.what, exact: true }).waitFor();
  assert.equal(await page.getByText('SMART: alt er med').count(), 2);
});

test('the network, the meeting and the advocacy case are kept', async () => {
  await steps().getByRole('link', { name: /Koordinering/ }).click();
  await page.getByRole('cell', { name: story.caseworker, exact: true }).waitFor();
  for (const c of story.contacts) await page.getByText(c.role).waitFor();
  await page.getByText(story.meeting.preparation).waitFor();
  assert.ok(await page.getByRole('checkbox', { name: `Udført: ${story.meeting.action.text}` }).isChecked());
  await steps().getByRole('link', { name: /Fortalerrolle/ }).click();
  await page.getByText(story.barrier.rights).waitFor();
  await page.getByText(story.barrier.outcome).waitFor();
});

test('evaluations, WHO-5 scores and the weekly check are kept', async () => {
  await steps().getByRole('link', { name: /Opfølgning/ }).click();
  await page.getByRole('heading', { name: 'Opfølgning', level: 2 }).waitFor();
  for (const ev of story.evaluations) await page.getByText(ev.summary).waitFor();
  const table = page.getByTestId('who5-table');
  for (const w of story.who5) {
    const row = table.getByRole('row').filter({ hasText: danishDate(w.daysAgo) });
    assert.match(await row.innerText(), new RegExp(String(w.score)));
  }
  assert.match(await page.getByRole('img', { name: /Linjegraf over WHO-5-score/ }).getAttribute('aria-label'), /24.*44.*72/s);
  await page.getByTestId('weekly-table').waitFor();
  // Evaluating moved the sub-goals' status, which the plan shows.
  await steps().getByRole('link', { name: /Planlægning/ }).click();
  assert.equal(await page.getByRole('listitem').filter({ hasText: story.vagueSubGoal }).getByText('Nået').count(), 1);
});

test('the notes are kept and found by search', async () => {
  await steps().getByRole('link', { name: /Planlægning/ }).click();
  await page.getByText(`${story.notes.length + 1} notater`).waitFor();
  const journal = page.getByRole('region', { name: 'Journalnotater' });
  for (const [i, n] of story.notes.entries()) {
    await journal.getByText(i === story.correction.note ? story.correction.text : n.text).waitFor();
  }
  // The correction and its first version are kept.
  await journal.getByRole('listitem').filter({ hasText: story.correction.text }).getByRole('button', { name: 'Vis tidligere versioner' }).click();
  const versions = page.getByRole('dialog', { name: 'Tidligere versioner af notatet' });
  await versions.getByText(story.notes[story.correction.note].text).waitFor();
  await versions.getByRole('button', { name: 'Luk' }).click();
  await page.getByRole('link', { name: 'Søg i notater', exact: true }).click();
  await page.getByLabel('Søg i alle notater').fill('søvn selvmordstanker'.split(' ')[1]);
  await page.getByTestId('note-hits').getByText('Ét notat fundet').waitFor();
  await page.getByLabel('Søg i alle notater').fill('SOVER');
  await page.getByTestId('note-hits').getByText('Ét notat fundet').waitFor();
  await page.getByLabel('Søg i alle notater').fill('sovér');
  await page.getByTestId('note-hits').getByText('Ingen notater matcher søgningen.').waitFor();
  await shot(page, 'wizard-09-search');
});

test('the plan is signed off with the citizen and becomes version 1', async () => {
  await page.getByRole('link', { name: 'Borgere', exact: true }).click();
  await page.getByRole('link', { name: story.citizen }).click();
  await page.getByRole('link', { name: /I gang|Under visitation/ }).click();
  await steps().getByRole('link', { name: /Planlægning/ }).click();
  await page.getByRole('button', { name: 'Underskriv planen' }).click();
  const f = page.getByRole('form', { name: 'Underskriv planen' });
  assert.equal(await f.getByLabel('Borgerens navn').inputValue(), story.citizen);
  await f.getByRole('group', { name: 'Hvordan har borgeren underskrevet?' }).getByLabel('Underskrevet på papir ved et møde').check();
  await f.getByLabel('Borgerens kommentarer eller uenighed').fill('Vil gerne have flere besøg i eksamensperioden.');
  await f.getByRole('button', { name: 'Underskriv version 1' }).click();
  await page.getByRole('button', { name: 'Ja, underskriv version 1' }).click();
  await page.getByText('Version 1 er underskrevet og gemt.').waitFor();
  const row = page.getByTestId('plan-version-1');
  assert.match(await row.innerText(), /Version 1/);
  await row.getByRole('button', { name: 'Gem som PDF' }).waitFor();
  await shot(page, 'wizard-10-signed', { full: true });
});

test('closing the course records what follows and makes it read-only', async () => {
  await page.getByRole('link', { name: 'Borgere', exact: true }).click();
  await page.getByRole('link', { name: story.citizen }).click();
  await page.getByRole('link', { name: /I gang|Under visitation/ }).click();
  await steps().getByRole('link', { name: /Opfølgning/ }).click();
  await page.getByRole('button', { name: 'Afslut forløb' }).click();
  const f = page.getByRole('form', { name: 'Afslut forløbet' });
  await f.getByLabel('Årsag til afslutningen').selectOption({ index: 1 });
  await f.getByRole('group', { name: 'Støtte efter ICM' }).getByLabel('Almindelig § 85-støtte').check();
  await f.getByLabel('Boligsituation ved afslutningen').selectOption({ label: 'Egen bolig – stabil' });
  page.once('dialog', (d) => void d.accept());
  await f.getByRole('button', { name: 'Bekræft afslutning' }).click();
  await page.getByTestId('closing').waitFor();
  await page.getByRole('link', { name: 'Borgere', exact: true }).click();
  const row = page.getByRole('row', { name: new RegExp(story.citizen) });
  // The list shows what it had cached at once and the refetched rows a moment later.
  await row.filter({ hasText: 'Intet åbent forløb' }).waitFor();
  assert.match(await row.innerText(), /Egen bolig – stabil/);
  assert.match(await row.innerText(), /Intet åbent forløb/);
  assert.deepEqual(app.pageErrors, []);
});
