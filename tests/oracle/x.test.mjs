// X's count against X's own code: the official `twitter-text` package's `parseTweet` (3.1.0, the
// library X's web composer runs) on the 10,000-post benchmark corpus and on texts at the limit.
// Our command line (`check --platform x --jsonl`, the same `length::count` the badge runs) must
// give the same weighted length, the same verdict and the same link spans on every post, and mark
// the overflow right after parseTweet's valid range.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const twitter = require('twitter-text');
const ROOT = new URL('../..', import.meta.url).pathname;

function ours(texts, args = []) {
  const input = texts.map((text) => JSON.stringify({ text })).join('\n') + '\n';
  const bin = join(ROOT, 'target/debug/porte-voix');
  const run = spawnSync(bin, ['check', '--platform', 'x', '--jsonl', ...args], { input, maxBuffer: 1 << 28 });
  // exit 1 says some post is over the limit: still a full report
  assert.ok(run.status === 0 || run.status === 1, `porte-voix exited ${run.status}: ${run.stderr}`);
  return run.stdout.toString().trim().split('\n').map((l) => JSON.parse(l));
}

/** What X's composer says of a text: parseTweet, and the links twitter-text extracts. */
function theirs(text, maxWeightedTweetLength = 280) {
  const p = twitter.parseTweet(text, { ...twitter.configs.defaults, maxWeightedTweetLength });
  const urls = twitter.extractUrlsWithIndices(text).map((u) => ({ start: u.indices[0], end: u.indices[1] }));
  return { length: p.weightedLength, valid: p.valid, validRangeEnd: p.validRangeEnd, urls };
}

function compare(texts, premium = false) {
  const reports = ours(texts, premium ? ['--x-premium'] : []);
  assert.equal(reports.length, texts.length);
  const diffs = [];
  texts.forEach((text, i) => {
    const want = theirs(text, premium ? 25000 : 280);
    const got = reports[i];
    const over = got.overflow ? got.overflow.start : null;
    // past the limit, our mark starts with the unit after parseTweet's valid range (those texts
    // are NFC, without invalid characters, and the unit after the range starts a character)
    const wantOver = want.length > got.limit ? want.validRangeEnd + 1 : null;
    const same = got.length === want.length
      && (got.valid && got.length > 0) === want.valid
      && over === wantOver
      && JSON.stringify(got.urls) === JSON.stringify(want.urls);
    if (!same) diffs.push({ text, want, got: { length: got.length, valid: got.valid, overflow: got.overflow, urls: got.urls } });
  });
  return diffs;
}

test('the 10,000-post corpus: every weighted length, verdict and link as parseTweet counts it', () => {
  const corpus = JSON.parse(
    execFileSync('cargo', ['run', '--quiet', '--example', 'corpus'], { cwd: ROOT, maxBuffer: 1 << 28 }).toString(),
  );
  assert.ok(corpus.length >= 10000);
  // the corpus exercises what X weighs specially: links, emoji, CJK, and posts past 280
  assert.ok(corpus.filter((t) => theirs(t).urls.length > 0).length > 1000);
  assert.ok(corpus.filter((t) => theirs(t).length > 280).length > 100);
  assert.ok(corpus.filter((t) => /\p{Extended_Pictographic}/u.test(t)).length > 1000);
  const diffs = compare(corpus);
  assert.deepEqual(diffs.slice(0, 5), [], `${diffs.length} of ${corpus.length} posts differ`);
});

test('texts at the limit and past it: the same count and the overflow at the same place', () => {
  const texts = [];
  for (const unit of ['a', 'é', '東', '👍🏽', '👨‍👩‍👧‍👦', '🇨🇦', 'https://exemple.quebec/chemin ', 'ça ']) {
    for (const n of [139, 140, 141, 279, 280, 281, 300]) texts.push(unit.repeat(n));
  }
  texts.push(`${'Merci à toute l’équipe de Montréal! '.repeat(8)}https://www.lapresse.ca/actualites/2025-06-24/fete-nationale.php`);
  texts.push(`${'x'.repeat(257)} https://t.co/abcdefghij`);
  texts.push(`${'x'.repeat(257)}https://t.co/abcdefghij`);
  assert.deepEqual(compare(texts), []);
  // X Premium: 25,000
  assert.deepEqual(compare(['a'.repeat(25000), 'a'.repeat(25001), '東'.repeat(12501)], true), []);
});
