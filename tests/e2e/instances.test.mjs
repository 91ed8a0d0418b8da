// Mastodon instances beyond mastodon.social: enabled from the options with the browser's grant
// for that site alone, counted with the instance's own limit, withdrawn from the browser's
// settings, removed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { readBadge, waitForBadge, setSiteAccess, ROOT } from './lib/chromium.mjs';
import { instanceScripts } from '../../extension/instance-scripts.js';
import { t } from './lib/locales.mjs';
import { chromiumSuite, openPage, openPopupFor, typeInto, tabInfo, setSettings, storedSettings, axe, graphemes, grouped, MASTODON, SCREENSHOTS } from './lib/suite.mjs';

const suite = chromiumSuite();

/**
 * The page-world insertion helper (extension/insert-main.js) runs in `page`: it takes a request
 * (it cancels the request event). Only for a page that must not have it: the first request fixes
 * the helper's secret for the page load.
 */
const helperAnswers = (page) =>
  page.evaluate(() => {
    const probe = document.body.appendChild(document.createElement('div'));
    const request = new CustomEvent('porte-voix-insert', {
      bubbles: true, cancelable: true, composed: true,
      detail: JSON.stringify({ secret: 'probe', kind: 'beforeinput', inputType: 'insertText', text: '' }),
    });
    const taken = !probe.dispatchEvent(request);
    probe.remove();
    return taken;
  });

test('the page-world insertion helper is in Firefox\'s build alone, for the built-in networks and the instances alike', () => {
  const read = (b) => JSON.parse(readFileSync(join(ROOT, `dist/${b}/manifest.json`), 'utf8'));
  const [chrome, firefox] = [read('chrome'), read('firefox')];
  const helperIn = (m) => m.content_scripts.filter((c) => c.js.includes('insert-main.js'));
  // Chrome: neither declared, nor shipped, nor registered on an instance
  assert.deepEqual(helperIn(chrome), []);
  assert.equal(existsSync(join(ROOT, 'dist/chrome/insert-main.js')), false);
  assert.deepEqual(instanceScripts(chrome), [{ id: 'mastodon-instances', js: ['content.js'], runAt: 'document_idle' }]);
  // Firefox: in the page's world from the document's start, wherever the loader runs
  const [loader] = firefox.content_scripts.filter((c) => c.js.includes('content.js'));
  assert.deepEqual(helperIn(firefox), [{ matches: loader.matches, js: ['insert-main.js'], world: 'MAIN', run_at: 'document_start' }]);
  assert.equal(existsSync(join(ROOT, 'dist/firefox/insert-main.js')), true);
  assert.deepEqual(instanceScripts(firefox), [
    { id: 'mastodon-instances', js: ['content.js'], runAt: 'document_idle' },
    { id: 'mastodon-instances-main', js: ['insert-main.js'], runAt: 'document_start', world: 'MAIN' },
  ]);
  // as Firefox's runtime.getManifest() gives it: every path a full moz-extension:// URL, every
  // default written out (the same entries, or no script would be registered on an instance)
  const base = 'moz-extension://5d0c1e0e-7a43-4d6a-9a55-2b1f4c3e8a01/';
  const normalised = {
    ...firefox,
    content_scripts: firefox.content_scripts.map((c) => ({
      all_frames: false, match_about_blank: false, world: 'ISOLATED', ...c, js: c.js.map((f) => `${base}${f}`),
    })),
  };
  assert.deepEqual(instanceScripts(normalised, base), instanceScripts(firefox));
});

test('Mastodon instances: enabled from the options with the browser\'s grant, own limit, withdrawn, removed', async () => {
  const INSTANCE = 'https://piaille.fr/*';
  const { browser } = suite;
  await setSettings(browser, null);
  await browser.context.route('https://piaille.fr/api/v2/instance', (route) =>
    route.fulfill({ json: { domain: 'piaille.fr', configuration: { statuses: { max_characters: 5000 } } }, headers: { 'access-control-allow-origin': '*' } }),
  );
  // the instances' content scripts (in Chrome, the loader only)
  const registered = () => browser.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => [s.id, s.js, s.world ?? 'ISOLATED', s.matches]));
  const granted = () => browser.worker.evaluate((o) => chrome.permissions.contains({ origins: [o] }), INSTANCE);
  const stored = () => storedSettings(browser);
  // a tab already open on the instance before it is enabled
  const { page: open, errors } = await openPage(browser, 'https://piaille.fr/home');
  const options = await browser.context.newPage();
  try {
    await typeInto(open, MASTODON, 'Avant');
    await open.waitForTimeout(1000);
    assert.equal(await readBadge(open), null, 'not served before the user enables it');
    assert.deepEqual(await registered(), []);
    assert.equal(await granted(), false);

    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForSelector('body[data-ready="true"]');
    assert.equal(await options.locator('#instances-empty').isVisible(), true);
    // refused before asking the browser anything
    await options.locator('#instance-host').fill('mastodon.social');
    await options.keyboard.press('Enter');
    await options.waitForFunction(() => document.getElementById('instance-error').textContent.length > 0);
    assert.equal(await options.textContent('#instance-error'), t('error_instance_builtin', ['mastodon.social']));
    assert.equal(await options.locator('#instance-host').getAttribute('aria-invalid'), 'true');
    await options.locator('#instance-host').fill('pas une adresse');
    await options.keyboard.press('Enter');
    await options.waitForFunction((m) => document.getElementById('instance-error').textContent === m, t('error_instance_invalid'));
    assert.equal(await stored(), null);

    // the user allows the site in the browser, then adds it by keyboard, typed as a handle
    await setSiteAccess(browser.context, browser.extensionId, INSTANCE, true);
    assert.deepEqual(await registered(), [], 'a grant alone serves nothing: the user did not enable it here');
    await options.locator('#instance-host').fill('@alice@Piaille.fr');
    await options.keyboard.press('Enter');
    await options.waitForFunction((m) => document.getElementById('instance-status').textContent === m, t('options_instance_added', ['piaille.fr']));
    assert.equal(await options.locator('#instance-host').getAttribute('aria-invalid'), null);
    assert.equal(await options.inputValue('#instance-host'), '');
    assert.deepEqual((await stored()).mastodon_instances, ['piaille.fr']);
    await options.waitForFunction((m) =>
      document.querySelector('#instances-list li[data-host="piaille.fr"] .state')?.textContent === m, t('options_instance_active_limit', [grouped(5000)]));
    assert.equal(await options.locator('#instances-empty').isVisible(), false);
    assert.deepEqual(await axe(options), []);
    await options.emulateMedia({ colorScheme: 'dark' });
    assert.deepEqual(await axe(options), []);
    await options.screenshot({ path: join(SCREENSHOTS, 'options-instances-dark.png'), fullPage: true });
    await options.emulateMedia({ colorScheme: 'light' });

    // an internationalised name is stored and granted as DNS has it, and shown as typed
    await setSiteAccess(browser.context, browser.extensionId, 'https://xn--coute-9ra.social/*', true);
    await options.locator('#instance-host').fill('Écoute.Social');
    await options.keyboard.press('Enter');
    await options.waitForFunction((m) => document.getElementById('instance-status').textContent === m, t('options_instance_added', ['écoute.social']));
    const idn = options.locator('#instances-list li[data-host="xn--coute-9ra.social"]');
    assert.equal(await idn.locator('.host').textContent(), 'écoute.social');
    assert.equal(await idn.locator('button[data-action="remove"]').getAttribute('aria-label'), t('options_instance_remove_label', ['écoute.social']));
    await idn.locator('button[data-action="remove"]').click();
    await options.waitForFunction((m) => document.getElementById('instance-status').textContent === m, t('options_instance_removed', ['écoute.social']));
    assert.deepEqual((await stored()).mastodon_instances, ['piaille.fr']);

    // the tab that was already open counts without a reload, with the instance's own limit
    await waitForBadge(open, (b) => b.text === `${graphemes('Avant')} / ${grouped(5000)}`);
    await open.keyboard.press('Control+End');
    await open.keyboard.type(' 🎉 https://exemple.quebec/un/long/chemin');
    // a link counts 23 on Mastodon, whatever its length
    await waitForBadge(open, (b) => b.text === `${graphemes('Avant 🎉 ') + 23} / ${grouped(5000)}`);
    // the loader alone: the page-world insertion helper is Firefox's (see the test below)
    assert.deepEqual(await registered(), [['mastodon-instances', ['content.js'], 'ISOLATED', [INSTANCE]]]);
    assert.equal(await helperAnswers(open), false, 'no page-world insertion helper in the instance\'s page');
    // and a new tab gets the registered content script; the background knows it as Mastodon
    const { page: fresh } = await openPage(browser, 'https://piaille.fr/home');
    await typeInto(fresh, MASTODON, 'Allô');
    await waitForBadge(fresh, (b) => b.text === `4 / ${grouped(5000)}`);
    const tab = await tabInfo(browser, fresh);
    assert.ok(tab?.site === 'mastodon' && tab.engine && tab.host === 'piaille.fr', JSON.stringify(tab));
    // the popup names the network and the instance's own limit
    const popup = await openPopupFor(browser, fresh);
    assert.equal(await popup.locator('#status').textContent(), t('popup_on_site', ['Mastodon']));
    assert.equal(await popup.locator('#rule').textContent(), t('popup_rule', [t('unit_graphemes'), grouped(5000)]));
    await popup.close();
    await fresh.close();

    // the user withdraws the access from the browser's settings: no longer served, shown as such
    await setSiteAccess(browser.context, browser.extensionId, INSTANCE, false);
    await browser.worker.evaluate(async () => {
      for (let i = 0; i < 100 && (await chrome.scripting.getRegisteredContentScripts()).length > 0; i++) {
        await new Promise((ok) => setTimeout(ok, 50));
      }
    });
    assert.deepEqual(await registered(), []);
    // the options page, still open, shows it at once
    await options.waitForFunction((m) =>
      document.querySelector('#instances-list li[data-host="piaille.fr"] .state')?.textContent === m, t('options_instance_not_granted'));
    assert.equal(await options.getAttribute('#instances-list button[data-action="grant"]', 'aria-label'), t('options_instance_grant_label', ['piaille.fr']));
    const { page: withdrawn } = await openPage(browser, 'https://piaille.fr/home');
    await typeInto(withdrawn, MASTODON, 'Après');
    await withdrawn.waitForTimeout(1000);
    assert.equal(await readBadge(withdrawn), null);
    await withdrawn.close();

    // removed by keyboard: focus the row's Remove button, Enter
    await options.focus('#instances-list button[data-action="remove"]');
    assert.equal(await options.evaluate(() => document.activeElement.getAttribute('aria-label')), t('options_instance_remove_label', ['piaille.fr']));
    await options.keyboard.press('Enter');
    await options.waitForFunction((m) => document.getElementById('instance-status').textContent === m, t('options_instance_removed', ['piaille.fr']));
    assert.equal(await options.evaluate(() => document.activeElement.id), 'instance-host');
    assert.deepEqual((await stored()).mastodon_instances, []);
    assert.equal(await granted(), false);
    assert.equal(await options.locator('#instances-empty').isVisible(), true);
    assert.deepEqual(errors, []);
  } finally {
    await open.close();
    await options.close();
    await browser.context.unrouteAll();
    await setSettings(browser, null);
  }
});
