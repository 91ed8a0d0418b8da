// How the content script loads the in-page engine: only when a composer gets the focus, as wasm
// or as wasm2js depending on the page's CSP, and the wasm2js engine's memory growth. A host whose
// CSP refused wasm once is not probed again in the browser session (each probe is a violation
// the page sees and may report to its site).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readBadge, readFieldMark, waitForBadge, backgroundState, forgetWasmRefusals } from './lib/chromium.mjs';
import { chromiumSuite, openPage, typeInto, tabInfo, graphemes, grouped } from './lib/suite.mjs';

const suite = chromiumSuite();

test('wasm2js engine keeps a 1,000,000-character text intact across memory growth', async () => {
  const { page } = await openPage(suite.browser, 'https://mastodon.social/plain.html?csp=strict');
  try {
    await typeInto(page, 'textarea', 'x');
    await waitForBadge(page, (x) => x.text === '1 / 500' && x.engine === 'wasm2js');
    const n = await page.locator('textarea').evaluate((ta) => {
      ta.value = 'éa👋'.repeat(333_334);
      ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
      return ta.value.length;
    });
    assert.ok(n >= 1_000_000);
    const expected = graphemes('éa👋') * 333_334;
    const b = await waitForBadge(page, (x) => x.text === `${grouped(expected)} / 500`, { timeout: 60000 });
    assert.equal(b.state, 'over');
    // no mirror for a text that long: laying out a copy would cost seconds per keystroke
    assert.ok(!(await readFieldMark(page))?.visible);
    // strings still cross the boundary intact after the growth
    await page.locator('textarea').evaluate((ta) => {
      ta.value = 'Fini ✅';
      ta.dispatchEvent(new InputEvent('input', { bubbles: true }));
    });
    await waitForBadge(page, (x) => x.text === `${graphemes('Fini ✅')} / 500`);
  } finally {
    await page.close();
  }
});

test('lazy: on a network page nobody types in, the engine is never loaded', async () => {
  const { browser } = suite;
  const page = await browser.context.newPage();
  const loads = [];
  page.on('request', (r) => loads.push(r.url()));
  try {
    await page.goto('https://x.com/explore', { waitUntil: 'load' });
    await page.evaluate(() => document.activeElement?.blur());
    await page.waitForTimeout(1500);
    const tab = await tabInfo(browser, page);
    assert.deepEqual([tab?.site, tab?.engine], ['x', null], 'hello sent, engine not loaded');
    assert.equal(await readBadge(page), null);
    assert.deepEqual(loads.filter((u) => u.includes('/pkg/')), []);
  } finally {
    await page.close();
  }
});

test('a page that allows wasm gets the engine compiled once loaded (the module alone), started only at the focus (its glue then)', async () => {
  const { browser } = suite;
  // (x.com may have been served strict by another test of this browser)
  await forgetWasmRefusals(browser.worker);
  const page = await browser.context.newPage();
  const loads = [];
  page.on('request', (r) => loads.push(r.url()));
  try {
    await page.goto('https://x.com/compose/post?csp=none', { waitUntil: 'load' });
    await page.evaluate(() => document.activeElement?.blur());
    // prepared once the background has answered the content script's hello
    await page.waitForTimeout(1500);
    const tab = await tabInfo(browser, page);
    assert.deepEqual([tab?.site, tab?.engine], ['x', null], 'engine prepared, not started');
    assert.equal(await readBadge(page), null);
    const pkg = () => [...new Set(loads.filter((u) => u.includes('/pkg/')).map((u) => u.split('/').pop()))].sort();
    // the module is compiled while the page is idle; its glue is read only at the first focus
    assert.deepEqual(pkg(), ['inpage_bg.wasm'], 'the wasm engine alone, before any focus');
    await page.locator('[data-testid="tweetTextarea_0"]').first().click();
    await page.keyboard.type('Déjà prêt 🙂');
    await waitForBadge(page, (x) => x.text === '12 / 280' && x.engine === 'wasm');
    assert.deepEqual(pkg(), ['inpage.js', 'inpage_bg.wasm'], 'its glue at the focus');
  } finally {
    await page.close();
  }
});

test('a host whose CSP refused wasm is not probed again: the next page starts on wasm2js with no violation', async () => {
  const { browser } = suite;
  // (twitter.com: a host no other test of this file opens, so its first page here is its first)
  const record = () => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`), true);
  };
  const first = await browser.context.newPage();
  const second = await browser.context.newPage();
  try {
    await first.addInitScript(record);
    await first.goto('https://twitter.com/compose/post?csp=strict', { waitUntil: 'load' });
    // the loader's probe, after the background's answer to the hello: refused, and seen by the page
    await first.waitForFunction(() => window.__violations.length > 0);
    assert.deepEqual(await first.evaluate(() => window.__violations), ['script-src wasm-eval']);
    const deadline = Date.now() + 5000;
    let remembered = [];
    while (Date.now() < deadline && !remembered.includes('twitter.com')) {
      remembered = (await backgroundState(browser.worker))?.wasm_refused ?? [];
      if (!remembered.includes('twitter.com')) await first.waitForTimeout(50);
    }
    assert.ok(remembered.includes('twitter.com'), JSON.stringify(remembered));

    await second.addInitScript(record);
    await second.goto('https://twitter.com/compose/post?csp=strict', { waitUntil: 'load' });
    await second.locator('[data-testid="tweetTextarea_0"]').first().click();
    await second.keyboard.type('Salut 👋');
    await waitForBadge(second, (x) => x.text === '8 / 280' && x.engine === 'wasm2js');
    // a violation is dispatched as a task after the attempt: give it one before looking
    await second.waitForTimeout(200);
    assert.deepEqual(await second.evaluate(() => window.__violations), [], 'no probe on the second page');
  } finally {
    await first.close();
    await second.close();
  }
});
