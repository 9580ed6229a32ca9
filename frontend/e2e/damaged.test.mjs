// A database file damaged while the app was closed, after a session that ended cleanly: the
// app opens it without the whole-file check (that runs after the window is up), the check
// finds the damage, and the start error page with its advice replaces the app. Every call
// is refused from then on. scripts/e2e.sh damages the demo database before this phase.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, shot } from './harness.mjs';

let app;
let page;
before(async () => {
  app = await openApp();
  page = app.page;
});
after(async () => {
  await app?.close();
});

test('a damaged file found after the start shows the start error, and nothing more is done', async () => {
  await page.getByRole('heading', { name: 'ICM kan ikke åbne sine data' }).waitFor({ timeout: 30_000 });
  const alert = page.getByRole('alert');
  assert.match(await alert.innerText(), /Databasefilen er beskadiget og kan ikke åbnes sikkert\./);
  assert.match(await alert.innerText(), /sikkerhedskopi/);
  assert.ok(await alert.getByText(process.env.E2E_DB).isVisible(), 'the file is named');
  await shot(page, 'damaged-01-start-error');

  // The sign-in and a data call are refused by the Go side itself.
  const refused = await page.evaluate(async () => {
    const codes = [];
    for (const call of [
      () => window.go.service.AuthService.SignIn({ username: 'mette', password: 'demo-adgang' }),
      () => window.go.service.CitizenService.ListCitizens({ query: '' }),
    ]) {
      try {
        await call();
        codes.push('accepted');
      } catch (e) {
        codes.push(JSON.parse(String(e.message ?? e)).code);
      }
    }
    return codes;
  });
  assert.deepEqual(refused, ['database_corrupt', 'database_corrupt']);
  assert.deepEqual(app.pageErrors, []);
});
