// Removes custom sections from a wasm file: `node strip-section.mjs IN OUT NAME...`.
// The build strips `target_features` so wasm-bindgen emits glue without reference types, which
// binaryen's wasm2js needs (the precompiled std still declares +reference-types there).
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output, ...names] = process.argv.slice(2);
if (!input || !output || names.length === 0) {
  console.error('usage: strip-section.mjs IN OUT NAME...');
  process.exit(2);
}
const bytes = readFileSync(input);
if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error(`${input}: not a wasm module`);

function leb(buf, pos) {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = buf[pos++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if ((b & 0x80) === 0) return [result, pos];
  }
}

const kept = [bytes.subarray(0, 8)];
let removed = 0;
let pos = 8;
while (pos < bytes.length) {
  const start = pos;
  const id = bytes[pos++];
  const [size, body] = leb(bytes, pos);
  const end = body + size;
  let drop = false;
  if (id === 0) {
    const [nameLen, nameStart] = leb(bytes, body);
    const name = bytes.subarray(nameStart, nameStart + nameLen).toString('utf8');
    drop = names.includes(name);
  }
  if (drop) removed++;
  else kept.push(bytes.subarray(start, end));
  pos = end;
}
writeFileSync(output, Buffer.concat(kept));
console.log(`strip-section: removed ${removed} section(s) from ${input}`);
