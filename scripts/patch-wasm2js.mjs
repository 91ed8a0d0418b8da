// Two fixes to the wasm2js build of engine NAME in DIR (the `--target bundler` glue NAME.js +
// the wasm2js output NAME_bg.wasm.js):
// 1. wasm2js grows memory by copying into a new ArrayBuffer and leaves the old one attached, so
//    wasm-bindgen's cached views (refreshed only when the buffer is detached) keep reading the old
//    memory: every string crossing the boundary after the first growth is garbage. Grow with
//    ArrayBuffer.prototype.transfer (Chrome 114+, Firefox 122+), which detaches the old buffer;
//    elsewhere copy, then detach the old buffer with structuredClone.
// 2. The glue imports the wasm module; point it at the wasm2js module instead.
// Throws when a pattern is missing, so a binaryen or wasm-bindgen upgrade cannot silently undo it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
replaceOnce(join(dir, `${name}.js`), `from "./${name}_bg.wasm";`, `from "./${name}_bg.wasm.js";`);
console.log('patch-wasm2js: memory.grow detaches the old buffer; glue imports the wasm2js module');
