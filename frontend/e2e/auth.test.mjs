// Sign-in, roles, the lock screen and the audit log end-to-end on a fresh database: the team
// lead gives a worker access, five wrong passwords lock the account, the worker chooses their
// own password, reads a colleague's citizen without being able to change it (and no longer
// sees it once the lead hides colleagues' citizens), locks the screen with a half-typed note
// and gets it back, and the team lead finds the worker's view in the audit log.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fillLeadAccount, label, openApp, shot, signIn, signOut, waitSaved } from './harness.mjs';

let app;
let page;
before(async () => {
  app = await openApp();
  page = app.page;
});
after(async () => {
  await app?.close();
});

const lead = { name: 'Birthe Ørskov', username: 'birthe', password: 'Birthes egen kode 2026' };
const worker = { name: 'Karl Åberg', username: 'karl', first: 'Karls første kode', own: 'Karls egen hemmelige kode' };
const colleagues = 'Gro Ærø'; // the team lead's citizen
const own = 'Ib Østergaard'; // Karl's citizen
const housingNote = 'Sover på herberget i Nørregade og vil gerne have en lejlighed.';
const halfNote = 'Halvt skrevet: Ib var ikke hjemme, jeg lagde en seddel i';

const nav = () => page.getByRole('navigation', { name: 'Hovedmenu' });
const team = async () => {
  await nav().getByRole('link', { name: 'Team', exact: true }).click();
  await page.getByRole('heading', { name: 'Team', level: 1 }).waitFor();
};

async function citizenWithCourse(name, workerOption) {
  await nav().getByRole('link', { name: 'Borgere', exact: true }).click();
  await page.getByRole('link', { name: 'Ny borger' }).click();
  await page.getByLabel(label('Navn')).fill(name);
  await page.getByRole('button', { name: 'Gem' }).click();
  await page.getByRole('heading', { name }).waitFor();
  await page.getByRole('link', { name: 'Start ICM-forløb' }).click();
  await page.getByLabel('Ansvarlig ICM-medarbejder').selectOption({ label: workerOption });
  await page.getByRole('button', { name: 'Start forløb' }).click();
  await page.getByRole('heading', { name: 'Målgruppe og visitation', level: 2 }).waitFor();
}

test('the team lead sets up the team, a worker, two citizens and the worker’s access', async () => {
  await page.getByLabel('Kommune').fill('Testrup Kommune');
  await page.getByLabel('Teamets navn').fill('ICM Øst');
  await page.getByLabel('Dit navn').fill(lead.name);
  await page.getByLabel('Dine initialer').fill('BØ');
  await page.getByLabel('Dit årsværk').fill('1');
  await fillLeadAccount(page, lead.username, lead.password);
  await page.getByLabel(label('Gentag adgangskoden')).fill(lead.password + 'x');
  await page.getByRole('button', { name: 'Opret team' }).click();
  await page.getByText('De to adgangskoder er ikke ens.').waitFor();
  await page.getByLabel(label('Gentag adgangskoden')).fill(lead.password);
  await page.getByRole('button', { name: 'Opret team' }).click();
  await page.getByText(`Logget ind: ${lead.name} (Teamleder)`).waitFor();

  await team();
  await page.getByRole('button', { name: 'Tilføj medarbejder' }).click();
  const form = page.getByRole('form', { name: 'Ny medarbejder' });
  await form.getByLabel('Navn').fill(worker.name);
  await form.getByLabel('Initialer').fill('KÅ');
  await form.getByLabel('Årsværk').fill('1');
  await form.getByRole('button', { name: 'Gem' }).click();
  await page.getByRole('row', { name: new RegExp(worker.name) }).getByText('Ingen adgang').waitFor();

  await citizenWithCourse(colleagues, `${lead.name} (0 af 8)`);
  await page.getByLabel('Uddybning af boligsituationen').fill(housingNote);
  await waitSaved(page);
  await citizenWithCourse(own, `${worker.name} (0 af 8)`);

  await team();
  const row = page.getByRole('row', { name: new RegExp(worker.name) });
  await row.getByRole('button', { name: 'Opret adgang' }).click();
  const dialog = page.getByRole('dialog', { name: `Opret adgang for ${worker.name}` });
  assert.equal(await dialog.getByLabel(label('Brugernavn')).inputValue(), 'karl');
  await dialog.getByLabel(label('Midlertidig adgangskode')).fill(worker.first);
  await dialog.getByLabel(label('Gentag adgangskoden')).fill(worker.first);
  await dialog.getByRole('button', { name: 'Opret adgang' }).click();
  await dialog.getByText(`Adgangen er gemt. Giv ${worker.name} brugernavn og adgangskode personligt`).waitFor();
  await dialog.getByRole('button', { name: 'Luk' }).click();
  await row.getByText('Skal vælge ny adgangskode').waitFor();
  assert.match(await row.innerText(), /karl/);
  await signOut(page);
});

test('a wrong password is refused, and five in a row lock the account until a time shown', async () => {
  await signIn(page, worker.username, 'ikke den rigtige');
  await page.getByText('Brugernavn eller adgangskode er forkert.').waitFor();
  assert.equal(await page.getByLabel(label('Adgangskode')).inputValue(), '', 'the wrong password is cleared');
  await shot(page, 'auth-01-sign-in');
  for (let i = 2; i <= 4; i++) {
    await signIn(page, worker.username, `forkert nummer ${i}`);
    await page.getByText('Brugernavn eller adgangskode er forkert.').waitFor();
  }
  const started = new Date();
  await signIn(page, worker.username, 'forkert nummer 5');
  const message = page.getByText(/Kontoen er spærret efter for mange forkerte forsøg\. Prøv igen efter kl\. \d\d:\d\d/);
  await message.waitFor();
  const until = /kl\. (\d\d):(\d\d)/.exec(await message.innerText());
  const expected = new Date(started.getTime() + 15 * 60_000);
  const shown = new Date(expected);
  shown.setHours(Number(until[1]), Number(until[2]), 0, 0);
  assert.ok(Math.abs(shown.getTime() - expected.getTime()) <= 90_000, `locked until ${until[1]}:${until[2]}, expected about ${expected.toTimeString().slice(0, 5)}`);
  await shot(page, 'auth-02-locked-out');
  // Locked means locked: the right password does not open it either.
  await signIn(page, worker.username, worker.first);
  await message.waitFor();
});

test('the team lead sees the lockout on the team page and lifts it', async () => {
  await signIn(page, lead.username, lead.password);
  await team();
  const row = page.getByRole('row', { name: new RegExp(worker.name) });
  await row.getByText(/Spærret til \d\d\.\d\d\.\d{4} \d\d:\d\d/).waitFor();
  await page.getByRole('row', { name: new RegExp(lead.name) }).getByText('Aktiv', { exact: true }).waitFor();
  await shot(page, 'auth-03-team-accounts');
  await row.getByRole('button', { name: 'Ophæv spærring' }).click();
  const dialog = page.getByRole('dialog', { name: `Ophæv spærringen for ${worker.name}` });
  await dialog.getByRole('button', { name: 'Ophæv spærring' }).click();
  await dialog.getByText('Spærringen er ophævet.').waitFor();
  await dialog.getByRole('button', { name: 'Luk' }).click();
  await row.getByText('Skal vælge ny adgangskode').waitFor();
  await signOut(page);
});

test('the worker must choose their own password before anything else', async () => {
  await signIn(page, worker.username, worker.first);
  await page.getByRole('heading', { name: 'Vælg din egen adgangskode' }).waitFor();
  assert.equal(await nav().count(), 0, 'nothing of the app before the new password');
  await page.getByLabel(label('Nuværende adgangskode')).fill(worker.first);
  await page.getByLabel(label('Ny adgangskode')).fill('for kort');
  await page.getByLabel(label('Gentag adgangskoden')).fill('for kort');
  await page.getByRole('button', { name: 'Skift adgangskode' }).click();
  await page.getByText('Adgangskoden skal have mindst 10 tegn').waitFor();
  await page.getByLabel(label('Ny adgangskode')).fill(worker.own);
  await page.getByLabel(label('Gentag adgangskoden')).fill(worker.own);
  await page.getByRole('button', { name: 'Skift adgangskode' }).click();
  await page.getByText(`Logget ind: ${worker.name} (ICM-medarbejder)`).waitFor();
  // An ICM worker is not offered the team lead's screens.
  const items = await nav().getByRole('link').allInnerTexts();
  assert.ok(items.includes('Borgere') && items.includes('Caseload'), items.join(', '));
  assert.ok(!items.includes('Overblik') && !items.includes('Logning'), items.join(', '));
});

test('a colleague’s citizen can be read but not changed', async () => {
  await nav().getByRole('link', { name: 'Borgere', exact: true }).click();
  const row = page.getByRole('row', { name: new RegExp(colleagues) });
  await row.getByText('Kun læse').waitFor();
  assert.equal(await page.getByRole('row', { name: new RegExp(own) }).getByText('Kun læse').count(), 0);
  await page.getByRole('link', { name: colleagues }).click();
  await page.getByTestId('read-only-banner').getByText('Borgeren har en anden ICM-medarbejder').waitFor();
  assert.equal(await page.getByRole('link', { name: 'Rediger' }).count(), 0);
  await page.getByRole('link', { name: /Under visitation/ }).click();
  await page.getByTestId('read-only-banner').getByText(`Forløbet hører til ${lead.name}`).waitFor();
  const housing = page.getByLabel('Uddybning af boligsituationen');
  assert.equal(await housing.inputValue(), housingNote);
  assert.ok(await housing.isDisabled(), 'the visitation form is disabled');
  assert.ok(await page.getByLabel('Hvor bor eller opholder borgeren sig ved start?').isDisabled());
  assert.equal(await page.getByRole('button', { name: 'Nyt notat' }).count(), 0, 'no new journal note');
  assert.equal(await page.getByText('Forløbets rammer').count(), 0, 'no course settings');
  await shot(page, 'auth-04-read-only', { full: true });
});

test('the lock button hides everything, and the password brings back the same screen', async () => {
  await nav().getByRole('link', { name: 'Borgere', exact: true }).click();
  await page.getByRole('link', { name: own }).click();
  await page.getByRole('link', { name: /Under visitation/ }).click();
  await page.getByRole('button', { name: 'Nyt notat' }).click();
  const noteText = page.getByRole('form', { name: 'Nyt notat' }).getByLabel(label('Notat'));
  await noteText.fill(halfNote);
  const url = page.url();

  await page.getByRole('button', { name: 'Lås skærmen' }).click();
  const lock = page.getByRole('dialog', { name: 'Skærmen er låst' });
  await lock.waitFor();
  const visible = await page.locator('body').innerText();
  for (const secret of [own, colleagues, halfNote, 'Journalnotater', 'Målgruppe og visitation']) {
    assert.ok(!visible.includes(secret), `"${secret}" is visible on the lock screen`);
  }
  assert.match(visible, /Karl Åberg er logget ind/);
  assert.equal(await page.locator('#root').getAttribute('aria-hidden'), 'true');
  assert.ok(await page.locator('#root').evaluate((el) => el.inert), 'the app underneath is inert');
  await shot(page, 'auth-05-lock-screen');

  await lock.getByLabel('Adgangskode').fill('forkert');
  await lock.getByRole('button', { name: 'Lås op' }).click();
  await lock.getByText('Brugernavn eller adgangskode er forkert.').waitFor();
  await lock.getByLabel('Adgangskode').fill(worker.own);
  await lock.getByRole('button', { name: 'Lås op' }).click();
  await lock.waitFor({ state: 'detached' });
  assert.equal(page.url(), url);
  assert.equal(await noteText.inputValue(), halfNote, 'the half-typed note is still there');
  await page.getByRole('form', { name: 'Nyt notat' }).getByRole('button', { name: 'Annuller' }).click();
  await signOut(page);
});

test('when the team lead hides colleagues’ citizens, the worker no longer sees them', async () => {
  await signIn(page, lead.username, lead.password);
  await nav().getByRole('link', { name: 'Indstillinger', exact: true }).click();
  const access = page.getByRole('form', { name: 'Adgang og skærmlås' });
  assert.ok(await access.getByLabel(/^Kun læse/).isChecked());
  await access.getByLabel(/^Skjult/).check();
  await access.getByRole('button', { name: 'Gem indstillingerne' }).click();
  await access.getByText('Indstillingerne er gemt.').waitFor();
  await signOut(page);

  await signIn(page, worker.username, worker.own);
  await page.getByRole('heading', { name: 'Borgere' }).waitFor();
  await page.getByRole('row', { name: new RegExp(own) }).waitFor();
  assert.equal(await page.getByRole('row', { name: new RegExp(colleagues) }).count(), 0);
  await page.getByText('Én borger').waitFor();
  await signOut(page);
});

test('the team lead finds the worker’s view of the citizen in the audit log', async () => {
  await signIn(page, lead.username, lead.password);
  await nav().getByRole('link', { name: 'Logning', exact: true }).click();
  await page.getByRole('heading', { name: 'Logning', level: 1 }).waitFor();
  const filters = page.getByRole('form', { name: 'Filtrér loggen' });
  await filters.getByLabel('Borger').selectOption({ label: colleagues });
  const views = page.getByTestId('audit-entry').filter({ hasText: worker.name }).filter({ hasText: 'Visning' });
  await views.first().waitFor();
  assert.ok((await views.count()) >= 2, 'the citizen page and the course were viewed');
  assert.match(await views.first().innerText(), new RegExp(colleagues));
  await page.getByRole('button', { name: 'Eksportér for borger (PDF)' }).waitFor();

  await page.getByRole('button', { name: 'Kontrollér nu' }).click();
  await page.getByTestId('chain-status').getByText(/Loggen er intakt: \d+ poster kontrolleret/).waitFor();
  await shot(page, 'auth-06-audit', { full: true });

  // The chain's head, as a printed log shows it, typed back: it matches; one digit off does not.
  const head = await page.getByTestId('chain-status').getByText(/Kædens sidste post lige nu/).innerText();
  const [, no, hash] = head.match(/nr\. (\d+) · ([0-9a-f ]+)/);
  const anchor = page.getByRole('form', { name: 'Kontrollér et kontrolpunkt' });
  await anchor.getByLabel('Postens nummer').fill(no);
  await anchor.getByLabel(/^Kode/).fill(hash.trim());
  await anchor.getByRole('button', { name: 'Kontrollér' }).click();
  await anchor.getByText('Kontrolpunktet passer').waitFor();

  await filters.getByLabel('Borger').selectOption({ index: 0 });
  await filters.getByLabel('Handling').selectOption({ label: 'Mislykket login' });
  // five wrong, one while the account was locked, one wrong password on the lock screen
  await page.getByText('7 poster vist, nyeste først').waitFor();
  await filters.getByLabel('Handling').selectOption({ label: 'Skærmlås' });
  await page.getByTestId('audit-entry').filter({ hasText: worker.name }).first().waitFor();
});

test('the screen locks by itself after the team’s lock time', async () => {
  await nav().getByRole('link', { name: 'Indstillinger', exact: true }).click();
  const access = page.getByRole('form', { name: 'Adgang og skærmlås' });
  await access.getByLabel(label('Lås skærmen efter (minutter uden brug)')).fill('1');
  await access.getByRole('button', { name: 'Gem indstillingerne' }).click();
  await access.getByText('Indstillingerne er gemt.').waitFor();
  const since = Date.now();
  await page.getByRole('dialog', { name: 'Skærmen er låst' }).waitFor({ timeout: 90_000 });
  const after = (Date.now() - since) / 1000;
  assert.ok(after > 45 && after < 65, `locked after ${after.toFixed(0)} s`);
  await page.getByRole('dialog').getByLabel('Adgangskode').fill(lead.password);
  await page.getByRole('button', { name: 'Lås op' }).click();
  await page.getByRole('heading', { name: 'Indstillinger', level: 1 }).waitFor();
  assert.deepEqual(app.pageErrors, []);
});
