// The reply fixtures (tests/fixtures/sites/<net>/reply.html, and instagram/dm.html) the trigger
// and picker tests share: who the commenter is on each page (as written there), how to open a page
// with the composer focused (clicking first what opens it, checking that it was not there before),
// read the editor's MODEL text, click the fixture's send button, and what the background renders
// for that commenter.
import assert from 'node:assert/strict';
import { launch, waitForBadge } from './chromium.mjs';
import { rendered, seed, extensionPage } from './library.mjs';
import { startServer } from './server.mjs';
import { buildFixtures } from '../build-fixtures.mjs';

export const REPLIES = [
  {
    name: 'X (Draft.js)',
    url: 'https://x.com/reply.html?csp=frames',
    composer: '[data-testid="tweetTextarea_0"]',
    platform: 'x',
    author: 'Chloé Bérubé 🇨🇦',
    handle: '@chloe_berube',
    lang: 'fr',
    firstName: 'Chloé',
  },
  {
    name: 'Facebook (Lexical)',
    url: 'https://www.facebook.com/reply.html?csp=frames',
    composer: '[data-lexical-editor]',
    platform: 'facebook-comment',
    author: 'JEAN-FRANÇOIS ROY',
    handle: null,
    lang: null,
    firstName: 'Jean-François',
  },
  {
    name: 'LinkedIn (Quill)',
    url: 'https://www.linkedin.com/reply.html?csp=frames',
    composer: '.ql-editor',
    platform: 'linkedin-comment',
    author: 'Dr Marie-Ève Tremblay, PhD',
    handle: null,
    lang: 'fr',
    firstName: 'Marie-Ève',
  },
  {
    name: 'Bluesky (TipTap)',
    url: 'https://bsky.app/reply.html?csp=frames',
    composer: '.ProseMirror',
    platform: 'bluesky',
    author: 'Sam O’Brien',
    handle: '@sam.obrien.example',
    lang: 'en',
    firstName: 'Sam',
  },
  {
    name: 'Mastodon (textarea), commenter named like markup',
    url: 'https://mastodon.social/reply.html?csp=frames',
    composer: 'textarea.autosuggest-textarea__textarea',
    platform: 'mastodon',
    author: '<img src=x onerror=alert(1)>',
    handle: '@xss@mastodon.social',
    lang: 'fr',
    firstName: null,
  },
  // the surfaces below start hidden, late or elsewhere: `open` lists what the user clicks first
  // (a "Reply" button, a conversation: single-page navigation), `late` says the composer mounts
  // after the page's load. Threads, Instagram comments, Reddit and YouTube show user names only:
  // no first name can be told, the template's fallback applies and the handle is not taken as one.
  {
    name: 'Threads (Lexical), reply in a modal dialog',
    url: 'https://www.threads.com/reply.html?csp=frames',
    open: ['[data-fixture-open="#reply-dialog"]'],
    composer: '#reply-dialog [data-lexical-editor]',
    platform: 'threads',
    author: 'marieeve.tremblay',
    handle: 'marieeve.tremblay',
    lang: 'fr',
    firstName: null,
  },
  {
    name: 'Instagram comment (React textarea), mounted late',
    url: 'https://www.instagram.com/reply.html?csp=frames',
    late: true,
    composer: 'textarea[aria-label]',
    platform: 'instagram',
    author: 'lea.bouchard_',
    handle: 'lea.bouchard_',
    lang: 'fr',
    firstName: null,
  },
  {
    name: 'Instagram DM (Lexical), after single-page navigation',
    url: 'https://www.instagram.com/dm.html?csp=frames',
    open: ['a[data-fixture-nav]'],
    composer: '[aria-label="Message"][data-lexical-editor]',
    platform: 'instagram',
    author: 'Me Louis-Philippe D’Amours 🎄',
    handle: 'lp.damours',
    lang: 'fr',
    firstName: 'Louis-Philippe',
  },
  {
    name: 'Reddit comment reply (Lexical in shreddit-composer)',
    url: 'https://www.reddit.com/reply.html?csp=frames',
    open: ['[data-fixture-open="#reply-box"]'],
    composer: '#reply-box [data-lexical-editor]',
    platform: 'reddit-comment',
    author: 'JF_Gagnon_514',
    handle: 'JF_Gagnon_514',
    lang: 'fr',
    firstName: null,
  },
  {
    name: 'YouTube comment reply (bare contenteditable)',
    url: 'https://www.youtube.com/reply.html?csp=frames',
    open: ['#reply-button-end'],
    composer: '#reply-dialog #contenteditable-root',
    platform: 'youtube-comment',
    author: '@marie-eve.tremblay',
    handle: '@marie-eve.tremblay',
    lang: 'fr',
    firstName: null,
  },
  {
    name: 'TikTok comment reply (Draft.js)',
    url: 'https://www.tiktok.com/reply.html?csp=frames',
    composer: '[data-e2e="comment-input"] .public-DraftEditor-content',
    platform: 'tiktok-comment',
    author: '✨ Dre Anne-Sophie Côté-Lévesque ✨',
    // shown nowhere as text: read from the address of the link around the nickname
    handle: '@annesophie.cote',
    lang: 'fr',
    firstName: 'Anne-Sophie',
  },
];

/**
 * The fixture in a new page, its composer focused and the badge shown. `beforeLoad(page)`, when
 * given, runs before the page is loaded (to listen to its responses, add an init script…).
 */
/** The same fixture served with its network's own CSP (`?csp=site`, lib/site-csp.mjs). */
export const underSiteCsp = (c) => {
  const url = new URL(c.url);
  url.searchParams.set('csp', 'site');
  return { ...c, url: url.href };
};

/**
 * Every network surface's fixture under its network's own CSP: the reply fixtures above, and
 * YouTube Studio's description (a surface with no reply context: nobody is answered there).
 */
export const SITE_CSP_SURFACES = [
  ...REPLIES.map(underSiteCsp),
  {
    name: 'YouTube Studio description (bare contenteditable)',
    url: 'https://studio.youtube.com/studio.html?csp=site',
    composer: '#description-box',
    platform: 'youtube-description',
    author: null,
    handle: null,
    lang: null,
    firstName: null,
  },
];

export async function openReply(b, c, { beforeLoad } = {}) {
  const page = await b.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  await beforeLoad?.(page);
  if (c.late) {
    // counted by the page itself at its load event (a busy machine may let the composer mount
    // before the test gets to look)
    await page.addInitScript((sel) => {
      window.addEventListener('load', () => { window.__composersAtLoad = document.querySelectorAll(sel).length; });
    }, c.composer);
  }
  await page.goto(c.url, { waitUntil: 'load' });
  if (c.late) {
    // the composer is not there yet when the page has loaded
    assert.equal(await page.evaluate(() => window.__composersAtLoad), 0, 'the composer mounts late');
  }
  for (const sel of c.open ?? []) {
    assert.equal(await page.locator(c.composer).filter({ visible: true }).count(), 0, `no composer before ${sel}`);
    await page.locator(sel).first().click();
  }
  await page.waitForFunction(() => window.__fixture?.ready);
  await page.locator(c.composer).first().focus();
  await waitForBadge(page, (x) => x.visible, { what: 'the badge' });
  return { page, errors };
}

export const model = (page, c) => page.evaluate((sel) => window.__fixture.modelText(sel), c.composer);

export async function expectModel(page, c, want, what, ms = 4000) {
  const end = Date.now() + ms;
  let got;
  while (Date.now() < end) {
    got = await model(page, c);
    if (got === want) return;
    await new Promise((ok) => setTimeout(ok, 25));
  }
  assert.equal(got, want, what);
}

/**
 * Resolves as soon as the model holds `want`, checked on every frame in the page: the next key
 * pressed lands within the insertion's first read-back (two frames + 30 ms after it).
 */
export async function inserted(page, c, want, what) {
  try {
    await page.waitForFunction(([sel, w]) => window.__fixture.modelText(sel) === w, [c.composer, want], { polling: 'raf', timeout: 4000 });
  } catch {
    assert.equal(await model(page, c), want, what);
  }
}

/** The insertion notice (clipboard, send button, lost text) is shown next to the composer. */
export const noticeShown = (page) => page.evaluate(() => document.querySelector('porte-voix-insert-notice[data-visible]') !== null);

/**
 * The model holds `want` now and still 400 ms later (every read-back and the verification
 * over), and no insertion notice is shown: what the user did right after an insertion stands.
 */
export async function stays(page, c, want, what) {
  await expectModel(page, c, want, what, 1000);
  await page.waitForTimeout(400);
  assert.equal(await model(page, c), want, `${what}, 400 ms later`);
  assert.equal(await noticeShown(page), false, `${what}: no notice`);
}

/** Clicks the send button next to the composer; resolves to what it posted (the model). */
export async function send(page, c) {
  await page.waitForFunction((sel) => {
    const b = document.querySelector(sel).closest('.composer-box, .card, form')?.querySelector('[data-fixture-send]')
      ?? document.querySelector('[data-fixture-send]');
    return b && !b.disabled;
  }, c.composer);
  return page.evaluate((sel) => {
    window.__sent = undefined;
    const b = document.querySelector(sel).closest('.composer-box, .card, form')?.querySelector('[data-fixture-send]')
      ?? document.querySelector('[data-fixture-send]');
    b.click();
    return window.__sent;
  }, c.composer);
}

export async function clear(page, c) {
  await page.locator(c.composer).first().focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.waitForFunction((sel) => window.__fixture.modelText(sel).trim() === '', c.composer);
}

/** What the background renders for this fixture's commenter (the context written here, not read). */
export const expected = (b, c, trigger, lang) =>
  rendered(b, {
    trigger,
    platform: c.platform,
    context: { author: c.author, handle: c.handle, comment_lang: c.lang, lang },
  });

/**
 * What every reply test starts from: the fixtures built and served, Chromium with the built
 * extension, the library seeded, and the UI's language (`ext_locale`). `close()` ends both.
 */
export async function startReplyBrowser() {
  await buildFixtures();
  const server = await startServer();
  const browser = await launch({ port: server.port });
  await seed(browser);
  const page = await extensionPage(browser);
  const uiLang = await page.evaluate(() => chrome.i18n.getMessage('ext_locale'));
  await page.close();
  return {
    browser,
    uiLang,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
