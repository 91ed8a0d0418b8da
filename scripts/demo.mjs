// Opens the demo: Chromium with dist/chrome loaded, on https://x.com/demo/ served offline by the
// fixture server (the networks' host names are mapped to it). With --headless it types into the
// demo's composers and writes build/demo.png, then exits.
import { startServer } from '../tests/e2e/lib/server.mjs';
import { launch, waitForBadge, ROOT } from '../tests/e2e/lib/chromium.mjs';
import { buildFixtures } from '../tests/e2e/build-fixtures.mjs';
import { join } from 'node:path';

const headless = process.argv.includes('--headless');
if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('No display found: run `scripts/run.sh --headless` to write a screenshot instead.');
  process.exit(2);
}
await buildFixtures();
const server = await startServer();
const browser = await launch({ port: server.port, headless });
const page = browser.context.pages()[0] ?? (await browser.context.newPage());
if (headless) await page.setViewportSize({ width: 1280, height: 1100 });
await page.goto('https://x.com/demo/');

if (headless) {
  const composer = page.locator('[data-testid="tweetTextarea_0"]').first();
  await composer.click();
  // a saved reply by its typed trigger: `;merci` then Tab, with the commenter's first name
  await waitForBadge(page, (b) => b.visible);
  await page.waitForTimeout(500);
  await page.keyboard.type(';merci');
  await page.keyboard.press('Tab');
  await page
    .waitForFunction((sel) => !document.querySelector(sel).textContent.includes(';merci'), '[data-testid="tweetTextarea_0"]', { timeout: 5000 })
    .catch(() => console.error('the ;merci trigger was not replaced'));
  // « TRÈS » in capitals: one tone finding (shouting), underlined, and the tone indicator in the badge
  await page.keyboard.type(' Notre équipe vous répond TRÈS vite. À bientôt ! 🙏');
  const badge = await waitForBadge(page, (b) => b.visible);
  const reply = await composer.textContent();
  const out = join(ROOT, 'build/demo.png');
  await page.screenshot({ path: out });
  console.log(`reply: ${reply}\nbadge: ${badge.text} ${badge.unit} (${badge.engine}); screenshot: ${out}`);
  await browser.close();
  await server.close();
} else {
  console.log('Chromium is open on https://x.com/demo/ — close the window to stop.');
  browser.context.on('close', () => server.close().then(() => process.exit(0)));
}
