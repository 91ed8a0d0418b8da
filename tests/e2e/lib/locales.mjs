// The extension's UI strings, read from its own _locales: tests compare what the user sees with
// these, never with strings copied into the test.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(new URL('../../..', import.meta.url).pathname);
const cache = new Map();

function messages(lang) {
  if (!cache.has(lang)) {
    cache.set(lang, JSON.parse(readFileSync(join(ROOT, `extension/_locales/${lang}/messages.json`), 'utf8')));
  }
  return cache.get(lang);
}

/**
 * The message `key` in `lang` ('fr' by default: the tests run the browsers in French), with its
 * `$1`…`$9` substitutions filled as `chrome.i18n.getMessage` fills them. Throws on a missing key.
 */
export function t(key, subs = [], lang = 'fr') {
  const entry = messages(lang)[key];
  if (!entry) throw new Error(`no message ${key} in _locales/${lang}`);
  let text = entry.message;
  for (const [name, ph] of Object.entries(entry.placeholders ?? {})) {
    text = text.replaceAll(`$${name}$`, ph.content).replaceAll(`$${name.toUpperCase()}$`, ph.content);
  }
  return text.replace(/\$(\d)/g, (_, n) => subs[Number(n) - 1] ?? '');
}

/** The `_locales` message of an error code (`area.snake_case` → `error_area_snake_case`). */
export const errorMessage = (code, lang = 'fr') => t(`error_${code.replace('.', '_')}`, [], lang);
