import { popup_main, background_capture_sources } from './pkg/extension.js';
import { run } from './pages.js';
import { collect } from './collect.js';

// The popup's capture reads the active tab only when the user presses its button (activeTab).
globalThis.porteVoixActiveTab = async () => {
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab ? { id: tab.id, url: tab.url ?? null, title: tab.title ?? null } : null;
};
globalThis.porteVoixReadTab = async (tab) => {
  try {
    const [frame] = await chrome.scripting.executeScript({
      target: { tabId: tab.id },
      func: collect,
      args: [JSON.parse(background_capture_sources())],
    });
    return frame?.result ?? null;
  } catch (err) {
    console.warn('Porte-voix: capture reads the tab address only:', err?.message ?? err);
    return { candidates: { page_url: tab.url ?? '', title: tab.title ?? null } };
  }
};

run(() => popup_main());
