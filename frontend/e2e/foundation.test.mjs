// Foundation end-to-end: first start, team setup, a worker, a citizen, a course within and
// over the caseload ceiling, the visitation step autosaved and found again after a reload.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { danishDate, fillLeadAccount, gotoApp, openApp, shot, waitSaved } from './harness.mjs';

let app;
let page;
before(async () => {
  app = await openApp();
  page = app.page;
});
after(async () => {
  await app?.close();
});

const citizen = 'Åse Ørnbøl-Łukasiewicz';
const note = 'Sover i perioder hos sin søster 🙂 – مرحبا';

test('first start offers team setup or demo data, and sets up the team', async () => {
  await page.getByRole('heading', { name: 'Velkommen til ICM' }).waitFor();
  assert.ok(await page.getByRole('button', { name: 'Indlæs demodata' }).isVisible());
  await shot(page, '01-first-start');

  await page.getByRole('button', { name: 'Opret team' }).click();
  await page.getByText('Feltet skal udfyldes.').first().waitFor();

  await page.getByLabel('Kommune').fill('Testrup Kommune');
  await page.getByLabel('Teamets navn').fill('ICM Nord');
  await page.getByLabel('Dit navn').fill('Birthe Ørskov');
  await page.getByLabel('Dine initialer').fill('BØ');
  await page.getByLabel('Dit årsværk').fill('0,25');
  // The team lead's own sign-in: a short password is refused next to the field.
  await fillLeadAccount(page, 'birthe', 'kort');
  await page.getByRole('button', { name: 'Opret team' }).click();
  await page.getByText('Adgangskoden skal have mindst 10 tegn').waitFor();
  await fillLeadAccount(page, 'birthe', 'Birthes egen kode 2026');
  await page.getByRole('button', { name: 'Opret team' }).click();
  await page.getByRole('heading', { name: 'Borgere' }).waitFor();
  await page.getByText('Logget ind: Birthe Ørskov (Teamleder)').waitFor();
  await page.getByText('Der er ingen borgere endnu.').waitFor();
  await page.getByText('Testrup Kommune').waitFor(); // the team's name arrives with its own query
});

test('a worker is added on the team page', async () => {
  await page.getByRole('link', { name: 'Team', exact: true }).click();
  await page.getByRole('button', { name: 'Tilføj medarbejder' }).click();
  const form = page.getByRole('form', { name: 'Ny medarbejder' });
  await form.getByLabel('Navn').fill('Karl Åberg');
  await form.getByLabel('Initialer').fill('kå');
  await form.getByLabel('Årsværk').fill('2');
  await form.getByRole('button', { name: 'Gem' }).click();
  await form.getByText('Årsværk skal være større end 0 og højst 1').waitFor();
  await form.getByLabel('Årsværk').fill('0,75');
  await form.getByRole('button', { name: 'Gem' }).click();
  const row = page.getByRole('row', { name: /Karl Åberg/ });
  await row.waitFor();
  assert.match(await row.innerText(), /KÅ\s+ICM-medarbejder\s+0,75\s+0\s+6/);
  await shot(page, '02-team');
});

test('a citizen is created with a checked CPR number and found in the list', async () => {
  await page.getByRole('link', { name: 'Borgere', exact: true }).click();
  await page.getByRole('link', { name: 'Ny borger' }).click();
  await page.getByLabel('Navn').fill(citizen);
  await page.getByLabel('CPR-nummer').fill('123');
  await page.getByLabel('Telefon').fill('20 30 40 50');
  await page.getByLabel('Nuværende boligsituation').selectOption({ label: 'Herberg eller forsorgshjem (§ 110)' });
  await page.getByRole('button', { name: 'Gem' }).click();
  await page.getByText('CPR-nummeret skal være 10 cifre').waitFor();
  assert.equal(await page.getByLabel('Navn').inputValue(), citizen, 'nothing typed is lost on an error');
  await shot(page, '03-citizen-error');
  await page.getByLabel('CPR-nummer').fill('150490-5123');
  await page.getByRole('button', { name: 'Gem' }).click();
  await page.getByRole('heading', { name: citizen }).waitFor();

  await page.getByRole('link', { name: 'Borgere', exact: true }).click();
  const row = page.getByRole('row', { name: new RegExp(citizen) });
  await row.waitFor();
  assert.match(await row.innerText(), /150490-••••/);
  assert.doesNotMatch(await page.content(), /5123/, 'the list never shows the full CPR number');
  await page.getByLabel('Søg efter navn, fødselsdato eller medarbejder').fill('ØRNBØL');
  await page.getByText('Én borger').waitFor();
  await page.getByLabel('Søg efter navn, fødselsdato eller medarbejder').fill('ornbol');
  await page.getByText('Ingen borgere matcher søgningen.').waitFor();
  await page.getByLabel('Søg efter navn, fødselsdato eller medarbejder').fill('');
});

test('a course is started and the visitation step autosaves', async () => {
  await page.getByRole('link', { name: citizen }).click();
  await page.getByRole('link', { name: 'Start ICM-forløb' }).click();
  await page.getByLabel('Ansvarlig ICM-medarbejder').selectOption({ label: 'Birthe Ørskov (0 af 2)' });
  await page.getByRole('button', { name: 'Start forløb' }).click();
  await page.getByRole('heading', { name: 'Målgruppe og visitation', level: 2 }).waitFor();
  assert.ok(await page.getByText('Trin 1 af 6').isVisible());
  await shot(page, '04-course-empty');

  await page.getByLabel('Hvor bor eller opholder borgeren sig ved start?').selectOption({ label: 'Herberg eller forsorgshjem (§ 110)' });
  await page.getByLabel('Uddybning af boligsituationen').fill(note);
  await page.getByLabel('Misbrug af alkohol, stoffer eller medicin').check();
  await page.getByLabel('Gæld og økonomi').check();
  await page.getByLabel('Hvorfor har borgeren brug for intensiv og langvarig støtte?').fill('Har brug for støtte længe, et CTI-forløb er for kort.');
  await page.getByRole('group', { name: 'Har borgeren selv sagt ja til et ICM-forløb?' }).getByLabel('Ja').check();
  await page.getByRole('group', { name: 'Hvordan blev samtykket givet?' }).getByLabel('Skriftligt').check();
  await page.getByLabel('Dato for samtykke').fill(danishDate(3));
  await page.getByLabel('Hvem henviste borgeren?').selectOption({ label: 'Herberg eller forsorgshjem' });
  await page.getByLabel('Visitationsdato').fill(danishDate(2));
  await page.getByLabel('Hjemmel', { exact: true }).selectOption({ label: '§ 85: socialpædagogisk støtte' });
  await page.getByLabel('Har kommunen lavet en § 141-handleplan?').selectOption({ label: 'Ja, der er en handleplan' });
  await page.getByLabel('Myndighedssagsbehandler').fill('Sagsbehandler Jens Ølgaard');
  await waitSaved(page);

  // An impossible date is answered next to the field and nothing else is lost.
  await page.getByLabel('Handleplanens dato').fill('31.02.2026');
  await page.getByLabel('Myndighedssagsbehandler').click();
  await page.getByText('Skriv datoen som dd.mm.åååå.').first().waitFor();
  await page.locator('[data-testid=save-state][data-state=invalid]').waitFor();
  await shot(page, '05-visitation-invalid-date');
  await page.getByLabel('Handleplanens dato').fill(danishDate(30));
  await page.getByLabel('Myndighedssagsbehandler').click();
  await waitSaved(page);

  const step = page.getByRole('navigation', { name: 'Metodens trin' });
  await step.getByText('100 % udfyldt').waitFor();
  await shot(page, '06-visitation-complete', { full: true });
});

test('everything is still there after reloading the window', async () => {
  const url = page.url();
  await page.reload();
  await gotoApp(page, new URL(url).hash);
  await page.getByRole('heading', { name: 'Målgruppe og visitation', level: 2 }).waitFor();
  assert.equal(await page.getByLabel('Hvor bor eller opholder borgeren sig ved start?').inputValue(), 'shelter');
  assert.equal(await page.getByLabel('Uddybning af boligsituationen').inputValue(), note);
  assert.ok(await page.getByLabel('Misbrug af alkohol, stoffer eller medicin').isChecked());
  assert.ok(await page.getByLabel('Gæld og økonomi').isChecked());
  assert.ok(!(await page.getByLabel('Kriminalitet').isChecked()));
  assert.ok(await page.getByRole('group', { name: 'Har borgeren selv sagt ja til et ICM-forløb?' }).getByLabel('Ja').isChecked());
  assert.equal(await page.getByLabel('Dato for samtykke').inputValue(), danishDate(3));
  assert.equal(await page.getByLabel('Visitationsdato').inputValue(), danishDate(2));
  assert.equal(await page.getByLabel('Handleplanens dato').inputValue(), danishDate(30));
  assert.equal(await page.getByLabel('Hjemmel', { exact: true }).inputValue(), 'sel_85');
  assert.equal(await page.getByLabel('Myndighedssagsbehandler').inputValue(), 'Sagsbehandler Jens Ølgaard');
  await page.getByRole('navigation', { name: 'Metodens trin' }).getByText('100 % udfyldt').waitFor();
});

test('the caseload ceiling holds unless a team lead records why', async () => {
  for (const name of ['Bo Ærtebjerg', 'Gry Nørgaard']) {
    await page.getByRole('link', { name: 'Borgere', exact: true }).click();
    await page.getByRole('link', { name: 'Ny borger' }).click();
    await page.getByLabel('Navn').fill(name);
    await page.getByRole('button', { name: 'Gem' }).click();
    await page.getByRole('heading', { name }).waitFor();
    await page.getByRole('link', { name: 'Start ICM-forløb' }).click();
    await page.getByLabel('Ansvarlig ICM-medarbejder').selectOption({ index: 1 }); // Birthe, first in Danish order
    await page.getByRole('button', { name: 'Start forløb' }).click();
    if (name === 'Bo Ærtebjerg') {
      await page.getByRole('heading', { name: 'Målgruppe og visitation', level: 2 }).waitFor();
    }
  }
  // Gry would be Birthe's third citizen at 0.25 FTE (ceiling 2).
  await page.getByText('Birthe Ørskov har allerede 2 åbne forløb og et loft på 2.').waitFor();
  await page.getByRole('group', { name: 'Gå over caseload-loftet' }).waitFor();
  await shot(page, '07-caseload-refused');
  await page.getByLabel('Begrundelse for undtagelsen').fill('Gry kender Birthe fra herberget; overdrages når Karl har plads.');
  // The exception is the signed-in team lead's own: nobody else can be named.
  await page.getByText('Undtagelsen gemmes som givet af dig som teamleder: Birthe Ørskov.').waitFor();
  await page.getByRole('button', { name: 'Start forløb' }).click();
  await page.getByTestId('override-notice').waitFor();

  await page.getByRole('link', { name: 'Caseload', exact: true }).click();
  const card = page.getByRole('article', { name: 'Birthe Ørskov' });
  assert.equal(await card.getByTestId('caseload-figure').innerText(), '3 af 2');
  assert.ok(await card.getByText('Over loftet').isVisible());
  assert.match(await card.innerText(), /Gry Nørgaard: Gry kender Birthe fra herberget/);
  assert.equal(await page.getByRole('article', { name: 'Karl Åberg' }).getByTestId('caseload-figure').innerText(), '0 af 6');
  await shot(page, '08-caseload');
});

test('the language can be switched to English and back', async () => {
  await page.getByRole('button', { name: /^EN\b/ }).click();
  await page.getByRole('heading', { name: 'Caseload' }).waitFor();
  await page.getByRole('link', { name: 'Citizens' }).click();
  await page.getByRole('heading', { name: 'Citizens' }).waitFor();
  await page.getByText('No open course').waitFor({ state: 'detached' }).catch(() => {});
  await shot(page, '09-english');
  await page.getByRole('button', { name: /^DA\b/ }).click();
  await page.getByRole('heading', { name: 'Borgere' }).waitFor();
  assert.deepEqual(app.pageErrors, []);
});
