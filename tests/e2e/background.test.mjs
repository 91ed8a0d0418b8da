// The background (Chrome's service worker) runs the extension's engine and answers typed
// requests, refusing another protocol version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromiumSuite } from './lib/suite.mjs';

const suite = chromiumSuite();

test('the service worker runs the extension\'s engine and answers typed requests', async () => {
  const { browser } = suite;
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const answer = await page.evaluate(() =>
      chrome.runtime.sendMessage({ protocol_version: 1, request_id: 't-count', body: { kind: 'count', text: 'Bonjour à tous', platform: 'threads' } }),
    );
    assert.equal(answer.kind, 'count');
    assert.equal(answer.report.length, 14);
    assert.equal(answer.report.limit, 500);
    const bad = await page.evaluate(() => chrome.runtime.sendMessage({ protocol_version: 99, request_id: 't-bad', body: { kind: 'hello' } }));
    assert.equal(bad.kind, 'error');
    assert.equal(bad.code, 'protocol.version');
  } finally {
    await page.close();
  }
});
