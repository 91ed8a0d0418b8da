import { picker_main, picker_state } from './pkg/extension.js';
import { run } from './pages.js';

// Openings and closings come from the content script of this frame's own tab (top frame), as a
// runtime message: another extension, another tab or a page (which cannot send runtime messages
// at all) is ignored. Chrome gives an extension frame inside a page the `tabs` API and hands it
// the content script's messages; Firefox does neither: there the background carries them to this
// tab (`tabs.sendMessage` reaches only the frames of the tab the content script is in), and only
// those are taken.
const direct = Boolean(chrome.tabs?.getCurrent);
const ownTab = direct ? chrome.tabs.getCurrent().then((tab) => tab?.id) : null;
let started = false;
const pending = [];
function deliver(state) {
  if (started) picker_state(state);
  else pending.push(state);
}
chrome.runtime.onMessage.addListener((message, sender) => {
  if (message?.kind !== 'picker_state' || typeof message.state !== 'string') return false;
  if (sender.id !== chrome.runtime.id) return false;
  if (!direct) {
    // from the background, which is in no tab
    if (sender.tab === undefined && sender.url?.startsWith(chrome.runtime.getURL(''))) deliver(message.state);
    return false;
  }
  if (sender.frameId !== 0 || sender.tab?.id === undefined) return false;
  ownTab.then((id) => {
    if (id === sender.tab.id) deliver(message.state);
  });
  return false;
});

run(async () => {
  await picker_main();
  started = true;
  for (const state of pending.splice(0)) picker_state(state);
});
