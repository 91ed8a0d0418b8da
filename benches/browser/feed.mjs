// What the content script costs on a long feed, with the real extension: in Chromium with the
// built extension loaded, X's fixture page with a 2,000-post feed (tests/fixtures/sites/x/feed.html:
// posts in X's markup, article[data-testid=tweet], mounted in batches of 40 as the page scrolls,
// a relative time refreshed every second, a Draft.js reply composer on top, NOT focused), X's
// strict CSP. Each run opens the page in a new tab and scrolls to the end of the feed with the
// mouse wheel (every post mounted, the page's observers run as on a live page), in a browser WITH
// the extension and in one WITHOUT it (same Chromium, same flags otherwise, a fresh profile each;
// the two alternate first, run by run, so the machine's drift falls on both).
//
// 1. Before a composer is focused (page load + scroll through the feed):
//    - the renderer's main-thread scripting (CDP Performance.getMetrics ScriptDuration, and
//      TaskDuration: every task of the main thread, style and layout included), with minus without
//      the extension, medians over the runs;
//    - the extension's own work, from a trace of the renderer (see `traced`): each injection of
//      its scripts (EvaluateScript: compile + run) and each call into them, in main-thread CPU
//      time (the thread clock, which the machine's load does not inflate) and wall time. THIS
//      is the figure for "what the content script adds": the whole-renderer counters above
//      move by hundreds of ms between runs of the same page (seconds of layout and script for
//      2,000 posts), far too much to see 5 ms in their difference;
//    - the CPU profiler's samples (100 µs) whose stack holds a frame of the extension (a URL under
//      chrome-extension://<id>/, or wasm://: the page itself has no wasm), split by function, so
//      a reader sees what runs. Wall time, sampled: inflated on a loaded machine, and it misses
//      the injection when the navigation moves the tab to a new renderer before the profiler
//      restarts there (min 0.4 ms in some runs).
//    Counted: everything the renderer's main thread runs for this tab from the navigation to the
//    end of the scroll (content script injection, its parse and run, its listeners; V8's compile
//    of its file shows as the script's first samples). Not counted: the extension's service worker
//    (another process: the `hello` it answers), the browser process, and the page's other
//    threads (workers, the compositor).
// 2. Between keystrokes, once the composer is focused: after the engine has started (the badge
//    shown, then 1 s), a French sentence without a trigger is typed into the Draft.js composer, one
//    key every 40 ms: ScriptDuration, TaskDuration and ThreadTime per key with and without the
//    extension; the profiler's samples under the extension's URLs per key, by function; then the
//    same sentence typed again under the trace, the extension's calls per key by their cause
//    (`keydown`: the trigger key check; `input`: the input listener and the mutation observer,
//    which only schedule the recount; `animation frame`: the length badge's refresh — read the
//    composer, count, draw the badge and the overflow mark, place them), with the style and
//    layout they force. The typed text is checked in the editor's model.
// The page's CSP is X's strict one, so the engine is wasm2js (as on x.com); CSP=none for a page
// without one (the wasm engine).
// Usage: node benches/browser/feed.mjs [EXT_DIR]   (after scripts/build.sh; RUNS=n, default 5;
// CSP=strict|none)
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { startServer, hostResolverRules } from '../../tests/e2e/lib/server.mjs';
import { launch, waitForBadge } from '../../tests/e2e/lib/chromium.mjs';
import { buildFixtures } from '../../tests/e2e/build-fixtures.mjs';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const EXT = resolve(process.argv[2] ?? join(ROOT, 'dist/chrome'));
const RUNS = Number(process.env.RUNS ?? 5);
// X's strict CSP (the wasm2js engine, as on x.com); CSP=none: a page that allows wasm (the wasm
// engine, whose files the loader prepares while the page is idle)
const URL_FEED = `https://x.com/feed.html?csp=${process.env.CSP ?? 'strict'}`;
const X_DRAFT = '[data-testid="tweetTextarea_0"]';
const SENTENCE = 'Merci Chloé pour votre message, notre équipe de Montréal vous répond très vite 🙂';

/** A browser without the extension, launched as tests/e2e/lib/chromium.mjs launches one with it. */
async function launchBare(port) {
  const profile = mkdtempSync(join(tmpdir(), 'pv-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    colorScheme: 'light',
    locale: 'fr-FR',
    env: { ...process.env, LANGUAGE: 'fr', LANG: 'fr_FR.UTF-8' },
    viewport: { width: 1100, height: 760 },
    ignoreHTTPSErrors: true,
    args: [
      hostResolverRules(port), '--lang=fr-FR', '--ignore-certificate-errors',
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  return { context, extensionId: null, close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
}

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(list.map((x) => [x.name, x.value]));
  return { script: m.ScriptDuration * 1000, task: m.TaskDuration * 1000, thread: m.ThreadTime * 1000 };
}

/** The difference of two metric readings; a new renderer (cross-process navigation) starts at 0. */
function diff(a, b) {
  return b.script >= a.script ? { script: b.script - a.script, task: b.task - a.task, thread: b.thread - a.thread } : b;
}

/**
 * A CPU profile's time under the extension's frames: total, by entry (outermost extension frame)
 * and by self function (the sample's leaf; native leaves such as DOM calls name themselves).
 */
function extensionTime(profile, extensionId) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ours = (f) => (extensionId && f.url.startsWith(`chrome-extension://${extensionId}/`)) || f.url.startsWith('wasm://');
  const name = (f) => `${f.functionName || '(anonymous)'} ${f.url ? basename(f.url) : ''}`.trim();
  const out = { total: 0, entry: {}, self: {} };
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    let outer = null;
    for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const f = nodes.get(id).callFrame;
      if (ours(f)) outer = f;
    }
    if (!outer) continue;
    out.total += dt;
    out.entry[name(outer)] = (out.entry[name(outer)] ?? 0) + dt;
    const leaf = name(nodes.get(profile.samples[i]).callFrame);
    out.self[leaf] = (out.self[leaf] ?? 0) + dt;
  }
  return out;
}

/**
 * Records a trace of `body` (the renderer's timeline) and sums the extension's work in it: every
 * outermost event of the main thread that names a script of the extension (EvaluateScript and
 * v8.compile: a content script's injection; FunctionCall: the browser calling one of its
 * listeners or callbacks), by cause: the event being dispatched (`keydown`, `input`… a listener,
 * or a mutation observer's callback run at the end of that event's handlers), `animation frame` (a
 * requestAnimationFrame callback), `timer`, or `task` (anything else: messages, microtasks,
 * injection). Each with its wall time (`ms`) and the main thread's CPU time (`cpu`, the trace's
 * thread clock: what the machine's load does not inflate). Style and layout forced from inside
 * a call (reading a position) are part of the call, and also summed apart (`layout`, CPU): work
 * the page's next frame would mostly have done anyway.
 */
async function traced(cdp, extensionId, body) {
  const events = [];
  const onData = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8', transferMode: 'ReportEvents' });
  await body();
  const complete = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', onData);
  const urlOf = (e) => e.args?.data?.url ?? e.args?.data?.fileName ?? e.args?.fileName ?? e.args?.data?.scriptName;
  const ours = (e) => extensionId !== null && String(urlOf(e) ?? '').startsWith(`chrome-extension://${extensionId}/`);
  const spans = events.filter((e) => e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const out = { causes: {}, names: {} };
  const open = new Map(); // tid → the spans that contain the current one
  for (const e of spans) {
    const stack = open.get(e.tid) ?? [];
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    open.set(e.tid, stack);
    const top = stack.find(ours);
    if (top && ['Layout', 'UpdateLayoutTree'].includes(e.name) && !stack.some((x) => ['Layout', 'UpdateLayoutTree'].includes(x.name))) {
      // style and layout forced from inside the extension's call
      for (const c of top.counted) c.layout += (e.tdur ?? 0) / 1000;
    }
    if (ours(e) && !top) {
      const ctx = [...stack].reverse().find((x) => ['EventDispatch', 'FireAnimationFrame', 'TimerFire'].includes(x.name));
      const cause = !ctx ? 'task' : ctx.name === 'EventDispatch' ? ctx.args?.data?.type ?? 'event' : ctx.name === 'FireAnimationFrame' ? 'animation frame' : 'timer';
      for (const [table, key] of [[out.causes, cause], [out.names, `${e.name} ${String(urlOf(e)).split('/').pop()}`]]) {
        const c = (table[key] ??= { ms: 0, cpu: 0, layout: 0, calls: 0 });
        c.ms += e.dur / 1000;
        c.cpu += (e.tdur ?? 0) / 1000;
        c.calls += 1;
        (e.counted ??= []).push(c);
      }
    }
    stack.push(e);
  }
  return out;
}

async function profiled(cdp, body) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const before = await metrics(cdp);
  await body();
  const after = await metrics(cdp);
  const { profile } = await cdp.send('Profiler.stop');
  return { cpu: diff(before, after), profile };
}

async function feedRun(browser) {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  let loadTrace = null;
  const load = await profiled(cdp, () => traced(cdp, browser.extensionId, async () => {
    await page.goto(URL_FEED, { waitUntil: 'load' });
    await page.mouse.move(550, 400);
    for (let step = 0; ; step++) {
      await page.mouse.wheel(0, 1500);
      await page.waitForTimeout(20);
      if (step % 10 === 9 && await page.evaluate(() => window.__feed?.done && window.scrollY + innerHeight >= document.documentElement.scrollHeight - 2)) break;
      if (step > 2000) throw new Error('the feed never ended');
    }
    await page.waitForTimeout(500);
  }).then((t) => { loadTrace = t; }));
  const state = await page.evaluate((sel) => ({
    posts: document.querySelectorAll('article[data-testid=tweet]').length,
    focused: document.activeElement?.closest(sel) !== null || document.activeElement?.matches(sel),
  }), X_DRAFT);
  if (state.posts !== 2000 || state.focused) throw new Error(`unexpected page state ${JSON.stringify(state)}`);

  // 2. the composer focused, the engine started, a sentence typed
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator(X_DRAFT).click();
  if (browser.extensionId) await waitForBadge(page, (b) => b.visible, { what: 'the badge' });
  await page.waitForTimeout(1000);
  const typing = await profiled(cdp, async () => {
    await page.keyboard.type(SENTENCE, { delay: 40 });
    await page.waitForTimeout(200);
  });
  // the same typing again, traced (not profiled: the profiler's samples would lengthen the calls)
  let typingTrace = null;
  if (browser.extensionId) {
    typingTrace = await traced(cdp, browser.extensionId, async () => {
      await page.keyboard.type(SENTENCE, { delay: 40 });
      await page.waitForTimeout(200);
    });
  }
  const typed = await page.evaluate(() => window.__fixture.modelText());
  if (typed !== (browser.extensionId ? SENTENCE + SENTENCE : SENTENCE)) throw new Error(`typed ${JSON.stringify(typed)}`);
  await cdp.detach();
  await page.close();
  return {
    load: { ...load.cpu, ext: extensionTime(load.profile, browser.extensionId), trace: loadTrace },
    typing: { ...typing.cpu, ext: extensionTime(typing.profile, browser.extensionId), trace: typingTrace },
  };
}

await buildFixtures();
const server = await startServer();
const browsers = { with: await launch({ port: server.port, extDir: EXT }), without: await launchBare(server.port) };
const version = execFileSync(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
const results = { with: [], without: [] };
for (let run = 0; run < RUNS; run++) {
  for (const arm of run % 2 ? ['without', 'with'] : ['with', 'without']) results[arm].push(await feedRun(browsers[arm]));
}
for (const b of Object.values(browsers)) await b.close();
await server.close();

const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const f = (n, d = 1) => n.toFixed(d);
const keys = [...SENTENCE].length;
const col = (arm, phase, k) => results[arm].map((r) => r[phase][k]);
console.log(`${EXT}; ${version}; RUNS=${RUNS}; load average ${loadavg().map((l) => f(l)).join(' ')}; medians (min–max)`);
console.log('\n1. Page load + scroll through the 2,000-post feed, composer not focused (ms of the renderer\'s main thread)');
console.log('| | ScriptDuration | TaskDuration | main-thread CPU (ThreadTime) | profiler: extension frames |');
console.log('|---|---:|---:|---:|---:|');
const cell = (a) => `${f(median(a))} (${f(Math.min(...a))}–${f(Math.max(...a))})`;
for (const arm of ['with', 'without']) {
  console.log(`| ${arm} the extension | ${cell(col(arm, 'load', 'script'))} | ${cell(col(arm, 'load', 'task'))} | ${cell(col(arm, 'load', 'thread'))} | ${arm === 'with' ? cell(results.with.map((r) => r.load.ext.total)) : '–'} |`);
}
const dm = (phase, k, per = 1) => f((median(col('with', phase, k)) - median(col('without', phase, k))) / per, per === 1 ? 1 : 2);
console.log(`| difference of the medians | ${dm('load', 'script')} | ${dm('load', 'task')} | ${dm('load', 'thread')} | |`);
console.log(`\n2. Typing ${keys} keys (no trigger) into the focused composer, per key (ms)`);
console.log('| | ScriptDuration | TaskDuration | main-thread CPU | profiler: extension frames |');
console.log('|---|---:|---:|---:|---:|');
for (const arm of ['with', 'without']) {
  const per = (k) => f(median(col(arm, 'typing', k)) / keys, 2);
  console.log(`| ${arm} the extension | ${per('script')} | ${per('task')} | ${per('thread')} | ${arm === 'with' ? f(median(results.with.map((r) => r.typing.ext.total)) / keys, 3) : '–'} |`);
}
console.log(`| difference of the medians | ${dm('typing', 'script', keys)} | ${dm('typing', 'task', keys)} | ${dm('typing', 'thread', keys)} | |`);
/** The traced work of the extension in `phase`, by `part` (causes, names), per run and per `per`. */
function tracedTable(phase, part, per) {
  const acc = {};
  for (const r of results.with) {
    for (const [k, v] of Object.entries(r[phase].trace[part])) {
      const a = (acc[k] ??= { ms: [], cpu: [], layout: [], calls: 0 });
      a.ms.push(v.ms);
      a.cpu.push(v.cpu);
      a.layout.push(v.layout);
      a.calls += v.calls;
    }
  }
  const pad = (a) => [...a, ...Array(RUNS - a.length).fill(0)];
  return Object.entries(acc).map(([k, v]) => [k, median(pad(v.ms)) / per, median(pad(v.cpu)) / per, median(pad(v.layout)) / per, v.calls / RUNS / per])
    .sort((a, b) => b[2] - a[2])
    .map(([k, ms, cpu, layout, calls]) => `| ${k} | ${f(cpu, 3)} | ${f(layout, 3)} | ${f(ms, 3)} | ${f(calls, 2)} |`).join('\n');
}
const total = (phase, k, per) => median(results.with.map((r) => Object.values(r[phase].trace.causes).reduce((n, v) => n + v[k], 0))) / per;
console.log(`\nTraced: the extension's work on the main thread, before the focus (per run) — CPU ${f(total('load', 'cpu', 1), 2)} ms, wall ${f(total('load', 'ms', 1), 2)} ms`);
console.log('| event | CPU ms | of which forced style + layout | wall ms | events |\n|---|---:|---:|---:|---:|');
console.log(tracedTable('load', 'names', 1));
console.log(`\nTraced: typing ${keys} more keys, the extension's work per key — CPU ${f(total('typing', 'cpu', keys), 3)} ms, wall ${f(total('typing', 'ms', keys), 3)} ms`);
console.log('| cause | CPU ms | of which forced style + layout | wall ms | calls |\n|---|---:|---:|---:|---:|');
console.log(tracedTable('typing', 'causes', keys));
const split = (phase, part, per) => {
  const sum = {};
  for (const r of results.with) for (const [k, v] of Object.entries(r[phase].ext[part])) sum[k] = (sum[k] ?? 0) + v;
  return Object.entries(sum).sort((a, b) => b[1] - a[1]).slice(0, 12)
    .map(([k, v]) => `  ${f(v / RUNS / per, 3)} ms  ${k}`).join('\n');
};
console.log('\nBefore the focus, extension time per run by entry point:\n' + split('load', 'entry', 1));
console.log('…by function:\n' + split('load', 'self', 1));
console.log('\nTyping, extension time per key by entry point:\n' + split('typing', 'entry', keys));
console.log('…by function:\n' + split('typing', 'self', keys));
