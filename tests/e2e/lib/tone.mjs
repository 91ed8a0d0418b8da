// The core's tone report of a text, from the command line (`porte-voix tone --jsonl`, built by
// `cargo build` once per run): the reference the tone tests compare what the extension shows with.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './chromium.mjs';
import { t } from './locales.mjs';

let built = false;

/**
 * `{lang, polarity, score, findings: [{code, severity, spans, args}]}` of `text`, answering
 * `replyTo` when given, with `more` of the command's input fields (`register`, `lang`…).
 */
export function coreReport(text, replyTo, more = {}) {
  const bin = join(ROOT, 'target/debug/porte-voix');
  // built once per run (a no-op when up to date): a binary left from an older checkout would
  // give the old reference. With an example, as `cargo test` builds it (the test dependencies
  // switch on features of shared crates): after `cargo test` this rebuilds nothing.
  if (!built) {
    execFileSync('cargo', ['build', '--bin', 'porte-voix', '--example', 'corpus'], { cwd: ROOT, stdio: 'ignore' });
    built = true;
  }
  const line = replyTo === undefined ? { text, ...more } : { text, reply_to: replyTo, ...more };
  return JSON.parse(execFileSync(bin, ['tone', '--jsonl'], { input: `${JSON.stringify(line)}\n` }).toString());
}

/**
 * Each finding's `_locales` message (`tone.shouting` → `tone_shouting`, its arguments in order);
 * how negative a text reads is said in words by the finding's severity, not with its score
 * (`tone_negative_slight` at info severity).
 */
export const findingMessages = (report, lang = 'fr') =>
  report.findings.map((f) => (f.code === 'tone.negative' && f.severity === 'info'
    ? t('tone_negative_slight', [], lang)
    : t(f.code.replace('.', '_'), Object.values(f.args ?? {}), lang)));
