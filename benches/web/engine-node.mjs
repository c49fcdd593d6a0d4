// A photo's whole detection (both detectors, the closer look, the crops, the keypoints:
// `Facepoints.detect`) in the single-threaded CPU engine, run by Node's V8 (the JavaScript
// and WebAssembly engine of Chromium) without a page: no worker hand-off, no decoding, no
// drawing, so the figure moves far less from run to run than the page's (benches/web/bench.mjs)
// and two engines can be compared closely. Each engine folder given is run in turn, `--rounds`
// times; each run times 30 detections after 5 untimed. Prints a markdown table of each
// engine's median over its runs of the per-run median and minimum (ms).
//
//   node benches/web/engine-node.mjs [--rounds 3] [engine folder …]   (default: pkg/cpu)
// (pkg/cpu-relaxed needs relaxed SIMD, behind a flag in Node 20's V8:
//   node --experimental-wasm-relaxed-simd benches/web/engine-node.mjs pkg/cpu pkg/cpu-relaxed)
//
// e.g. the committed engine of an earlier commit beside the current one:
//   git worktree add /tmp/base <rev> && node benches/web/engine-node.mjs /tmp/base/pkg/cpu pkg/cpu

import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, SHARED } from '../../tests/e2e/harness.mjs';

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args.splice(roundsAt, 2)[1]) : 3;
const engines = args.length ? args : [`${ROOT}/pkg/cpu`];
const RUNS = 30;
const WARM = 5;

/** An 8-bit, non-interlaced RGB or RGBA PNG's pixels as RGBA (what the public-domain test
 *  photo is; anything else is refused). */
function decodePng(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  let width, height, channels;
  const data = [];
  while (at < bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      const [depth, colour, , , interlace] = body.subarray(8, 13);
      channels = { 2: 3, 6: 4 }[colour];
      if (depth !== 8 || !channels || interlace) throw new Error('an 8-bit RGB(A) PNG, not interlaced');
    } else if (type === 'IDAT') {
      data.push(body);
    }
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? rows[y * stride + i - channels] : 0;
      const b = y > 0 ? rows[(y - 1) * stride + i] : 0;
      const c = y > 0 && i >= channels ? rows[(y - 1) * stride + i - channels] : 0;
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      const predict = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      rows[y * stride + i] = (line[i] + predict) & 255;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba.set(rows.subarray(i * channels, i * channels + 3), i * 4);
    rgba[i * 4 + 3] = channels === 4 ? rows[i * channels + 3] : 255;
  }
  return { rgba, width, height };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const frame = decodePng(readFileSync(`${SHARED}/data/photos/astronaut.png`));
const model = readFileSync(`${ROOT}/www/models/default.fpk`);
const detector = readFileSync(`${ROOT}/www/models/detectors.bin`);

/** One run of `folder`'s engine: [median, minimum] ms of a detection. */
async function run(folder, round) {
  const dir = resolve(folder);
  // A fresh module per run (the query), so each starts from a new wasm instance.
  const engine = await import(`${pathToFileURL(`${dir}/facepoints.js`)}?run=${round}`);
  engine.initSync({ module: readFileSync(`${dir}/facepoints_bg.wasm`) });
  const fp = await engine.Facepoints.create({ model, detector, backend: 'cpu' });
  for (let i = 0; i < WARM; i++) await fp.detect(frame);
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fp.detect(frame);
    times.push(performance.now() - start);
  }
  fp.free();
  return [median(times), Math.min(...times)];
}

const results = new Map(engines.map((e) => [e, []]));
for (let round = 0; round < rounds; round++) {
  for (const engine of engines) results.get(engine).push(await run(engine, round));
}
console.log(`astronaut.png (512×512), whole detection, single-threaded CPU engine in Node ${process.version}, ${rounds} runs each\n`);
console.log('| engine | median (ms) | minimum (ms) |');
console.log('|---|---|---|');
for (const [engine, runs] of results) {
  const [med, min] = [median(runs.map((r) => r[0])), median(runs.map((r) => r[1]))];
  console.log(`| ${engine} | ${med.toFixed(1)} | ${min.toFixed(1)} |`);
}
