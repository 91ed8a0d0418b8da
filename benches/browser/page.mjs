// Runs in the benchmark page: loads our core twice (real wasm and the wasm2js build the content
// script falls back to) next to twitter-text's parseTweet, and exposes one timing function.
import initWasm, * as wasm from '/pkg/porte_voix.js';
import * as w2js from '/pkg/porte_voix_wasm2js.js';

await initWasm({ module_or_path: '/pkg/porte_voix_bg.wasm' });

const engines = {
  wasm: (t) => wasm.count(t, 'x').length,
  wasm2js: (t) => w2js.count(t, 'x').length,
  'twitter-text': (t) => globalThis.twttr.txt.parseTweet(t).weightedLength,
};

function once(fn, posts) {
  const t0 = performance.now();
  let sink = 0;
  for (const p of posts) sink += fn(p);
  return { ms: performance.now() - t0, sink };
}

globalThis.bench = (posts, rounds) => {
  const names = Object.keys(engines);
  // warm-up: one full pass each, so every engine's code is optimised before timing
  for (const name of names) once(engines[name], posts);
  const times = Object.fromEntries(names.map((n) => [n, []]));
  // rounds interleaved, each round in a rotated order: drift in the machine's speed (other
  // processes, thermal, GC pressure) falls on every engine alike
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(r + k) % names.length];
      times[name].push(once(engines[name], posts).ms);
    }
  }
  const out = {};
  for (const name of names) {
    const t = times[name].sort((a, b) => a - b);
    out[name] = { medianMs: t[Math.floor(t.length / 2)], minMs: t[0] };
  }
  const disagreements = posts.filter((p) => engines.wasm(p) !== engines['twitter-text'](p));
  const w2jsDisagree = posts.filter((p) => engines.wasm(p) !== engines.wasm2js(p)).length;
  return { out, disagreements: disagreements.slice(0, 20), disagreementCount: disagreements.length, w2jsDisagree };
};
globalThis.lengthOf = (text) => ({ ours: engines.wasm(text), twitter: engines['twitter-text'](text) });
document.getElementById('status').textContent = 'ready';
