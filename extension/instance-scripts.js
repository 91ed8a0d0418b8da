// The content scripts a Mastodon instance the user enabled gets, as the manifest declares them for
// the built-in networks: the loader, and the page-world insertion helper where the manifest has it
// (Firefox's build only: Chrome dispatches insertion events from the content script itself). The
// background registers these on the instances; ids stay the same from one version to the next.
export const INSTANCE_SCRIPT_IDS = {
  'content.js': 'mastodon-instances',
  'insert-main.js': 'mastodon-instances-main',
};

/**
 * `scripting.registerContentScripts` entries (without `matches`) from a manifest. `base`: the
 * extension's own URL (`runtime.getURL('')`), which Firefox's `runtime.getManifest()` puts before
 * every script path (`moz-extension://…/content.js`); the paths are given back relative to it.
 * The default world (`ISOLATED`, which Firefox writes out) is left unsaid.
 */
export function instanceScripts(manifest, base = '') {
  const relative = (path) => (base && path.startsWith(base) ? path.slice(base.length) : path);
  return (manifest.content_scripts ?? []).flatMap((c) => {
    const js = (c.js ?? []).map(relative);
    const id = INSTANCE_SCRIPT_IDS[js[0]];
    if (!id) return [];
    return [{ id, js, runAt: c.run_at, ...(c.world && c.world !== 'ISOLATED' ? { world: c.world } : {}) }];
  });
}
