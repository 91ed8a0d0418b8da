// The template library as the e2e tests seed it: through the background's own bulk request
// (`templates_import`, from an extension page, as the library page imports a file), and renders
// asked the same way a page asks them. Shared by triggers.test.mjs and picker.test.mjs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './chromium.mjs';

/** The most templates in one `templates_import` request (src/protocol/templates.rs). */
const IMPORT_CHUNK = 500;

export const STARTER = JSON.parse(readFileSync(join(ROOT, 'src/template/starter.json'), 'utf8')).templates;

/** Templates of the tests, beyond the starter library. */
export const EXTRA = [
  {
    id: 'test.multi',
    title: 'Réponse sur plusieurs lignes',
    lang: 'fr-CA',
    body: 'Bonjour {{prenom}} 👋🏽\n\nMerci pour votre message, on s’en occupe.{{curseur}}\nÀ bientôt, l’équipe 🇨🇦 « café » ✅',
    trigger: ';multi',
    tags: ['essai'],
    networks: [],
    variants: [],
    created: 0,
    updated: 0,
    revision: 1,
    uses: 0,
  },
  {
    id: 'test.nom',
    title: 'Nom complet et pseudo',
    lang: 'fr-CA',
    body: 'Bonjour {{nom_complet}} ({{pseudo}})',
    trigger: ';nom',
    tags: ['essai'],
    networks: [],
    variants: [],
    created: 0,
    updated: 0,
    revision: 1,
    uses: 0,
  },
];

/** An extension page to speak to the background from (the library's own path). */
export async function extensionPage(browser) {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  return page;
}

/** Sends one protocol request from an extension page; resolves to the response. */
export function ask(page, body) {
  return page.evaluate(
    (b) =>
      chrome.runtime.sendMessage({
        protocol_version: 1,
        request_id: `${Date.now()}-${Math.random().toString(16).slice(2)}`,
        body: b,
      }),
    body,
  );
}

/** Puts the starter library and the tests' templates in the store. The background installs the
 * starter library itself on first run: once it has, each template is written over the record
 * there (its revision read first), so the store holds exactly these. */
export async function seed(browser, templates = [...STARTER, ...EXTRA]) {
  const page = await extensionPage(browser);
  try {
    await seedFrom(page, templates);
  } finally {
    await page.close();
  }
}

/** `seed` from an extension page already open (`chrome.runtime` in it; Chromium or Firefox). */
export async function seedFrom(page, templates = [...STARTER, ...EXTRA]) {
  const revisions = await page.evaluate(async (starterIds) => {
    const ask = (body) =>
      chrome.runtime.sendMessage({ protocol_version: 1, request_id: `seed-${Date.now()}-${Math.random()}`, body });
    const end = Date.now() + 15000;
    for (;;) {
      const r = await ask({ kind: 'store_list', collection: 'templates' });
      const have = new Map((r?.records ?? []).map((rec) => [rec.id, rec.revision]));
      if (starterIds.every((id) => have.has(id)) || Date.now() > end) return Object.fromEntries(have);
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }, STARTER.map((t) => t.id));
  // through the library's own bulk path (`templates_import`, as the library page imports a file):
  // chunks of at most 500, one change notice per chunk for the pages watching the library
  const chunks = [];
  for (let i = 0; i < templates.length; i += IMPORT_CHUNK) {
    chunks.push(templates.slice(i, i + IMPORT_CHUNK).map((t) => ({
      id: t.id, body: t, ...(revisions[t.id] === undefined ? {} : { expected_revision: revisions[t.id] }),
    })));
  }
  // all sent at once: the background answers its messages one after the other, in order, so the
  // chunks are written back to back, before the reads the pages make on the change notices
  const answers = await page.evaluate(
    (list) =>
      Promise.all(
        list.map((items, k) =>
          chrome.runtime.sendMessage({
            protocol_version: 1,
            request_id: `seed-${Date.now()}-${Math.random().toString(16).slice(2)}-${k}`,
            body: { kind: 'templates_import', items },
          }),
        ),
      ),
    chunks,
  );
  answers.forEach((r, k) => {
    if (r?.kind !== 'templates_imported' || r.outcome.written !== chunks[k].length) {
      throw new Error(`seed ${chunks[k][0].id}…: ${JSON.stringify(r)}`);
    }
  });
}

/** The extension page each browser's renders are asked from, opened on first use and kept. */
const renderPages = new WeakMap();
function renderPage(browser) {
  let page = renderPages.get(browser);
  if (!page) {
    page = extensionPage(browser);
    renderPages.set(browser, page);
  }
  return page;
}

/** What the background renders for `request` (`{trigger|id, context, platform}`). */
export async function rendered(browser, request) {
  let page = await renderPage(browser);
  if (page.isClosed()) {
    renderPages.delete(browser);
    page = await renderPage(browser);
  }
  const r = await ask(page, { kind: 'render', ...request });
  if (r?.kind !== 'rendered') throw new Error(`render: ${JSON.stringify(r)}`);
  return r;
}
