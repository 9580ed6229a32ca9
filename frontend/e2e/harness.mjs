// Shared pieces of the end-to-end tests: Debian's Chromium driven by playwright-core against
// the app served by `wails dev` (see scripts/e2e.sh), and screenshots into test-output/e2e.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const APP_URL = process.env.E2E_URL ?? 'http://localhost:34115';
const OUT = process.env.E2E_OUT ?? join(process.cwd(), 'test-output', 'e2e');

/** Opens the app served at url (by default the phase's one) in a Chromium of its own. */
export async function openApp(url = APP_URL) {
  const profile = mkdtempSync(join(tmpdir(), 'icm-e2e-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
    locale: 'da-DK',
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.setDefaultTimeout(15_000);
  const pageErrors = [];
  page.on('pageerror', (e) => {
    // The dev server injects /wails/ipc.js, which throws once in a plain browser: harmless.
    if (!/ipc\.js|runtime:ready/.test(String(e.stack ?? e))) pageErrors.push(e);
  });
  await gotoApp(page, '', url);
  return {
    browser,
    page,
    pageErrors,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Loads the app and waits until the Go bindings are injected. */
export async function gotoApp(page, hash = '', url = APP_URL) {
  await page.goto(url + '/' + hash);
  await page.waitForFunction(() => window.go && window.go.service && window.go.service.AppService, null, { timeout: 60_000 });
}

/** Saves a screenshot; full pages are taken with the sticky parts laid out statically. */
export async function shot(page, name, { full = false } = {}) {
  let style;
  if (full) style = await page.addStyleTag({ content: '.sidebar, .steps, .step-toolbar { position: static !important; height: auto !important; }' });
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: full });
  if (style) await style.evaluate((el) => el.remove());
}

/** A date n days before today as dd.mm.åååå. */
export function danishDate(daysAgo = 0) {
  const d = new Date();
  d.setDate(d.getDate() - daysAgo);
  const p = (n) => String(n).padStart(2, '0');
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()}`;
}

/** Waits until the step's autosave reports "saved". */
export async function waitSaved(page) {
  await page.locator('[data-testid=save-state][data-state=saved]').waitFor();
}

/** A label matched exactly, whether or not the field is marked required (" *"). */
export function label(text) {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s*\\*)?$`);
}

/** The team lead's sign-in on the first-start form: username and the password twice. */
export async function fillLeadAccount(page, username, password) {
  await page.getByLabel(label('Brugernavn')).fill(username);
  await page.getByLabel(label('Adgangskode')).fill(password);
  await page.getByLabel(label('Gentag adgangskoden')).fill(password);
}

/** Signs in on the sign-in screen (and waits for it first). */
export async function signIn(page, username, password) {
  await page.getByRole('heading', { name: 'Log ind', exact: true }).waitFor();
  await page.getByLabel(label('Brugernavn')).fill(username);
  await page.getByLabel(label('Adgangskode')).fill(password);
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
}

/** Signs out from the bar above every page and waits for the sign-in screen. */
export async function signOut(page) {
  await page.getByRole('button', { name: 'Log ud', exact: true }).click();
  await page.getByRole('heading', { name: 'Log ind', exact: true }).waitFor();
}
