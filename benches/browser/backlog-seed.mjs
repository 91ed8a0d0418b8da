// The 50,000-item backlog the backlog benchmarks seed (backlog.mjs, backlog-filter.mjs): one
// record per item written straight into the database the background opens, 5,000 a transaction,
// and what each item is, for the benchmarks' expectations.
// - item k: state idea, draft or scheduled (k mod 3); one tag, WORDS[k mod 10]; planned on
//   December 1–28 at 09:30 when scheduled; changed at 1764000000000 + k (the newest last).

export const WORDS = ['bibliothèque', 'Québec', 'rentrée', 'festival', 'élections', 'climat', 'café', 'vélo', 'marché', 'théâtre'];
export const state = (k) => ['idea', 'draft', 'scheduled'][k % 3];
export const day = (k) => (k % 3 === 2 ? 1 + (k % 28) : null);

/**
 * Seeds `n` items into the extension's IndexedDB from `page` (an extension page: the background
 * must have created the database first). With `local`, the same items are also written as one
 * array into storage.local (what many extensions do; 10 MB at most without the
 * unlimitedStorage permission: then the largest multiple of 5,000 items that fits).
 * Returns `{ idb, local, kept, bytes, refused }` (milliseconds, items kept, JSON bytes).
 */
export async function seedBacklog(page, n, { local = false } = {}) {
  return page.evaluate(async ({ n, words, local }) => {
    const db = await new Promise((ok, ko) => {
      const r = indexedDB.open('porte-voix');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    const t0 = performance.now();
    const array = [];
    for (let start = 0; start < n; start += 5000) {
      await new Promise((ok, ko) => {
        const tx = db.transaction('backlog', 'readwrite');
        const store = tx.objectStore('backlog');
        for (let k = start; k < Math.min(n, start + 5000); k++) {
          const w = words[k % words.length];
          const body = {
            schema: 1, id: `seed-${k}`, state: ['idea', 'draft', 'scheduled'][k % 3],
            source: { url: `https://journal.example/a/${k}`, canonical: `https://journal.example/a/${k}`, title: `${w} ${k}`, description: `Un article sur ${w}`, image: null, site_name: 'Le Journal', author: null, published: null, lang: 'fr' },
            quotes: [], title: `${w} n° ${k}`, note: k % 7 ? '' : `Note ${w}`, tags: [w], networks: ['x'],
            planned: k % 3 === 2 ? `2026-12-${String(1 + (k % 28)).padStart(2, '0')}T09:30` : null,
            drafts: k % 3 === 2 ? [{ network: 'x', text: `À lire : ${w} https://journal.example/a/${k}` }] : [],
            created_ms: 1764000000000 + k, updated_ms: 1764000000000 + k,
          };
          store.put({ id: body.id, revision: 1, created: body.created_ms, updated: body.updated_ms, deleted: false, body });
          if (local) array.push(body);
        }
        tx.oncomplete = ok;
        tx.onerror = () => ko(tx.error);
      });
    }
    db.close();
    const idb = performance.now() - t0;
    if (!local) return { idb, local: null, kept: 0, bytes: 0, refused: null };
    const bytes = JSON.stringify(array).length;
    let kept = array.length;
    let ms = null;
    let refused = null;
    while (kept > 0) {
      const t1 = performance.now();
      try {
        await chrome.storage.local.set({ backlog_array: array.slice(0, kept) });
        ms = performance.now() - t1;
        break;
      } catch (e) {
        refused ??= String(e.message ?? e);
        kept -= 5000;
      }
    }
    return { idb, local: ms, kept, bytes, refused };
  }, { n, words: WORDS, local });
}
