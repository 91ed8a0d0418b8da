import { picker_main, picker_state } from './pkg/extension.js';
import { run } from './pages.js';

// Openings and closings come from the content script of this frame's own tab (top frame), as a
// runtime message: another extension, another tab or a page (which cannot send runtime messages
// at all) is ignored.
const ownTab = chrome.tabs.getCurrent().then((tab) => tab?.id);
let started = false;
const pending = [];
chrome.runtime.onMessage.addListener((message, sender) => {
  if (message?.kind !== 'picker_state' || typeof message.state !== 'string') return false;
  if (sender.id !== chrome.runtime.id || sender.frameId !== 0 || sender.tab?.id === undefined) return false;
  ownTab.then((id) => {
    if (id !== sender.tab.id) return;
    if (started) picker_state(message.state);
    else pending.push(message.state);
  });
  return false;
});

run(async () => {
  await picker_main();
  started = true;
  for (const state of pending.splice(0)) picker_state(state);
});
