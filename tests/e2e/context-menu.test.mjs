// End-to-end: the template entries of the context menu (src/web/template_menu.rs in the
// background, src/web/content/menu.rs in the page) in Chromium with the built extension, on the
// reply fixtures (strict CSP: the wasm2js engine). A context menu cannot be clicked in a headless
// browser: the tests call the background's click entry (`porteVoixMenuClicked`, the very function
// `contextMenus.onClicked` calls) with the click information the browser gives for the fixture's
// tab and top frame, and read the menus the background built (`porteVoixMenus`).
// - "Insert a template › <a template>": the text the fixture's send button records (the editor's
//   model) equals the template rendered for the commenter shown on the page; its use is counted.
// - The submenu lists the most used templates, in order, after uses; its titles come from _locales.
// - A template with a fill-in field opens the picker on it instead of inserting blind.
// - "Save the selection as a template" makes a template of the selection and opens it in the
//   library for editing.
// - A template title with "%s" reads as written (the browsers put the selection in place of %s).
// - A click in a frame where no content script of ours runs (a sub-frame: the loader runs in
//   top frames only) inserts nothing in another frame's composer; the toolbar badge says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { extensionPage, ask, rendered, STARTER } from './lib/library.mjs';
import { startReplyBrowser, REPLIES, openReply, expectModel, send, clear, model } from './lib/replies.mjs';
import { t } from './lib/locales.mjs';

let env;
let browser;
let uiLang;

before(async () => {
  env = await startReplyBrowser();
  ({ browser, uiLang } = env);
});

after(() => env?.close());

const PICKER = 'iframe[data-porte-voix="picker"]';
const X = REPLIES.find((c) => c.name.startsWith('X'));
const MASTODON = REPLIES.find((c) => c.name.startsWith('Mastodon'));

/** The menus as the background built them (after the pending refresh). */
const menus = () => browser.worker.evaluate(() => globalThis.porteVoixMenus());
/** The ids of the templates the "Insert a template" submenu lists, in order. */
const listed = async () =>
  (await menus()).filter((m) => String(m.id).startsWith('template-insert:')).map((m) => m.id.slice('template-insert:'.length));

/** The browser's tab of `page`, as `contextMenus.onClicked` gets it (no `tabs` permission: tab
 * URLs are hidden; the page just brought to the front is the active tab). */
async function tabOf(page) {
  await page.bringToFront();
  return browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]);
}

/** A click on menu entry `id` in the composer of `page` (top frame), as the browser reports it. */
async function click(page, id, extra = {}) {
  const tab = await tabOf(page);
  assert.ok(tab, 'the fixture’s tab');
  const info = { menuItemId: id, editable: true, frameId: 0, pageUrl: page.url(), ...extra };
  return browser.worker.evaluate(([i, tb]) => globalThis.porteVoixMenuClicked(i, tb), [info, tab]);
}

async function uses(id) {
  const page = await extensionPage(browser);
  try {
    return (await ask(page, { kind: 'store_get', collection: 'templates', id })).record?.body?.uses ?? 0;
  } finally {
    await page.close();
  }
}

async function eventually(what, check, ms = 5000) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    last = await check();
    if (last === true) return;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  assert.fail(`${what}: ${JSON.stringify(last)}`);
}

test('the menus: "Insert a template" in editable fields with the library’s templates, "Save the selection" on selections, titles from _locales', async () => {
  const all = await menus();
  const parent = all.find((m) => m.id === 'template-insert');
  assert.deepEqual(parent, { id: 'template-insert', title: t('menu_template_insert', [], uiLang), contexts: ['editable'] });
  const save = all.find((m) => m.id === 'template-save-selection');
  assert.deepEqual(save.contexts, ['selection']);
  assert.equal(save.title, t('menu_template_save_selection', [], uiLang));
  const more = all.find((m) => m.id === 'template-more');
  assert.equal(more.title, t('menu_template_more', [], uiLang));
  assert.equal(more.parentId, 'template-insert');
  const children = all.filter((m) => String(m.id).startsWith('template-insert:'));
  assert.equal(children.length, 8, 'the eight most used (the library has more)');
  const titles = new Map([...STARTER].map((tpl) => [tpl.id, tpl.title]));
  for (const m of children) {
    assert.equal(m.parentId, 'template-insert');
    assert.deepEqual(m.contexts, ['editable']);
    const id = m.id.slice('template-insert:'.length);
    if (titles.has(id)) assert.equal(m.title, titles.get(id).replaceAll('&', '&&'));
  }
  // the capture entries are still there beside them
  assert.ok(all.some((m) => m.id === 'capture-selection'));
});

for (const c of [X, MASTODON]) {
  test(`${c.name}: a template from the menu is in the editor's model, rendered for the commenter; its use counted`, async () => {
    const { page, errors } = await openReply(browser, c);
    try {
      const before = await uses('starter.merci');
      const want = await rendered(browser, {
        id: 'starter.merci',
        platform: c.platform,
        context: { author: c.author, handle: c.handle, comment_lang: c.lang, lang: uiLang },
      });
      if (c.firstName) assert.ok(want.text.includes(c.firstName), `${want.text} names ${c.firstName}`);
      else assert.ok(!want.text.includes('<img'), want.text);
      const answer = await click(page, 'template-insert:starter.merci');
      assert.deepEqual(answer, { ok: true });
      await expectModel(page, c, want.text, 'the rendered template in the model');
      // the focus is in the composer, the caret after the text: typing goes on there
      await page.waitForTimeout(400);
      await page.keyboard.type(' 👍');
      await expectModel(page, c, `${want.text} 👍`, 'typed after it');
      assert.equal(await send(page, c), `${want.text} 👍`, 'what the send button posts');
      await eventually('the use counted', async () => {
        const n = await uses('starter.merci');
        return n === before + 1 ? true : n;
      });
      assert.deepEqual(errors, []);
      assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0, 'no element made from the name');
    } finally {
      await page.close();
    }
  });
}

test('the submenu follows the use counts: the most used first, in order', async () => {
  // starter.merci was inserted twice above: first, every other template unused
  await eventually('starter.merci first', async () => ((await listed())[0] === 'starter.merci' ? true : await listed()));
  const page = await extensionPage(browser);
  try {
    for (const [id, n] of [['test.nom', 4], ['test.multi', 3]]) {
      for (let i = 0; i < n; i++) {
        const r = await ask(page, { kind: 'template_used', id });
        assert.equal(r.kind, 'ack', JSON.stringify(r));
      }
    }
  } finally {
    await page.close();
  }
  await eventually('in use order', async () => {
    const ids = await listed();
    return JSON.stringify(ids.slice(0, 3)) === JSON.stringify(['test.nom', 'test.multi', 'starter.merci']) ? true : ids;
  });
  // a template deleted from the library leaves the menu
  const ext = await extensionPage(browser);
  try {
    const got = await ask(ext, { kind: 'store_get', collection: 'templates', id: 'test.multi' });
    const r = await ask(ext, { kind: 'store_delete', collection: 'templates', id: 'test.multi', expected_revision: got.record.revision });
    assert.equal(r.kind, 'store_saved', JSON.stringify(r));
  } finally {
    await ext.close();
  }
  await eventually('deleted', async () => {
    const ids = await listed();
    return !ids.includes('test.multi') && ids[0] === 'test.nom' && ids[1] === 'starter.merci' ? true : ids;
  });
});

test('a template with a fill-in field opens the picker on it, nothing inserted blind; "Other templates…" opens the picker', async () => {
  const withField = STARTER.find((tpl) => tpl.body.includes('{{champ:'));
  assert.ok(withField, 'the starter library has a template with a fill-in field');
  const c = X;
  const { page, errors } = await openReply(browser, c);
  try {
    const answer = await click(page, `template-insert:${withField.id}`);
    assert.deepEqual(answer, { ok: true, picker: true });
    const handle = await page.waitForSelector(PICKER, { state: 'visible' });
    let frame = await handle.contentFrame();
    for (let i = 0; i < 100 && !frame; i++) {
      await page.waitForTimeout(50);
      frame = await handle.contentFrame();
    }
    await frame.waitForSelector('body[data-ready="true"][data-shown="true"]');
    await frame.waitForFunction(
      (id) => document.querySelector('#pk-list li[aria-selected="true"]')?.dataset.id === id,
      withField.id,
    );
    // its field is asked in the panel
    await frame.waitForSelector('.pk-fields input');
    assert.equal(await page.evaluate((sel) => window.__fixture.modelText(sel), c.composer), '', 'nothing inserted');
    await page.keyboard.press('Escape');
    await page.waitForSelector(PICKER, { state: 'hidden' });

    await clear(page, c);
    assert.deepEqual(await click(page, 'template-more'), { ok: true, picker: true });
    await page.waitForSelector(PICKER, { state: 'visible' });
    await frame.waitForFunction(() => document.activeElement?.id === 'pk-q' && document.querySelector('#pk-q').value === '');
    await page.keyboard.press('Escape');
    await page.waitForSelector(PICKER, { state: 'hidden' });
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('"Save the selection as a template": the template is made of the selection and opened in the library for editing', async () => {
  const page = await browser.context.newPage();
  await page.goto(X.url, { waitUntil: 'load' });
  try {
    const selection = 'Merci beaucoup pour votre patience, {{prenom}} reste écrit tel quel 🎉\nÀ bientôt !';
    const opened = browser.context.waitForEvent('page');
    const answer = await click(page, 'template-save-selection', { editable: false, selectionText: selection });
    assert.equal(answer.kind, 'template_saved', JSON.stringify(answer));
    const library = await opened;
    try {
      assert.equal(new URL(library.url()).hash, `#edit=${encodeURIComponent(answer.id)}`);
      const ext = await extensionPage(browser);
      const got = await ask(ext, { kind: 'store_get', collection: 'templates', id: answer.id });
      await ext.close();
      const saved = got.record.body;
      // the title: its first words, cut between words
      assert.equal(saved.title, 'Merci beaucoup pour votre patience, {{prenom}}…');
      assert.equal(saved.uses, 0);
      // the body renders back to the selection as written (braces included)
      const back = await rendered(browser, { id: answer.id, context: { author: X.author, lang: uiLang } });
      assert.equal(back.text, selection);
      assert.deepEqual(back.errors, []);
      // the library opens it, the title field focused to be read again
      await library.waitForFunction((title) => document.activeElement?.value === title, saved.title);
    } finally {
      await library.close();
    }
    // an empty selection makes nothing
    const empty = await click(page, 'template-save-selection', { editable: false, selectionText: '  \n ' });
    assert.equal(empty.code, 'reply.empty_selection');
    // and the toolbar badge says it was not saved
    const tab = await tabOf(page);
    assert.equal(await browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tab.id), '!');
  } finally {
    await page.close();
  }
});

test('a template title with "%s" is shown as written (the browsers put the selection in place of %s)', async () => {
  const title = 'Rabais de 15 %sur tout & %s en prime 🎉';
  const ext = await extensionPage(browser);
  try {
    const put = await ask(ext, {
      kind: 'store_put', collection: 'templates', id: 'test.pct',
      body: { id: 'test.pct', title, lang: 'fr-CA', body: 'Rabais de 15 % sur tout !', trigger: null, tags: [], networks: [], variants: [], created: 0, updated: 0, revision: 1, uses: 0 },
    });
    assert.equal(put.kind, 'store_saved', JSON.stringify(put));
    // used enough to be listed among the most used
    for (let i = 0; i < 20; i++) assert.equal((await ask(ext, { kind: 'template_used', id: 'test.pct' })).kind, 'ack');
    await eventually('listed', async () => ((await listed()).includes('test.pct') ? true : await listed()));
    const shown = (await menus()).find((m) => m.id === 'template-insert:test.pct').title;
    // Chrome replaces every %s of a title with the selection (no escape, %%s included):
    // none is left, and with the invisible word joiner out the title reads as written
    assert.ok(!shown.includes('%s'), JSON.stringify(shown));
    for (const selection of ['', 'Chloé']) {
      assert.equal(shown.replaceAll('%s', selection).replaceAll('\u2060', ''), title.replaceAll('&', '&&'));
    }
    const got = await ask(ext, { kind: 'store_get', collection: 'templates', id: 'test.pct' });
    assert.equal((await ask(ext, { kind: 'store_delete', collection: 'templates', id: 'test.pct', expected_revision: got.record.revision })).kind, 'store_saved');
  } finally {
    await ext.close();
  }
});

test('a template chosen in a frame where our content script does not run (a sub-frame): nothing goes into another frame’s composer, the toolbar badge says so', async () => {
  const c = X;
  // the top frame's composer focused, with text: it must not receive a template chosen elsewhere
  const { page, errors } = await openReply(browser, c);
  try {
    await page.keyboard.type('Bonjour ');
    const tab = await tabOf(page);
    // the loader runs in top frames only: a click in a sub-frame's composer comes with that
    // frame's id, where no content script answers (the test cannot read a sub-frame's id without
    // access to the site: an id no frame of the tab has takes the same path)
    const answer = await click(page, 'template-insert:starter.merci', { frameId: 987654 });
    assert.deepEqual(answer, { ok: false, code: 'insert.no_composer' });
    assert.equal(await browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tab.id), '!');
    await page.waitForTimeout(600);
    assert.equal(await model(page, c), 'Bonjour ', 'nothing in the top frame’s composer');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});
