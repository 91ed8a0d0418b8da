// Porte-voix content-script loader. It stays tiny: it tells the background which tab it runs in,
// and starts the Rust core only when the user focuses a composer (a feed page runs none of it).
// Where the page allows wasm, the engine's files are fetched and compiled once the page has
// loaded, so the first focus only instantiates them.
// The core runs as real WebAssembly where the page's CSP allows it, and as the same crate compiled
// to JavaScript by wasm2js where it does not (Chrome refuses wasm under a strict page CSP).
(() => {
  'use strict';

  if (globalThis.__porteVoixLoaded) return;
  globalThis.__porteVoixLoaded = true;

  const PROTOCOL_VERSION = 1;
  const url = (path) => chrome.runtime.getURL(path);
  let core = null;
  let failureShown = false;

  function send(body) {
    const requestId = `${Date.now().toString(16)}-${Math.random().toString(16).slice(2, 10)}`;
    try {
      return chrome.runtime
        .sendMessage({ protocol_version: PROTOCOL_VERSION, request_id: requestId, body })
        .catch(() => undefined);
    } catch {
      return Promise.resolve(undefined); // extension reloaded: this page's script is orphaned
    }
  }

  function isComposer(el) {
    if (!el || el.nodeType !== Node.ELEMENT_NODE) return false;
    if (el.tagName === 'TEXTAREA') return true;
    if (el.tagName === 'INPUT') {
      return ['', 'text', 'search'].includes((el.getAttribute('type') || '').toLowerCase());
    }
    return el.isContentEditable === true;
  }

  function deepActiveElement() {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    return el;
  }

  // Chrome checks wasm compilation in a content script against the page's CSP. Compiling the
  // smallest module (8 bytes) tells at once whether this page allows it, so a strict page does not
  // pay for importing the wasm glue and failing on the real module (about 23 ms).
  function wasmAllowed() {
    try {
      const probe = new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
      return probe instanceof WebAssembly.Module;
    } catch {
      return false; // CompileError with an empty message: detect by catching, not by text
    }
  }

  // The probe's answer, asked once per page. A refused probe is a CSP violation the page sees
  // (and may report to its site), so the background remembers the host for the browser session
  // and its answer to the hello says so: later pages there start on wasm2js without trying.
  let wasmOk = null;
  function wasmAllowedOnce() {
    if (wasmOk === null) {
      wasmOk = wasmAllowed();
      if (!wasmOk) send({ kind: 'wasm_refused' });
    }
    return wasmOk;
  }

  // The wasm engine made ready before a composer is focused, once the page has loaded: its module
  // fetched and compiled (the compile runs off the main thread). Its JS glue is imported at the
  // focus, not here: evaluating it cost the page about 2 ms of its main thread before any focus,
  // for 3 ms less at the first focus (BENCHMARKS.md, "The warm-up"). Not instantiated: a page
  // nobody types in holds no engine memory and runs none of its code. On a page whose CSP forbids
  // wasm (the wasm2js engine) nothing is loaded before the focus: importing that bundle is tens of
  // ms of the main thread.
  let warm = null;
  function warmUp() {
    if (warm || core || !wasmAllowedOnce()) return warm;
    const wasm = url('pkg/inpage_bg.wasm');
    const compiled = WebAssembly.compileStreaming
      ? WebAssembly.compileStreaming(fetch(wasm))
      : fetch(wasm).then((r) => r.arrayBuffer()).then((b) => WebAssembly.compile(b));
    warm = compiled.catch((err) => {
      console.warn('Porte-voix: could not prepare the wasm engine:', err?.message ?? err);
      return null;
    });
    return warm;
  }

  async function loadCore() {
    if (wasmAllowedOnce()) {
      try {
        // the module compiled since the page loaded (or compiling now), its glue imported meanwhile
        const [ready, m] = await Promise.all([warmUp(), import(url('pkg/inpage.js'))]);
        await m.default({ module_or_path: ready ?? url('pkg/inpage_bg.wasm') });
        return { m, engine: 'wasm' };
      } catch (err) {
        console.warn('Porte-voix: wasm engine failed, using the JS engine:', err?.message ?? err);
      }
    }
    const m = await import(url('pkg/inpage_wasm2js.js'));
    return { m, engine: 'wasm2js' };
  }

  // Shown once if the core fails to start or panics, so a failure is never silent.
  function showFailure(detail) {
    console.error('Porte-voix:', detail);
    if (failureShown) return;
    failureShown = true;
    const host = document.createElement('porte-voix-notice');
    const root = host.attachShadow({ mode: 'closed' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`
      :host { all: initial; position: fixed; inset-inline-start: 16px; inset-block-end: 16px; z-index: 2147483647; }
      div { font: 14px/1.4 system-ui, sans-serif; max-width: 360px; padding: 12px 14px; border-radius: 8px;
            background: #7f1d1d; color: #fff; box-shadow: 0 2px 8px rgba(0,0,0,.3); display: flex; gap: 12px; }
      button { font: inherit; background: transparent; color: inherit; border: 1px solid currentColor;
               border-radius: 6px; padding: 2px 8px; cursor: pointer; align-self: start; }
      button:focus-visible { outline: 2px solid #fff; outline-offset: 2px; }
      @media (prefers-color-scheme: dark) { div { background: #fecaca; color: #450a0a; } }
    `);
    root.adoptedStyleSheets = [sheet];
    const box = document.createElement('div');
    box.setAttribute('role', 'alert');
    const text = document.createElement('span');
    text.textContent = chrome.i18n.getMessage('error_start_failed');
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = chrome.i18n.getMessage('error_dismiss');
    close.addEventListener('click', () => host.remove());
    box.append(text, close);
    root.append(box);
    document.documentElement.append(host);
  }

  function start() {
    if (!core) {
      core = (async () => {
        // the settings are read while the engine loads, not after
        const settings = chrome.storage.local.get('settings').then(
          (stored) => stored.settings,
          () => undefined,
        );
        const loading = loadCore();
        // The extension's messages come into the page with the first one read (a synchronous
        // round trip to the browser and the parse of the locale's messages.json): read one while
        // the engine's files load and compile, not in content_start after them.
        try {
          chrome.i18n.getMessage('ext_locale');
        } catch {
          // extension reloaded under the page: content_start reports it
        }
        const { m, engine } = await loading;
        m.install_panic_hook((message) => showFailure(message));
        await m.content_start(engine, await settings);
        send({ kind: 'engine_ready', engine });
        return m;
      })().catch((err) => showFailure(err && err.message ? err.message : String(err)));
    }
    return core;
  }

  document.addEventListener(
    'focusin',
    (event) => {
      if (isComposer(event.composedPath()[0])) start();
    },
    true,
  );
  if (isComposer(deepActiveElement())) start();

  // Requests from the extension itself (the template picker's frame, the background): the core
  // checks the sender and the message's shape, then inserts into the composer followed.
  // The picker opens on the keyboard command (sent by the background) and closes from its frame.
  chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const kind = message?.kind;
    if (kind === 'open_picker' || kind === 'close_picker') {
      start()
        .then((m) => m.content_picker(message, sender))
        .then(sendResponse, (err) => sendResponse({ ok: false, error: String(err?.message ?? err) }));
      return true;
    }
    // a template chosen in the context menu: inserted as the picker would, or the picker opened on it
    if (kind === 'menu_template') {
      start()
        .then((m) => m.content_menu(message, sender))
        .then(sendResponse, (err) => sendResponse({ ok: false, error: String(err?.message ?? err) }));
      return true;
    }
    if (kind !== 'insert_text') return false;
    start()
      .then((m) => m.content_message(message, sender))
      .then(sendResponse, (err) => sendResponse({ ok: false, error: String(err?.message ?? err) }));
    return true;
  });
  // Once the background has answered (the page has loaded by then: content scripts run at
  // document_idle), the wasm engine is prepared. No timer or idle callback of its own: each API
  // a content script touches first costs the page a binding (a few tenths of a ms on a feed).
  send({ kind: 'hello' }).then((answer) => {
    if (answer?.wasm_refused === true && wasmOk === null) wasmOk = false;
    try {
      if (!core) warmUp();
    } catch {
      // extension reloaded under the page: nothing to prepare
    }
  });
})();
