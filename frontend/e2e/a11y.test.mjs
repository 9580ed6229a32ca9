// Accessibility end-to-end (WCAG 2.1 AA) on the demo team: axe-core on every main screen,
// dialog and wizard step in Danish and English, a task done with the keyboard only, and
// reflow at 640 px (200 % zoom of 1280) and 320 px (400 %) without sideways scrolling.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoSideScroll, checkA11y, openApp, shot, signIn } from './harness.mjs';

let app;
let page;
before(async () => {
  app = await openApp();
  page = app.page;
});
after(async () => {
  await app?.close();
});

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
    }
  });

  test(`the citizen page, its forms and every wizard step pass axe (${lang})`, async () => {
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

test('the sign-in and lock screens pass axe', async () => {
  await setLanguage('da');
  await page.getByRole('button', { name: 'Lås skærmen' }).click();
  await page.getByRole('heading', { name: 'Skærmen er låst' }).waitFor();
  await checkA11y(page, 'lock screen (da)');
  await page.getByLabel('Adgangskode').fill('demo-adgang');
  await page.getByRole('button', { name: 'Lås op' }).click();
  await page.getByRole('button', { name: 'Log ud' }).click();
  await page.getByRole('heading', { name: 'Log ind', exact: true }).waitFor();
  await checkA11y(page, 'sign-in (da)');
  await setLanguage('en');
  await checkA11y(page, 'sign-in (en)');
  await setLanguage('da');
  await signIn(page, 'mette', 'demo-adgang');
  await page.getByRole('heading', { name: 'Borgere' }).waitFor();
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
  const tabTo = async (test, what) => {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(test)) return;
    }
    throw new Error(`Tab never reached ${what}`);
  };
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
  // After the save the focus is on the result, which says what happened.
  const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
  assert.match(focused, /notat/i);
  await shot(page, 'a11y-keyboard-note');
});

for (const width of [640, 320]) {
  test(`reflow at ${width} px: no screen scrolls sideways`, async () => {
    await page.setViewportSize({ width, height: 900 });
    const course = await dennisCourse('da', { viaMenu: false });
    await page.getByRole('heading', { name: 'Dennis Møller', level: 1 }).waitFor();
    const check = async (where) => {
      await page.waitForFunction(() => !document.querySelector('.loading'));
      await assertNoSideScroll(page, `${where} at ${width}px`);
    };
    await check('citizen page');
    for (const step of steps) {
      await page.goto(page.url().replace(/#.*$/, `#/courses/${course}/${step}`));
      await page.locator('.steps li.current').waitFor();
      await check(`wizard step ${step}`);
      if (width === 640) await shot(page, `a11y-200-${step}`, { full: true });
    }
    // The menu is a button on narrow screens.
    const menuButton = page.getByRole('button', { name: 'Menu' });
    for (const s of screens) {
      assert.equal(await menuButton.getAttribute('aria-expanded'), 'false');
      await menuButton.click();
      assert.equal(await menuButton.getAttribute('aria-expanded'), 'true');
      await openScreen(s.da, 'da');
      await check(s.da);
      if (width === 640) await shot(page, `a11y-200-${s.da.replace(/\W+/g, '-')}`, { full: true });
    }
    if (width === 320) await shot(page, 'a11y-400-settings', { full: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    assert.deepEqual(app.pageErrors, []);
  });
}
