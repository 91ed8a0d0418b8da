// Two fixes to the wasm2js build of engine NAME in DIR (the `--target bundler` glue NAME.js +
// the wasm2js output NAME_bg.wasm.js):
// 1. wasm2js grows memory by copying into a new ArrayBuffer and leaves the old one attached, so
//    wasm-bindgen's cached views (refreshed only when the buffer is detached) keep reading the old
//    memory: every string crossing the boundary after the first growth is garbage. Grow with
//    ArrayBuffer.prototype.transfer (Chrome 114+, Firefox 122+), which detaches the old buffer;
//    elsewhere copy, then detach the old buffer with structuredClone.
// 2. The glue imports the wasm module; point it at the wasm2js module instead.
// 3. wasm2js writes the data segments in base64, which hides their repetitions from gzip (a word
//    list gzips a third larger): a segment is written instead as a string of its bytes, one
//    character per byte (U+0000–U+00FF; the bundle is UTF-8, as every module script is), whenever
//    that gzips smaller than its base64. The segments left in base64 are decoded with the
//    browser's Uint8Array.fromBase64 where there is one.
// Throws when a pattern is missing, so a binaryen or wasm-bindgen upgrade cannot silently undo it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [dir, name] = process.argv.slice(2);
if (!dir || !name) {
  console.error('usage: patch-wasm2js.mjs DIR NAME');
  process.exit(2);
}

function replaceOnce(file, from, to) {
  const text = readFileSync(file, 'utf8');
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`${file}: expected the pattern once, found it ${count} times:\n${from}`);
  writeFileSync(file, text.replace(from, to));
}

replaceOnce(
  join(dir, `${name}_bg.wasm.js`),
  `   var newBuffer = new ArrayBuffer(newPages << 16);
   var newHEAP8 = new Int8Array(newBuffer);
   newHEAP8.set(HEAP8);`,
  `   var newBuffer;
   if (buffer.transfer) {
    newBuffer = buffer.transfer(newPages << 16);
   } else {
    newBuffer = new ArrayBuffer(newPages << 16);
    new Int8Array(newBuffer).set(HEAP8);
    structuredClone(buffer, { transfer: [buffer] });
   }`,
);
/** A JS string literal of `bytes`, one character per byte. */
function byteString(bytes) {
  let out = '"';
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i];
    if (b === 0x22) out += '\\"';
    else if (b === 0x5c) out += '\\\\';
    else if (b === 0x0a) out += '\\n';
    else if (b === 0x0d) out += '\\r';
    else if (b < 0x20 || b === 0x7f) out += `\\x${b.toString(16).padStart(2, '0')}`;
    else out += String.fromCharCode(b);
  }
  return `${out}"`;
}

{
  const file = join(dir, `${name}_bg.wasm.js`);
  let text = readFileSync(file, 'utf8');
  const call = /base64DecodeToExistingUint8Array\(bufferView, (\d+), "([A-Za-z0-9+/=]*)"\)/g;
  let [segments, rewritten] = [0, 0];
  text = text.replace(call, (whole, offset, b64) => {
    segments += 1;
    const literal = byteString(Buffer.from(b64, 'base64'));
    if (gzipSync(Buffer.from(literal), { level: 9 }).length >= gzipSync(Buffer.from(whole), { level: 9 }).length) return whole;
    rewritten += 1;
    return `byteStringToExistingUint8Array(bufferView, ${offset}, ${literal})`;
  });
  if (segments === 0) throw new Error(`${file}: no base64 data segment found`);
  // the segments left in base64 (binary tables) are decoded by the browser where it can
  // (Uint8Array.fromBase64: Chrome 140, Firefox 133), not by a JS loop in the module's body
  const base64 = 'function base64DecodeToExistingUint8Array(uint8Array, offset, b64) {';
  if (text.split(base64).length !== 2) throw new Error(`${file}: expected the pattern once:\n${base64}`);
  text = text.replace(base64, `${base64}
    if (Uint8Array.fromBase64) {
      uint8Array.set(Uint8Array.fromBase64(b64), offset);
      return uint8Array;
    }`);
  const decoder = 'function initActiveSegments(imports) {';
  if (text.split(decoder).length !== 2) throw new Error(`${file}: expected the pattern once:\n${decoder}`);
  text = text.replace(decoder, `function byteStringToExistingUint8Array(uint8Array, offset, s) {
    for (var i = 0; i < s.length; i++) uint8Array[offset + i] = s.charCodeAt(i);
  }
${decoder}`);
  writeFileSync(file, text);
  console.log(`patch-wasm2js: ${rewritten} of ${segments} data segments as byte strings`);
}

replaceOnce(join(dir, `${name}.js`), `from "./${name}_bg.wasm";`, `from "./${name}_bg.wasm.js";`);
console.log('patch-wasm2js: memory.grow detaches the old buffer; glue imports the wasm2js module');
