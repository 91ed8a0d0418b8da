// Test only. Firefox gives extensions' content scripts `openOrClosedShadowRoot`, which reaches
// into closed shadow roots: this probe copies the badge's state into `data-porte-voix-probe` on
// the document element every 50 ms, where the test reads it (Chromium's tests use the DevTools
// protocol instead, which Firefox's WebDriver BiDi lacks).
/* global document, setInterval */
'use strict';
setInterval(() => {
  const host = document.querySelector('porte-voix-badge');
  const root = host?.openOrClosedShadowRoot;
  const pill = root?.querySelector('[part="badge"]');
  const state = pill
    ? {
      text: pill.firstChild ? pill.firstChild.data : '',
      state: pill.dataset.state ?? null,
      platform: pill.dataset.platform ?? null,
      title: pill.getAttribute('title'),
      engine: host.dataset.engine ?? null,
      visible: host.hasAttribute('data-visible') && pill.getBoundingClientRect().width > 0,
      shadowRootType: root.mode,
      live: root.querySelector('[aria-live]')?.textContent ?? null,
    }
    : null;
  const json = JSON.stringify(state);
  if (document.documentElement.dataset.porteVoixProbe !== json) document.documentElement.dataset.porteVoixProbe = json;
}, 50);
