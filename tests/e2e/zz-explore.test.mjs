import { test } from 'node:test';
import { firefoxSuite } from './lib/firefox.mjs';
import { FIREFOX_REPLIES, seedFirefox, openReplyFirefox, model, undo, sleep, clear } from './lib/replies-firefox.mjs';
const suite = firefoxSuite();
test('explore undo', async () => {
  await seedFirefox(suite);
  const c = FIREFOX_REPLIES[0];
  const { page } = await openReplyFirefox(suite, c);
  page.on('console', (m) => console.log('console', m.text()));
  await page.evaluate((sel) => { const el = document.querySelector(sel); for (const t of ['beforeinput', 'paste']) el.addEventListener(t, (e) => console.log(t, e.inputType ?? '', e.key ?? '', e.isTrusted, e.defaultPrevented), true); }, c.composer);
  await page.keyboard.type('Bonjour ;merci');
  await sleep(1200);
  console.log('--- Tab');
  await page.keyboard.press('Tab');
  const t0 = Date.now();
  while (!(await model(page, c)).includes('Chloé')) await sleep(10);
  console.log('in after', Date.now() - t0);
  console.log('--- undo');
  await undo(page);
  for (let i = 0; i < 10; i++) { console.log('t', Date.now() - t0, JSON.stringify(await model(page, c))); await sleep(100); }
  await clear(page, c);
  await page.keyboard.type('Bonjour ');
  await sleep(1200);
  await page.keyboard.type(';merci');
  await sleep(100);
  await page.keyboard.press('Tab');
  await sleep(1000);
  for (let i = 0; i < 2; i++) { await undo(page); await sleep(300); console.log('undo B', i, await model(page, c)); }
});
