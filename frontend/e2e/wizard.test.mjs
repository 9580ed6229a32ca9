// The course wizard end-to-end, modelled on the method's "typical" case story (invented
// person): a young woman moving from a shelter to her own flat, with substance use and a
// personality disorder diagnosed during the course. Every step is filled through the UI;
// wizard-restart.test.mjs then checks it all after the app has been restarted.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { danishDate, fillLeadAccount, openApp, shot, waitSaved } from './harness.mjs';
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

const steps = (name) => page.getByRole('navigation', { name: 'Metodens trin' }).getByRole('link', { name: new RegExp(name) });

test('team, worker and citizen for the story', async () => {
  await page.getByLabel('Kommune').fill('Testrup Kommune');
  await page.getByLabel('Teamets navn').fill('ICM Syd');
  await page.getByLabel('Dit navn').fill(story.worker);
  await page.getByLabel('Dine initialer').fill('NF');
  await page.getByLabel('Dit årsværk').fill('1');
  await fillLeadAccount(page, story.username, story.password);
  await page.getByRole('button', { name: 'Opret team' }).click();
  await page.getByRole('link', { name: 'Ny borger' }).click();
  await page.getByLabel('Navn').fill(story.citizen);
  await page.getByLabel('Nuværende boligsituation').selectOption({ label: 'Herberg eller forsorgshjem (§ 110)' });
  await page.getByLabel('Siden', { exact: true }).fill(danishDate(story.housingSinceDaysAgo));
  await page.getByRole('button', { name: 'Gem' }).click();
  await page.getByRole('heading', { name: story.citizen }).waitFor();
  await page.getByRole('link', { name: 'Start ICM-forløb' }).click();
  await page.getByLabel('Ansvarlig ICM-medarbejder').selectOption({ index: 1 });
  await page.getByLabel('Startdato').fill(danishDate(story.startDaysAgo));
  await page.getByRole('button', { name: 'Start forløb' }).click();
  await page.getByRole('heading', { name: 'Målgruppe og visitation', level: 2 }).waitFor();
});

test('step 1: target group and visitation', async () => {
  await page.getByLabel('Hvor bor eller opholder borgeren sig ved start?').selectOption({ label: 'Herberg eller forsorgshjem (§ 110)' });
  await page.getByLabel('Uddybning af boligsituationen').fill(story.visitation.housingNote);
  for (const need of story.visitation.needs) await page.getByLabel(need).check();
  await page.getByLabel('Hvorfor har borgeren brug for intensiv og langvarig støtte?').fill(story.visitation.reason);
  await page.getByRole('group', { name: 'Har borgeren selv sagt ja til et ICM-forløb?' }).getByLabel('Ja').check();
  await page.getByRole('group', { name: 'Hvordan blev samtykket givet?' }).getByLabel('Mundtligt').check();
  await page.getByLabel('Dato for samtykke').fill(danishDate(story.startDaysAgo));
  await page.getByLabel('Hvem henviste borgeren?').selectOption({ label: 'Herberg eller forsorgshjem' });
  await page.getByLabel('Visitationsdato').fill(danishDate(story.startDaysAgo));
  await page.getByLabel('Hjemmel', { exact: true }).selectOption({ label: '§ 85: socialpædagogisk støtte' });
  await page.getByLabel('Har kommunen lavet en § 141-handleplan?').selectOption({ label: 'Ja, der er en handleplan' });
  await page.getByLabel('Myndighedssagsbehandler').fill(story.caseworker);
  await waitSaved(page);
  await steps('Målgruppe og visitation').getByText('100 % udfyldt').waitFor();
  // The housing at the start is an entry of her housing history, beside the one before it.
  await page.getByTestId('housing-entry').filter({ hasText: 'Ved forløbets start' }).waitFor();
  await shot(page, 'wizard-01-visitation', { full: true });
  await page.getByRole('button', { name: 'Sæt forløbet i gang' }).click();
  await page.locator('.page-header .badge', { hasText: 'I gang' }).waitFor();
});

test('step 2: assessment across every life area', async () => {
  await steps('Udredning').click();
  await page.getByRole('heading', { name: 'Udredning', level: 2 }).waitFor();
  const topics = page.getByRole('navigation', { name: 'Emner i udredningen' });
  for (const [topic, fields] of story.assessment) {
    await topics.getByRole('button', { name: new RegExp(`^${topic}`) }).click();
    await page.getByRole('heading', { name: topic, level: 3 }).waitFor();
    for (const [label, text] of fields) await page.getByLabel(label, { exact: true }).fill(text);
    await page.getByLabel(fields[0][0], { exact: true }).blur();
    await waitSaved(page);
  }
  await steps('Udredning').getByText('100 % udfyldt').waitFor();
  await shot(page, 'wizard-02-assessment', { full: true });
});

test('step 3: planning with goals in her own words and SMART sub-goals', async () => {
  await steps('Planlægning').click();
  await page.getByRole('heading', { name: 'Planlægning', level: 2 }).waitFor();
  for (const goal of story.goals) {
    await page.getByRole('button', { name: '+ Tilføj mål' }).click();
    const gf = page.getByRole('form', { name: 'Tilføj mål' });
    await gf.getByLabel('Målet med borgerens egne ord').fill(goal.words);
    await gf.getByLabel('Livsområde').selectOption({ label: goal.area });
    if (goal.link) await gf.getByLabel('Hænger sammen med dette mål i § 141-handleplanen').fill(goal.link);
    await gf.getByRole('button', { name: 'Gem' }).click();
    const card = page.getByRole('article').filter({ hasText: goal.words });
    await card.waitFor();
    for (const sub of goal.subs) {
      await card.getByRole('button', { name: '+ Tilføj delmål' }).click();
      const sf = page.getByRole('form', { name: 'Tilføj delmål' });
      await sf.getByLabel('Hvad skal ske?').fill(sub.what);
      await sf.getByLabel('Hvordan ser vi, at det er nået?').fill(sub.measure ?? '');
      await sf.getByLabel('Hvem gør hvad?').fill(sub.owner ?? '');
      await sf.getByLabel('Senest').fill(danishDate(-sub.daysAhead));
      await sf.getByRole('button', { name: 'Gem' }).click();
      await card.getByText(sub.what).waitFor();
    }
  }
  // The SMART check advises on the sub-goal that lacks a measure and an owner.
  const vague = page.getByRole('listitem').filter({ hasText: story.vagueSubGoal });
  assert.match(await vague.innerText(), /skriv, hvordan I ser, at det er nået/);
  assert.match(await vague.innerText(), /skriv, hvem der gør hvad/);
  await vague.getByRole('button', { name: 'Rediger' }).click();
  const ef = page.getByRole('form', { name: 'Rediger' });
  await ef.getByLabel('Hvordan ser vi, at det er nået?').fill('Har været til samtale i centret');
  await ef.getByLabel('Hvem gør hvad?').fill('Borgeren; Nanna følger med første gang');
  await ef.getByRole('button', { name: 'Gem' }).click();
  await page.getByRole('listitem').filter({ hasText: story.vagueSubGoal }).getByText('SMART: alt er med').waitFor();

  for (const a of story.activities) {
    await page.getByRole('button', { name: '+ Tilføj aktivitet' }).click();
    const af = page.getByRole('form', { name: 'Tilføj aktivitet' });
    await af.getByLabel('Aktivitet').fill(a.what);
    await af.getByLabel('Hvor ofte / hvornår').fill(a.frequency);
    await af.getByLabel('Hvem', { exact: true }).fill(a.owner);
    await af.getByRole('button', { name: 'Gem' }).click();
    await page.getByRole('cell', { name: a.what, exact: true }).waitFor();
  }
  await steps('Planlægning').getByText('100 % udfyldt').waitFor();
  await shot(page, 'wizard-03-planning', { full: true });
});

test('five journal notes and a search that finds one', async () => {
  for (const n of story.notes) {
    await page.getByRole('button', { name: 'Nyt notat' }).click();
    const f = page.getByRole('form', { name: 'Nyt notat' });
    await f.getByLabel('Dato').fill(danishDate(n.daysAgo));
    await f.getByLabel('Klokken').fill(n.time);
    await f.getByLabel('Varighed (minutter)').fill(String(n.minutes));
    await f.getByLabel('Hvor').selectOption({ label: n.location });
    await f.getByLabel('Type').selectOption({ label: n.kind });
    await f.getByLabel('Notat').fill(n.text);
    await f.getByRole('button', { name: 'Gem notat' }).click();
    await page.getByRole('region', { name: 'Journalnotater' }).getByText(n.text).waitFor();
  }
  await page.getByText('5 notater').waitFor();
  await page.getByLabel('Søg i borgerens notater').fill(story.search.word);
  const hits = page.getByTestId('note-hits');
  await hits.getByText('Ét notat fundet').waitFor();
  assert.match(await hits.innerText(), new RegExp(story.search.expect));
  await page.getByLabel('Søg i borgerens notater').fill('');
});

test('a note corrected: a new version with a reason, and the first text kept', async () => {
  const c = story.correction;
  const before = story.notes[c.note];
  const journal = page.getByRole('region', { name: 'Journalnotater' });
  const item = journal.getByRole('listitem').filter({ hasText: before.text });
  await item.getByText(`Skrevet af ${story.worker}`).waitFor();
  await item.getByRole('button', { name: 'Ret notat' }).click();
  const f = page.getByRole('form', { name: 'Ret notat' });
  await f.getByLabel('Notat').fill(c.text);
  await f.getByLabel('Begrundelse for rettelsen').fill(c.reason);
  await f.getByRole('button', { name: 'Gem notat' }).click();
  const fixed = journal.getByRole('listitem').filter({ hasText: c.text });
  await fixed.getByText('Rettet', { exact: true }).waitFor();
  assert.match(await fixed.innerText(), new RegExp(`Skrevet af ${story.worker} · Rettet ${danishDate(0)} af ${story.worker}`));
  await page.getByText('5 notater').waitFor(); // a correction is no new note
  await fixed.scrollIntoViewIfNeeded();
  await shot(page, 'wizard-notes-corrected');

  await fixed.getByRole('button', { name: 'Vis tidligere versioner' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tidligere versioner af notatet' });
  await dialog.getByRole('listitem').nth(1).waitFor();
  const [newest, first] = [dialog.getByRole('listitem').nth(0), dialog.getByRole('listitem').nth(1)];
  assert.match(await newest.innerText(), /Version 2\s*gældende/);
  assert.match(await newest.innerText(), new RegExp(`Begrundelse: ${c.reason}`));
  assert.match(await newest.innerText(), new RegExp(c.text.slice(0, 40)));
  assert.match(await first.innerText(), new RegExp(`Version 1[\\s\\S]*Skrevet .* af ${story.worker}[\\s\\S]*${before.text}`));
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Luk', 'focus moves into the dialog');
  await shot(page, 'wizard-notes-revisions');
  await dialog.getByRole('button', { name: 'Luk' }).click();
  await dialog.waitFor({ state: 'detached' });

  // The search finds the corrected text, not the first one.
  await page.getByLabel('Søg i borgerens notater').fill('førte selv ordet');
  await page.getByTestId('note-hits').getByText('Ét notat fundet').waitFor();
  await page.getByLabel('Søg i borgerens notater').fill('Forberedte');
  await page.getByTestId('note-hits').getByText('Ingen notater matcher søgningen.').waitFor();
  await page.getByLabel('Søg i borgerens notater').fill('');
});

test('step 4: coordination of her network and a prepared meeting', async () => {
  await steps('Koordinering').click();
  await page.getByRole('heading', { name: 'Koordinering', level: 2 }).waitFor();
  await page.getByRole('button', { name: 'Tilføj myndighedssagsbehandler' }).click();
  let f = page.getByRole('form', { name: 'Ny kontakt' });
  assert.equal(await f.getByLabel('Navn').inputValue(), story.caseworker, 'the caseworker comes from the visitation step');
  await f.getByLabel('Hvad gør de for borgeren?').fill('Myndighed for § 85 og handleplanen');
  await f.getByRole('button', { name: 'Gem kontakt' }).click();
  await page.getByRole('cell', { name: story.caseworker, exact: true }).waitFor();
  for (const c of story.contacts) {
    await page.getByRole('button', { name: 'Tilføj kontakt' }).click();
    f = page.getByRole('form', { name: 'Ny kontakt' });
    await f.getByLabel('Type').selectOption({ label: c.kind });
    if (c.name) await f.getByLabel('Navn').fill(c.name);
    await f.getByLabel('Organisation eller sted').fill(c.org);
    await f.getByLabel('Hvad gør de for borgeren?').fill(c.role);
    await f.getByRole('button', { name: 'Gem kontakt' }).click();
    await page.getByText(c.role).waitFor();
  }
  const m = story.meeting;
  await page.getByRole('button', { name: 'Tilføj møde' }).click();
  f = page.getByRole('form', { name: 'Nyt møde' });
  await f.getByLabel('Dato').first().fill(danishDate(m.daysAgo));
  await f.getByLabel('Formål med mødet').fill(m.purpose);
  await f.getByLabel('Deltagere').fill(m.participants);
  await f.getByLabel('Sådan blev borgeren forberedt').fill(m.preparation);
  await f.getByLabel('Resultat').fill(m.outcome);
  const row = f.getByRole('group', { name: 'Handling 1' });
  await row.getByRole('textbox', { name: 'Handling', exact: true }).fill(m.action.text);
  await row.getByLabel('Ansvarlig').fill(m.action.owner);
  await row.getByLabel('Frist').fill(danishDate(m.action.daysAgo));
  await f.getByRole('button', { name: 'Gem møde' }).click();
  await page.getByText(m.preparation).waitFor();
  // Ticking saves the meeting; wait for the saved state rather than the first repaint.
  const tick = page.getByRole('checkbox', { name: `Udført: ${m.action.text}` });
  await tick.click();
  await page.waitForFunction((name) => document.querySelector(`input[aria-label="${name}"]`)?.checked === true, `Udført: ${m.action.text}`, { timeout: 10_000 });
  await page.getByText('1 af 1 udført').waitFor();
  await steps('Koordinering').getByText('100 % udfyldt').waitFor();
  await shot(page, 'wizard-04-coordination', { full: true });
});

test('step 5: advocacy for her rights towards a service', async () => {
  await steps('Fortalerrolle').click();
  await page.getByRole('heading', { name: 'Fortalerrolle', level: 2 }).waitFor();
  const b = story.barrier;
  await page.getByRole('button', { name: 'Tilføj barriere' }).click();
  const f = page.getByRole('form', { name: 'Ny barriere' });
  await f.getByLabel('Barrieren').fill(b.text);
  await f.getByLabel('Over for hvem?').fill(b.towards);
  await f.getByLabel('Dato').fill(danishDate(130));
  await f.getByLabel('Hvad er der gjort?').fill(b.actions);
  await f.getByLabel('Borgerens rettigheder').fill(b.rights);
  await f.getByLabel('Resultat').fill(b.outcome);
  await f.getByRole('radio', { name: 'Løst' }).check();
  await f.getByRole('button', { name: 'Gem barriere' }).click();
  await page.getByText(b.rights).waitFor();
  await steps('Fortalerrolle').getByText('100 % udfyldt').waitFor();
  await shot(page, 'wizard-05-advocacy', { full: true });
});

const who5Statements = [
  '1. Jeg har været i godt humør og følt glæde',
  '2. Jeg har haft ro på og kunnet slappe af',
  '3. Jeg har haft energi og følt mig aktiv',
  '4. Jeg er vågnet udhvilet og frisk',
  '5. Min hverdag har været fyldt med ting, der interesserer mig',
];
const who5Answer = ['0 – Slet ikke', '1 – Nu og da', '2 – Under halvdelen af tiden', '3 – Over halvdelen af tiden', '4 – Det meste af tiden', '5 – Hele tiden'];

test('step 6: two three-month evaluations, three WHO-5 scores and a weekly check', async () => {
  await steps('Opfølgning').click();
  await page.getByRole('heading', { name: 'Opfølgning', level: 2 }).waitFor();
  for (const ev of story.evaluations) {
    await page.getByRole('button', { name: 'Ny evaluering' }).click();
    const f = page.getByRole('form', { name: 'Ny evaluering' });
    await f.getByLabel('Dato for evalueringen').fill(danishDate(ev.daysAgo));
    for (const [sub, status] of Object.entries(ev.statuses)) {
      await f.getByRole('group', { name: sub }).getByLabel('Status').selectOption({ label: status });
    }
    await f.getByLabel('Samlet vurdering').fill(ev.summary);
    await f.getByLabel('Ændringer i planen').fill(ev.changes);
    await f.getByRole('button', { name: 'Gem evaluering' }).click();
    await page.getByText(ev.summary).waitFor();
  }
  for (const w of story.who5) {
    const f = page.getByRole('form', { name: 'Trivsel (WHO-5)' });
    await f.getByLabel('Dato for besvarelsen').fill(danishDate(w.daysAgo));
    for (let i = 0; i < 5; i++) {
      await f.getByRole('group', { name: who5Statements[i] }).getByLabel(who5Answer[w.answers[i]]).check();
    }
    assert.equal(await f.getByTestId('who5-score').innerText(), `${w.score} af 100`);
    await f.getByRole('button', { name: 'Gem WHO-5' }).click();
    await page.getByTestId('who5-table').getByText(danishDate(w.daysAgo)).waitFor();
  }
  const table = await page.getByTestId('who5-table').innerText();
  assert.match(table, /24/);
  assert.match(table, /72/);
  const weekly = page.getByRole('form', { name: 'Ugentlig vurdering' });
  await weekly.getByLabel('Uge (en dag i ugen)').fill(danishDate(0));
  await weekly.getByRole('group', { name: 'Rusmidler (alkohol, stoffer, medicin)' }).getByLabel('0 – Ingen').check();
  await weekly.getByRole('group', { name: 'Psykisk tilstand' }).getByLabel('1 – Let').check();
  await weekly.getByRole('button', { name: 'Gem ugens vurdering' }).click();
  await page.getByTestId('weekly-table').waitFor();
  await shot(page, 'wizard-06-followup', { full: true });
});

test('agreed contact over time, an unanswered attempt and a case review', async () => {
  // Daily at first, later twice a week: the history keeps both.
  for (const f of story.frequencies) {
    const form = page.getByRole('form', { name: 'Ny aftale om kontakt' });
    await form.getByLabel('Gælder fra').fill(danishDate(f.daysAgo));
    await form.getByLabel('Antal gange').fill(f.times);
    await form.getByLabel('Pr.').selectOption({ label: f.per });
    await form.getByLabel('Hvad er aftalt (valgfrit)').fill(f.note);
    await form.getByRole('button', { name: 'Gem aftalen' }).click();
    await page.getByTestId('frequency-history').getByText(f.note).waitFor();
  }
  const last = story.frequencies.at(-1);
  assert.equal(await page.getByTestId('frequency-now').innerText(), `Aftalt nu: ${last.text} (fra ${danishDate(last.daysAgo)})`);
  // Nobody opened: the attempt keeps the contact, but is no meeting.
  const a = story.attempt;
  await page.getByRole('button', { name: 'Nyt notat' }).click();
  const f = page.getByRole('form', { name: 'Nyt notat' });
  await f.getByLabel('Dato').fill(danishDate(a.daysAgo));
  await f.getByLabel('Klokken').fill(a.time);
  await f.getByLabel('Varighed (minutter)').fill(String(a.minutes));
  await f.getByLabel('Hvor').selectOption({ label: a.location });
  await f.getByLabel('Type').selectOption({ label: a.kind });
  await f.getByLabel('Notat').fill(a.text);
  await f.getByRole('button', { name: 'Gem notat' }).click();
  await page.getByRole('region', { name: 'Journalnotater' }).getByText(a.text).waitFor();
  const weeks = page.getByTestId('contact-weeks');
  await weeks.waitFor();
  const day = new Date();
  day.setDate(day.getDate() - a.daysAgo);
  const monday = danishDate(a.daysAgo + ((day.getDay() + 6) % 7));
  const week = weeks.getByRole('row').filter({ hasText: monday });
  // the step is read anew after the note: wait for the attempt's column to count it
  await week.getByRole('cell').nth(4).getByText('1', { exact: true }).waitFor();
  const cells = await week.getByRole('cell').allInnerTexts();
  assert.equal(cells[4], '1', `the attempt is counted apart from the contacts: ${cells.join(' | ')}`);
  // The course discussed at the team meeting.
  const r = story.review;
  const rf = page.getByRole('form', { name: 'Ny sagsgennemgang' });
  await rf.getByLabel('Dato for teammødet').fill(danishDate(r.daysAgo));
  await rf.getByLabel('Deltagere').fill(r.participants);
  await rf.getByLabel('Hvad blev aftalt').fill(r.agreed);
  await rf.getByRole('button', { name: 'Gem gennemgangen' }).click();
  await page.getByTestId('review-list').getByText(r.agreed).waitFor();
  assert.match(await page.getByTestId('review-due').innerText(), /I god tid/);
  await shot(page, 'wizard-06b-contact-review', { full: true });
  // The agreement can also be recorded in the course frame.
  await page.getByText('Forløbets rammer').click();
  await page.getByTestId('course-frequency').getByRole('form', { name: 'Ny aftale om kontakt' }).waitFor();
  await shot(page, 'wizard-06c-course-frame');
  await page.getByText('Forløbets rammer').click();
});

test('all six steps are complete', async () => {
  for (const name of ['Målgruppe og visitation', 'Udredning', 'Planlægning', 'Koordinering', 'Fortalerrolle', 'Opfølgning']) {
    await steps(name).getByText('100 % udfyldt').waitFor();
  }
  assert.equal(await page.getByTestId('contact-gap').count(), 0, 'contact was kept');
  assert.deepEqual(app.pageErrors, []);
});

test('housing history: three moves from the shelter to her own flat', async () => {
  await page.getByRole('link', { name: 'Borgere' }).first().click();
  await page.getByRole('link', { name: story.citizen }).click();
  await page.getByRole('heading', { name: story.citizen }).waitFor();
  const panel = page.getByTestId('housing-panel');
  for (const m of story.moves) {
    await panel.getByRole('button', { name: 'Registrér flytning / ny boligsituation' }).click();
    const f = panel.getByRole('form', { name: 'Ny boligsituation' });
    await f.getByLabel('Fra dato').fill(danishDate(m.daysAgo));
    await f.getByLabel('Ny boligsituation').selectOption({ label: m.housing });
    await f.getByLabel('Kort bemærkning').fill(m.note);
    await f.getByRole('button', { name: 'Gem' }).click();
    await panel.getByTestId('housing-entry').filter({ hasText: m.note }).waitFor();
  }
  const current = await panel.getByTestId('housing-current').innerText();
  assert.match(current, /Egen bolig – stabil/);
  assert.match(current, new RegExp(`siden ${danishDate(60).replaceAll('.', '\\.')}`));
  // Newest first: the three moves, the start of the course and where she lived before it.
  const entries = await panel.getByTestId('housing-entry').allInnerTexts();
  assert.equal(entries.length, 5);
  assert.match(entries[0], new RegExp(`^${danishDate(60).replaceAll('.', '\\.')}`));
  assert.match(entries[0], /Egen bolig – stabil fra Midlertidigt hos familie eller venner/);
  assert.match(entries[3], /Ved forløbets start/);
  assert.match(entries[4], new RegExp(danishDate(story.housingSinceDaysAgo).replaceAll('.', '\\.')));
  await shot(page, 'wizard-07-housing', { full: true });
  // The team lead's overview counts her move into her own home during the course.
  await page.getByRole('link', { name: 'Overblik' }).first().click();
  const kept = page.getByTestId('figure-own-home-kept');
  await kept.waitFor();
  assert.match(await kept.innerText(), /Flyttet i egen bolig under et forløb: 1\./);
  // The agreed contact and the latest whole week against it; the review is not due.
  const intensity = page.getByTestId('todo-intensity');
  await intensity.getByText(story.citizen).waitFor();
  assert.match(await intensity.innerText(), /Aftalt 2 gang\(e\) om ugen\. Seneste hele uge: \d+ kontakter, \d+ min, \d+ forsøg eller aflysninger/);
  assert.equal(await page.getByTestId('todo-reviews').getByText(story.citizen).count(), 0);
  // The team lead records the week's status meeting.
  const routines = page.getByTestId('team-routines');
  await routines.getByLabel('Slags møde').selectOption({ label: 'Ugentligt statusmøde' });
  await routines.getByLabel('Dato').fill(danishDate(1));
  await routines.getByLabel('Deltagere').fill('Hele teamet');
  await routines.getByRole('button', { name: 'Gem mødet' }).click();
  await routines.getByTestId('routines-status').getByText(`Seneste statusmøde: ${danishDate(1)}`).waitFor();
  await shot(page, 'overview-routines', { full: true });
  assert.deepEqual(app.pageErrors, []);
});
