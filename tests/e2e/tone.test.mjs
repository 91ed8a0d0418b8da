// Tone in the page, in Chromium with the built extension: a hostile French reply (a Québec sacre,
// capitals, repeated punctuation) typed into X's Draft.js composer (strict CSP: wasm2js) and
// Mastodon's textarea (wasm) shows the tone indicator inside the length badge (one badge, in its
// closed shadow root; its accessible name from _locales), underlines exactly the words of the
// core's findings (the command line `porte-voix tone --jsonl` is the reference for the spans),
// lists the findings with their French messages from _locales; a check turned off in the options
// page disappears live; a polite reply shows positive signals; a bare reply to a complaint read
// from the page misses its courtesy (the comment answered comes from the site layer); the brand's
// register chosen in the options flags « tu »; the details open from the indicator by keyboard
// (the focus in them) and by mouse (the focus stays in the composer), Escape closes them and the
// focus is back in the composer, with the caret where it was even after a click inside them
// (typing goes on there, in the editor's model); axe-clean, light and dark. In a browser whose UI
// is English, an English reply gets the indicator's name and the details from _locales/en, each
// finding with the English words that caused it, and the details say they are in English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { t } from './lib/locales.mjs';
import { coreReport, findingMessages } from './lib/tone.mjs';
import { launch } from './lib/chromium.mjs';
import { chromiumSuite, openPage, typeInto, setSettings, storedSettings, axe, X_DRAFT, MASTODON, SCREENSHOTS } from './lib/suite.mjs';

const suite = chromiumSuite();
const HOSTILE = 'Calvaire, c’est VRAIMENT pas notre faute tabarnak !!!';
const POLITE = 'Bonjour Julie, merci pour votre message. Nous sommes désolés pour ce retard : écrivez-nous en message privé.';

const POSITIVE = ['tone.thanks', 'tone.empathy', 'tone.next_step'];
/** The indicator's accessible name for a core report: its polarity and its findings to fix. */
const labelOf = (report, lang = 'fr') => t('tone_pill_label', [t(`tone_polarity_${report.polarity}`, [], lang),
  String(report.findings.filter((f) => !POSITIVE.includes(f.code)).length)], lang);
/** The focus is in the page's element `selector`. */
const focusIn = (page, selector) => page.evaluate((sel) => document.querySelector(sel)?.contains(document.activeElement) ?? false, selector);
const wordsOf = (text, report) => report.findings.flatMap((f) => f.spans.map(([a, b]) => text.slice(a, b))).sort();
/** The runs of text underlined once each: the findings' spans, those that overlap merged. */
const underlinedOf = (text, report) => report.findings.flatMap((f) => f.spans).filter(([a, b]) => b > a)
  .sort(([a1, b1], [a2, b2]) => a1 - a2 || b2 - b1)
  .reduce((runs, [a, b]) => {
    const last = runs.at(-1);
    if (last && a < last[1]) last[1] = Math.max(last[1], b);
    else runs.push([a, b]);
    return runs;
  }, []).map(([a, b]) => text.slice(a, b)).sort();

/**
 * The tone indicator in the length badge and its details, through the badge's closed shadow
 * root (CDP pierce), with the underlines of text fields (the mirror's marks).
 */
async function readTone(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const find = (n, test) => (test(n) ? n : [...(n.children ?? []), ...(n.shadowRoots ?? [])].map((c) => find(c, test)).find(Boolean));
    const host = find(root, (n) => n.nodeName === 'PORTE-VOIX-BADGE');
    const button = host && find(host.shadowRoots[0], (n) => n.nodeName === 'BUTTON');
    if (!button) return null;
    const { object } = await cdp.send('DOM.resolveNode', { nodeId: button.nodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId, returnByValue: true,
      functionDeclaration: `function () {
        const root = this.getRootNode();
        const panel = root.querySelector('[role="region"]');
        const mark = this.querySelector('[aria-hidden="true"]');
        const box = (el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; };
        return { text: this.textContent, label: this.getAttribute('aria-label'), worst: this.dataset.worst,
          polarity: this.dataset.polarity, expanded: this.getAttribute('aria-expanded'),
          inBadge: this.parentElement === root.querySelector('[part="badge"]'),
          rect: box(this), badgeRect: box(this.parentElement), panelRect: box(panel),
          visible: root.host.hasAttribute('data-visible') && !this.hidden && this.getBoundingClientRect().width > 0,
          background: getComputedStyle(this).backgroundColor, color: getComputedStyle(this).color,
          markColors: [getComputedStyle(mark).color, getComputedStyle(mark).backgroundColor],
          panelColors: [getComputedStyle(panel).color, getComputedStyle(panel).backgroundColor],
          itemColors: [...root.querySelectorAll('li.finding span')].map((s) => getComputedStyle(s).color),
          itemRect: root.querySelector('li.finding') && box(root.querySelector('li.finding')),
          focusInDetails: root.activeElement === panel,
          title: this.title, heading: panel.querySelector('h2')?.textContent,
          lang: [this.closest('[lang]')?.lang, panel.closest('[lang]')?.lang],
          open: !panel.hidden, items: [...root.querySelectorAll('li.finding')].map((li) => ({ code: li.dataset.code,
            message: li.querySelector('.message').textContent, words: li.querySelector('.words')?.textContent ?? null,
            suggestion: li.querySelector('.suggestion')?.textContent ?? null })) };
      }`,
    });
    const marks = find(root, (n) => n.nodeName === 'PORTE-VOIX-TONE-MARKS');
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
  const pairs = [['indicator', tone.color, tone.background], ['indicator mark', ...tone.markColors], ['details', ...tone.panelColors],
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
    const tone = await waitForTone(page, (x) => x.visible && x.polarity === 'negative', 'negative indicator');
    assert.equal(tone.worst, report.findings.some((f) => f.severity === 'problem') ? 'problem' : 'warning');
    // one badge: the indicator is inside the length badge, whose root the page cannot open
    assert.ok(tone.inBadge, 'the tone indicator is in the length badge');
    assert.ok(tone.rect.x >= tone.badgeRect.x && tone.rect.x + tone.rect.width <= tone.badgeRect.x + tone.badgeRect.width + 0.5, JSON.stringify(tone));
    assert.equal(tone.label, labelOf(report));
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('porte-voix-badge')].map((h) => h.shadowRoot)), [null]);
    assert.equal(await page.evaluate(() => document.querySelector('porte-voix-tone') === null), true, 'no tone pill of its own');
    assert.ok(await focusIn(page, X_DRAFT), 'while typing, the focus stays in the composer');
    const words = await highlighted(page);
    assert.deepEqual(words, wordsOf(HOSTILE, report));
    assert.ok(words.includes('tabarnak') && words.includes('VRAIMENT'), words.join('|'));
    assert.equal(await page.evaluate(() => window.__fixture.modelText()), HOSTILE, 'the editor model is untouched');

    // the details, from the keyboard: Alt+Shift+T opens them with the focus in them, below the badge
    await page.keyboard.press('Alt+Shift+KeyT');
    const open = await waitForTone(page, (x) => x.open && x.focusInDetails, 'details open, the focus in them');
    assert.equal(open.expanded, 'true');
    assert.ok(open.panelRect.y >= open.badgeRect.y + open.badgeRect.height && open.panelRect.x >= 0, JSON.stringify(open));
    assert.deepEqual(open.items.map((i) => i.message), findingMessages(report));
    // the indicator and the details say which language they speak: the UI's, in a page in any
    assert.deepEqual(open.lang, ['fr', 'fr']);
    assert.deepEqual(await axe(page), []);
    assertReadable(open);
    await page.screenshot({ path: join(SCREENSHOTS, 'tone-x-light.png') });
    // Escape closes them, the focus is back in the composer where it was: typing goes on at the end
    await page.keyboard.press('Escape');
    await waitForTone(page, (x) => !x.open && x.expanded === 'false', 'details closed');
    assert.ok(await focusIn(page, X_DRAFT), 'Escape gives the focus back to the composer');
    await page.keyboard.type(' ok');
    await page.waitForFunction((want) => window.__fixture.modelText() === want, `${HOSTILE} ok`, { timeout: 5000 });

    // by mouse: a click on the indicator opens them and leaves the focus in the composer
    const shown = await readTone(page);
    await page.mouse.click(shown.rect.x + shown.rect.width / 2, shown.rect.y + shown.rect.height / 2);
    await waitForTone(page, (x) => x.open, 'details opened by a click');
    assert.ok(await focusIn(page, X_DRAFT), 'a click keeps the focus in the composer');
    await page.mouse.click(shown.rect.x + shown.rect.width / 2, shown.rect.y + shown.rect.height / 2);
    await waitForTone(page, (x) => !x.open, 'details closed by a second click');

    // a click inside the details takes the focus from the composer; Escape gives it back with the
    // caret where it was before they opened (here before « ok », not at the end nor the start),
    // whether they were opened by mouse or by keyboard
    let want = `${HOSTILE} ok`;
    for (const [how, open] of [
      ['mouse', () => page.mouse.click(shown.rect.x + shown.rect.width / 2, shown.rect.y + shown.rect.height / 2)],
      ['keyboard', () => page.keyboard.press('Alt+Shift+KeyT')],
    ]) {
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
      await open();
      const opened = await waitForTone(page, (x) => x.open && x.itemRect, `details opened by ${how}`);
      await page.mouse.click(opened.itemRect.x + opened.itemRect.width / 2, opened.itemRect.y + 4);
      await waitForTone(page, (x) => x.open && x.focusInDetails, `the focus in the details after a click in them (${how})`);
      await page.keyboard.press('Escape');
      await waitForTone(page, (x) => !x.open, `details closed (${how})`);
      assert.ok(await focusIn(page, X_DRAFT), `Escape gives the focus back to the composer (${how})`);
      await page.keyboard.type(` ${how}`);
      want = `${want.slice(0, -3)} ${how}${want.slice(-3)}`;
      await page.waitForFunction((w) => window.__fixture.modelText() === w, want, { timeout: 5000 })
        .catch(async () => assert.fail(`after Escape (${how}), typing lands where the caret was: ${JSON.stringify(await page.evaluate(() => window.__fixture.modelText()))}, want ${JSON.stringify(want)}`));
      assert.equal(await page.evaluate(() => document.querySelector('[data-testid="tweetTextarea_0"]').textContent), want, `the editor's DOM (${how})`);
      await page.keyboard.press('End');
    }

    // shouting turned off in the options page (its checkbox): its underline and its entry go, live
    const options = await browser.context.newPage();
    try {
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await options.waitForSelector('body[data-ready="true"]');
      const box = options.locator('input[name="tone_check"][value="shouting"]');
      assert.equal(await box.isChecked(), true, 'every check on by default');
      await box.uncheck();
      for (const end = Date.now() + 5000; Date.now() < end; await options.waitForTimeout(100)) {
        if ((await storedSettings(browser))?.tone_disabled?.includes('shouting')) break;
      }
      assert.deepEqual((await storedSettings(browser))?.tone_disabled, ['shouting']);
    } finally {
      await options.close();
    }
    await page.bringToFront();
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
    // the caret before the final full stop, then the details by keyboard
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Alt+Shift+KeyT');
    const dark = await waitForTone(page, (x) => x.open && x.focusInDetails, 'details open');
    assert.ok(dark.inBadge);
    assert.equal(dark.label, labelOf(polite));
    assertReadable(dark);
    await page.screenshot({ path: join(SCREENSHOTS, 'tone-mastodon-dark.png') });
    const violations = await axe(page);
    const where = violations.length ? await page.evaluate(async () => (await globalThis.axe.run()).violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target} ${n.failureSummary}`))) : [];
    assert.deepEqual(violations, [], where.join('\n'));
    // a click on a finding, then Escape: the textarea has the focus and its caret where it was
    await page.mouse.click(dark.itemRect.x + dark.itemRect.width / 2, dark.itemRect.y + 4);
    await page.keyboard.press('Escape');
    await waitForTone(page, (x) => !x.open, 'details closed');
    assert.ok(await focusIn(page, MASTODON), 'Escape gives the focus back to the textarea');
    await page.keyboard.type(' ok');
    assert.equal(await page.locator(MASTODON).first().inputValue(), `${POLITE.slice(0, -1)} ok.`);
  } finally {
    await page.close();
  }
});

test('X reply (Draft.js): a bare answer to a complaint read from the page lacks greeting, thanks and apology; the same answer to praise does not', async () => {
  const { browser } = suite;
  await setSettings(browser, null);
  const COMPLAINT = 'Trois semaines et toujours pas reçu ma commande, c’est inadmissible. Personne ne répond !';
  const BARE = 'La commande part demain.';
  for (const [comment, expectMissing] of [[COMPLAINT, true], [null, false]]) {
    const { page } = await openPage(browser, 'https://x.com/reply.html?csp=frames');
    try {
      // the fixture's post praises the service; the complaint replaces it before the composer is focused
      const answered = comment ?? await page.locator('[data-testid="tweetText"]').first().textContent();
      if (comment) await page.locator('[data-testid="tweetText"]').first().evaluate((el, text) => { el.textContent = text; }, comment);
      await typeInto(page, X_DRAFT, BARE);
      const report = coreReport(BARE, answered);
      const missing = report.findings.map((f) => f.code).filter((c) => c.startsWith('tone.missing_'));
      assert.equal(missing.length > 0, expectMissing, JSON.stringify(report));
      const tone = await waitForTone(page, (x) => x.visible && x.items.length === report.findings.length, `${report.findings.length} findings`);
      assert.deepEqual(tone.items.map((i) => i.code), report.findings.map((f) => f.code));
      if (expectMissing) {
        assert.ok(missing.includes('tone.missing_apology'), missing.join());
        assert.deepEqual(tone.items.filter((i) => i.code === 'tone.missing_apology').map((i) => i.message), [t('tone_missing_apology', [])]);
      }
    } finally {
      await page.close();
    }
  }
});

test('Mastodon textarea (wasm): the brand\'s register chosen in the options page (« vous ») flags a « tu » reply, live', async () => {
  const { browser } = suite;
  await setSettings(browser, null);
  const TU = 'Tu peux nous écrire en privé ?';
  const { page } = await openPage(browser, 'https://mastodon.social/home');
  const options = await browser.context.newPage();
  try {
    await typeInto(page, MASTODON, TU);
    const before = coreReport(TU);
    await waitForTone(page, (x) => x.visible && x.items.length === before.findings.length, 'no register set');
    assert.ok(!before.findings.some((f) => f.code === 'tone.register_mismatch'), JSON.stringify(before));

    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForSelector('body[data-ready="true"]');
    await options.locator('#tone-register').selectOption('vous');
    for (const end = Date.now() + 5000; Date.now() < end; await options.waitForTimeout(100)) {
      if ((await storedSettings(browser))?.tone_register === 'vous') break;
    }
    assert.equal((await storedSettings(browser))?.tone_register, 'vous');

    await page.bringToFront();
    const report = coreReport(TU, undefined, { register: 'vous' });
    const mismatch = report.findings.find((f) => f.code === 'tone.register_mismatch');
    assert.ok(mismatch, JSON.stringify(report));
    const tone = await waitForTone(page, (x) => x.items.some((i) => i.code === 'tone.register_mismatch'), 'register mismatch');
    assert.deepEqual(tone.items.map((i) => i.code), report.findings.map((f) => f.code));
    assert.equal(tone.items.find((i) => i.code === 'tone.register_mismatch').message, t('tone_register_mismatch', ['vous']));
    assert.ok(tone.mirror.includes('Tu'), tone.mirror.join('|'));
  } finally {
    await options.close();
    await page.close();
    await setSettings(browser, null);
  }
});

test('Mastodon textarea (wasm): the language chosen in the options page is the one every text is read in, live', async () => {
  const { browser } = suite;
  await setSettings(browser, null);
  // French, read as French: negative (« nul »); read as English: no negative word left
  const TEXT = 'Merci, mais franchement c’est VRAIMENT nul!!!';
  const french = coreReport(TEXT);
  const english = coreReport(TEXT, undefined, { lang: 'en' });
  assert.equal(french.lang, 'fr');
  assert.notDeepEqual(english.findings.map((f) => f.code), french.findings.map((f) => f.code), 'the language changes the findings');
  const { page } = await openPage(browser, 'https://mastodon.social/home');
  const options = await browser.context.newPage();
  try {
    await typeInto(page, MASTODON, TEXT);
    const codes = (r) => r.findings.map((f) => f.code);
    let tone = await waitForTone(page, (x) => x.visible && x.items.length === french.findings.length, 'read as French');
    assert.deepEqual(tone.items.map((i) => i.code), codes(french));
    assert.equal(tone.polarity, french.polarity);

    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForSelector('body[data-ready="true"]');
    assert.deepEqual(
      await options.locator('#tone-lang option').allTextContents(),
      [t('options_tone_lang_auto'), t('options_tone_lang_fr'), t('options_tone_lang_en')],
    );
    await options.locator('#tone-lang').selectOption('en');
    for (const end = Date.now() + 5000; Date.now() < end; await options.waitForTimeout(100)) {
      if ((await storedSettings(browser))?.tone_lang === 'en') break;
    }
    assert.equal((await storedSettings(browser))?.tone_lang, 'en');

    await page.bringToFront();
    tone = await waitForTone(page, (x) => x.polarity === english.polarity && x.items.length === english.findings.length, 'read as English');
    assert.deepEqual(tone.items.map((i) => i.code), codes(english));

    // back to "from the text": French again
    await options.bringToFront();
    await options.locator('#tone-lang').selectOption('');
    await page.bringToFront();
    tone = await waitForTone(page, (x) => x.polarity === french.polarity && x.items.length === french.findings.length, 'French again');
    assert.deepEqual(tone.items.map((i) => i.code), codes(french));
  } finally {
    await options.close();
    await page.close();
    await setSettings(browser, null);
  }
});

test('English UI, English reply (Mastodon, wasm): the indicator\'s name and the details from _locales/en, each finding with the English words that caused it', async () => {
  // a browser whose UI speaks English: Chrome picks _locales/en for the extension
  const english = await launch({ port: suite.server.port, lang: 'en' });
  try {
    assert.equal(await english.worker.evaluate(() => chrome.i18n.getMessage('ext_locale')), 'en', 'the extension speaks English');
    const ANGRY = 'This is RIDICULOUS, your support team is useless and you idiots never answer!!!';
    const report = coreReport(ANGRY);
    assert.equal(report.lang, 'en');
    const codes = report.findings.map((f) => f.code);
    assert.ok(['tone.shouting', 'tone.insult', 'tone.repeated_punctuation'].every((c) => codes.includes(c)), JSON.stringify(report));
    const { page, errors } = await openPage(english, 'https://mastodon.social/home');
    // the whole reply in one input (pasted): its tone is the same as typed, for fewer steps
    await page.locator(MASTODON).first().fill(ANGRY);
    const tone = await waitForTone(page, (x) => x.visible && x.items.length === report.findings.length && x.mirror.length > 0, 'the English findings');
    assert.equal(tone.polarity, report.polarity);
    assert.equal(tone.label, labelOf(report, 'en'));
    assert.equal(tone.title, t('tone_pill_shortcut', [], 'en'));
    // « useless » and « idiots » are in the insult's words too: one underline each
    assert.deepEqual(tone.mirror, underlinedOf(ANGRY, report));
    assert.ok(tone.mirror.includes('RIDICULOUS') && tone.mirror.includes('you idiots'), tone.mirror.join('|'));

    await page.keyboard.press('Alt+Shift+KeyT');
    const open = await waitForTone(page, (x) => x.open && x.focusInDetails, 'details open');
    assert.equal(open.heading, t('tone_details_title', [], 'en'));
    // English details in a French page (html lang="fr"): screen readers read them as English
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
    assert.deepEqual(open.lang, ['en', 'en']);
    assert.deepEqual(open.items.map((i) => i.code), codes);
    assert.deepEqual(open.items.map((i) => i.message), findingMessages(report, 'en'));
    // each finding lists the words that caused it, as typed
    assert.deepEqual(open.items.map((i) => i.words), report.findings.map((f) => f.spans.map(([a, b]) => ANGRY.slice(a, b)).join(' · ')));
    const item = (code) => open.items.find((i) => i.code === code);
    assert.equal(item('tone.shouting').words, 'RIDICULOUS');
    assert.match(item('tone.insult').words, /\bidiots\b/);
    assert.match(item('tone.insult').message, /idiots/);
    assert.equal(item('tone.insult').suggestion, t('tone_suggest_insult', [], 'en'));
    assert.equal(item('tone.negative').suggestion, t('tone_suggest_negative', [], 'en'));
    // axe ran on these pages above: only the strings inside the closed root differ here
    assertReadable(open);
    await page.screenshot({ path: join(SCREENSHOTS, 'tone-mastodon-en.png') });
    await page.keyboard.press('Escape');
    await waitForTone(page, (x) => !x.open, 'details closed');
    assert.ok(await focusIn(page, MASTODON), 'Escape gives the focus back to the textarea');
    assert.deepEqual(errors, []);
  } finally {
    await english.close();
  }
});
