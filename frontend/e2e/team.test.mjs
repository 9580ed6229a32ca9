// A team on two laptops, end to end: two real apps at once (the team lead's and Aisha's
// laptop, each with a database of its own) share one temp folder as their team folder.
// The lead makes the team folder from the demo team and approves Aisha's new laptop after
// comparing codes; the team's data arrives on it; both write and each sees the other's
// change; a cover period with a note by the cover; a course handed over to Aisha; the same
// field changed on both while the folder is away, and the conflict resolved by the course's
// worker; and at last Aisha's laptop disconnected, whose later files the lead's laptop
// refuses. Screenshots of each screen go to test-output/e2e/team-*.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { renameSync } from 'node:fs';
import { checkA11y, checkA11yInEnglish, danishDate, label, openApp, shot, signIn } from './harness.mjs';

const TEAM_DIR = process.env.E2E_TEAM_DIR;
const SYNC = { timeout: 60_000 }; // what travels waits for the file service and a pass

let leadApp;
let workerApp;
let lead;
let worker;
let teamCode = '';
let aishaCitizen = '';
before(async () => {
  assert.ok(TEAM_DIR, 'E2E_TEAM_DIR is set by scripts/e2e.sh');
  leadApp = await openApp(process.env.E2E_LEAD_URL);
  workerApp = await openApp(process.env.E2E_WORKER_URL);
  lead = leadApp.page;
  worker = workerApp.page;
  await lead.getByRole('button', { name: 'Indlæs demodata' }).click();
  await lead.getByText('Logget ind: Mette Lund (Teamleder)').waitFor();
});
after(async () => {
  await leadApp?.close();
  await workerApp?.close();
});

/** Saves a journal note on the course page that is open. */
async function writeNote(page, text) {
  await page.getByRole('button', { name: 'Nyt notat' }).click();
  const f = page.getByRole('form', { name: 'Nyt notat' });
  await f.getByLabel('Dato').fill(danishDate(0));
  await f.getByLabel('Klokken').fill('10:00');
  await f.getByLabel('Varighed (minutter)').fill('30');
  await f.getByLabel('Hvor').selectOption({ label: 'Borgerens hjem' });
  await f.getByLabel('Type').selectOption({ label: 'Besøg eller samtale' });
  await f.getByLabel('Notat').fill(text);
  await f.getByRole('button', { name: 'Gem notat' }).click();
  await page.getByRole('region', { name: 'Journalnotater' }).getByText(text).waitFor();
}

/** Opens a citizen from the citizen list, then their open course. */
async function openCourse(page, citizen) {
  await page.getByRole('link', { name: 'Borgere', exact: true }).click();
  await page.getByRole('link', { name: citizen, exact: true }).click();
  await page.getByRole('heading', { name: citizen }).waitFor();
  await page.getByRole('link', { name: /I gang/ }).first().click();
}

/** The team folder section on the settings page. */
async function teamFolderSection(page) {
  await page.getByRole('link', { name: 'Indstillinger', exact: true }).click();
  return page.getByRole('region', { name: 'Teammappe' });
}

/** Runs a pass now from the sync page (as "Synkronisér nu"). */
async function syncNow(page) {
  // The indicator's name starts with what it shows (WCAG 2.5.3) and says it is the sync.
  await page.getByRole('link', { name: /synkronisering/i }).click();
  await page.getByRole('button', { name: 'Synkronisér nu' }).click();
  await page.getByRole('button', { name: 'Synkronisér nu' }).waitFor({ state: 'visible' });
}

test('the team lead makes the team folder from the demo team’s data', async () => {
  const section = await teamFolderSection(lead);
  await section.getByLabel(label('Mappe')).fill(TEAM_DIR);
  await section.getByRole('button', { name: 'Kontrollér mappen' }).click();
  await section.getByText(/Mappen kan bruges/).waitFor();
  await section.getByLabel(label('Navn på denne computer')).fill('Teamlederens bærbar');
  await section.getByRole('button', { name: 'Opret teammappen' }).click();
  await section.getByRole('heading', { name: 'Teamets kode' }).waitFor(SYNC);
  teamCode = (await section.locator('.tf-code').first().innerText()).trim();
  assert.match(teamCode, /^[0-9A-F]{4}(-[0-9A-F]{4}){4}$/);
  await shot(lead, 'team-01-lead-founded', { full: true });
  await checkA11yInEnglish(lead, 'the team folder just made');
});

test('a new laptop asks to join with the team’s code, and the lead approves it after comparing codes', async () => {
  await worker.getByRole('heading', { name: 'Tilslut et team' }).waitFor();
  await worker.getByLabel(label('Mappe')).fill(TEAM_DIR);
  await worker.getByLabel(label('Teamets kode')).fill(teamCode.toLowerCase().replaceAll('-', ''));
  await worker.getByLabel(label('Navn på denne computer')).fill('Aishas bærbar');
  await worker.getByRole('button', { name: 'Tilslut', exact: true }).click();
  await worker.getByText('Venter på, at teamlederen godkender computeren …').waitFor(SYNC);
  const laptopCode = (await worker.locator('.tf-code').first().innerText()).trim();
  await shot(worker, 'team-02-worker-waiting');

  const section = await teamFolderSection(lead);
  const request = section.getByRole('listitem').filter({ hasText: 'Aishas bærbar' });
  await request.waitFor(SYNC);
  assert.equal((await request.locator('.tf-code').innerText()).trim(), laptopCode, 'the lead compares the same code');
  await shot(lead, 'team-03-lead-request', { full: true });
  await checkA11yInEnglish(lead, 'a laptop asking to join');
  await request.getByLabel('Medarbejder (Aishas bærbar)').selectOption({ label: 'Aisha Khalil' });
  await request.getByRole('button', { name: 'Godkend' }).click();
  await section.getByText('Aishas bærbar er godkendt for Aisha Khalil.').waitFor();
});

test('the team’s data arrives on the new laptop and Aisha signs in there', async () => {
  await worker.getByRole('heading', { name: 'Log ind', exact: true }).waitFor({ timeout: 120_000 });
  await signIn(worker, 'aisha', 'demo-adgang');
  await worker.getByText('Logget ind: Aisha Khalil (ICM-medarbejder)').waitFor();
  const own = worker.getByRole('row').filter({ hasText: 'Aisha Khalil' }).filter({ hasNotText: 'Kun læse' });
  await own.first().waitFor();
  aishaCitizen = (await own.first().getByRole('link').first().innerText()).trim();
  await worker.getByRole('link', { name: /Opdateret/ }).waitFor(SYNC);
  await shot(worker, 'team-04-worker-joined', { full: true });
});

test('both write, and each sees the other’s change', async () => {
  const fromAisha = 'Skrevet på Aishas bærbar: besøg i hjemmet, aftalt ny tid.';
  await openCourse(worker, aishaCitizen);
  await writeNote(worker, fromAisha);
  await openCourse(lead, aishaCitizen);
  await lead.getByRole('region', { name: 'Journalnotater' }).getByText(fromAisha).waitFor(SYNC);

  const fromLead = 'Skrevet af teamlederen: ringede til boligselskabet om lejekontrakten.';
  await writeNote(lead, fromLead);
  await worker.getByRole('region', { name: 'Journalnotater' }).getByText(fromLead).waitFor(SYNC);
  await shot(worker, 'team-05-worker-sees-leads-note', { full: true });
});

test('a cover period set on the lead’s laptop lets Aisha write in Jonas’s course on hers', async () => {
  await lead.getByRole('link', { name: 'Team', exact: true }).click();
  const section = lead.getByRole('region', { name: 'Dækning ved ferie og sygdom' });
  await section.getByRole('button', { name: 'Ny dækning' }).click();
  const form = lead.getByRole('form', { name: 'Sæt en kollega til at dække' });
  await form.getByLabel(label('Medarbejder, der er væk')).selectOption({ label: 'Jonas Ørnberg (JØ)' });
  await form.getByLabel(label('Kollega, der dækker')).selectOption({ label: 'Aisha Khalil (AK)' });
  await form.getByLabel(label('Fra dato')).fill(danishDate(0));
  await form.getByLabel(label('Til og med dato')).fill(danishDate(-7));
  await form.getByLabel('Kun de valgte borgere').check();
  const group = form.getByRole('group', { name: 'Borgere med åbent forløb hos medarbejderen' });
  const covered = (await group.locator('label.choice').first().innerText()).trim();
  await group.getByRole('checkbox').first().check();
  await form.getByLabel(label('Note (fx ferie, sygdom)')).fill('Ferie');
  await form.getByRole('button', { name: 'Gem dækning' }).click();
  await section.getByText('Dækningen er gemt.').waitFor();

  await worker.getByRole('link', { name: 'Borgere', exact: true }).click();
  await worker.getByTestId('cover-notices').getByText(/Du dækker for Jonas Ørnberg/).waitFor(SYNC);
  const fromCover = 'Aisha dækker: kiggede forbi med medicinen.';
  await openCourse(worker, covered);
  await writeNote(worker, fromCover);
  await openCourse(lead, covered);
  const journal = lead.getByRole('region', { name: 'Journalnotater' });
  await journal.getByText(fromCover).waitFor(SYNC);
  await shot(lead, 'team-06-lead-sees-the-covers-note', { full: true });
});

test('a course handed over to Aisha on the lead’s laptop is hers on her laptop', async () => {
  await lead.getByRole('link', { name: 'Borgere', exact: true }).click();
  const jonasRows = lead.getByRole('row').filter({ hasText: 'Jonas Ørnberg' });
  const handed = (await jonasRows.last().getByRole('link').first().innerText()).trim();
  await openCourse(lead, handed);
  await lead.getByText('Forløbets rammer').click();
  const select = lead.getByLabel(label('Ansvarlig ICM-medarbejder'));
  await select.selectOption(await select.locator('option', { hasText: 'Aisha Khalil' }).first().getAttribute('value'));
  await lead.getByRole('button', { name: 'Gem rammer' }).click();
  // Over Aisha's ceiling, the lead gives a reason for the exception and saves again.
  const reason = lead.getByLabel(label('Begrundelse for undtagelsen'));
  const updated = lead.getByText('Forløbet er opdateret.');
  await Promise.race([reason.waitFor(), updated.waitFor()]);
  if (await reason.count()) {
    await reason.fill('Kortvarigt, mens Jonas har ferie.');
    await lead.getByRole('button', { name: 'Gem rammer' }).click();
  }
  await updated.waitFor();

  await worker.getByRole('link', { name: 'Borgere', exact: true }).click();
  const row = worker.getByRole('row').filter({ hasText: handed });
  await row.filter({ hasText: 'Aisha Khalil' }).waitFor(SYNC);
  assert.equal(await row.getByText('Kun læse').count(), 0, 'the course is Aisha’s to write in now');
  await shot(worker, 'team-07-worker-has-the-handed-over-course', { full: true });
});

test('the same field changed on both laptops while the folder is away is a conflict Aisha resolves', async () => {
  const away = `${TEAM_DIR}-ikke-tilsluttet`;
  renameSync(TEAM_DIR, away); // the USB stick is out / the network is gone
  try {
    // The watcher notices within its scan (a unit test covers it); a pass now says it at once.
    await syncNow(worker);
    await worker.getByRole('link', { name: /Ingen forbindelse/ }).waitFor(SYNC);
    await shot(worker, 'team-08-worker-offline');
    for (const [page, phone] of [[lead, '11 11 11 11'], [worker, '22 22 22 22']]) {
      await page.getByRole('link', { name: 'Borgere', exact: true }).click();
      await page.getByRole('link', { name: aishaCitizen, exact: true }).click();
      await page.getByRole('link', { name: 'Rediger', exact: true }).click();
      await page.getByLabel('Telefon').fill(phone);
      await page.getByRole('button', { name: 'Gem' }).click();
      await page.getByRole('heading', { name: aishaCitizen }).waitFor();
    }
  } finally {
    renameSync(away, TEAM_DIR);
  }
  await syncNow(lead);
  await syncNow(worker);
  await syncNow(lead);

  await worker.getByRole('link', { name: 'Borgere', exact: true }).click();
  await worker.getByRole('link', { name: aishaCitizen, exact: true }).click();
  const notice = worker.getByText(/To værdier for „Telefon“/);
  await notice.waitFor(SYNC);
  await worker.getByRole('button', { name: 'Se begge og vælg' }).first().click();
  const dialog = worker.getByRole('dialog');
  await dialog.getByText('11 11 11 11').waitFor();
  await dialog.getByText('22 22 22 22').waitFor();
  await shot(worker, 'team-09-worker-conflict');
  await checkA11yInEnglish(worker, 'the conflict dialog');
  await dialog.getByLabel(/22 22 22 22/).check();
  await dialog.getByRole('button', { name: 'Gem valget' }).click();
  await worker.getByText('Valget er gemt og sendes til de andre computere ved næste synkronisering.').waitFor();

  await syncNow(worker);
  await lead.getByRole('link', { name: 'Borgere', exact: true }).click();
  await lead.getByRole('link', { name: aishaCitizen, exact: true }).click();
  await lead.getByText('22 22 22 22').waitFor(SYNC);
  // The choice travels and clears the value kept on the lead's laptop too.
  await lead.getByText(/To værdier for „Telefon“/).waitFor({ state: 'detached', ...SYNC });
});

test('a disconnected laptop’s later files are refused on the lead’s laptop', async () => {
  const section = await teamFolderSection(lead);
  // A worker who leaves: the confirmation passes axe (da, en); cancelled here.
  await section.getByLabel(label('Medarbejder, der stopper')).selectOption({ label: 'Aisha Khalil' });
  await section.getByRole('button', { name: 'Luk login og frakobl computerne' }).click();
  const leaver = lead.getByRole('dialog', { name: 'Luk Aisha Khalils login og frakobl computerne?' });
  await leaver.waitFor();
  await checkA11y(lead, 'the worker-leaves confirmation (da)');
  await checkA11yInEnglish(lead, 'the worker-leaves confirmation');
  await leaver.getByRole('button', { name: 'Annullér' }).click();
  await leaver.waitFor({ state: 'detached' });
  const row = section.getByRole('row').filter({ hasText: 'Aishas bærbar' });
  await row.getByRole('button', { name: /Frakobl/ }).click();
  const revoke = lead.getByRole('dialog', { name: 'Frakobl Aishas bærbar?' });
  await revoke.waitFor();
  await checkA11y(lead, 'the disconnect dialog (da)');
  await checkA11yInEnglish(lead, 'the disconnect dialog');
  await revoke.getByRole('button', { name: 'Frakobl computeren' }).click();
  await row.getByText('Frakoblet').waitFor();
  await shot(lead, 'team-10-lead-revoked', { full: true });

  // Aisha's laptop has not read the new roster yet when she writes: her file is refused.
  await openCourse(worker, aishaCitizen);
  await writeNote(worker, 'Skrevet efter frakoblingen.');
  await worker.getByRole('link', { name: /(Frakoblet|Problem)/ }).waitFor(SYNC);
  await syncNow(lead);
  await lead.getByText(/Filer fra Aishas bærbar, som er frakoblet, blev afvist/).waitFor(SYNC);
  await shot(lead, 'team-11-lead-refused-file', { full: true });
  await checkA11yInEnglish(lead, 'a refused file');
  await openCourse(lead, aishaCitizen);
  assert.equal(await lead.getByText('Skrevet efter frakoblingen.').count(), 0);
  assert.deepEqual(leadApp.pageErrors, []);
  assert.deepEqual(workerApp.pageErrors, []);
});
