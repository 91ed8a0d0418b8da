// Porte-voix background (service worker in Chrome, event page in Firefox). Listeners are
// registered synchronously, as MV3 requires. The Rust core decides and its web layer executes
// (the tab state in storage.session, records in IndexedDB); this file only moves messages and
// keeps the content script registered on the enabled instances.
import init, {
  background_message,
  background_forget_tab,
  background_instances,
  background_install_starter,
  background_capture,
  background_capture_menus,
  background_capture_sources,
  background_template_menus,
  background_save_selection,
} from './pkg/extension.js';
import { collect } from './collect.js';
import { instanceScripts, INSTANCE_SCRIPT_IDS } from './instance-scripts.js';

const ready = init({ module_or_path: new URL('./pkg/extension_bg.wasm', import.meta.url) });

// One message at a time: each reads, decides and writes the state before the next starts.
let queue = Promise.resolve();
function serially(task) {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}
// for the end-to-end tests: a change to the stored state made in the queue with the messages,
// so that a message handled meanwhile does not write back the state it read before the change
globalThis.porteVoixSerially = serially;

// The Mastodon instances served now: enabled in the settings and granted by the browser.
async function instancePlan() {
  await ready;
  const [{ settings }, { origins }] = await Promise.all([
    chrome.storage.local.get('settings'),
    chrome.permissions.getAll(),
  ]);
  return JSON.parse(background_instances(JSON.stringify(settings ?? {}), JSON.stringify(origins ?? [])));
}

// Keeps the content scripts registered on exactly those instances (the loader, and in Firefox the
// page-world helper insertion needs there: as this build's manifest has them for the built-in
// networks), and starts the loader in the tabs already open on an instance just added (no reload
// needed). A script this build does not have (registered by another build) is withdrawn.
const INSTANCE_SCRIPTS = instanceScripts(chrome.runtime.getManifest(), chrome.runtime.getURL(''));
async function syncInstances() {
  const { matches } = await instancePlan();
  const ids = INSTANCE_SCRIPTS.map((s) => s.id);
  const all = await chrome.scripting.getRegisteredContentScripts({ ids: Object.values(INSTANCE_SCRIPT_IDS) });
  const stale = all.filter((s) => !ids.includes(s.id)).map((s) => s.id);
  if (stale.length > 0) await chrome.scripting.unregisterContentScripts({ ids: stale });
  const current = all.filter((s) => ids.includes(s.id));
  const before = new Set(current.find((s) => s.id === ids[0])?.matches ?? []);
  if (matches.length === 0) {
    if (current.length > 0) await chrome.scripting.unregisterContentScripts({ ids: current.map((s) => s.id) });
    return;
  }
  const registered = new Set(current.map((s) => s.id));
  const scripts = INSTANCE_SCRIPTS.map((s) => ({ ...s, matches, persistAcrossSessions: true }));
  const update = scripts.filter((s) => registered.has(s.id));
  const register = scripts.filter((s) => !registered.has(s.id));
  if (update.length > 0) await chrome.scripting.updateContentScripts(update);
  if (register.length > 0) await chrome.scripting.registerContentScripts(register);
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

// Fault injection for the end-to-end tests, off unless an extension page sets it (web pages and
// content scripts cannot read or write storage.session): `pause_writes` = { phase: 'before' |
// 'after', times } holds the next `times` writes (store_put, store_delete, templates_import) before
// the core runs them, or after their transaction committed and before the answer, for up to
// 20 s, and counts each pause in `writes_paused` — the test stops the service worker there
// through the DevTools protocol, with the write in flight.
const WRITES = new Set(['store_put', 'store_delete', 'templates_import']);
async function pauseWrite(message, phase) {
  if (!WRITES.has(message?.body?.kind) || !chrome.storage.session) return;
  const { pause_writes: pause, writes_paused: paused = 0 } = await chrome.storage.session.get(['pause_writes', 'writes_paused']);
  if (pause?.phase !== phase || !(pause.times > 0)) return;
  await chrome.storage.session.set({ pause_writes: { ...pause, times: pause.times - 1 }, writes_paused: paused + 1 });
  await new Promise((resolve) => setTimeout(resolve, 20000));
}

async function handle(message, sender) {
  await ready;
  await pauseWrite(message, 'before');
  const answer = await serve(message, sender);
  await pauseWrite(message, 'after');
  return answer;
}

async function serve(message, sender) {
  // only a hello needs to know which instances are served (to name the tab's site)
  const instances = message?.body?.kind === 'hello' ? (await instancePlan()).hosts : [];
  // the sender as the browser reports it (the core tells our pages from content scripts by URL)
  const from = { tab_id: sender.tab?.id ?? null, url: sender.url ?? sender.tab?.url ?? null, instances };
  return JSON.parse(await background_message(JSON.stringify(message), JSON.stringify(from)));
}

// The picker's frame in Firefox, where an extension frame inside a page has no `tabs` API and
// does not hear the content script of its tab: its messages for that content script (insert,
// close) are carried to the tab's top frame, and the content script's `picker_state` to the tab
// (where the frame takes it). Only from our own picker page in a tab, and from our content script
// in a tab's top frame.
const PICKER_RELAYED = new Set(['insert_text', 'close_picker']);
const FRAMES_HEAR_CONTENT = !chrome.runtime.getURL('').startsWith('moz-extension:');
function pickerRelay(message, sender) {
  const tabId = sender.tab?.id;
  const fromPicker = sender.url?.startsWith(chrome.runtime.getURL('picker.html'));
  if (sender.id !== chrome.runtime.id || tabId === undefined || !fromPicker) return null;
  if (!PICKER_RELAYED.has(message.message?.kind)) return null;
  return chrome.tabs.sendMessage(tabId, message.message, { frameId: 0 });
}
function relayPickerState(message, sender) {
  const tabId = sender.tab?.id;
  const fromContent = sender.frameId === 0 && !sender.url?.startsWith(chrome.runtime.getURL(''));
  if (FRAMES_HEAR_CONTENT || sender.id !== chrome.runtime.id || tabId === undefined || !fromContent) return;
  chrome.tabs.sendMessage(tabId, message).catch(() => undefined);
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // the picker's frame listens to these (from the content script of its tab; in Firefox, carried
  // on to it from here); not ours to answer
  if (message?.kind === 'picker_state') {
    relayPickerState(message, sender);
    return false;
  }
  if (message?.kind === 'picker_relay') {
    const answer = pickerRelay(message, sender);
    if (!answer) return false;
    answer.then(sendResponse, (err) => sendResponse({ ok: false, error: String(err?.message ?? err) }));
    return true;
  }
  serially(() => handle(message, sender)).then(
    (answer) => {
      sendResponse(answer);
      // a use changes the order of the menu's most used templates (a library write is seen below)
      if (message?.body?.kind === 'template_used') refreshMenus().catch(() => {});
    },
    (err) => sendResponse({ kind: 'error', code: 'protocol.internal', message: String(err?.message ?? err) }),
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
  // the library changed (the core bumps this key after each template write)
  if (area === 'local' && 'templates_changed' in changes) refreshMenus().catch(() => {});
});
chrome.runtime.onInstalled.addListener(resync);
// the starter templates: installed once; an update adds only new ones, never a deleted one
chrome.runtime.onInstalled.addListener(() => {
  serially(async () => {
    await ready;
    await background_install_starter();
    refreshMenus().catch(() => {});
  }).catch((err) => console.error('Porte-voix: starter templates', err?.code ?? '', err?.message ?? err));
});
chrome.runtime.onStartup.addListener(resync);

// Capture into the backlog: the context menu (page, selection, link, image), the keyboard command
// and the popup's button. The page is read only then, only in that tab (activeTab), by the
// collector; the core chooses, merges and writes; the badge says it once the write committed.
// The menus: the capture entries, and the template entries (the most used templates in the
// "Insert a template" submenu, built again only when the library or a use count changed and the
// list differs from the one shown).
let menusShown = null;
async function createMenus() {
  await ready;
  const menus = [...JSON.parse(background_capture_menus()), ...JSON.parse(await background_template_menus())];
  const key = JSON.stringify(menus);
  if (key === menusShown) return;
  await chrome.contextMenus.removeAll();
  for (const menu of menus) chrome.contextMenus.create(menu);
  menusShown = key;
}
// one build at a time, in the queue with the messages (the store is read by one task at a time),
// a moment after the change so that a burst of writes (an import, uses in a row) makes one build;
// changes during a build make one more build after it
const MENUS_SETTLE_MS = 250;
let menusBuilding = Promise.resolve();
let menusPending = null;
function refreshMenus() {
  if (!menusPending) {
    menusPending = menusBuilding
      .then(() => new Promise((settled) => setTimeout(settled, MENUS_SETTLE_MS)))
      .then(() => {
        menusPending = null;
        return serially(createMenus);
      });
    menusBuilding = menusPending.catch((err) => console.error('Porte-voix: menus', err?.message ?? err));
  }
  return menusPending;
}
chrome.runtime.onInstalled.addListener(() => refreshMenus().catch(() => {}));
// for the end-to-end tests: build now if needed, and what the menus are
globalThis.porteVoixMenus = async () => {
  await refreshMenus();
  return JSON.parse(menusShown ?? '[]');
};

const newRequestId = () => `${Date.now().toString(16)}-${crypto.randomUUID()}`;

async function readTab(tab) {
  await ready;
  try {
    const [frame] = await chrome.scripting.executeScript({
      target: { tabId: tab.id },
      func: collect,
      args: [JSON.parse(background_capture_sources())],
    });
    return frame?.result ?? null;
  } catch (err) {
    // a page we may not read (the browser's own, the store): its address and title only
    console.warn('Porte-voix: capture reads the tab address only:', err?.message ?? err);
    return { candidates: { page_url: tab.url ?? '', title: tab.title ?? null } };
  }
}

/** Captures what `info` names in `tab`; `collected` when the page was already read. */
async function captureFrom(info, tab, { collected, form = null, requestId = newRequestId() } = {}) {
  const read = collected ?? (await readTab(tab));
  const answer = JSON.parse(
    await serially(async () => {
      await ready;
      return background_capture(JSON.stringify(read), JSON.stringify(info), JSON.stringify(form), requestId);
    }),
  );
  const ok = answer.kind === 'captured';
  if (Number.isInteger(tab?.id) && tab.id >= 0) {
    const text = ok ? chrome.i18n.getMessage(answer.captured.merged ? 'capture_badge_merged' : 'capture_badge_saved') : '!';
    await chrome.action.setBadgeBackgroundColor({ tabId: tab.id, color: ok ? '#1a7f37' : '#b42318' }).catch(() => {});
    await chrome.action.setBadgeText({ tabId: tab.id, text }).catch(() => {});
    setTimeout(() => chrome.action.setBadgeText({ tabId: tab.id, text: '' }).catch(() => {}), 4000);
  }
  return answer;
}
// the entry the menus, the command and the end-to-end tests share
globalThis.porteVoixCapture = captureFrom;
globalThis.porteVoixSources = async () => {
  await ready;
  return JSON.parse(background_capture_sources());
};

// The template entries: a template or "Other templates…" goes to the content script of the
// frame the menu was opened in (it renders with that page's context and inserts, or opens the
// picker), never to another frame's — where none runs (a sub-frame), the toolbar badge says so; "Save the selection as a template" writes it, then the library opens it for editing.
async function templateMenu(info, tab) {
  const id = String(info.menuItemId);
  if (id === 'template-save-selection') {
    const answer = JSON.parse(
      await serially(async () => {
        await ready;
        return background_save_selection(JSON.stringify(info), newRequestId());
      }),
    );
    if (answer.kind === 'template_saved') {
      await chrome.tabs.create({
        url: chrome.runtime.getURL(`library.html#edit=${encodeURIComponent(answer.id)}`),
        index: Number.isInteger(tab?.index) ? tab.index + 1 : undefined,
      });
    } else {
      // not saved: the toolbar badge says so, as for a capture
      console.warn('Porte-voix: save the selection:', answer.code ?? answer.kind);
      await flagFailure(tab);
    }
    return answer;
  }
  const template = id.startsWith('template-insert:') ? id.slice('template-insert:'.length) : null;
  const frameId = info.frameId ?? 0;
  try {
    return await chrome.tabs.sendMessage(tab.id, { kind: 'menu_template', id: template }, { frameId });
  } catch (err) {
    // No content script in that frame: a composer inside a sub-frame (the loader runs in top
    // frames only). Nothing goes into another frame's composer; the toolbar badge says so.
    console.warn('Porte-voix: template menu, frame', frameId, err?.message ?? err);
    await flagFailure(tab);
    return { ok: false, code: 'insert.no_composer' };
  }
}

/** The toolbar badge of `tab` shows "!" for 4 s: what the user asked from a menu was not done. */
async function flagFailure(tab) {
  if (!Number.isInteger(tab?.id) || tab.id < 0) return;
  await chrome.action.setBadgeBackgroundColor({ tabId: tab.id, color: '#b42318' }).catch(() => {});
  await chrome.action.setBadgeText({ tabId: tab.id, text: '!' }).catch(() => {});
  setTimeout(() => chrome.action.setBadgeText({ tabId: tab.id, text: '' }).catch(() => {}), 4000);
}

function menuClicked(info, tab) {
  return String(info.menuItemId).startsWith('template-') ? templateMenu(info, tab) : captureFrom(info, tab);
}
// the entry the end-to-end tests call, as the browser does on a click
globalThis.porteVoixMenuClicked = menuClicked;
chrome.contextMenus.onClicked.addListener((info, tab) => {
  menuClicked(info, tab).catch((err) => console.error('Porte-voix: menu', err?.message ?? err));
});
// The quick-capture command: the tab's page, with its selection as a quote when there is one.
function commandRun(command, tab) {
  if (command !== 'quick-capture' || !tab) return Promise.resolve(null);
  return captureFrom({ menuItemId: 'capture-selection', pageUrl: tab.url }, tab);
}
// the entry the end-to-end tests call, as the browser does on a key press
globalThis.porteVoixCommand = commandRun;
chrome.commands.onCommand.addListener((command, tab) => {
  commandRun(command, tab).catch((err) => console.error('Porte-voix: capture', err?.message ?? err));
});
