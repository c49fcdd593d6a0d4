// The keypoint model's inference in facepoints' engine and in TensorFlow.js, same architecture
// (Model 2), same headless Chromium, same page, main thread, single-threaded; prints a
// markdown table. Weights do not change the work: TF.js gets Model 2's layers with random
// weights, facepoints the shipped model.
//   node tests/e2e/bench-tfjs.mjs        (after scripts/build-web.sh and npm ci)
// TF.js comes from node_modules, which `facepoints serve` never serves: this benchmark has
// its own static server of the repository root.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { ROOT, browser } from './harness.mjs';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };

async function serve() {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    try {
      const body = await readFile(join(ROOT, path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

const RUNS = 40;
const server = await serve();
const chrome = await browser();
const page = await chrome.newPage();
page.on('console', (m) => { if (m.type() === 'error') console.error(m.text()); });
await page.goto(`${server.url}tests/e2e/blank.html`);
await page.addScriptTag({ url: '/node_modules/@tensorflow/tfjs/dist/tf.min.js' });
await page.addScriptTag({ url: '/node_modules/@tensorflow/tfjs-backend-wasm/dist/tf-backend-wasm.min.js' });

const rows = await page.evaluate(async (RUNS) => {
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const time = async (call) => {
    for (let i = 0; i < 5; i++) await call();
    const ms = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await call();
      ms.push(performance.now() - t);
    }
    return median(ms);
  };
  const gray = (n) => Uint8Array.from({ length: 9216 * n }, (_, i) => (i * 37) % 251);
  const out = [];

  // facepoints: the CPU engine (burn flex) and the GPU engine (WebGPU), shipped Model 2.
  const model = new Uint8Array(await (await fetch('/www/models/default.fpk')).arrayBuffer());
  for (const [engine, backend] of [['cpu', 'cpu'], ['gpu', 'webgpu']]) {
    const module = await import(`/pkg/${engine}/facepoints.js`);
    await module.default();
    const fp = await module.Facepoints.create(model, backend);
    for (const n of [1, 16]) {
      const input = gray(n);
      out.push({ path: `facepoints ${backend === 'cpu' ? 'CPU engine (burn flex, wasm SIMD)' : 'GPU engine (burn WebGPU)'}`, batch: n, ms: await time(() => fp.predictFaces(input)) });
    }
    fp.free();
  }

  // TF.js 4.22: Model 2 as Keras layers (BN; 4 × [Conv3×3 ReLU, MaxPool, BN]; Dense 96 ReLU;
  // Dropout; Dense 30), NHWC.
  const tf = window.tf;
  tf.wasm.setWasmPaths('/node_modules/@tensorflow/tfjs-backend-wasm/dist/');
  for (const backend of ['wasm', 'webgl']) {
    await tf.setBackend(backend);
    await tf.ready();
    const net = tf.sequential();
    net.add(tf.layers.batchNormalization({ inputShape: [96, 96, 1] }));
    for (const filters of [16, 32, 64, 128]) {
      net.add(tf.layers.conv2d({ filters, kernelSize: 3, padding: 'same', activation: 'relu' }));
      net.add(tf.layers.maxPooling2d({ poolSize: 2 }));
      net.add(tf.layers.batchNormalization());
    }
    net.add(tf.layers.flatten());
    net.add(tf.layers.dense({ units: 96, activation: 'relu' }));
    net.add(tf.layers.dropout({ rate: 0.2 }));
    net.add(tf.layers.dense({ units: 30 }));
    if (net.countParams() !== 543490) throw new Error(`TF.js Model 2 has ${net.countParams()} parameters`);
    for (const n of [1, 16]) {
      const input = gray(n);
      out.push({
        path: `TF.js ${backend}${backend === 'wasm' ? ` (SIMD: ${await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')}, threads: ${await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')})` : ''}`,
        batch: n,
        // The same work as facepoints' call: bytes in, normalise, predict, read back.
        ms: await time(async () => {
          const y = tf.tidy(() => net.predict(tf.tensor4d(input, [n, 96, 96, 1], 'float32').div(255)));
          await y.data();
          y.dispose();
        }),
      });
    }
    net.dispose();
  }
  return out;
}, RUNS);

console.log(`| Model 2 inference, median of ${RUNS} (main thread) | batch | ms per call | ms per face |`);
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.path} | ${r.batch} | ${r.ms.toFixed(2)} | ${(r.ms / r.batch).toFixed(2)} |`);
await chrome.close();
server.close();
