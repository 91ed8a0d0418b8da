// The page CSP of each network, as the fixture server sends it with `?csp=site`: one entry per
// network (and one for YouTube Studio, a host of its own), modelled on the policy the real site
// sends, so the picker's extension frame and the content script are proven under the same
// frame-src / child-src / default-src lists and the same script-src keywords.
//
// How they are kept:
// - the directives that decide whether the extension's frame and scripts may run are copied as
//   the site has them: frame-src, child-src, default-src (the fallbacks of frame-src), worker-src,
//   and script-src's keywords ('unsafe-eval', 'wasm-unsafe-eval', 'unsafe-inline', nonces,
//   'strict-dynamic'). No list names chrome-extension: or moz-extension:, as on the real sites.
// - host lists are shortened to the site's own hosts and a few third parties; the fixture's own
//   files are served from the page's origin, so 'self' stays where the site has it, and is added
//   where the site's own hosts (`*.facebook.com`) or its CDN host stand for the page's origin:
//   the same on the real site, and needed where the fixture is served on a port of its own
//   (Firefox), which a host source without a port does not match. frame-src and child-src are
//   left as the site has them.
// - `{nonce}` is replaced by a fresh nonce for each response, and the server puts it on the
//   page's <script> elements, as the sites' servers do.
// - a site that sends several policies (YouTube: Trusted Types in a header of its own) lists
//   them all: every one applies.
// Where a directive of the real policy is not known, the stricter choice is taken and said.

/** Host (the page's host or a parent domain of it) → its policies. */
export const SITE_CSP = {
  // X — modelled on the shape twitter.com's policy had when last published (Scott Helme,
  // "Optimising Twitter's CSP header", 2018: default-src 'self', a nonce, *.twimg.com and X's
  // hosts, frame-src of X's own hosts, its CDN and its login and captcha partners). That 2018
  // script-src also had 'unsafe-eval'; x.com's current one was not found published, so it is
  // taken here without 'unsafe-eval' nor 'wasm-unsafe-eval': the stricter choice, and the case
  // the picker must survive. Modelled 2026-12-01.
  'x.com': [
    "default-src 'self'; " +
      "script-src 'self' 'unsafe-inline' https://*.twimg.com https://x.com https://*.x.com https://twitter.com https://www.google.com/recaptcha/ https://www.gstatic.com/recaptcha/ https://client-api.arkoselabs.com/ https://accounts.google.com/gsi/client 'nonce-{nonce}'; " +
      "style-src 'self' 'unsafe-inline' https://*.twimg.com https://accounts.google.com/gsi/style; " +
      "img-src 'self' blob: data: https://*.twimg.com https://ton.twitter.com; " +
      "connect-src 'self' blob: https://*.twimg.com https://api.x.com https://x.com https://*.x.com wss://*.x.com; " +
      "frame-src 'self' https://x.com https://*.x.com https://twitter.com https://*.twitter.com https://*.twimg.com https://accounts.google.com/ https://client-api.arkoselabs.com/ https://iframe.arkoselabs.com/ https://www.google.com/recaptcha/ https://www.gstatic.com/recaptcha/ https://appleid.apple.com/; " +
      "worker-src 'self' blob:; manifest-src 'self'; media-src 'self' blob: https://*.twimg.com; object-src 'none'; form-action 'self' https://x.com https://*.x.com",
  ],
  // Facebook — the policy of www.facebook.com as quoted in lockdown-systems/cyd pull request 467
  // (2025): default-src of Meta's hosts, script-src with a nonce, blob:, data: and
  // 'wasm-unsafe-eval' (Facebook allows WebAssembly); frame-src of Meta's hosts (Meta's usual list,
  // as Instagram's below). Modelled 2026-12-01.
  'facebook.com': [
    "default-src blob: 'self' https://*.fbsbx.com *.facebook.com *.fbcdn.net; " +
      "script-src *.facebook.com *.fbcdn.net *.facebook.net 'nonce-{nonce}' blob: data: 'self' connect.facebook.net 'wasm-unsafe-eval' https://*.google-analytics.com *.google.com; " +
      "style-src 'self' *.fbcdn.net data: *.facebook.com 'unsafe-inline' https://fonts.googleapis.com; " +
      "connect-src *.facebook.com facebook.com *.fbcdn.net *.facebook.net wss://*.facebook.com:* blob: 'self' *.fbsbx.com; " +
      "font-src 'self' data: *.facebook.com *.fbcdn.net *.fbsbx.com; " +
      "img-src 'self' *.fbcdn.net *.facebook.com data: https://*.fbsbx.com facebook.com *.cdninstagram.com blob:; " +
      "media-src 'self' *.cdninstagram.com blob: *.fbcdn.net *.fbsbx.com www.facebook.com *.facebook.com data:; " +
      "frame-src *.facebook.com *.fbsbx.com fbsbx.com data: www.instagram.com *.fbcdn.net; " +
      "worker-src *.facebook.com/static_resources/webworker_v1/init_script/ blob: 'self'; " +
      "block-all-mixed-content; upgrade-insecure-requests",
  ],
  // Instagram — Meta's policy for www.instagram.com as quoted in qsniyg/maxurl issue 1049 (the
  // enforced header and its report-only twin): script-src with 'unsafe-inline', 'unsafe-eval',
  // blob: and data: (no 'wasm-unsafe-eval', though 'unsafe-eval' allows WebAssembly too);
  // frame-src of Meta's hosts only. Modelled 2026-12-01.
  'instagram.com': [
    "default-src *.facebook.com *.fbcdn.net *.instagram.com data: blob: 'self'; " +
      "script-src *.facebook.com *.fbcdn.net *.facebook.net 'unsafe-inline' 'unsafe-eval' blob: data: 'self' *.instagram.com static.cdninstagram.com; " +
      "style-src data: blob: 'unsafe-inline' *.fbcdn.net *.facebook.com *.instagram.com static.cdninstagram.com 'self'; " +
      "connect-src *.facebook.com facebook.com *.fbcdn.net *.facebook.net wss://*.facebook.com:* blob: *.instagram.com *.cdninstagram.com wss://*.instagram.com:* 'self'; " +
      "font-src 'self' *.facebook.com data: *.fbcdn.net *.instagram.com static.cdninstagram.com; " +
      "img-src 'self' *.instagram.com *.facebook.com *.fbcdn.net data: blob: *.cdninstagram.com *.fbsbx.com; " +
      "media-src 'self' *.facebook.com *.fbcdn.net *.instagram.com *.cdninstagram.com cdn.fbsbx.com data: blob:; " +
      "frame-src *.instagram.com *.facebook.com *.fbsbx.com fbsbx.com data:; " +
      "block-all-mixed-content; upgrade-insecure-requests",
  ],
  // Threads — not found published; modelled on Meta's policy for Instagram above (the same
  // stack), with Threads' hosts (threads.com, threads.net) in place of Instagram's. Modelled
  // 2026-12-01.
  'threads.com': [
    "default-src *.threads.com *.threads.net *.facebook.com *.fbcdn.net *.instagram.com data: blob: 'self'; " +
      "script-src *.threads.com *.threads.net *.facebook.com *.fbcdn.net *.facebook.net *.instagram.com 'unsafe-inline' 'unsafe-eval' blob: data: 'self'; " +
      "style-src data: blob: 'unsafe-inline' *.fbcdn.net *.threads.com *.threads.net 'self'; " +
      "connect-src *.threads.com *.threads.net *.facebook.com *.fbcdn.net *.instagram.com wss://*.threads.com:* blob: 'self'; " +
      "img-src 'self' *.threads.com *.threads.net *.instagram.com *.facebook.com *.fbcdn.net *.cdninstagram.com data: blob:; " +
      "frame-src *.threads.com *.threads.net *.instagram.com *.facebook.com *.fbsbx.com fbsbx.com data:; " +
      "block-all-mixed-content; upgrade-insecure-requests",
  ],
  // LinkedIn — frame-src as quoted from www.linkedin.com's header in stackblitz/core issue 289
  // (2018: LinkedIn's own hosts, licdn.com and a list of embed partners). The rest was not found
  // published: default-src *, child-src and worker-src of blob: and LinkedIn's hosts are modelled
  // on that list; script-src without eval keywords (the stricter choice), 'self' standing for
  // static.licdn.com. Modelled 2026-12-01.
  'linkedin.com': [
    "default-src *; " +
      "script-src 'report-sample' 'self' static.licdn.com static-exp1.licdn.com static-exp2.licdn.com platform.linkedin.com; " +
      "style-src 'self' 'unsafe-inline' static.licdn.com static-exp1.licdn.com; " +
      "img-src 'self' data: blob: *.licdn.com *.linkedin.com; " +
      "connect-src 'self' *.linkedin.com *.licdn.com wss://*.linkedin.com; " +
      "frame-src 'self' *.doubleclick.net www.slideshare.net platform.linkedin.com media-exp1.licdn.com media-exp2.licdn.com media.licdn.com cdn.embedly.com https://www.linkedin.com www.youtube.com www.facebook.com player.vimeo.com embed.ted.com w.soundcloud.com; " +
      "child-src blob: *.licdn.com *.linkedin.com; " +
      "worker-src 'self' blob: static.licdn.com static-exp1.licdn.com; " +
      "object-src 'none'; upgrade-insecure-requests",
  ],
  // Mastodon — the policy Mastodon itself builds (config/initializers/content_security_policy.rb
  // of mastodon/mastodon, production branch, read 2026-12-01): default-src 'none'; script-src
  // 'self' and the assets host only (no eval, no 'wasm-unsafe-eval'); style-src with a nonce;
  // frame-src 'self' https:; child-src and worker-src 'self' blob:. The assets host of
  // mastodon.social (its CDN) is 'self' here. Every instance sends the same (piaille.fr too).
  'mastodon.social': [
    "base-uri 'none'; default-src 'none'; frame-ancestors 'none'; " +
      "font-src 'self'; img-src 'self' https: data: blob:; style-src 'self' 'nonce-{nonce}'; " +
      "media-src 'self' https: data:; frame-src 'self' https:; manifest-src 'self'; " +
      "connect-src 'self' data: blob: wss://mastodon.social; " +
      "script-src 'self'; child-src 'self' blob:; worker-src 'self' blob:; form-action 'self'",
  ],
  // Bluesky — the policy bsky.app's web server sets (bskyweb/cmd/bskyweb/server.go of
  // bluesky-social/social-app, read 2026-12-01): default-src * 'unsafe-inline' blob: (frames from
  // any network address, never from an extension's scheme, which `*` does not match); script-src
  // 'self', its static CDN and www.youtube.com — no eval. Modelled 2026-12-01.
  'bsky.app': [
    "default-src * 'unsafe-inline' blob:; script-src 'self' https://web-cdn.bsky.app www.youtube.com;",
  ],
  // Reddit — frame-src as quoted from www.reddit.com's own header in mkornreich/old_reddit issue
  // 20 (2026-08): Reddit's hosts and its embed partners; script-src: Reddit's hosts with a nonce,
  // without eval keywords (not known here: the stricter choice). Modelled 2026-12-01.
  'reddit.com': [
    "default-src 'self' https://*.reddit.com https://*.redditstatic.com https://*.redd.it; " +
      "script-src 'self' https://www.redditstatic.com https://*.reddit.com 'nonce-{nonce}'; " +
      "style-src 'self' 'unsafe-inline' https://www.redditstatic.com; " +
      "img-src 'self' data: blob: https:; media-src 'self' blob: https://*.redd.it; " +
      "connect-src 'self' https://*.reddit.com wss://*.reddit.com https://*.redditstatic.com; " +
      "frame-src 'self' https://www.reddit.com https://www.youtube.com https://www.youtube-nocookie.com https://player.vimeo.com https://streamable.com https://*.redditmedia.com https://cdn.embedly.com https://redgifs.com https://www.redgifs.com https://embed.reddit.com https://www.tiktok.com/ https://www.instagram.com/; " +
      "child-src 'self' blob: https://*.reddit.com; worker-src 'self' blob:; object-src 'none'",
  ],
  // YouTube — Google's usual pair of policies for www.youtube.com: Trusted Types required for
  // scripts, and a nonce-based script-src with 'strict-dynamic' (host lists, 'self' and
  // 'unsafe-inline' are then ignored: only the nonce admits a script) and 'unsafe-eval'; no
  // frame-src, child-src nor default-src (frames are not restricted). Not found published:
  // modelled 2026-12-01 on Google's strict-CSP recipe (nonce + 'strict-dynamic', Trusted Types),
  // which Google's properties send.
  'youtube.com': [
    "require-trusted-types-for 'script'",
    "script-src 'nonce-{nonce}' 'unsafe-inline' 'strict-dynamic' https: http: 'unsafe-eval'; object-src 'none'; base-uri 'self'",
  ],
  // YouTube Studio (studio.youtube.com) — the same recipe as YouTube, with 'report-sample' and a
  // frame-ancestors of its own. Modelled 2026-12-01.
  'studio.youtube.com': [
    "require-trusted-types-for 'script'",
    "script-src 'report-sample' 'nonce-{nonce}' 'unsafe-inline' 'strict-dynamic' https: http: 'unsafe-eval'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'",
  ],
  // TikTok — the policy of www.tiktok.com as quoted in yt-dlp/yt-dlp issue 17393 (2026-08): one
  // default-src of 'self', 'unsafe-eval', 'unsafe-inline', blob:, data: and a long list of
  // ByteDance, CDN and partner hosts (shortened here). The quote stops inside that list: a
  // frame-src or child-src after it, if any, is not known; here frames fall back to default-src
  // (which names no extension scheme either). Modelled 2026-12-01.
  'tiktok.com': [
    "upgrade-insecure-requests; " +
      "default-src 'self' 'unsafe-eval' 'unsafe-inline' blob: bytedance: data: wss://*.tiktok.com wss://*.tiktokv.com wss://tiktok.com *.akamaized.net *.byteoversea.com *.byteoversea.net *.ibytedtos.com *.ibyteimg.com *.tiktok.com *.tiktokcdn.com *.tiktokcdn-us.com *.tiktokv.com *.ttwstatic.com *.google.com *.googleapis.com *.facebook.com *.doubleclick.net",
  ],
};

// aliases: the same site under another host name
SITE_CSP['twitter.com'] = SITE_CSP['x.com'];
SITE_CSP['threads.net'] = SITE_CSP['threads.com'];
SITE_CSP['piaille.fr'] = SITE_CSP['mastodon.social'];

/**
 * The policies of the site serving `host` (a subdomain such as `www.` takes its domain's, a host
 * with an entry of its own — studio.youtube.com — takes that one), or null when there is none.
 */
export function siteCsp(host) {
  let h = host.replace(/:\d+$/, '').toLowerCase();
  for (;;) {
    if (SITE_CSP[h]) return SITE_CSP[h];
    const dot = h.indexOf('.');
    if (dot < 0) return null;
    h = h.slice(dot + 1);
  }
}

/**
 * Whether a page under `policies` may compile WebAssembly: every policy's script-src (or its
 * default-src, when it has no script-src) has 'wasm-unsafe-eval' or 'unsafe-eval'.
 */
export function allowsWebAssembly(policies) {
  return policies.every((policy) => {
    const directives = new Map(
      policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name.toLowerCase(), values]),
    );
    const sources = directives.get('script-src') ?? directives.get('default-src');
    return !sources || sources.includes("'wasm-unsafe-eval'") || sources.includes("'unsafe-eval'");
  });
}
