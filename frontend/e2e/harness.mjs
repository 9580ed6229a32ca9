// Shared pieces of the end-to-end tests: Debian's Chromium driven by playwright-core against
// the app served by `wails dev` (see scripts/e2e.sh), and screenshots into test-output/e2e.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { install } from './a11y-checks.mjs';

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

/**
 * Saves a screenshot; full pages are taken with the sticky parts laid out statically. Every
 * state worth a screenshot is also checked with axe-core (WCAG 2.1 A and AA) first, unless
 * `a11y: false` says the state is not the app's own (none so far).
 */
export async function shot(page, name, { full = false, a11y = true } = {}) {
  if (a11y) await checkA11y(page, `the screen of screenshot ${name}`);
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

const axeSource = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Waits until the screen has settled: nothing loading or busy, and two frames painted. */
export async function settle(page) {
  await page.waitForFunction(() => !document.querySelector('.loading, [aria-busy="true"]'), null, { timeout: 15_000 }).catch(async () => {
    const left = await page.evaluate(() => Array.from(document.querySelectorAll('.loading, [aria-busy="true"]')).map((el) => el.outerHTML.slice(0, 120)));
    throw new Error(`the screen is still loading after 15 s: ${left.join(' | ')}`);
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * Runs axe-core's WCAG 2.1 A and AA rules on what the page shows now (a screen, an open
 * dialog, a wizard step), once it has settled, and fails with a readable list of every
 * violation and its elements. Colour contrast that axe could not decide ("needs review")
 * fails too, unless it is decided here from the computed styles and passes: text on a
 * gradient against every colour of the gradient, SVG chart text (its fill) against the shapes
 * painted under it, short text against the colours behind it; text covered by a sticky bar at
 * the present scroll position is checked again in view. Every visible button and link must
 * also be named starting with its visible text (WCAG 2.5.3). `where` names the state.
 */
export async function checkA11y(page, where) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    // axe stays loaded in the window; its script tag goes, so that tests reading the page's HTML do not read axe.
    const tag = await page.addScriptTag({ content: axeSource });
    await tag.evaluate((el) => el.remove());
  }
  await settle(page);
  await install(page);
  const { violations, undecided } = await page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations', 'incomplete'],
      // WCAG 2.5.3 (label in name) is an experimental rule in axe: asked for by name.
      rules: { 'label-content-name-mismatch': { enabled: true } },
    });
    const summary = (n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 240)}`;
    const violations = r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(summary) }));
    // axe's "needs review" contrast: decide each one here or report it.
    const undecided = [];
    const contrast = r.incomplete.find((v) => v.id === 'color-contrast');
    const [x, y] = [scrollX, scrollY];
    for (const n of contrast?.nodes ?? []) {
      const el = document.querySelector(n.target[0]);
      const why = n.any.map((a) => a.data?.messageKey ?? a.message).join(', ');
      if (el && !(el instanceof SVGElement) && /bgOverlap/.test(why)) {
        // Covered at this scroll position (a sticky bar): check it again in view.
        el.scrollIntoView({ block: 'center' });
        const again = await window.axe.run({ include: [n.target] }, { runOnly: ['color-contrast'], resultTypes: ['violations', 'incomplete'] });
        const still = [...again.violations, ...again.incomplete].flatMap((v) => v.nodes);
        if (still.length === 0) continue;
      }
      // Decided here from the computed styles (gradients, SVG chart text, short text), or reported.
      const c = el ? window.__icmA11y.textContrast(el) : { decided: false, text: 'element not found' };
      if (c.decided && c.ok) continue;
      undecided.push(`${n.target.join(' ')}: ${c.decided ? c.text : `${n.any.map((a) => a.message).join(', ')} (${c.text})`}`);
    }
    scrollTo(x, y);
    return { violations, undecided };
  });
  const names = await page.evaluate(() => window.__icmA11y.namesNotStartingWithText());
  if (violations.length === 0 && undecided.length === 0 && names.length === 0) return;
  const list = (items) => `${items.slice(0, 8).map((n) => `    ${n}`).join('\n')}${items.length > 8 ? `\n    … ${items.length - 8} more` : ''}`;
  const text = [
    ...violations.map((v) => `- ${v.id} (${v.impact}): ${v.help}\n${list(v.nodes)}`),
    ...(undecided.length ? [`- color-contrast (needs review, not decided): text whose contrast axe could not determine\n${list(undecided)}`] : []),
    ...(names.length ? [`- name-starts-with-visible-text (WCAG 2.5.3): the accessible name does not start with the visible text\n${list(names)}`] : []),
  ].join('\n');
  const count = violations.length + (undecided.length ? 1 : 0) + (names.length ? 1 : 0);
  throw new Error(`axe found ${count} WCAG 2.1 A/AA problem(s) on ${where}:\n${text}`);
}

/**
 * Switches the UI language with the language buttons, also while a dialog covers them (as a
 * keyboard user would from the menu before opening it), and waits for <html lang>.
 */
export async function switchLanguage(page, lang) {
  await page.evaluate((l) => {
    const b = Array.from(document.querySelectorAll('button[lang]')).find((x) => x.getAttribute('lang') === l);
    if (!b) throw new Error(`no language button for ${l}`);
    b.click();
  }, lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/** checkA11y on the same state in English, then back to Danish. */
export async function checkA11yInEnglish(page, where) {
  await switchLanguage(page, 'en');
  try {
    await checkA11y(page, `${where} (en)`);
  } finally {
    await switchLanguage(page, 'da');
  }
}

/**
 * The page never scrolls sideways at the viewport's width, no text is cut off inside a text
 * field, a select or a box with hidden overflow, and no text runs out of a box that lets it
 * show over its neighbours, and no box but a data table scrolls sideways (a dialog that does
 * would hide its content in a second direction) (WCAG 1.4.10, reflow).
 */
export async function assertNoSideScroll(page, where) {
  const { scroll, inner, wide } = await page.evaluate(() => {
    const inner = window.innerWidth;
    // The widest elements that stick out, to say what to fix.
    // What is inside a box of its own that scrolls or clips does not widen the page.
    const clipped = (el) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true;
      return false;
    };
    const sticking = Array.from(document.querySelectorAll('body *')).filter(
      (el) => el.getBoundingClientRect().right > inner + 1 && getComputedStyle(el).position !== 'fixed' && !clipped(el),
    );
    // The innermost ones (no child sticks out further) are usually the cause; their boxes follow.
    const innermost = sticking.filter((el) => !sticking.some((o) => o !== el && el.contains(o)));
    const wide = [...innermost.slice(0, 4), ...sticking.slice(0, 2)]
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(' ').join('.')} (${Math.round(el.getBoundingClientRect().right)}px)`);
    return { scroll: document.documentElement.scrollWidth, inner, wide };
  });
  if (scroll > inner) throw new Error(`${where} scrolls sideways at ${inner}px: scrollWidth ${scroll}; widest: ${wide.join(', ')}`);
  // Nor is text cut off inside a field or a box that hides what sticks out.
  await install(page);
  const { clipped, notes, overlapping } = await page.evaluate(() => window.__icmA11y.clippedText());
  for (const n of notes) console.log(`note: ${where} at ${inner}px: ${n}`);
  if (clipped.length) throw new Error(`${where} cuts text off at ${inner}px:\n${clipped.slice(0, 8).map((c) => `    ${c}`).join('\n')}`);
  // Nor does text run out of its box over what is beside it.
  if (overlapping.length) throw new Error(`${where} lets content run out of its box, or a box that is no table scroll sideways, at ${inner}px:\n${overlapping.slice(0, 8).map((c) => `    ${c}`).join('\n')}`);
}
