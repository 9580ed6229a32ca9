// Accessibility end-to-end (WCAG 2.1 AA), part two: axe-core on the states a tour of the
// screens does not meet – the account dialogs and their errors and success stages, the
// must-change-password page, a locked-out sign-in, the sync page, the start of a course, the
// citizen-data and backup dialogs, and the inline forms of the wizard steps open, with field
// errors, and saved (where the focus must land on the result). Runs after a11y.test.mjs on
// the same app, with the demo team; it leaves the demo data changed.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertSaidLive, assertSaidOnFocusOnly, recover, softChecks, tabWalkFocusRing } from './a11y-checks.mjs';
import { assertNoSideScroll, checkA11y, checkA11yInEnglish, danishDate, label, openApp, settle, signIn, signOut } from './harness.mjs';

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
 * After a save, the focus is on the result itself: a status line (`[data-status-line]`, a
 * dialog's result paragraph included) whose text is `text` exactly (a leading ✓ aside), never
 * a button or the page body. A line that takes the focus is read as it gets it, so it is no
 * live region as well (it would be read twice): no role=status or aria-live on it or around it,
 * its live sibling stays empty, and its visible text is not aria-hidden.
 */
async function assertFocusOnResult(where, text) {
  const ok = await page
    .waitForFunction(
      (t) => {
        const el = document.activeElement;
        if (!el || !el.matches('[data-status-line]')) return false;
        return el.textContent.replace(/^\s*✓\s*/, '').trim() === t;
      },
      text,
      { timeout: 3000 },
    )
    .then(() => true, () => false);
  assert.ok(ok, `${where}: the focus is on ${await focused()}, not on the status line "${text}" ([data-status-line])`);
  // Nor does it fill a live region (its own live sibling) as well, nor hide what the focus reads.
  await assertSaidOnFocusOnly(page, where);
}

/** Runs fn while every window.confirm the page shows is accepted. */
async function accepting(fn) {
  const accept = (d) => d.accept();
  page.on('dialog', accept);
  try {
    return await fn();
  } finally {
    page.off('dialog', accept);
  }
}

/**
 * Replaces bound Go methods in the page (service.method → a function's source taking the
 * input), for the steps behind a native file dialog, which a headless run cannot answer; the
 * originals come back with the returned function.
 */
async function stubGo(stubs) {
  await page.evaluate((list) => {
    window.__icmStubbed ??= [];
    for (const [service, method, src] of list) {
      const svc = window.go.service[service];
      window.__icmStubbed.push([service, method, svc[method]]);
      svc[method] = (0, eval)(src);
    }
  }, Object.entries(stubs).map(([k, src]) => [...k.split('.'), src]));
  return () =>
    page.evaluate(() => {
      for (const [service, method, fn] of (window.__icmStubbed ?? []).reverse()) window.go.service[service][method] = fn;
      window.__icmStubbed = [];
    });
}

/** The Danish or English row of the team table for a worker. */
const row = (name) => page.getByRole('row', { name: new RegExp(name) });

/**
 * Checks the focus ring of every control inside `box` (a locator) with Tab, from just before
 * its first control (a dialog wraps round, so every stop is met); returns what was checked.
 */
async function ringWalk(where, box, max = 30) {
  await box.evaluate((el) => el.setAttribute('data-e2e-walk', ''));
  try {
    await box.locator('input, select, textarea, button, a[href]').first().focus();
    await page.keyboard.press('Shift+Tab');
    return await tabWalkFocusRing(page, where, '(el) => el?.closest("[data-e2e-walk]") != null', { max });
  } finally {
    await box.evaluate((el) => el.removeAttribute('data-e2e-walk')).catch(() => {});
  }
}

/** Presses each key and asserts the focus is still inside `box` (a locator) after it. */
async function staysInside(where, box, keys) {
  for (const k of keys) {
    await page.keyboard.press(k);
    assert.ok(await box.evaluate((d) => d.contains(document.activeElement)), `${where}: ${k} took the focus out of the dialog, to ${await focused()}`);
  }
}

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
  await soft.run(() => assertFocusOnResult('the team page after saving a worker', 'Vera Testesen er gemt.'));

  // Create an account: the dialog, a refused password, then the success stage.
  await row('Vera Testesen').getByRole('button', { name: /^Opret adgang/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Opret adgang for Vera Testesen' });
  await dialog.waitFor();
  await checkA11y(page, 'the create-account dialog (da)');
  await soft.run(() => checkA11yInEnglish(page, 'the create-account dialog'));
  // The focus ring inside a Modal dialog: every control of the form stage.
  await soft.run(async () => {
    const stops = await ringWalk('the create-account dialog', dialog, 12);
    assert.ok(stops.length >= 3, `the create-account dialog's Tab stops: ${stops.join(', ')}`);
  });
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
  await soft.run(() => assertFocusOnResult('the create-account dialog after the save', saved));
  // From the focused result line (no Tab stop itself), Shift+Tab and Tab stay in the dialog.
  await soft.run(() => staysInside('the create-account success stage', dialog, ['Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Tab', 'Tab', 'Tab']));
  await dialog.locator('[data-status-line]').focus();
  await soft.run(() => staysInside('the create-account success stage (from the line)', dialog, ['Shift+Tab']));
  await checkA11y(page, 'the create-account dialog saved (da)');
  await soft.run(() => checkA11yInEnglish(page, 'the create-account dialog saved'));
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

test('the cover form passes axe (da, en), and a saved cover takes the focus to its status line', async () => {
  await nav().getByRole('link', { name: 'Team', exact: true }).click();
  const section = page.getByRole('region', { name: 'Dækning ved ferie og sygdom' });
  await section.getByRole('button', { name: 'Ny dækning' }).click();
  const form = page.getByRole('form', { name: 'Sæt en kollega til at dække' });
  await form.waitFor();
  await checkA11y(page, 'the cover form (da)');
  await soft.run(() => checkA11yInEnglish(page, 'the cover form'));
  await form.getByLabel(label('Medarbejder, der er væk')).selectOption({ label: 'Jonas Ørnberg (JØ)' });
  await form.getByLabel(label('Kollega, der dækker')).selectOption({ label: 'Aisha Khalil (AK)' });
  await form.getByLabel(label('Fra dato')).fill(danishDate(-30));
  await form.getByLabel(label('Til og med dato')).fill(danishDate(-44));
  await form.getByLabel(label('Note (fx ferie, sygdom)')).fill('Ferie');
  await form.getByRole('button', { name: 'Gem dækning' }).click();
  await section.locator('[data-status-line]', { hasText: 'Dækningen er gemt.' }).waitFor(); // the line, not its live sibling
  await soft.run(() => assertFocusOnResult('the cover section after saving a cover', 'Dækningen er gemt.'));
  await soft.run(() => checkA11y(page, 'the cover section with a cover (da)'));
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
  await soft.run(() => checkA11yInEnglish(page, 'the unlock-account dialog'));
  await dialog.getByRole('button', { name: 'Ophæv spærring' }).click();
  await dialog.getByText('Spærringen er ophævet.').waitFor();
  await soft.run(() => assertFocusOnResult('the unlock-account dialog after the unlock', 'Spærringen er ophævet.'));
  await checkA11y(page, 'the unlock-account dialog done (da)');
  await soft.run(() => checkA11yInEnglish(page, 'the unlock-account dialog done'));
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

test('the handover dialog passes axe (da, en)', async () => {
  await go('#/citizens');
  await page.getByRole('link', { name: 'Dennis Møller' }).click();
  await page.getByRole('heading', { name: 'Dennis Møller', level: 1 }).waitFor();
  await page.getByRole('button', { name: /^Overdrag til kollega/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Overdrag til en kollegas installation' });
  await dialog.waitFor();
  await checkA11y(page, 'the handover dialog (da)');
  await checkA11yInEnglish(page, 'the handover dialog');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
});

// The handover file to import: what a colleague's installation would send (fictional). The
// file dialog cannot be answered in a headless run, and the file is sealed by the other
// installation's backend: choosing, opening and adding it are answered in the page, so the
// dialog's real stages are drawn from this preview.
const handoverPreview = {
  token: 'e2e-token',
  fileName: 'Overdragelse Lone Testesen 01.12.2026.icmhandover',
  exportedAt: '2026-12-01T09:30:00Z',
  source: 'Nordby Kommune, ICM-teamet',
  citizen: { name: 'Lone Testesen', cprMasked: '010190-xxxx', existingId: 0, existingName: '' },
  courses: [
    {
      index: 0, status: 'active', startDate: '2026-03-02', endDate: '', workerName: 'Per Prøvesen', workerInitials: 'PP',
      suggestedWorkerId: 0, workerFound: false,
      counts: { notes: 14, assessment: 1, goals: 3, subGoals: 5, activities: 4, contacts: 6, meetings: 2, advocacy: 1, evaluations: 1, who5: 2, weeklyChecks: 20, planVersions: 1 },
    },
  ],
  conflicts: [{ kind: 'worker_missing', courseIndex: 0, blocking: false, params: { worker: 'Per Prøvesen (PP)' } }],
  blocked: false,
};

test('the import dialog: choose, preview and done pass axe (da, en), also at 320×256, and ends on its result', async () => {
  await go('#/citizens');
  await page.getByRole('button', { name: /^Importér overdragelse/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Importér en overdragelse' });
  await dialog.waitFor();
  await checkA11y(page, 'the import dialog (da)');
  await soft.run(() => checkA11yInEnglish(page, 'the import dialog'));
  const restore = await stubGo({
    'CitizenDataService.ChooseHandoverFile': `() => Promise.resolve({ path: '/tmp/e2e.icmhandover', name: ${JSON.stringify(handoverPreview.fileName)}, cancelled: false })`,
    'CitizenDataService.PreviewImport': `() => new Promise((r) => setTimeout(() => r(${JSON.stringify(handoverPreview)}), 200))`,
    'CitizenDataService.ConfirmImport': `() => new Promise((r) => setTimeout(() => r({ citizenId: 999999, courseIds: [999999] }), 200))`,
  });
  try {
    await dialog.getByRole('button', { name: /^Vælg fil/ }).click();
    await dialog.getByText(handoverPreview.fileName).waitFor();
    await dialog.getByLabel(label('Adgangsfrase')).fill('en lang adgangsfrase til filen');
    await soft.run(() => checkA11y(page, 'the import dialog with a file chosen (da)'));
    await dialog.getByRole('button', { name: 'Åbn og vis indhold' }).click();
    await dialog.getByRole('button', { name: 'Læg ind' }).waitFor();
    await dialog.getByText('Lone Testesen', { exact: true }).waitFor();
    await checkA11y(page, 'the import preview (da)');
    await soft.run(() => checkA11yInEnglish(page, 'the import preview'));
    await page.setViewportSize({ width: 320, height: 256 });
    await soft.run(() => assertNoSideScroll(page, 'the import preview at 320×256 (da)'));
    await soft.run(() => checkA11y(page, 'the import preview at 320×256 (da)'));
    await page.setViewportSize({ width: 1280, height: 900 });
    await dialog.getByRole('combobox').first().selectOption({ index: 1 });
    await dialog.getByRole('button', { name: 'Læg ind' }).click();
    const done = 'Overdragelsen er lagt ind.';
    await dialog.getByText(done).waitFor();
    await soft.run(() => assertFocusOnResult('the import dialog after adding the file', done));
    await checkA11y(page, 'the import dialog done (da)');
    await soft.run(() => checkA11yInEnglish(page, 'the import dialog done'));
    await dialog.getByRole('button', { name: 'Luk' }).click();
    await dialog.waitFor({ state: 'detached' });
  } finally {
    await restore();
  }
  soft.flush();
});

test('the delete dialog passes axe (da, en, 320×256) and a deletion ends on its result (da)', async () => {
  await go('#/citizens');
  // Emil Ærenlund's only course is closed: his data may be deleted.
  await page.getByRole('link', { name: 'Emil Ærenlund' }).click();
  await page.getByRole('heading', { name: 'Emil Ærenlund', level: 1 }).waitFor();
  await page.getByRole('button', { name: /^Slet borgerens data/ }).click();
  const del = page.getByRole('dialog', { name: 'Slet borgerens data' });
  await del.locator('table').waitFor();
  await checkA11y(page, 'the delete dialog (da)');
  await soft.run(() => checkA11yInEnglish(page, 'the delete dialog'));
  await page.setViewportSize({ width: 320, height: 256 });
  await soft.run(() => assertNoSideScroll(page, 'the delete dialog at 320×256 (da)'));
  await soft.run(() => checkA11y(page, 'the delete dialog at 320×256 (da)'));
  await page.setViewportSize({ width: 1280, height: 900 });
  await del.getByRole('textbox').fill('Emil Ærenlund');
  await del.locator('button[type=submit]').click();
  // The done stage: its result paragraph (the stage's only button is "Luk").
  const result = del.locator('p[tabindex="-1"]');
  await result.waitFor();
  await del.getByRole('button', { name: 'Luk' }).waitFor();
  const deleted = (await result.textContent()).trim();
  await soft.run(() => assertFocusOnResult('the delete dialog after the deletion', deleted));
  await checkA11y(page, 'the delete dialog done (da)');
  // (The done stage in English: with Karsten Bøgh, once his course is closed, at the end.)
  await del.getByRole('button', { name: 'Luk' }).click();
  await page.getByRole('heading', { name: 'Borgere', level: 1 }).waitFor();
  soft.flush();
});

test('the backup dialogs pass axe (da, en): the encrypted backup, and a restore chosen and staged', async () => {
  await go('#/settings');
  await page.getByRole('button', { name: /^Gem krypteret sikkerhedskopi/ }).click();
  const backup = page.getByRole('dialog', { name: 'Gem krypteret sikkerhedskopi' });
  await backup.waitFor();
  await checkA11y(page, 'the encrypted-backup dialog (da)');
  await soft.run(() => checkA11yInEnglish(page, 'the encrypted-backup dialog'));
  const pass = backup.locator('input[type=password]');
  await pass.nth(0).fill('en lang adgangsfrase til kopien');
  await pass.nth(1).fill('en anden frase');
  await backup.locator('[aria-invalid=true], .error').first().waitFor();
  await checkA11y(page, 'the encrypted-backup dialog with an error (da)');
  await soft.run(() => checkA11yInEnglish(page, 'the encrypted-backup dialog with an error'));
  await page.keyboard.press('Escape');
  await backup.waitFor({ state: 'detached' });

  await page.getByRole('button', { name: /^Gendan fra fil/ }).click();
  const restoreDialog = page.getByRole('dialog', { name: 'Gendan fra en sikkerhedskopi' });
  await restoreDialog.waitFor();
  await checkA11y(page, 'the restore dialog (da)');
  await soft.run(() => checkA11yInEnglish(page, 'the restore dialog'));
  // The file dialog and the restore itself are answered in the page: nothing is staged for real.
  const unstub = await stubGo({
    'BackupService.ChooseRestoreFile': `() => Promise.resolve({ name: 'ICM-sikkerhedskopi 2026-12-01 0930.icmbackup', created: '01.12.2026 09:30', cancelled: false })`,
    'BackupService.RestoreFromFile': `() => new Promise((r) => setTimeout(() => r({ backupCreated: '01.12.2026 09:30', stagedAt: '07.12.2026 10:00', stagedBy: 'Mette Lund', citizens: 11, workers: 3, auditEntries: 240, schemaVersion: 10, previous: '' }), 200))`,
  });
  try {
    await restoreDialog.getByRole('button', { name: /^Vælg fil/ }).click();
    await restoreDialog.getByTestId('restore-file').waitFor();
    await restoreDialog.locator('input[type=password]').fill('en lang adgangsfrase til kopien');
    await restoreDialog.getByRole('checkbox').check();
    await checkA11y(page, 'the restore dialog with a file chosen (da)');
    await soft.run(() => checkA11yInEnglish(page, 'the restore dialog with a file chosen'));
    await restoreDialog.getByRole('button', { name: 'Kontrollér og gendan' }).click();
    const staged = page.getByRole('dialog', { name: 'Gendannelsen er klar' });
    await staged.waitFor();
    // The checked backup's line takes the focus.
    const line = (await staged.locator('p.banner-info').first().textContent()).trim();
    await soft.run(() => assertFocusOnResult('the restore dialog staged', line));
    await checkA11y(page, 'the restore dialog staged (da)');
    await soft.run(() => checkA11yInEnglish(page, 'the restore dialog staged'));
    await page.keyboard.press('Escape');
    await staged.waitFor({ state: 'detached' });
  } finally {
    await unstub();
  }

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
  // The focus ring on every control of the open goal form (the sign form below has the radios).
  await soft.run(async () => {
    const stops = await ringWalk('the goal form', goal, 30);
    assert.ok(stops.length >= 4, `the goal form's Tab stops: ${stops.join(', ')}`);
  });
  const words = 'Jeg vil have en cykel, så jeg selv kan komme rundt.';
  await goal.getByLabel('Målet med borgerens egne ord').fill(words);
  await goal.getByLabel('Livsområde').selectOption({ index: 1 });
  await goal.getByRole('button', { name: 'Gem' }).click();
  const card = page.getByRole('article').filter({ hasText: words });
  await card.waitFor();
  // The result: the status line that says the goal is saved has the focus.
  await soft.run(() => assertFocusOnResult('the planning step after saving a goal', 'Målet er gemt.'));
  await card.getByRole('button', { name: '+ Tilføj delmål' }).click();
  await page.getByRole('form', { name: 'Tilføj delmål' }).waitFor();
  await checkA11y(page, 'the sub-goal form (da)');
  await page.getByRole('form', { name: 'Tilføj delmål' }).getByRole('button', { name: /^Annull/ }).click();
  await checkForm('+ Tilføj aktivitet', 'Tilføj aktivitet', 'the activity form');
  await checkForm(/^Underskriv planen/, 'Underskriv planen', 'the sign-plan form');
  // The sign-off's confirm box, asked before a version is signed (not signed here).
  await page.getByRole('button', { name: /^Underskriv planen/ }).first().click();
  const sign = page.getByRole('form', { name: 'Underskriv planen' });
  await sign.getByRole('radio').first().check();
  await soft.run(async () => {
    const stops = await ringWalk('the sign-plan form', sign, 30);
    assert.ok(stops.some((k) => k.startsWith('input[type=radio]')), `the sign-plan form's walk met no radio: ${stops.join(', ')}`);
  });
  await sign.getByRole('button', { name: /^Underskriv version/ }).click();
  await sign.locator('.pv-confirm').waitFor();
  await soft.run(() => checkA11y(page, 'the sign-plan confirm box (da)'));
  await soft.run(() => checkA11yInEnglish(page, 'the sign-plan confirm box'));
  await sign.getByRole('button', { name: 'Tilbage til formularen' }).click();
  await accepting(async () => {
    await sign.getByRole('button', { name: /^Annull/ }).click();
    await sign.waitFor({ state: 'detached' });
  });
  // Deleting the goal again: the focus goes on to the next control, so the line says it
  // through its live sibling, and its visible copy is hidden from screen readers.
  await page.getByRole('article').filter({ hasText: words }).getByRole('button', { name: /^Rediger mål \d+$/ }).click();
  await accepting(async () => {
    await page.getByRole('button', { name: 'Slet mål', exact: true }).click();
    await page.getByText(words).waitFor({ state: 'detached' });
  });
  await soft.run(() => assertSaidLive(page, 'the planning step after deleting a goal', 'Målet er slettet.'));
  await setLanguage('en');
  await checkForm('+ Add goal', 'Add goal', 'the goal form, English,', { cancel: 'Cancel' });
  await setLanguage('da');
  soft.flush();
});

// Signing is the weightiest save (a signed version cannot be changed): it ends, as every save
// does, on the status line that says so, which takes the focus and is said once.
test('signing a plan version ends on its result, which passes axe', async () => {
  await dennisStep('planning');
  await page.getByRole('button', { name: /^Underskriv planen/ }).first().click();
  const sign = page.getByRole('form', { name: 'Underskriv planen' });
  await sign.getByRole('radio').first().check();
  const submit = sign.getByRole('button', { name: /^Underskriv version \d+$/ });
  const n = (await submit.textContent()).match(/\d+/)[0];
  await submit.click();
  await sign.getByRole('button', { name: `Ja, underskriv version ${n}` }).click();
  await sign.waitFor({ state: 'detached' });
  await assertFocusOnResult('the planning step after signing a plan version', `Version ${n} er underskrevet og gemt.`);
  await checkA11y(page, 'the planning step after signing a version (da)');
});

test('the coordination, advocacy and follow-up forms pass axe', async () => {
  await dennisStep('coordination');
  await checkForm('Tilføj kontakt', 'Ny kontakt', 'the contact form', { emptySave: 'Gem kontakt' });
  await checkForm('Tilføj møde', 'Nyt møde', 'the meeting form', { emptySave: 'Gem møde' });
  await dennisStep('advocacy');
  await checkForm('Tilføj barriere', 'Ny barriere', 'the advocacy case form', { emptySave: 'Gem barriere' });
  await dennisStep('followup');
  // The focus ring on the WHO-5 form: the date, one stop per statement's answers, and save.
  await soft.run(async () => {
    const who5 = page.locator('.fu-who5 form').first();
    const stops = await ringWalk('the WHO-5 form', who5, 30);
    assert.ok(stops.filter((k) => k.startsWith('input[type=radio]')).length >= 5, `the WHO-5 form's walk met fewer than 5 answer groups: ${stops.join(', ')}`);
  });
  await checkForm('Ny evaluering', 'Ny evaluering', 'the evaluation form');
  await page.getByText('Forløbets rammer').first().click();
  await checkA11y(page, 'the course settings opened (da)');
  soft.flush();
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
  await soft.run(() => assertFocusOnResult('the housing history after a move', 'Boligsituationen er registreret.'));
  await entry.getByRole('button', { name: /^Ret / }).click();
  const correct = page.getByRole('form', { name: /^Ret registreringen/ });
  await correct.waitFor();
  await checkA11y(page, 'the housing correction form (da)');
  await correct.getByLabel('Kort bemærkning').fill('Flyttet til sin søsters sofa.');
  await correct.getByRole('button', { name: 'Gem' }).click();
  await page.getByTestId('housing-entry').filter({ hasText: 'Flyttet til sin søsters sofa.' }).waitFor();
  await soft.run(() => assertFocusOnResult('the housing history after a correction', 'Rettelsen er gemt.'));
  await soft.run(() => checkA11y(page, 'the housing history with a corrected entry (da)'));
  const fixed = page.getByTestId('housing-entry').filter({ hasText: 'Flyttet til sin søsters sofa.' });
  await fixed.getByRole('button', { name: /^Fejlregistrering/ }).click();
  const withdraw = page.getByRole('form', { name: /^Træk registreringen/ });
  await withdraw.waitFor();
  await soft.run(() => checkA11y(page, 'the housing withdrawal form (da)'));
  await withdraw.getByRole('textbox').first().fill('Registreret på den forkerte borger.');
  await withdraw.getByRole('button', { name: 'Træk tilbage' }).click();
  await page.getByText(/Trukket tilbage .*Registreret på den forkerte borger/).waitFor();
  await soft.run(() => assertFocusOnResult('the housing history after a withdrawal', 'Registreringen er trukket tilbage.'));
  await soft.run(() => checkA11y(page, 'the housing history with a withdrawn entry (da)'));
  assert.deepEqual(app.pageErrors, []);
  soft.flush();
});

test('the note revisions dialog passes axe (da, en)', async () => {
  await dennisStep('visitation');
  // The demo journal holds one note the team lead corrected afterwards.
  await page.getByRole('button', { name: 'Vis tidligere versioner' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Tidligere versioner af notatet' });
  await dialog.waitFor();
  await checkA11y(page, 'the note revisions dialog (da)');
  await checkA11yInEnglish(page, 'the note revisions dialog');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
});

test('the closing form passes axe (da, en); cancelling and closing leave the focus on the right place', async () => {
  // Karsten Bøgh's open course, which no other test uses: it is closed here.
  await go('#/citizens');
  await page.getByRole('link', { name: 'Karsten Bøgh' }).click();
  await page.getByRole('heading', { name: 'Karsten Bøgh', level: 1 }).waitFor();
  const href = await page.locator('.course-list a').first().getAttribute('href');
  await go(`#/courses/${href.split('/')[2]}/followup`);
  const opener = page.getByRole('button', { name: 'Afslut forløb', exact: true });
  await opener.click();
  const form = page.getByRole('form', { name: 'Afslut forløbet' });
  await form.waitFor();
  await checkA11y(page, 'the closing form (da)');
  await soft.run(() => checkA11yInEnglish(page, 'the closing form'));
  // Cancelled: the focus goes back to "Afslut forløb".
  await form.getByRole('button', { name: /^Annull/ }).click();
  await form.waitFor({ state: 'detached' });
  await soft.run(async () => assert.ok(await opener.evaluate((b) => b === document.activeElement), `after cancelling the closing form the focus is on ${await focused()}`));
  await opener.click();
  await form.waitFor();
  // Without a reason the backend refuses (after the confirmation): the field errors pass axe too.
  await accepting(async () => {
    await form.getByRole('button', { name: 'Bekræft afslutning' }).click();
    await form.locator('[aria-invalid=true]').first().waitFor();
  });
  await soft.run(() => checkA11y(page, 'the closing form with errors (da)'));
  await form.getByLabel(label('Årsag til afslutningen')).selectOption({ index: 1 });
  await form.getByRole('radio').first().check();
  await accepting(() => form.getByRole('button', { name: 'Bekræft afslutning' }).click());
  const closed = page.getByTestId('closing');
  await closed.waitFor();
  // The focus is on the line that says the course is closed.
  const ok = await page
    .waitForFunction((t) => document.activeElement?.matches('.fu-closed-lead, [data-status-line]') && document.activeElement.textContent.trim() === t, `Forløbet blev afsluttet ${danishDate(0)}.`, { timeout: 3000 })
    .then(() => true, () => false);
  await soft.run(async () => assert.ok(ok, `after closing the course the focus is on ${await focused()}, not on the line that says it is closed`));
  await soft.run(() => checkA11y(page, 'the closed course (da)'));
  assert.deepEqual(app.pageErrors, []);
  soft.flush();
});

test('the delete dialog in English: a deletion ends on its result, which passes axe', async () => {
  // Karsten Bøgh's course was closed by the test before: his data may be deleted now.
  await setLanguage('en');
  await go('#/citizens');
  await page.getByRole('link', { name: 'Karsten Bøgh' }).click();
  await page.getByRole('heading', { name: 'Karsten Bøgh', level: 1 }).waitFor();
  await page.getByRole('button', { name: /^Delete the citizen's data/ }).click();
  const del = page.getByRole('dialog', { name: "Delete the citizen's data" });
  await del.locator('table').waitFor();
  await checkA11y(page, 'the delete dialog (en)');
  await del.getByRole('textbox').fill('Karsten Bøgh');
  await del.locator('button[type=submit]').click();
  const result = del.locator('p[tabindex="-1"]');
  await result.waitFor();
  await del.getByRole('button', { name: 'Close' }).waitFor();
  const deleted = (await result.textContent()).trim();
  await soft.run(() => assertFocusOnResult('the delete dialog after the deletion (en)', deleted));
  await checkA11y(page, 'the delete dialog done (en)');
  await del.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('heading', { name: 'Citizens', level: 1 }).waitFor();
  await setLanguage('da');
  soft.flush();
});
