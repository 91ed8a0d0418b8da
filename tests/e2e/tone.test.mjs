// Tone in the page, in Chromium with the built extension: a hostile French reply (a Québec sacre,
// capitals, repeated punctuation) typed into X's Draft.js composer (strict CSP: wasm2js) and
// Mastodon's textarea (wasm) shows the tone pill, underlines exactly the words of the core's
// findings (the command line `porte-voix tone --jsonl` is the reference for the spans), lists the
// findings with their French messages from _locales; a check turned off disappears live; a polite
// reply shows positive signals; the details open from the keyboard; axe-clean, light and dark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { coreReport, findingMessages } from './lib/tone.mjs';
import { chromiumSuite, openPage, typeInto, setSettings, axe, X_DRAFT, MASTODON, SCREENSHOTS } from './lib/suite.mjs';

const suite = chromiumSuite();
const HOSTILE = 'Calvaire, c’est VRAIMENT pas notre faute tabarnak !!!';
const POLITE = 'Bonjour Julie, merci pour votre message. Nous sommes désolés pour ce retard : écrivez-nous en message privé.';

const wordsOf = (text, report) => report.findings.flatMap((f) => f.spans.map(([a, b]) => text.slice(a, b))).sort();

/** The pill and its details through the closed shadow root (CDP pierce). */
async function readTone(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const find = (n, name) => (n.nodeName === name ? n : [...(n.children ?? []), ...(n.shadowRoots ?? [])].map((c) => find(c, name)).find(Boolean));
    const host = find(root, 'PORTE-VOIX-TONE');
    const button = host && find(host.shadowRoots[0], 'BUTTON');
    if (!button) return null;
    const { object } = await cdp.send('DOM.resolveNode', { nodeId: button.nodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId, returnByValue: true,
      functionDeclaration: `function () {
        const root = this.getRootNode();
        const panel = root.querySelector('.panel');
        return { text: this.textContent, label: this.getAttribute('aria-label'), worst: this.dataset.worst,
          polarity: this.dataset.polarity, expanded: this.getAttribute('aria-expanded'),
          visible: root.host.hasAttribute('data-visible'), background: getComputedStyle(this).backgroundColor,
          color: getComputedStyle(this).color, panelColors: [getComputedStyle(panel).color, getComputedStyle(panel).backgroundColor],
          itemColors: [...root.querySelectorAll('li.finding span')].map((s) => getComputedStyle(s).color),
          open: !panel.hidden, items: [...root.querySelectorAll('li.finding')].map((li) => ({ code: li.dataset.code,
            message: li.querySelector('.message').textContent })) };
      }`,
    });
    const marks = find(root, 'PORTE-VOIX-TONE-MARKS');
    const texts = [];
    const walk = (n) => { if (n.nodeName === 'MARK') texts.push(n); (n.children ?? []).forEach(walk); (n.shadowRoots ?? []).forEach(walk); };
    if (marks) walk(marks);
    const mirror = [];
    for (const m of texts) {
      const { object: o } = await cdp.send('DOM.resolveNode', { nodeId: m.nodeId });
      const { result: r } = await cdp.send('Runtime.callFunctionOn', { objectId: o.objectId, returnByValue: true, functionDeclaration: 'function () { return this.textContent; }' });
      mirror.push(r.value);
    }
    return { ...result.value, mirror: mirror.sort() };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

async function waitForTone(page, predicate, what) {
  let last = null;
  for (const end = Date.now() + 15000; Date.now() < end; await page.waitForTimeout(100)) {
    // the marks are redrawn as the text changes: a node read a moment ago may be gone, read again
    last = await readTone(page).catch((e) => (/No node with given id/.test(e.message) ? null : Promise.reject(e)));
    if (last && predicate(last)) return last;
  }
  throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
}

const highlighted = (page) => page.evaluate(() => ['problem', 'warning', 'info', 'positive']
  .flatMap((k) => [...(CSS.highlights.get(`porte-voix-tone-${k}`) ?? [])].map((r) => r.toString())).sort());

/** WCAG contrast ratio of two computed `rgb(…)` colours. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map((x) => {
      const v = Number(x) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** axe cannot enter the closed shadow root: the pill's and the details' text contrast, measured. */
function assertReadable(tone) {
  const pairs = [['pill', tone.color, tone.background], ['details', ...tone.panelColors],
    ...tone.itemColors.map((c, i) => [`details item ${i}`, c, tone.panelColors[1]])];
  for (const [what, fg, bg] of pairs) assert.ok(contrast(fg, bg) >= 4.5, `${what}: ${fg} on ${bg} = ${contrast(fg, bg).toFixed(2)}`);
}

test('X Draft.js (wasm2js): hostile reply underlined word for word, details in French, a check off disappears live', async () => {
  const { browser } = suite;
  await setSettings(browser, null);
  const { page } = await openPage(browser, 'https://x.com/compose/post?csp=strict');
  try {
    await typeInto(page, X_DRAFT, HOSTILE);
    const report = coreReport(HOSTILE);
    const codes = report.findings.map((f) => f.code);
    assert.ok(codes.includes('tone.profanity') && codes.includes('tone.shouting'), JSON.stringify(report));
    const tone = await waitForTone(page, (x) => x.visible && x.polarity === 'negative', 'negative pill');
    assert.equal(tone.worst, report.findings.some((f) => f.severity === 'problem') ? 'problem' : 'warning');
    const words = await highlighted(page);
    assert.deepEqual(words, wordsOf(HOSTILE, report));
    assert.ok(words.includes('tabarnak') && words.includes('VRAIMENT'), words.join('|'));
    assert.equal(await page.evaluate(() => window.__fixture.modelText()), HOSTILE, 'the editor model is untouched');

    // the details, from the keyboard: Alt+Shift+T
    await page.keyboard.press('Alt+Shift+KeyT');
    const open = await waitForTone(page, (x) => x.open, 'details open');
    assert.equal(open.expanded, 'true');
    assert.deepEqual(open.items.map((i) => i.message), findingMessages(report));
    assert.deepEqual(await axe(page), []);
    assertReadable(open);
    await page.screenshot({ path: join(SCREENSHOTS, 'tone-x-light.png') });
    await page.keyboard.press('Escape');
    await waitForTone(page, (x) => !x.open, 'details closed');

    // shouting turned off in the options: its underline and its entry go, live
    await browser.worker.evaluate(async () => chrome.storage.local.set({ settings: { schema: 2, x_premium: false, mastodon_limit: null, mastodon_instances: [], tone_disabled: ['shouting'], tone_register: null } }));
    await waitForTone(page, (x) => !x.items.some((i) => i.code === 'tone.shouting'), 'no shouting');
    const after = await highlighted(page);
    assert.ok(!after.includes('VRAIMENT') && after.includes('tabarnak'), after.join('|'));
  } finally {
    await page.close();
    await setSettings(browser, null);
  }
});

test('Mastodon textarea (wasm): underlines in the mirror; a polite reply shows positive signals; dark scheme axe-clean', async () => {
  const { browser } = suite;
  await setSettings(browser, null);
  const { page } = await openPage(browser, 'https://mastodon.social/home');
  try {
    await typeInto(page, MASTODON, HOSTILE);
    const report = coreReport(HOSTILE);
    const tone = await waitForTone(page, (x) => x.visible && x.mirror.length > 0, 'mirror marks');
    assert.deepEqual(tone.mirror, wordsOf(HOSTILE, report));
    await page.locator(MASTODON).first().fill('');
    await typeInto(page, MASTODON, POLITE);
    const polite = coreReport(POLITE);
    const positive = await waitForTone(page, (x) => x.polarity === polite.polarity && x.items.some((i) => ['tone.thanks', 'tone.empathy', 'tone.next_step'].includes(i.code)), 'positive signals');
    assert.deepEqual(positive.items.map((i) => i.code), polite.findings.map((f) => f.code));
    assert.deepEqual(await axe(page), [], 'light scheme');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.keyboard.press('Alt+Shift+KeyT');
    const dark = await waitForTone(page, (x) => x.open, 'details open');
    assertReadable(dark);
    await page.screenshot({ path: join(SCREENSHOTS, 'tone-mastodon-dark.png') });
    const violations = await axe(page);
    const where = violations.length ? await page.evaluate(async () => (await globalThis.axe.run()).violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target} ${n.failureSummary}`))) : [];
    assert.deepEqual(violations, [], where.join('\n'));
  } finally {
    await page.close();
  }
});
