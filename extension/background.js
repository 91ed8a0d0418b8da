// Porte-voix background (service worker in Chrome, event page in Firefox). Listeners are
// registered synchronously, as MV3 requires; the Rust core decides, this file moves messages and
// keeps the core's state in storage.session so it survives the worker being stopped.
import init, { background_handle, background_forget_tab } from './pkg/porte_voix.js';

const ready = init({ module_or_path: new URL('./pkg/porte_voix_bg.wasm', import.meta.url) });
const STATE_KEY = 'background_state';

// One message at a time: each reads, decides and writes the state before the next starts.
let queue = Promise.resolve();
function serially(task) {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

async function loadState() {
  const stored = await chrome.storage.session.get(STATE_KEY);
  return stored[STATE_KEY] ?? '{}';
}

async function handle(message, sender) {
  await ready;
  const state = await loadState();
  const from = { tab_id: sender.tab?.id ?? null, url: sender.url ?? sender.tab?.url ?? null };
  const out = JSON.parse(background_handle(state, JSON.stringify(message), JSON.stringify(from)));
  if (out.state) await chrome.storage.session.set({ [STATE_KEY]: JSON.stringify(out.state) });
  return out.response;
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  serially(() => handle(message, sender)).then(sendResponse, (err) =>
    sendResponse({ kind: 'error', code: 'background.internal', message: String(err?.message ?? err) }),
  );
  return true; // the answer is asynchronous
});

chrome.tabs.onRemoved.addListener((tabId) => {
  serially(async () => {
    await ready;
    const next = background_forget_tab(await loadState(), tabId);
    if (next !== undefined) await chrome.storage.session.set({ [STATE_KEY]: next });
  });
});
