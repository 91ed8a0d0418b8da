// The content scripts a Mastodon instance the user enabled gets, as the manifest declares them for
// the built-in networks: the loader, and the page-world insertion helper where the manifest has it
// (Firefox's build only: Chrome dispatches insertion events from the content script itself). The
// background registers these on the instances; ids stay the same from one version to the next.
export const INSTANCE_SCRIPT_IDS = {
  'content.js': 'mastodon-instances',
  'insert-main.js': 'mastodon-instances-main',
};

/** `scripting.registerContentScripts` entries (without `matches`) from a manifest. */
export function instanceScripts(manifest) {
  return (manifest.content_scripts ?? []).flatMap((c) => {
    const id = INSTANCE_SCRIPT_IDS[c.js?.[0]];
    if (!id) return [];
    return [{ id, js: [...c.js], runAt: c.run_at, ...(c.world ? { world: c.world } : {}) }];
  });
}
