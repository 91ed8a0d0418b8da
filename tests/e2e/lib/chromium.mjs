// Launches Debian's Chromium with the built extension loaded, every fixture host mapped to the
// local server, and a fresh profile. Also reads the badge, which lives in a CLOSED shadow root:
// pages cannot see it, so the tests read it through the DevTools protocol (which pierces closed
// roots) instead of opening it in a test build.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hostResolverRules } from './server.mjs';

export const ROOT = resolve(new URL('../../..', import.meta.url).pathname);
export const EXT_DIR = join(ROOT, 'dist/chrome');

/** The browser's UI language ('fr' or 'en'): it decides which _locales Chrome picks. */
const UI = {
  fr: { locale: 'fr-FR', env: { LANGUAGE: 'fr', LANG: 'fr_FR.UTF-8' } },
  en: { locale: 'en-US', env: { LANGUAGE: 'en', LANG: 'en_US.UTF-8' } },
};

/**
 * Chromium with the extension; French unless `lang` says otherwise (UI strings, `_locales`).
 * `toolbar`: the DevTools protocol may click the extension's toolbar button
 * (`clickToolbarButton`), which needs Chromium's --enable-unsafe-extension-debugging (and the
 * pipe Playwright talks over).
 */
export async function launch({ port, extDir = EXT_DIR, colorScheme = 'light', headless = true, lang = 'fr', toolbar = false } = {}) {
  const ui = UI[lang];
  if (!ui) throw new Error(`no UI language ${lang}`);
  const profile = mkdtempSync(join(tmpdir(), 'pv-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless,
    colorScheme,
    locale: ui.locale,
    env: { ...process.env, ...ui.env },
    viewport: { width: 1100, height: 760 },
    ignoreHTTPSErrors: true,
    args: [
      `--disable-extensions-except=${extDir}`,
      `--load-extension=${extDir}`,
      hostResolverRules(port),
      `--lang=${ui.locale}`,
      '--ignore-certificate-errors',
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ...(toolbar ? ['--enable-unsafe-extension-debugging'] : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20000 }));
  const extensionId = new URL(worker.url()).host;
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, worker, extensionId, close };
}

/**
 * Clicks the extension's toolbar button on `page`'s tab, as the user does: the browser grants the
 * extension activeTab on that tab (as a click on one of its context menu entries or its keyboard
 * command does) and opens the popup, which is closed again (Playwright does not drive it; the
 * tests open popup.html in a tab). Through the DevTools protocol's `Extensions.triggerAction` on
 * the page's tab target (a browser launched with `toolbar`). Returns the tab as the browser
 * hands it to the extension's listeners (`tabs.Tab`: its address and title only once granted).
 */
export async function clickToolbarButton(browser, page) {
  const cdp = await browser.context.browser().newBrowserCDPSession();
  const popupUrl = `chrome-extension://${browser.extensionId}/popup.html`;
  const popups = async () =>
    (await cdp.send('Target.getTargets', { filter: [{ type: 'page' }] })).targetInfos.filter((x) => x.url === popupUrl).map((x) => x.targetId);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tabs = targetInfos.filter((x) => x.url === page.url());
    if (tabs.length !== 1) throw new Error(`${tabs.length} tabs at ${page.url()}: the test must open it once`);
    const before = new Set(await popups());
    await cdp.send('Extensions.triggerAction', { id: browser.extensionId, targetId: tabs[0].targetId });
    // the popup opens a moment later (none on a page the button is disabled on)
    for (let n = 0; n < 40; n++) {
      const opened = (await popups()).filter((id) => !before.has(id));
      if (opened.length > 0) {
        for (const id of opened) await cdp.send('Target.closeTarget', { targetId: id });
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    await cdp.detach().catch(() => {});
  }
  await page.bringToFront();
  return browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]);
}

function findNode(node, name) {
  if (node.nodeName === name) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findNode(child, name);
    if (found) return found;
  }
  return null;
}
const findBadge = (node) => findNode(node, 'PORTE-VOIX-BADGE');

/** The overflow mark drawn over a text field (closed shadow root): the marked text and boxes. */
export async function readFieldMark(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const mark = findNode(root, 'PORTE-VOIX-MARK');
    const shadow = mark?.shadowRoots?.[0];
    const markEl = shadow && findNode(shadow, 'MARK');
    if (!markEl) return null;
    const { object } = await cdp.send('DOM.resolveNode', { nodeId: markEl.nodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      returnByValue: true,
      functionDeclaration: `function () {
        const host = this.getRootNode().host;
        const r = this.getClientRects()[0] ?? this.getBoundingClientRect();
        return { visible: host.hasAttribute('data-visible'), text: this.textContent,
          background: getComputedStyle(this).backgroundColor, rect: { x: r.x, y: r.y, width: r.width, height: r.height } };
      }`,
    });
    return { ...result.value, shadowRootType: shadow.shadowRootType };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** The badge's state, or null when there is none: text, data-state, colours, root mode, position. */
export async function readBadge(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const host = findBadge(root);
    if (!host) return null;
    const shadow = host.shadowRoots?.[0];
    const pill = shadow?.children?.find((c) => (c.attributes ?? []).includes('badge'));
    if (!pill) return null;
    const { object } = await cdp.send('DOM.resolveNode', { nodeId: pill.nodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      returnByValue: true,
      functionDeclaration: `function () {
        const host = this.getRootNode().host;
        const cs = getComputedStyle(this);
        const r = this.getBoundingClientRect();
        return {
          text: this.firstChild ? this.firstChild.data : '',
          unit: this.querySelector('.unit')?.textContent ?? '',
          title: this.getAttribute('title'),
          state: this.dataset.state ?? null,
          platform: this.dataset.platform ?? null,
          background: cs.backgroundColor,
          color: cs.color,
          visible: host.hasAttribute('data-visible') && r.width > 0,
          engine: host.dataset.engine ?? null,
          live: this.getRootNode().querySelector('[aria-live]')?.textContent ?? null,
          rect: { x: r.x, y: r.y, width: r.width, height: r.height },
        };
      }`,
    });
    return { ...result.value, shadowRootType: shadow.shadowRootType };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Polls the badge until `predicate(badge)` holds; throws with the last badge seen. */
export async function waitForBadge(page, predicate, { timeout = 15000, what = 'badge' } = {}) {
  const end = Date.now() + timeout;
  let last = null;
  while (Date.now() < end) {
    last = await readBadge(page);
    if (last && predicate(last)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`timed out waiting for ${what}; last badge: ${JSON.stringify(last)}`);
}

/** The background's persisted state (tabs it knows, with their engine). */
export async function backgroundState(worker) {
  return worker.evaluate(async () => {
    const v = (await chrome.storage.session.get('background_state')).background_state;
    return v ? JSON.parse(v) : null;
  });
}

/**
 * Forgets the hosts whose CSP refused wasm in this browser session (the background skips the
 * probe on them). The fixture server serves one host under several CSPs (`?csp=`), which a
 * network does not: a test that wants the wasm engine on a host an earlier test served strict
 * calls this first.
 */
export async function forgetWasmRefusals(worker) {
  // in the background's queue: a message handled at the same time would otherwise write back
  // the state it read before (seen once: a host forgotten here was refused again)
  await worker.evaluate(() =>
    globalThis.porteVoixSerially(async () => {
      const v = (await chrome.storage.session.get('background_state')).background_state;
      if (!v) return;
      const state = JSON.parse(v);
      state.wasm_refused = [];
      await chrome.storage.session.set({ background_state: JSON.stringify(state) });
    }),
  );
}

/**
 * Grants or withdraws the extension's access to a site the way the user does it in Chrome's own
 * extension page (chrome://extensions → Details → Site access), which calls developerPrivate.
 * The permission prompt of `permissions.request` is browser UI a headless test cannot click;
 * once the site is granted, `permissions.request` resolves `true` without a prompt.
 */
export async function setSiteAccess(context, extensionId, pattern, granted) {
  const page = await context.newPage();
  try {
    await page.goto(`chrome://extensions/?id=${extensionId}`);
    await page.evaluate(
      ([id, p, on]) => (on ? chrome.developerPrivate.addHostPermission(id, p) : chrome.developerPrivate.removeHostPermission(id, p)),
      [extensionId, pattern, granted],
    );
  } finally {
    await page.close();
  }
}

/** Porte-voix's failure notices on the page (closed shadow roots): their text, role and button. */
export async function readNotices(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const found = [];
    const walk = (node) => {
      if (node.nodeName === 'PORTE-VOIX-NOTICE') found.push(node);
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
    };
    walk(root);
    const out = [];
    for (const host of found) {
      const shadow = host.shadowRoots?.[0];
      const box = shadow && findNode(shadow, 'DIV');
      if (!box) continue;
      const { object } = await cdp.send('DOM.resolveNode', { nodeId: box.nodeId });
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        returnByValue: true,
        functionDeclaration: `function () {
          return { role: this.getAttribute('role'), text: this.querySelector('span')?.textContent ?? '',
            button: this.querySelector('button')?.textContent ?? null };
        }`,
      });
      out.push({ ...result.value, shadowRootType: shadow.shadowRootType, nodeId: box.nodeId });
    }
    return out;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Clicks the close button of the first failure notice (inside its closed shadow root). */
export async function dismissNotice(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const host = findNode(root, 'PORTE-VOIX-NOTICE');
    const button = host && findNode(host.shadowRoots[0], 'BUTTON');
    const { object } = await cdp.send('DOM.resolveNode', { nodeId: button.nodeId });
    await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: 'function () { this.click(); }' });
  } finally {
    await cdp.detach().catch(() => {});
  }
}
