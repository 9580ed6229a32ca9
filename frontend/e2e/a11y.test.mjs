// Accessibility end-to-end (WCAG 2.1 AA) on the demo team: axe-core on every main screen,
// dialog and wizard step in Danish and English, the focus indicator's contrast on a Tab walk,
// tasks done with the keyboard only (a note, a dialog, a save and a delete with its
// confirmation), and reflow at 640×450 (200 % zoom of 1280×900) and 320×256 (400 % of
// 1280×1024) without sideways scrolling or cut-off text, with forms, dialogs and menus open.
// a11y-states.test.mjs, run after this file on the same app, checks the rarer states.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertSaidOnFocusOnly, recover, softChecks, tabWalkFocusRing } from './a11y-checks.mjs';
import { assertNoSideScroll, checkA11y, danishDate, openApp, settle, shot, signIn } from './harness.mjs';

let app;
let page;
before(async () => {
  app = await openApp();
  page = app.page;
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

// The main menu's screens, by their Danish and English names, with the heading each opens on.
const screens = [
  { da: 'Borgere', en: 'Citizens' },
  { da: 'Søg i notater', en: 'Search notes' },
  { da: 'Overblik', en: 'Overview' },
  { da: 'Caseload', en: 'Caseload' },
  { da: 'Metodeskabelon', en: 'Method template' },
  { da: 'Team', en: 'Team' },
  { da: 'Logning', en: 'Audit log' },
  { da: 'Indstillinger', en: 'Settings' },
];
const steps = ['visitation', 'assessment', 'planning', 'coordination', 'advocacy', 'followup'];

const menu = (lang) => page.getByRole('navigation', { name: lang === 'da' ? 'Hovedmenu' : 'Main menu' });

/** Opens a main screen from the menu and waits for its heading to take the focus. */
async function openScreen(name, lang) {
  const link = menu(lang).getByRole('link', { name, exact: true });
  if (await link.evaluate((a) => a.getAttribute('href') === location.hash)) return;
  await link.click();
  // The new screen's heading has the focus (a search screen's field, if it opens in it).
  await page.waitForFunction(() => document.activeElement?.matches('h1, #main-content input[type=search]'), null, { timeout: 5000 }).catch(() => {
    throw new Error(`the focus did not move to the heading of ${name}`);
  });
}

/** A form screen opens with the focus in its first field. */
const firstFieldFocused = () => page.waitForFunction(() => document.activeElement?.matches('#main-content form input'));

/** On the overview: the first citizens' fidelity reasons unfolded, every "show as table" opened. */
async function expandOverview() {
  await settle(page);
  const reasons = page.locator('[data-testid=fidelity-row] button[aria-expanded=false]');
  for (let i = 0; i < Math.min(2, await reasons.count()); i++) await reasons.first().click();
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
}

async function setLanguage(lang) {
  await page.getByRole('button', { name: new RegExp(`^${lang.toUpperCase()}\\b`) }).first().click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/** The id of Dennis Møller's open course (the demo course with every step filled). */
async function dennisCourse(lang, { viaMenu = true } = {}) {
  if (viaMenu) await openScreen(lang === 'da' ? 'Borgere' : 'Citizens', lang);
  else await page.goto(page.url().replace(/#.*$/, '#/citizens'));
  await page.getByRole('link', { name: 'Dennis Møller' }).click();
  const link = page.locator('.course-list a').first();
  return (await link.getAttribute('href')).split('/')[2];
}

test('the first-start screen and the demo data pass the check', async () => {
  await page.getByRole('button', { name: 'Indlæs demodata' }).waitFor();
  // The check itself finds a problem planted for it (an image without a text alternative).
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img id="planted" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'));
  await assert.rejects(checkA11y(page, 'planted'), /image-alt/);
  await page.evaluate(() => document.getElementById('planted').remove());
  await checkA11y(page, 'first start (da)');
  // The first-start page reflows at 400 % too.
  await page.setViewportSize({ width: 320, height: 256 });
  await assertNoSideScroll(page, 'first start at 320×256');
  await shot(page, 'a11y-400-first-start', { full: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('button', { name: 'Indlæs demodata' }).click();
  await page.getByRole('heading', { name: 'Borgere' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'da');
});

for (const lang of ['da', 'en']) {
  test(`every main screen passes axe (${lang})`, async () => {
    await setLanguage(lang);
    for (const s of screens) {
      await openScreen(s[lang], lang);
      await checkA11y(page, `${s.da} (${lang})`);
      if (s.da === 'Overblik') {
        // The fidelity reasons unfolded and every chart shown as a table.
        await expandOverview();
        await checkA11y(page, `Overblik with the reasons and tables open (${lang})`);
      }
    }
  });

  test(`the citizen page, its forms and every wizard step pass axe (${lang})`, async () => {
    await setLanguage(lang);
    const course = await dennisCourse(lang);
    await checkA11y(page, `citizen page (${lang})`);
    await page.getByRole('link', { name: lang === 'da' ? 'Rediger' : 'Edit', exact: true }).click();
    await firstFieldFocused();
    await checkA11y(page, `citizen form (${lang})`);
    await page.goto(page.url().replace(/#.*$/, '#/citizens/new'));
    await firstFieldFocused();
    await checkA11y(page, `new citizen form (${lang})`);
    for (const step of steps) {
      await page.goto(page.url().replace(/#.*$/, `#/courses/${course}/${step}`));
      await page.locator(`.steps li.current`).waitFor();
      await page.waitForFunction(() => !document.querySelector('.loading'));
      await checkA11y(page, `wizard step ${step} (${lang})`);
    }
    await page.getByRole('button', { name: lang === 'da' ? 'Nyt notat' : 'New note' }).click();
    await checkA11y(page, `the open note form (${lang})`);
    await page.keyboard.press('Escape');
  });

  test(`the dialogs pass axe and hold the focus (${lang})`, async () => {
    await setLanguage(lang);
    // About: Tab goes round inside; Escape closes and gives the focus back to the opener.
    const about = page.getByRole('button', { name: lang === 'da' ? /^Om ICM/ : /^About ICM/ });
    await about.focus();
    await about.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await checkA11y(page, `About (${lang})`);
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), 'Tab left the About dialog');
    }
    await page.keyboard.press('Shift+Tab');
    assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), 'Shift+Tab left the About dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.ok(await about.evaluate((b) => b === document.activeElement), 'the focus did not return to the About button');

    // A password dialog on the team page.
    await openScreen('Team', lang);
    const reset = page.getByRole('button', { name: lang === 'da' ? /^Ny adgangskode/ : /^New password/ }).first();
    await reset.click();
    await dialog.waitFor();
    await checkA11y(page, `password dialog (${lang})`);
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), 'Tab left the password dialog');
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.ok(await reset.evaluate((b) => b === document.activeElement), 'the focus did not return to the password button');
  });
}

test('the focus indicator has 3:1 on the menu, the step strip, a dialog, the lock screen and the narrow menu', async () => {
  await setLanguage('da');
  // From the screen's heading back up with Shift+Tab: the dark sidebar from its foot, then the skip link.
  await page.goto(page.url().replace(/#.*$/, '#/citizens'));
  await page.getByRole('heading', { name: 'Borgere', level: 1 }).waitFor();
  // The check itself finds a planted weak ring: a dark-blue outline on the dark sidebar.
  const planted = await page.addStyleTag({ content: '.sidebar a:focus-visible { outline: 3px solid #2a4a66 !important; }' });
  await page.locator('#main-content h1').focus();
  await assert.rejects(tabWalkFocusRing(page, 'planted', '(el) => el?.closest(".sidebar") != null', { max: 40, keys: ['Shift+Tab'] }), /no focus indicator with 3:1[\s\S]*rgb\(42, 74, 102\)/);
  await planted.evaluate((el) => el.remove());
  await page.locator('#main-content h1').focus();
  const sidebar = await tabWalkFocusRing(page, 'the sidebar and the skip link', '(el) => el?.closest(".sidebar, .skip-link") != null', { max: 40, keys: ['Shift+Tab'] });
  assert.ok(sidebar.some((k) => k.includes('skip-link')), `Shift+Tab did not reach the skip link: ${sidebar.join(', ')}`);
  assert.ok(sidebar.length >= 10, `only ${sidebar.length} stops in the sidebar: ${sidebar.join(', ')}`);
  // The step strip, the current step first, then every step with the arrow keys.
  const course = await dennisCourse('da');
  await page.goto(page.url().replace(/#.*$/, `#/courses/${course}/planning`));
  await page.locator('.steps li.current').waitFor();
  await settle(page);
  await page.locator('#main-content h1').focus();
  await tabWalkFocusRing(page, 'the current step', '(el) => el?.closest(".steps li.current") != null', { max: 40 });
  await tabWalkFocusRing(page, 'the step strip (arrows)', '(el) => el?.closest(".steps") != null', { max: 7, keys: ['ArrowRight'] });
  // The controls of the step itself (the planning step's buttons and table).
  await page.getByRole('heading', { name: 'Planlægning', level: 2 }).focus();
  await tabWalkFocusRing(page, 'the planning step', '(el) => el?.closest("#main-content") != null && !el.closest(".steps")', { max: 25 });
  // A dialog: About, every control inside it.
  const about = page.getByRole('button', { name: /^Om ICM/ });
  await about.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').waitFor();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await tabWalkFocusRing(page, 'the About dialog', '(el) => el?.closest("[role=dialog]") != null', { max: 12 });
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  // The lock screen: the password field, "Lås op" (once something is typed) and "Skift bruger".
  await page.getByRole('button', { name: 'Lås skærmen' }).click();
  await page.getByRole('heading', { name: 'Skærmen er låst' }).waitFor();
  await page.getByLabel('Adgangskode').fill('x');
  await page.getByLabel('Adgangskode').focus();
  await page.keyboard.press('Shift+Tab');
  const lock = await tabWalkFocusRing(page, 'the lock screen', '(el) => el?.closest(".lock-screen") != null', { max: 8 });
  assert.ok(lock.length >= 3, `the lock screen's Tab stops: ${lock.join(', ')}`);
  await page.getByLabel('Adgangskode').fill('demo-adgang');
  await page.getByRole('button', { name: 'Lås op' }).click();
  await page.getByRole('heading', { name: 'Skærmen er låst' }).waitFor({ state: 'detached' });
  // At 640×450 (200 %): the narrow menu's button, then every item of the open menu.
  await page.setViewportSize({ width: 640, height: 450 });
  try {
    await settle(page);
    const menuButton = page.getByRole('button', { name: 'Menu' });
    await menuButton.focus();
    await page.keyboard.press('Shift+Tab');
    await tabWalkFocusRing(page, 'the menu button at 640×450', '(el) => el?.matches(".menu-button")', { max: 4 });
    await menuButton.focus();
    await page.keyboard.press('Enter');
    assert.equal(await menuButton.getAttribute('aria-expanded'), 'true');
    const menu = await tabWalkFocusRing(page, 'the open menu at 640×450', '(el) => el?.closest("#main-menu-items") != null', { max: 40 });
    assert.ok(menu.length >= 8, `only ${menu.length} stops in the open menu: ${menu.join(', ')}`);
    await menuButton.focus();
    await page.keyboard.press('Enter');
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
});

test('the lock screen works by keyboard even with a dialog left open under it', async () => {
  // A dialog's keys must not act under the lock: Tab reaches "Lås op", Escape closes nothing.
  const about = page.getByRole('button', { name: /^Om ICM/ });
  await about.click();
  const dialog = page.getByRole('dialog', { name: /Om ICM/ });
  await dialog.waitFor();
  // The idle lock comes while the dialog is open: the same as the lock button, pressed from code.
  await page.evaluate(() => Array.from(document.querySelectorAll('button')).find((b) => b.textContent === 'Lås skærmen').click());
  await page.getByRole('heading', { name: 'Skærmen er låst' }).waitFor();
  await page.getByLabel('Adgangskode').fill('demo-adgang');
  const reached = [];
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate(() => document.activeElement?.textContent || document.activeElement?.id || document.activeElement?.tagName));
  }
  assert.ok(reached.includes('Lås op'), `Tab on the lock screen reached only: ${reached.join(', ')}`);
  // Escape under the lock reaches neither the lock screen's own handling nor the dialog under it.
  await page.getByLabel('Adgangskode').focus();
  await page.keyboard.press('Escape');
  await page.getByRole('heading', { name: 'Skærmen er låst' }).waitFor();
  await page.getByRole('button', { name: 'Lås op' }).click();
  await page.getByRole('heading', { name: 'Skærmen er låst' }).waitFor({ state: 'detached' });
  assert.ok(await dialog.isVisible(), 'Escape pressed under the lock closed the About dialog under it');
  // After unlocking, the dialog holds the focus and its own Escape works again.
  await page.waitForFunction(() => document.querySelector('[role=dialog]:not(.lock-screen)')?.contains(document.activeElement), null, { timeout: 3000 }).catch(async () => {
    throw new Error(`after unlocking, the focus is on ${await focused()}, not in the About dialog`);
  });
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
});

test('the sign-in and lock screens pass axe (da, en), also with an error', async () => {
  for (const lang of ['da', 'en']) {
    await setLanguage(lang);
    await page.getByRole('button', { name: lang === 'da' ? 'Lås skærmen' : 'Lock the screen' }).click();
    await page.getByRole('heading', { name: lang === 'da' ? 'Skærmen er låst' : 'The screen is locked' }).waitFor();
    await checkA11y(page, `lock screen (${lang})`);
    const password = page.getByLabel(lang === 'da' ? 'Adgangskode' : 'Password');
    await password.fill('forkert kode');
    await page.getByRole('button', { name: lang === 'da' ? 'Lås op' : 'Unlock' }).click();
    await page.locator('.lock-screen .banner-error').waitFor();
    await checkA11y(page, `lock screen with a wrong password (${lang})`);
    await password.fill('demo-adgang');
    await page.getByRole('button', { name: lang === 'da' ? 'Lås op' : 'Unlock' }).click();
    await page.locator('.lock-screen').waitFor({ state: 'detached' });
  }
  await setLanguage('da');
  await page.getByRole('button', { name: 'Log ud' }).click();
  await page.getByRole('heading', { name: 'Log ind', exact: true }).waitFor();
  await checkA11y(page, 'sign-in (da)');
  await signIn(page, 'mette', 'forkert kode');
  await page.getByText('Brugernavn eller adgangskode er forkert.').waitFor();
  await checkA11y(page, 'sign-in with a wrong password (da)');
  await setLanguage('en');
  await checkA11y(page, 'sign-in (en)');
  await setLanguage('da');
  await signIn(page, 'mette', 'demo-adgang');
  await page.getByRole('heading', { name: 'Borgere' }).waitFor();
});

/** Presses Tab until test() holds in the page (at most 60 times). */
async function tabTo(test, what, arg = null) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(test, arg)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** What has the focus, for messages. */
const focused = () => page.evaluate(() => {
  const el = document.activeElement;
  return el === document.body ? 'the page body' : `${el?.tagName.toLowerCase()}.${el?.className} "${(el?.textContent ?? '').trim().slice(0, 60)}"`;
});

// The tip a focused ✗ shows (its reason) must be seen whole: within the window and not cut
// off by the table's scroll box or covered, for the first and the last ✗, at 1280 and 320
// (WCAG 1.4.13, 1.4.10).
test('the fidelity tips of the first and the last ✗ lie within the window at 1280×900 and 320×256', async () => {
  await setLanguage('da');
  try {
    for (const [width, height] of [[1280, 900], [320, 256]]) {
      await page.setViewportSize({ width, height });
      await page.goto(page.url().replace(/#.*$/, '#/overview'));
      await page.getByRole('heading', { name: 'Overblik', level: 1 }).waitFor();
      await settle(page);
      const fails = page.locator('.ov-fail a');
      const n = await fails.count();
      assert.ok(n > 0, 'the overview shows no ✗ to focus');
      for (const i of [...new Set([0, n - 1])]) {
        const where = `the tip of ✗ ${i + 1} of ${n} at ${width}×${height}`;
        await fails.nth(i).focus();
        await page.waitForTimeout(150);
        const r = await page.evaluate(() => {
          const link = document.activeElement;
          // The shown tip: the link's own, or (drawn outside the table) the one tip on show.
          const tips = Array.from(document.querySelectorAll('.ov-tip')).filter((t) => t.checkVisibility());
          const tip = tips.find((t) => link.contains(t)) ?? (tips.length === 1 ? tips[0] : null);
          if (!tip) return { err: 'no tip is shown' };
          const b = tip.getBoundingClientRect();
          const rect = { left: Math.round(b.left), top: Math.round(b.top), right: Math.round(b.right), bottom: Math.round(b.bottom) };
          const out = [];
          if (b.left < -0.5 || b.top < -0.5 || b.right > innerWidth + 0.5 || b.bottom > innerHeight + 0.5) out.push(`it lies at ${JSON.stringify(rect)}, outside the ${innerWidth}×${innerHeight} window`);
          // Cut off by a box that scrolls or clips (the table's scroll box). A fixed tip is
          // clipped only by a box that holds fixed elements (a transform, filter, perspective
          // or contain on it), up to which its overflow does not reach.
          const fixed = getComputedStyle(tip).position === 'fixed';
          const holdsFixed = (cs) => cs.transform !== 'none' || cs.filter !== 'none' || cs.perspective !== 'none' || /paint|layout|strict|content/.test(cs.contain);
          let held = !fixed;
          for (let a = tip.parentElement; a && a !== document.body; a = a.parentElement) {
            const cs = getComputedStyle(a);
            if (!held && holdsFixed(cs)) held = true;
            if (!held) continue;
            if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
            const c = a.getBoundingClientRect();
            if (b.left < c.left - 0.5 || b.right > c.right + 0.5 || b.top < c.top - 0.5 || b.bottom > c.bottom + 0.5) out.push(`it is cut off by ${a.tagName.toLowerCase()}.${String(a.className).split(' ').join('.')} (overflow ${cs.overflowX}/${cs.overflowY})`);
          }
          // Nothing covers its corners.
          for (const [x, y] of [[b.left + 3, b.top + 3], [b.right - 3, b.top + 3], [b.left + 3, b.bottom - 3], [b.right - 3, b.bottom - 3]]) {
            if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) continue;
            const hit = document.elementFromPoint(x, y);
            if (hit && !tip.contains(hit)) out.push(`its corner (${Math.round(x)}, ${Math.round(y)}) is covered by ${hit.tagName.toLowerCase()}.${String(hit.className)}`);
          }
          return { out, rect };
        });
        assert.ok(!r.err, `${where}: ${r.err}`);
        await soft.run(async () => assert.deepEqual(r.out, [], `${where}: ${r.out.join('; ')}`));
      }
    }
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
  soft.flush();
});

test('keyboard only: skip to content, open a citizen, write a note and hear it saved', async () => {
  // A fresh start on the citizen list: the skip link is the first Tab stop and takes the focus past the menu.
  await page.goto(page.url().replace(/#.*$/, '#/citizens'));
  await page.reload();
  await page.getByRole('heading', { name: /^(Borgere|Log ind)$/, level: 1 }).waitFor();
  if (await page.getByRole('heading', { name: 'Log ind', level: 1 }).isVisible()) await signIn(page, 'mette', 'demo-adgang');
  await page.getByRole('heading', { name: 'Borgere', level: 1 }).waitFor();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Spring til indhold');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
  await tabTo(() => document.activeElement?.textContent === 'Dennis Møller', 'Dennis Møller');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Dennis Møller', level: 1 }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Dennis Møller');
  await tabTo(() => /I gang/.test(document.activeElement?.textContent ?? ''), 'the open course');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Målgruppe og visitation', level: 2 }).waitFor();
  // The step strip: arrows move between the steps.
  await tabTo(() => document.activeElement?.closest('.steps li.current') != null, 'the current step');
  await page.keyboard.press('ArrowRight');
  assert.match(await page.evaluate(() => document.activeElement?.textContent ?? ''), /Udredning/);
  await tabTo(() => document.activeElement?.textContent === 'Nyt notat', 'the new note button');
  await page.keyboard.press('Enter');
  // The form's first field has the focus.
  assert.equal(await page.evaluate(() => document.activeElement?.closest('form') != null && document.activeElement.tagName), 'INPUT');
  await tabTo(() => document.activeElement?.tagName === 'TEXTAREA', 'the note text');
  await page.keyboard.type('Skrevet kun med tastaturet: Dennis var glad for besøget.');
  await tabTo(() => document.activeElement?.textContent === 'Gem notat', 'the save button');
  await page.keyboard.press('Enter');
  await page.getByText('Skrevet kun med tastaturet').waitFor();
  // After the save the focus is on the status line that says so (not on "Nyt notat").
  await page.waitForFunction(() => document.activeElement?.matches('.note-saved'), null, { timeout: 3000 }).catch(async () => {
    throw new Error(`after saving a note the focus is on ${await focused()}, not the status line`);
  });
  assert.equal(await page.evaluate(() => document.activeElement.textContent.replace(/^\s*✓\s*/, '')), 'Notatet er gemt.');
  // Said once, on focus: the line's live sibling stays empty and its text is not hidden.
  await assertSaidOnFocusOnly(page, 'after saving a note');
  await shot(page, 'a11y-keyboard-note');
});

test('keyboard only: a dialog opens, holds the focus, closes with Escape and hands the focus back', async () => {
  await page.goto(page.url().replace(/#\/courses.*$/, '#/citizens'));
  await page.getByRole('heading', { name: 'Borgere', level: 1 }).waitFor();
  await tabTo(() => document.activeElement?.textContent === 'Dennis Møller', 'Dennis Møller');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Dennis Møller', level: 1 }).waitFor();
  await tabTo(() => /^Overdrag til kollega/.test(document.activeElement?.textContent ?? ''), 'the handover button');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Overdrag til en kollegas installation' });
  await dialog.waitFor();
  assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), `the focus did not move into the dialog: ${await focused()}`);
  await checkA11y(page, 'the handover dialog (da)');
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
    assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), `Tab left the handover dialog for ${await focused()}`);
  }
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.match(await page.evaluate(() => document.activeElement?.textContent ?? ''), /^Overdrag til kollega/, 'the focus went back to the button that opened the dialog');
});

test('keyboard only: a follow-up review saved and deleted again, with the focus kept', async () => {
  const course = await dennisCourse('da', { viaMenu: false });
  await page.goto(page.url().replace(/#.*$/, `#/courses/${course}/followup`));
  const form = page.getByRole('form', { name: 'Ny sagsgennemgang' });
  await form.waitFor();
  await settle(page);
  // An empty save: the field errors pass axe too.
  await form.getByLabel(/^Deltagere/).focus();
  await tabTo(() => document.activeElement?.textContent === 'Gem gennemgangen', 'the review save button');
  await page.keyboard.press('Enter');
  await form.locator('[aria-invalid=true]').first().waitFor();
  await checkA11y(page, 'the review form with field errors (da)');
  await form.getByLabel(/^Deltagere/).focus();
  await page.keyboard.type('ML, JØ, AK');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Skrevet med tastaturet: fortsæt som aftalt.');
  await tabTo(() => document.activeElement?.textContent === 'Gem gennemgangen', 'the review save button');
  await page.keyboard.press('Enter');
  const list = page.getByTestId('review-list');
  await list.getByText('Skrevet med tastaturet: fortsæt som aftalt.').waitFor();
  // The focus is on the line that says the review is saved.
  await soft.run(async () => {
    await page.waitForFunction(() => document.activeElement?.matches('.status-line[data-status-line]'), null, { timeout: 3000 }).catch(async () => {
      throw new Error(`after saving a review the focus is on ${await focused()}, not the status line`);
    });
    assert.equal(await page.evaluate(() => document.activeElement.textContent), '✓ Gennemgangen er gemt.');
    assert.equal(await page.evaluate(() => document.activeElement.closest('[role=status], [aria-live]')?.outerHTML ?? null), null, 'the focused status line is a live region too (read twice)');
    await assertSaidOnFocusOnly(page, 'after saving a review');
  });
  // Delete it again with its button and the confirmation: the focus goes to the next row's
  // delete button (the previous row's if it was the last), or the history's heading.
  page.once('dialog', (d) => d.accept());
  const name = `Slet sagsgennemgangen ${danishDate(0)}`;
  await list.getByRole('button', { name }).waitFor();
  const expected = await list.evaluate((ul, n) => {
    const keys = Array.from(ul.querySelectorAll('[data-focus-key^="review-"]')).map((b) => ({ key: b.getAttribute('data-focus-key'), name: b.getAttribute('aria-label') }));
    const i = keys.findIndex((k) => k.name === n);
    return (keys[i + 1] ?? keys[i - 1])?.key ?? 'review-history';
  }, name);
  await form.getByRole('button', { name: 'Gem gennemgangen' }).focus();
  await tabTo((n) => document.activeElement?.getAttribute('aria-label') === n, `the button "${name}"`, name);
  await page.keyboard.press('Enter');
  await list.getByText('Skrevet med tastaturet: fortsæt som aftalt.').waitFor({ state: 'detached' });
  const landed = await page
    .waitForFunction((k) => document.activeElement?.getAttribute('data-focus-key') === k, expected, { timeout: 3000 })
    .then(() => true, () => false);
  await soft.run(async () => assert.ok(landed, `after deleting the review (with its confirmation) the focus is on ${await focused()}, not on [data-focus-key=${expected}]`));
  soft.flush();
});

/** Opens the narrow menu (≤900 px) and checks it; returns the menu button. */
async function openNarrowMenu(lang, where) {
  const menuButton = page.getByRole('button', { name: 'Menu' });
  assert.equal(await menuButton.getAttribute('aria-expanded'), 'false');
  await menuButton.click();
  assert.equal(await menuButton.getAttribute('aria-expanded'), 'true');
  await soft.run(() => assertNoSideScroll(page, `the open menu (${where})`));
  return menuButton;
}

// 200 % of 1280×900 and 400 % of 1280×1024, in both languages.
for (const [width, height] of [[640, 450], [320, 256]]) {
  for (const lang of ['da', 'en']) {
    test(`reflow at ${width}×${height} (${lang}): no screen scrolls sideways or cuts text off`, async () => {
      await setLanguage(lang);
      await page.setViewportSize({ width, height });
      const where = (w) => `${w} at ${width}×${height} (${lang})`;
      // Every state is checked, and the test fails at the end with all that stick out.
      const check = async (w) => {
        await settle(page);
        await soft.run(() => assertNoSideScroll(page, where(w)));
      };
      const menuButton = page.getByRole('button', { name: 'Menu' });
      const course = await dennisCourse(lang, { viaMenu: false });
      await page.getByRole('heading', { name: 'Dennis Møller', level: 1 }).waitFor();
      await check('citizen page');
      for (const step of steps) {
        await page.goto(page.url().replace(/#.*$/, `#/courses/${course}/${step}`));
        await page.locator('.steps li.current').waitFor();
        await check(`wizard step ${step}`);
        if (width === 640 && lang === 'da') await shot(page, `a11y-200-${step}`, { full: true });
      }
      // Open forms: a journal note, a goal, a housing move.
      await page.getByRole('button', { name: lang === 'da' ? 'Nyt notat' : 'New note' }).click();
      await check('the open note form');
      await page.keyboard.press('Escape');
      await page.goto(page.url().replace(/#.*$/, `#/courses/${course}/planning`));
      await page.getByRole('button', { name: lang === 'da' ? '+ Tilføj mål' : '+ Add goal' }).click();
      await check('the open goal form');
      if (width === 320 && lang === 'da') await shot(page, 'a11y-400-goal-form', { full: true });
      await page.goto(page.url().replace(/#.*$/, `#/courses/${course}/visitation`));
      await page.getByRole('button', { name: lang === 'da' ? /^Registrér flytning/ : /^Register a move/ }).click();
      await check('the open housing move form');
      // A dialog.
      await menuButton.click();
      await page.getByRole('button', { name: lang === 'da' ? /^Om ICM/ : /^About ICM/ }).click();
      await page.getByRole('dialog').waitFor();
      await check('the About dialog');
      if (width === 320 && lang === 'da') await shot(page, 'a11y-400-about');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      if (await menuButton.getAttribute('aria-expanded') === 'true') await menuButton.click();
      // The main screens through the narrow menu, which is checked open too.
      for (const s of screens) {
        await openNarrowMenu(lang, where(`the menu on ${s.da}`));
        if (s.da === 'Borgere' && width === 640) await checkA11y(page, where('the open narrow menu'));
        await openScreen(s[lang], lang);
        await check(s.da);
        if (s.da === 'Overblik') {
          await expandOverview();
          await check('Overblik with the reasons and tables open');
          if (lang === 'da') await shot(page, `a11y-${width}-overview-open`, { full: true });
        }
        if (width === 640 && lang === 'da') await shot(page, `a11y-200-${s.da.replace(/\W+/g, '-')}`, { full: true });
      }
      if (width === 320 && lang === 'da') await shot(page, 'a11y-400-settings', { full: true });
      // The lock screen and the sign-in page.
      await page.getByRole('button', { name: lang === 'da' ? 'Lås skærmen' : 'Lock the screen' }).click();
      await page.locator('.lock-screen').waitFor();
      await check('the lock screen');
      if (width === 320 && lang === 'da') await shot(page, 'a11y-400-lock');
      await page.locator('.lock-screen input[type=password]').fill('demo-adgang');
      await page.locator('.lock-screen button[type=submit]').click();
      await page.locator('.lock-screen').waitFor({ state: 'detached' });
      await page.getByRole('button', { name: lang === 'da' ? 'Log ud' : 'Sign out' }).click();
      await page.locator('#main-content, .auth-page').first().waitFor();
      await page.getByRole('heading', { name: lang === 'da' ? 'Log ind' : 'Sign in', exact: true }).waitFor();
      await check('the sign-in page');
      if (width === 320 && lang === 'da') await shot(page, 'a11y-400-sign-in', { full: true });
      await setLanguage('da');
      await signIn(page, 'mette', 'demo-adgang');
      await page.getByRole('heading', { name: 'Borgere', level: 1 }).waitFor();
      await page.setViewportSize({ width: 1280, height: 900 });
      assert.deepEqual(app.pageErrors, []);
      soft.flush();
    });
  }
}
