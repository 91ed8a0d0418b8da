// Bluesky's count against Bluesky's own code: the official `@atproto/api` finds the links
// (`RichText.detectFacetsWithoutResolution`) and counts graphemes; the app then shortens each link
// before counting (`shortenLinks` / `toShortUrl` in bluesky-social/social-app), written again here
// with the JS `URL` parser as that app does. Our command line counts the same posts; every
// length, every link span and the byte check must agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { bluesky } from './lib/bluesky.mjs';

const require = createRequire(import.meta.url);
const ROOT = new URL('../..', import.meta.url).pathname;
const TLDS = require('tlds');

function ours(texts) {
  const input = texts.map((text) => JSON.stringify({ text })).join('\n') + '\n';
  const bin = join(ROOT, 'target/debug/porte-voix');
  const run = spawnSync(bin, ['check', '--platform', 'bluesky', '--jsonl'], { input, maxBuffer: 1 << 28 });
  // exit 1 says some post is over the limit: still a full report
  assert.ok(run.status === 0 || run.status === 1, `porte-voix exited ${run.status}: ${run.stderr}`);
  return run.stdout.toString().trim().split('\n').map((l) => JSON.parse(l));
}

function compare(texts) {
  const reports = ours(texts);
  assert.equal(reports.length, texts.length);
  const diffs = [];
  texts.forEach((text, i) => {
    const want = bluesky(text);
    const got = reports[i];
    const bytes = got.checks.find((c) => c.code === 'bluesky.bytes')?.value;
    const same = got.length === want.length && bytes === want.bytes && JSON.stringify(got.urls) === JSON.stringify(want.urls);
    if (!same) diffs.push({ text, want, got: { length: got.length, urls: got.urls, bytes } });
  });
  return diffs;
}

test('our Bluesky TLD list is the ASCII part of the `tlds` package @atproto/api uses', () => {
  const file = readFileSync(join(ROOT, 'src/text/tlds_bluesky.txt'), 'utf8')
    .split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  // detectFacets only tries ASCII domains ([a-z][a-z0-9]*(\.[a-z0-9]+)+), so only those matter
  const ascii = TLDS.filter((t) => /^[a-z0-9]+$/.test(t));
  assert.deepEqual([...file].sort(), [...ascii].sort());
});

test('every TLD, linked without a scheme, the way Bluesky links it', () => {
  const texts = TLDS.flatMap((t) => [
    `voir exemple.${t}/une/page/assez/longue merci`,
    `(site.${t})`,
    `fin de phrase exemple.${t}.`,
    `Majuscules EXEMPLE.${t.toUpperCase()} et www.exemple.${t}?x=1`,
  ]);
  assert.deepEqual(compare(texts), []);
});

test('links of every shape: schemes, ports, IDN hosts, paths, queries, punctuation, emoji', () => {
  const texts = [
    'https://example.com',
    'https://example.com/',
    'https://Example.COM:443/a',
    'http://example.com:80/un/deux/trois/quatre',
    'https://example.com:8443/p',
    'https://café.fr/menu/du/jour/complet',
    'https://xn--caf-dma.fr/x',
    'https://example.com/chemin%20encodé/é?q=a b',
    'https://example.com/?q=1#frag-ment-long-long',
    'https://example.com/a,b;c:d!',
    'https://example.com/(parenthèse)',
    '(https://example.com/sans)',
    'https://user:pass@example.com/x',
    'https://example.com/🎉/emoji/dans/le/chemin',
    'http://',
    'https:// espace',
    'ftp://example.com/fichier',
    'lapresse.ca/actualites/2025-01-01/article.php',
    'https://www.lapresse.ca/actualites/2025-01-01/article.php',
    'un.deux.trois.quebec/quatre',
    'a.b',
    'x.com',
    'X.com',
    'e.g. i.e. etc.',
    'nom.prénom@exemple.fr',
    'bonjour.Merci',
    '1.fr 2a.fr a1.fr',
    'ligne\nexemple.fr\r\nautre.fr\u2028sep.fr',
    'tab\texemple.fr',
    'nbsp\u00a0exemple.fr',
    'virgule,exemple.fr',
    'https://example.com/' + 'a'.repeat(400),
    '👩🏽‍💻 https://bsky.app/profile/alice.bsky.social/post/3kxyz 🇨🇦',
    '« https://ici.radio-canada.ca/nouvelle/123456/titre » — Câlisse que c’est long',
    'https://example.com/a/../b/c/d/e/f/g/h',
    'https://example.com/./x/./y/../z/long/enough/path',
    'https://example.com/a/%2e%2e/b/c/d/e/f/g',
    'https://example.com/a/.%2E/b/c/d/e/f/g/h',
    'https://example.com\\a\\b\\c\\d\\e\\f',
    'https://example.com/a?x=1&y=../../z#../frag',
    'https://EXAMPLE.com./trailing/dot/host/name',
    'https://example.com:0443/port',
    'https://例え.テスト/パス/とても/長い/です',
    'https://[::1]/ipv6/address/path/long',
    'https://192.168.0.1/ip/address/path/long',
    'https://0x7f.1/hex/ip/address/path',
    'https://ex%41mple.com/percent/host/long',
    'https://example.com/%7Euser/%7e/long/path',
    'https://example.com/a|b^c`d{e}f/long',
    'https://example.com/' + 'é'.repeat(20),
    'https://1.2.3/three/parts/address',
    'https://08.1/invalid/octal/part/here',
    'https://256.1.1.1/too/big/a/part/here',
    'https://4294967295/largest/single/number',
    'https://4294967296/too/large/single/num',
    'https://1.2.3.4.5/five/parts/is/not/ipv4',
    'https://0x/hex/prefix/alone/is/zero',
    'https://1.2.3.0x/mixed/zero/hex/part',
    'https://ex%ffample.com/not/utf8/host/name',
    'https://ex%2Fample.com/slash/in/host/name',
    'https://%65xample.com/percent/start/long',
    'https://example.com/a/b/c/..',
    'https://example.com/a/b/c/.',
    'https://example.com/../../../../up/up/up/up',
  ];
  assert.deepEqual(compare(texts), []);
});

test('the 10,000-post corpus: every length and link as Bluesky counts it', () => {
  const corpus = JSON.parse(
    execFileSync('cargo', ['run', '--quiet', '--example', 'corpus'], { cwd: ROOT, maxBuffer: 1 << 28 }).toString(),
  );
  assert.ok(corpus.length >= 10000);
  const withLinks = corpus.filter((t) => bluesky(t).urls.length > 0).length;
  assert.ok(withLinks > 1000, `the corpus should exercise links (${withLinks})`);
  const diffs = compare(corpus);
  assert.deepEqual(diffs.slice(0, 5), [], `${diffs.length} of ${corpus.length} posts differ`);
});
