// Shared loader of the extension pages: instantiates the Rust core, then runs one page's entry.
// A failure is shown in the page instead of leaving it blank.
import init, { install_panic_hook } from './pkg/extension.js';

function showError(message) {
  const app = document.getElementById('app');
  const p = document.createElement('p');
  p.className = 'error';
  p.setAttribute('role', 'alert');
  p.textContent = `${chrome.i18n.getMessage('error_start_failed')} (${message})`;
  app.replaceChildren(p);
}

// A coded error (name PorteVoixError, code `area.snake_case`) in the user's words, from _locales;
// anything else by its message.
function describe(err) {
  const code = typeof err?.code === 'string' ? err.code : '';
  const localized = code ? chrome.i18n.getMessage(`error_${code.replace('.', '_')}`) : '';
  return localized || err?.message || String(err);
}

export async function run(entry) {
  try {
    const core = await init({ module_or_path: new URL('./pkg/extension_bg.wasm', import.meta.url) });
    install_panic_hook(showError);
    await entry(core);
    document.body.dataset.ready = 'true';
  } catch (err) {
    console.error('Porte-voix:', err?.code ?? '', err);
    showError(describe(err));
  }
}
