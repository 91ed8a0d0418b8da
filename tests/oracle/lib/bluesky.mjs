// What the Bluesky composer counts for a text, by Bluesky's own code: `@atproto/api` finds the
// links (`RichText.detectFacetsWithoutResolution`) and counts graphemes; the app shortens each
// link before counting (`shortenLinks` / `toShortUrl` in bluesky-social/social-app), written
// again here over the JS `URL` parser as that app does. Shared by tests/oracle and tests/e2e.
import { RichText, UnicodeString } from '@atproto/api';

/** The app's toShortUrl: host + path, a path over 15 characters cut to 13 and `...`. */
function toShortUrl(url) {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return url;
    const path = (u.pathname === '/' ? '' : u.pathname) + u.search + u.hash;
    if (path.length > 15) return u.host + path.slice(0, 13) + '...';
    return u.host + path;
  } catch {
    return url;
  }
}

/** What the Bluesky composer counts, and the links it found (UTF-16 spans of the typed text). */
export function bluesky(text) {
  const rt = new RichText({ text });
  rt.detectFacetsWithoutResolution();
  const links = (rt.facets ?? [])
    .filter((f) => f.features.some((x) => x.$type === 'app.bsky.richtext.facet#link'))
    .map((f) => f.index)
    .sort((a, b) => a.byteStart - b.byteStart);
  const bytes = Buffer.from(text, 'utf8');
  const at16 = (byte) => bytes.subarray(0, byte).toString('utf8').length;
  const spans = links.map(({ byteStart, byteEnd }) => ({ start: at16(byteStart), end: at16(byteEnd) }));
  // shortenLinks, from the last link back so earlier offsets stay valid
  let shortened = text;
  for (const s of [...spans].reverse()) {
    shortened = shortened.slice(0, s.start) + toShortUrl(text.slice(s.start, s.end)) + shortened.slice(s.end);
  }
  return { length: new UnicodeString(shortened).graphemeLength, urls: spans, bytes: rt.length };
}

