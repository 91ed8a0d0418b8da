// Porte-voix background (service worker in Chrome, event page in Firefox). Listeners are
// registered synchronously, as MV3 requires. The Rust core decides and its web layer executes
// (the tab state in storage.session, records in IndexedDB); this file only moves messages and
// keeps the content script registered on the enabled instances.
import init, { background_message, background_forget_tab, background_instances } from './pkg/extension.js';

const ready = init({ module_or_path: new URL('./pkg/extension_bg.wasm', import.meta.url) });

// One message at a time: each reads, decides and writes the state before the next starts.
let queue = Promise.resolve();
function serially(task) {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

// The Mastodon instances served now: enabled in the settings and granted by the browser.
async function instancePlan() {
  await ready;
  const [{ settings }, { origins }] = await Promise.all([
    chrome.storage.local.get('settings'),
    chrome.permissions.getAll(),
  ]);
  return JSON.parse(background_instances(JSON.stringify(settings ?? {}), JSON.stringify(origins ?? [])));
}

// Keeps the content script registered on exactly those instances, and starts it in the tabs
// already open on an instance just added (no reload needed).
const INSTANCE_SCRIPT = 'mastodon-instances';
async function syncInstances() {
  const { matches } = await instancePlan();
  const [current] = await chrome.scripting.getRegisteredContentScripts({ ids: [INSTANCE_SCRIPT] });
  const before = new Set(current?.matches ?? []);
  if (matches.length === 0) {
    if (current) await chrome.scripting.unregisterContentScripts({ ids: [INSTANCE_SCRIPT] });
    return;
  }
  const script = { id: INSTANCE_SCRIPT, matches, js: ['content.js'], runAt: 'document_idle', persistAcrossSessions: true };
  if (current) await chrome.scripting.updateContentScripts([script]);
  else await chrome.scripting.registerContentScripts([script]);
  const added = matches.filter((m) => !before.has(m));
  if (added.length === 0) return;
  for (const tab of await chrome.tabs.query({ url: added })) {
    // content.js guards against running twice in one page
    await chrome.scripting
      .executeScript({ target: { tabId: tab.id }, files: ['content.js'] })
      .catch((err) => console.warn('Porte-voix: could not start in tab', tab.id, err?.message));
  }
}
const resync = () =>
  serially(syncInstances).catch((err) => console.error('Porte-voix: instances', err?.message ?? err));

async function handle(message, sender) {
  await ready;
  // only a hello needs to know which instances are served (to name the tab's site)
  const instances = message?.body?.kind === 'hello' ? (await instancePlan()).hosts : [];
  // the sender as the browser reports it (the core tells our pages from content scripts by URL)
  const from = { tab_id: sender.tab?.id ?? null, url: sender.url ?? sender.tab?.url ?? null, instances };
  return JSON.parse(await background_message(JSON.stringify(message), JSON.stringify(from)));
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  serially(() => handle(message, sender)).then(sendResponse, (err) =>
    sendResponse({ kind: 'error', code: 'protocol.internal', message: String(err?.message ?? err) }),
  );
  return true; // the answer is asynchronous
});

// The picker's keyboard command: the tab's content script opens the panel next to its composer
// (top frame only; a tab without our content script has no composer to serve).
chrome.commands?.onCommand.addListener((command, tab) => {
  if (command !== 'open-picker' || tab?.id === undefined) return;
  chrome.tabs
    .sendMessage(tab.id, { kind: 'open_picker' }, { frameId: 0 })
    .catch((err) => console.warn('Porte-voix: picker', err?.message ?? err));
});

chrome.tabs.onRemoved.addListener((tabId) => {
  serially(async () => {
    await ready;
    await background_forget_tab(tabId);
  }).catch((err) => console.error('Porte-voix: forget tab', err?.code ?? '', err?.message ?? err));
});

chrome.permissions.onAdded.addListener(resync);
chrome.permissions.onRemoved.addListener(resync);
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && 'settings' in changes) resync();
});
chrome.runtime.onInstalled.addListener(resync);
chrome.runtime.onStartup.addListener(resync);
