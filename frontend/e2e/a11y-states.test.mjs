// Accessibility end-to-end (WCAG 2.1 AA), part two: axe-core on the states a tour of the
// screens does not meet – the account dialogs and their errors and success stages, the
// must-change-password page, a locked-out sign-in, the sync page, the start of a course, the
// citizen-data and backup dialogs, and the inline forms of the wizard steps open, with field
// errors, and saved (where the focus must land on the result). Runs after a11y.test.mjs on
// the same app, with the demo team; it leaves the demo data changed.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { recover, softChecks } from './a11y-checks.mjs';
import { checkA11y, danishDate, label, openApp, settle, signIn, signOut } from './harness.mjs';

let app;
let page;
before(async () => {
  app = await openApp();
  page = app.page;
  // The demo team, signed in as its team lead (the first file has loaded it already).
  await page.locator('h1').first().waitFor();
  if (await page.getByRole('button', { name: 'Indlæs demodata' }).isVisible()) await page.getByRole('button', { name: 'Indlæs demodata' }).click();
  await page.getByRole('heading', { name: /^(Borgere|Citizens|Log ind|Sign in)$/, level: 1 }).waitFor();
  if (await page.evaluate(() => document.documentElement.lang !== 'da')) await setLanguage('da');
  if (await page.getByRole('heading', { name: 'Log ind', level: 1 }).isVisible()) await signIn(page, 'mette', 'demo-adgang');
  await page.getByRole('heading', { name: 'Borgere', level: 1 }).waitFor();
});
after(async () => {
  await app?.close();
});
// A failed check leaves the app as it was (a dialog open, the screen locked, a narrow window):
// back to the team lead's signed-in app in Danish, so that the next test starts clean.
afterEach(async () => {
  soft.clear();
  await recover(page);
});
const soft = softChecks();

const nav = () => page.getByRole('navigation', { name: /^(Hovedmenu|Main menu)$/ });

async function setLanguage(lang) {
  await page.getByRole('button', { name: new RegExp(`^${lang.toUpperCase()}\\b`) }).first().click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

async function go(hash) {
  await page.goto(page.url().replace(/#.*$/, hash));
  await settle(page);
}

/** What has the focus, for messages. */
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el === document.body ? 'the page body' : `${el?.tagName.toLowerCase()}.${el?.className} "${(el?.textContent ?? '').trim().slice(0, 60)}"`;
  });

/**
 * After a save, the focus is on the result: a status line (role=status) whose text is
 * `text` exactly, or the element `alt` (a selector) if given – never the page body.
 */
async function assertFocusOnResult(where, text, alt = null) {
  const ok = await page
    .waitForFunction(
      ([t, a]) => {
        const el = document.activeElement;
        if (!el || el === document.body) return false;
        const status = el.closest('[role=status]');
        if (status && status.textContent.trim() === t) return true;
        return a != null && el.matches(a);
      },
      [text, alt],
      { timeout: 3000 },
    )
    .then(() => true, () => false);
  assert.ok(ok, `${where}: the focus is on ${await focused()}, not on the result "${text}"${alt ? ` or ${alt}` : ''}`);
}

/** The Danish or English row of the team table for a worker. */
const row = (name) => page.getByRole('row', { name: new RegExp(name) });

test('the team page: the worker form, the access dialogs, their errors and their success', async () => {
  await nav().getByRole('link', { name: 'Team', exact: true }).click();
  await page.getByRole('heading', { name: 'Team', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Tilføj medarbejder' }).click();
  const form = page.getByRole('form', { name: 'Ny medarbejder' });
  await checkA11y(page, 'the new worker form (da)');
  await form.getByRole('button', { name: 'Gem' }).click();
  await form.locator('[aria-invalid=true]').first().waitFor();
  await checkA11y(page, 'the new worker form with errors (da)');
  await form.getByLabel(label('Navn')).fill('Vera Testesen');
  await form.getByLabel(label('Initialer')).fill('VT');
  await form.getByLabel(label('Årsværk')).fill('1');
  await form.getByRole('button', { name: 'Gem' }).click();
  await row('Vera Testesen').waitFor();

  // Create an account: the dialog, a refused password, then the success stage.
  await row('Vera Testesen').getByRole('button', { name: /^Opret adgang/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Opret adgang for Vera Testesen' });
  await dialog.waitFor();
  await checkA11y(page, 'the create-account dialog (da)');
  await dialog.getByLabel(label('Midlertidig adgangskode')).fill('kort');
  await dialog.getByLabel(label('Gentag adgangskoden')).fill('en anden');
  await dialog.getByRole('button', { name: 'Opret adgang' }).click();
  await dialog.locator('[aria-invalid=true]').first().waitFor();
  await checkA11y(page, 'the create-account dialog with errors (da)');
  await dialog.getByLabel(label('Midlertidig adgangskode')).fill('Veras første kode');
  await dialog.getByLabel(label('Gentag adgangskoden')).fill('Veras første kode');
  await dialog.getByRole('button', { name: 'Opret adgang' }).click();
  const saved = 'Adgangen er gemt. Giv Vera Testesen brugernavn og adgangskode personligt – ikke på mail.';
  await dialog.getByText(saved).waitFor();
  await soft.run(() => assertFocusOnResult('the create-account dialog after the save', saved, '[role=dialog] button.primary'));
  await checkA11y(page, 'the create-account dialog saved (da)');
  await dialog.getByRole('button', { name: 'Luk' }).click();
  await dialog.waitFor({ state: 'detached' });

  // A new temporary password for Jonas, who must choose his own at the next sign-in.
  await row('Jonas Ørnberg').getByRole('button', { name: /^Ny adgangskode/ }).click();
  const reset = page.getByRole('dialog', { name: 'Ny adgangskode til Jonas Ørnberg' });
  await reset.getByLabel(label('Midlertidig adgangskode')).fill('Jonas midlertidige kode');
  await reset.getByLabel(label('Gentag adgangskoden')).fill('Jonas midlertidige kode');
  await reset.getByRole('button', { name: /^(Gem|Ny adgangskode|Opret adgang)/ }).last().click();
  await reset.getByRole('button', { name: 'Luk' }).click();
  await reset.waitFor({ state: 'detached' });

  // The same in English: the worker form and an access dialog.
  await setLanguage('en');
  await page.getByRole('button', { name: /^Add (worker|employee)/ }).click();
  await page.locator('form[aria-label]').filter({ has: page.locator('input') }).first().waitFor();
  await checkA11y(page, 'the new worker form (en)');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await row('Aisha Khalil').getByRole('button', { name: /^New password/ }).click();
  await page.getByRole('dialog').waitFor();
  await checkA11y(page, 'the new-password dialog (en)');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await checkA11y(page, 'the team page (en)');
  await setLanguage('da');
  soft.flush();
});

test('a locked-out sign-in, the must-change page and the unlock dialog', async () => {
  await signOut(page);
  for (let i = 1; i <= 5; i++) {
    await signIn(page, 'aisha', `forkert kode ${i}`);
    await page.locator('.banner-error').waitFor();
  }
  await page.getByText(/Kontoen er spærret/).waitFor();
  await checkA11y(page, 'sign-in locked out (da)');

  // Jonas must choose his own password first.
  await signIn(page, 'jonas', 'Jonas midlertidige kode');
  await page.getByRole('heading', { name: 'Vælg din egen adgangskode' }).waitFor();
  await checkA11y(page, 'the must-change-password page (da)');
  await page.getByLabel(label('Nuværende adgangskode')).fill('Jonas midlertidige kode');
  await page.getByLabel(label('Ny adgangskode')).fill('for kort');
  await page.getByLabel(label('Gentag adgangskoden')).fill('for kort');
  await page.getByRole('button', { name: 'Skift adgangskode' }).click();
  await page.getByText(/Adgangskoden skal have mindst/).waitFor();
  await checkA11y(page, 'the must-change-password page with an error (da)');
  await page.getByLabel(label('Ny adgangskode')).fill('Jonas egen kode 2026');
  await page.getByLabel(label('Gentag adgangskoden')).fill('Jonas egen kode 2026');
  await page.getByRole('button', { name: 'Skift adgangskode' }).click();
  await page.getByText('Logget ind: Jonas Ørnberg (ICM-medarbejder)').waitFor();
  await signOut(page);

  // The team lead lifts Aisha's lock: the dialog and its success stage.
  await signIn(page, 'mette', 'demo-adgang');
  await nav().getByRole('link', { name: 'Team', exact: true }).click();
  await row('Aisha Khalil').getByRole('button', { name: /^Ophæv spærring/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Ophæv spærringen for Aisha Khalil' });
  await dialog.waitFor();
  await checkA11y(page, 'the unlock-account dialog (da)');
  await dialog.getByRole('button', { name: 'Ophæv spærring' }).click();
  await dialog.getByText('Spærringen er ophævet.').waitFor();
  await soft.run(() => assertFocusOnResult('the unlock-account dialog after the unlock', 'Spærringen er ophævet.', '[role=dialog] button.primary'));
  await checkA11y(page, 'the unlock-account dialog done (da)');
  await dialog.getByRole('button', { name: 'Luk' }).click();
  await dialog.waitFor({ state: 'detached' });
  soft.flush();
});

test('the sync page and the start of a course pass axe (da, en)', async () => {
  for (const lang of ['da', 'en']) {
    await setLanguage(lang);
    await go('#/sync');
    await page.locator('#main-content h1').waitFor();
    await checkA11y(page, `the sync page (${lang})`);
  }
  await setLanguage('da');
  await go('#/citizens');
  await page.getByRole('link', { name: 'Ida Sommer' }).click();
  await page.getByRole('heading', { name: 'Ida Sommer', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Start ICM-forløb' }).click();
  await page.getByRole('button', { name: 'Start forløb' }).waitFor();
  await checkA11y(page, 'the start-course page (da)');
  await page.getByLabel('Startdato').fill('32.13.2026');
  await page.getByRole('button', { name: 'Start forløb' }).click();
  await page.locator('[aria-invalid=true], .banner-error').first().waitFor();
  await checkA11y(page, 'the start-course page with an error (da)');
  await setLanguage('en');
  await checkA11y(page, 'the start-course page with an error (en)');
  await setLanguage('da');
});

test('the citizen-data and backup dialogs pass axe, and a deletion ends on its result', async () => {
  await go('#/citizens');
  await page.getByRole('button', { name: /^Importér overdragelse/ }).click();
  await page.getByRole('dialog', { name: 'Importér en overdragelse' }).waitFor();
  await checkA11y(page, 'the import dialog (da)');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });

  // Emil Ærenlund's only course is closed: his data may be deleted.
  await page.getByRole('link', { name: 'Emil Ærenlund' }).click();
  await page.getByRole('heading', { name: 'Emil Ærenlund', level: 1 }).waitFor();
  await page.getByRole('button', { name: /^Slet borgerens data/ }).click();
  const del = page.getByRole('dialog', { name: 'Slet borgerens data' });
  await del.locator('table').waitFor();
  await checkA11y(page, 'the delete dialog (da)');
  await del.getByRole('textbox').fill('Emil Ærenlund');
  await del.locator('button[type=submit]').click();
  const status = del.locator('[role=status]');
  await status.waitFor();
  const deleted = (await status.textContent()).trim();
  await soft.run(() => assertFocusOnResult('the delete dialog after the deletion', deleted, '[role=dialog] button.primary'));
  await checkA11y(page, 'the delete dialog done (da)');
  await del.getByRole('button').first().click();
  await page.getByRole('heading', { name: 'Borgere', level: 1 }).waitFor();

  await nav().getByRole('link', { name: 'Indstillinger', exact: true }).click();
  await page.getByRole('button', { name: /^Gem krypteret sikkerhedskopi/ }).click();
  const backup = page.getByRole('dialog', { name: 'Gem krypteret sikkerhedskopi' });
  await backup.waitFor();
  await checkA11y(page, 'the encrypted-backup dialog (da)');
  const pass = backup.locator('input[type=password]');
  await pass.nth(0).fill('en lang adgangsfrase til kopien');
  await pass.nth(1).fill('en anden frase');
  await backup.locator('[aria-invalid=true], .error').first().waitFor();
  await checkA11y(page, 'the encrypted-backup dialog with an error (da)');
  await page.keyboard.press('Escape');
  await backup.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: /^Gendan fra fil/ }).click();
  await page.getByRole('dialog', { name: 'Gendan fra en sikkerhedskopi' }).waitFor();
  await checkA11y(page, 'the restore dialog (da)');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });

  // The own password: a wrong current password.
  const own = page.getByRole('form').filter({ has: page.getByLabel(label('Nuværende adgangskode')) });
  await own.getByLabel(label('Nuværende adgangskode')).fill('ikke min kode');
  await own.getByLabel(label('Ny adgangskode')).fill('Mettes nye kode 2026');
  await own.getByLabel(label('Gentag adgangskoden')).fill('Mettes nye kode 2027');
  await own.getByRole('button', { name: 'Skift adgangskode' }).click();
  await own.locator('[aria-invalid=true], .banner-error').first().waitFor();
  await checkA11y(page, 'the change-password form with errors (da)');
  soft.flush();
});

/** Dennis Møller's open course, at a step. */
async function dennisStep(step) {
  await go('#/citizens');
  await page.getByRole('link', { name: 'Dennis Møller' }).click();
  const href = await page.locator('.course-list a').first().getAttribute('href');
  await go(`#/courses/${href.split('/')[2]}/${step}`);
  await page.locator('.steps li.current').waitFor();
  await settle(page);
}

/** Opens a form with its button, checks it, optionally with the errors of an empty save, and cancels it. */
async function checkForm(open, formName, where, { emptySave = null, cancel = /^Annull[eé]r$/ } = {}) {
  await page.getByRole('button', { name: open }).first().click();
  const form = page.getByRole('form', { name: formName });
  await form.waitFor();
  await checkA11y(page, `${where} (da)`);
  if (emptySave) {
    await form.getByRole('button', { name: emptySave }).click();
    await form.locator('[aria-invalid=true]').first().waitFor();
    await checkA11y(page, `${where} with errors (da)`);
  }
  if (cancel) {
    await form.getByRole('button', { name: cancel }).click();
    await form.waitFor({ state: 'detached' });
  }
  return form;
}

test('the planning forms pass axe, and a saved goal takes the focus', async () => {
  await dennisStep('planning');
  const goal = await checkForm('+ Tilføj mål', 'Tilføj mål', 'the goal form', { emptySave: 'Gem', cancel: null });
  const words = 'Jeg vil have en cykel, så jeg selv kan komme rundt.';
  await goal.getByLabel('Målet med borgerens egne ord').fill(words);
  await goal.getByLabel('Livsområde').selectOption({ index: 1 });
  await goal.getByRole('button', { name: 'Gem' }).click();
  const card = page.getByRole('article').filter({ hasText: words });
  await card.waitFor();
  // The result: a status line that says the goal is saved, or the new goal itself.
  const ok = await page
    .waitForFunction((w) => {
      const el = document.activeElement;
      if (!el || el === document.body) return false;
      if (el.closest('[role=status]')?.textContent.trim()) return true;
      return el.closest('article')?.textContent.includes(w) && !el.matches('button, a');
    }, words, { timeout: 3000 })
    .then(() => true, () => false);
  if (!ok) await soft.run(async () => assert.fail(`after saving a goal the focus is on ${await focused()}, not on the goal or a status line`));
  await card.getByRole('button', { name: '+ Tilføj delmål' }).click();
  await page.getByRole('form', { name: 'Tilføj delmål' }).waitFor();
  await checkA11y(page, 'the sub-goal form (da)');
  await page.getByRole('form', { name: 'Tilføj delmål' }).getByRole('button', { name: /^Annull/ }).click();
  await checkForm('+ Tilføj aktivitet', 'Tilføj aktivitet', 'the activity form');
  await checkForm(/^Underskriv planen/, 'Underskriv planen', 'the sign-plan form');
  await setLanguage('en');
  await checkForm('+ Add goal', 'Add goal', 'the goal form, English,', { cancel: 'Cancel' });
  await setLanguage('da');
  soft.flush();
});

test('the coordination, advocacy and follow-up forms pass axe', async () => {
  await dennisStep('coordination');
  await checkForm('Tilføj kontakt', 'Ny kontakt', 'the contact form', { emptySave: 'Gem kontakt' });
  await checkForm('Tilføj møde', 'Nyt møde', 'the meeting form', { emptySave: 'Gem møde' });
  await dennisStep('advocacy');
  await checkForm('Tilføj barriere', 'Ny barriere', 'the advocacy case form', { emptySave: 'Gem barriere' });
  await dennisStep('followup');
  await checkForm('Ny evaluering', 'Ny evaluering', 'the evaluation form');
  await page.getByText('Forløbets rammer').first().click();
  await checkA11y(page, 'the course settings opened (da)');
});

test('the housing history: a move, a correction and a withdrawal pass axe', async () => {
  await dennisStep('visitation');
  const form = await checkForm(/^Registrér flytning/, 'Ny boligsituation', 'the housing move form', { emptySave: 'Gem', cancel: null });
  await form.getByLabel(label('Fra dato')).fill(danishDate(3));
  await form.getByLabel(label('Ny boligsituation')).selectOption({ index: 2 });
  await form.getByLabel('Kort bemærkning').fill('Flyttet til en venindes sofa.');
  await form.getByRole('button', { name: 'Gem' }).click();
  const entry = page.getByTestId('housing-entry').filter({ hasText: 'Flyttet til en venindes sofa.' });
  await entry.waitFor();
  await entry.getByRole('button', { name: /^Ret / }).click();
  const correct = page.getByRole('form', { name: /^Ret registreringen/ });
  await correct.waitFor();
  await checkA11y(page, 'the housing correction form (da)');
  await correct.getByLabel('Kort bemærkning').fill('Flyttet til sin søsters sofa.');
  await correct.getByRole('button', { name: 'Gem' }).click();
  await page.getByTestId('housing-entry').filter({ hasText: 'Flyttet til sin søsters sofa.' }).waitFor();
  await soft.run(() => checkA11y(page, 'the housing history with a corrected entry (da)'));
  const fixed = page.getByTestId('housing-entry').filter({ hasText: 'Flyttet til sin søsters sofa.' });
  await fixed.getByRole('button', { name: /^Fejlregistrering/ }).click();
  const withdraw = page.getByRole('form', { name: /^Træk registreringen/ });
  await withdraw.waitFor();
  await soft.run(() => checkA11y(page, 'the housing withdrawal form (da)'));
  await withdraw.getByRole('textbox').first().fill('Registreret på den forkerte borger.');
  await withdraw.getByRole('button', { name: 'Træk tilbage' }).click();
  await page.getByText(/Trukket tilbage .*Registreret på den forkerte borger/).waitFor();
  await soft.run(() => checkA11y(page, 'the housing history with a withdrawn entry (da)'));
  assert.deepEqual(app.pageErrors, []);
  soft.flush();
});
