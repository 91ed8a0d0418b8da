// Reads `web-ext lint --output json` and fails on any error, and on any warning not explained in
// README.md ("web-ext lint" section) by its code.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const section = readme.split('### web-ext lint')[1]?.split('\n## ')[0] ?? '';
const explained = new Set([...section.matchAll(/`([A-Z0-9_]+)`/g)].map((m) => m[1]));

const line = (m) => `${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} ${m.message}`;
const errors = report.errors ?? [];
const warnings = report.warnings ?? [];
const unexplained = warnings.filter((w) => !explained.has(w.code));
for (const e of errors) console.error(`error   ${line(e)}`);
for (const w of warnings) console.error(`${explained.has(w.code) ? 'warning (explained in README)' : 'warning'} ${line(w)}`);
console.log(`web-ext lint: ${errors.length} errors, ${warnings.length} warnings (${unexplained.length} unexplained)`);
if (errors.length || unexplained.length) process.exit(1);
