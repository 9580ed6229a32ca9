// Demo data end-to-end: the first-start button fills an empty database with the fictional
// team, and the main screens show it. The screenshots here are the README's.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, shot, signIn, signOut } from './harness.mjs';

let app;
let page;
before(async () => {
  app = await openApp();
  page = app.page;
});
after(async () => {
  await app?.close();
});

test('demo data loads from the first-start screen', async () => {
  await page.getByRole('button', { name: 'Indlæs demodata' }).click();
  await page.getByRole('heading', { name: 'Borgere' }).waitFor();
  await page.getByText('Logget ind: Mette Lund (Teamleder)').waitFor();
  await page.getByText('12 borgere').waitFor();
  const names = await page.locator('tbody tr td:first-child').allInnerTexts();
  assert.equal(names.length, 12);
  // Danish order: Ł sorts with L, and Æ, Ø, Å come last in that order.
  assert.equal(names.at(-1), 'Åse Holm');
  assert.equal(names.at(-2), 'Ørjan Kvist');
  assert.ok(names.indexOf('Łukasz Nowak') > names.indexOf('Karsten Bøgh'));
  assert.ok(names.indexOf('Łukasz Nowak') < names.indexOf('Ørjan Kvist'));
  await shot(page, 'demo-citizens');
});

test('a demo course shows the completed visitation step', async () => {
  await page.getByRole('link', { name: 'Bjørn Aagaard' }).click();
  await page.getByRole('link', { name: /I gang/ }).click();
  await page.getByRole('heading', { name: 'Målgruppe og visitation', level: 2 }).waitFor();
  await page.getByRole('navigation', { name: 'Metodens trin' }).getByText('100 % udfyldt').waitFor();
  await shot(page, 'demo-visitation');
});

test('the fully filled demo course shows every step', async () => {
  await page.getByRole('link', { name: 'Borgere', exact: true }).click();
  await page.getByRole('link', { name: 'Dennis Møller' }).click();
  await page.getByRole('link', { name: /I gang/ }).click();
  const steps = page.getByRole('navigation', { name: 'Metodens trin' });
  for (const name of ['Udredning', 'Planlægning', 'Koordinering', 'Fortalerrolle']) {
    await steps.getByRole('link', { name: new RegExp(name) }).getByText('100 % udfyldt').waitFor();
  }
  await steps.getByRole('link', { name: /Planlægning/ }).click();
  await page.getByText('Jeg vil gerne se mine børn igen.').waitFor();
  await shot(page, 'demo-planning');
  await steps.getByRole('link', { name: /Opfølgning/ }).click();
  await page.getByRole('img', { name: /Linjegraf over WHO-5-score/ }).scrollIntoViewIfNeeded();
  await shot(page, 'demo-who5');
});

test('the caseload overview shows n of max and the recorded override', async () => {
  await page.getByRole('link', { name: 'Caseload', exact: true }).click();
  const aisha = page.getByRole('article', { name: 'Aisha Khalil' });
  assert.equal(await aisha.getByTestId('caseload-figure').innerText(), '5 af 4');
  assert.match(await aisha.innerText(), /Henrik Vang: Borgeren kender Aisha fra herberget/);
  assert.equal(await page.getByRole('article', { name: 'Jonas Ørnberg' }).getByTestId('caseload-figure').innerText(), '4 af 8');
  assert.equal(await page.getByRole('article', { name: 'Mette Lund' }).getByTestId('caseload-figure').innerText(), '1 af 4');
  await shot(page, 'demo-caseload');
  assert.deepEqual(app.pageErrors, []);
});

test('the team overview shows caseloads, outcomes and the fidelity check', async () => {
  await page.getByRole('link', { name: 'Overblik', exact: true }).click();
  await page.getByRole('heading', { name: 'Overblik', level: 1 }).waitFor();
  assert.match(await page.getByTestId('figure-open').innerText(), /10/);
  assert.match(await page.getByTestId('figure-capacity').innerText(), /10 af 16 pladser/);
  const caseload = page.getByTestId('caseload-chart');
  assert.match(await caseload.getByRole('img').getAttribute('aria-label'), /Aisha Khalil 5 af 4/);
  assert.match(await caseload.locator('table').textContent(), /Aisha Khalil5 af 4/);
  const rows = page.getByTestId('fidelity-row');
  assert.equal(await rows.count(), 10);
  const dennis = page.locator('[data-testid="fidelity-row"][data-citizen="Dennis Møller"]');
  assert.equal(await dennis.locator('[data-rule="own_words"]').getAttribute('data-pass'), 'true');
  assert.equal(await dennis.locator('[data-rule="caseload"]').getAttribute('data-pass'), 'false');
  // the caseload is fixed where the courses are shared out, not in a step of the course
  assert.equal(await dennis.locator('[data-rule="caseload"] a').getAttribute('href'), '#/caseload');
  assert.equal(await dennis.locator('[data-rule="coordination"]').count(), 1);
  assert.equal(await dennis.locator('[data-rule="advocacy"]').count(), 1);
  // the requirements over time: a small chart per requirement, the table, the PDF for management
  const history = page.getByTestId('fidelity-history');
  await history.waitFor();
  assert.equal(await history.locator('.ov-multiple').count(), 11);
  assert.match(await history.locator('[data-rule="coordination"] svg').getAttribute('aria-label'), /^Netværk og koordinering: .*4\. kvt\. 2026/);
  await history.getByText('Vis som tabel').click();
  assert.match(await history.locator('table').textContent(), /Åbne forløb/);
  await page.getByRole('button', { name: 'Gem PDF til ledelsen' }).waitFor();
  const bjorn = page.locator('[data-testid="fidelity-row"][data-citizen="Bjørn Aagaard"]');
  assert.equal(await bjorn.locator('[data-rule="own_words"] a').getAttribute('href'), `#/courses/${await bjorn.locator('th a').getAttribute('href').then((h) => h.split('/')[2])}/planning`);
  await bjorn.getByRole('button', { name: /Vis årsager/ }).click();
  await page.getByText('Planen har endnu ingen mål.').first().waitFor();
  await shot(page, 'demo-overview', { full: true });
  assert.deepEqual(app.pageErrors, []);
});

test('the demo workers sign in with the password the sign-in screen shows', async () => {
  await signOut(page);
  const hint = page.getByRole('complementary', { name: 'Demoteamet' });
  assert.match(await hint.innerText(), /mette \(teamleder\), jonas eller aisha.*demo-adgang/s);
  await shot(page, 'demo-sign-in');
  await signIn(page, 'jonas', 'demo-adgang');
  await page.getByText('Logget ind: Jonas Ørnberg (ICM-medarbejder)').waitFor();
  const items = await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link').allInnerTexts();
  assert.ok(!items.includes('Overblik') && !items.includes('Logning'), items.join(', '));
  // Colleagues' citizens are read-only unless the team lead hides them.
  await page.getByText('12 borgere').waitFor();
  assert.ok((await page.getByRole('row').filter({ hasText: 'Kun læse' }).count()) > 0);
  assert.deepEqual(app.pageErrors, []);
});
