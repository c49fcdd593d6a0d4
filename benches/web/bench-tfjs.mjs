// facepoints against TensorFlow.js 4.22 on the study's Model 2 and Model 3, built from the same
// layer list (tfjs-models.js), in the same headless Chromium, on the same page's main thread,
// single-threaded (no cross-origin isolation, so neither side has wasm threads):
//  - inference, bytes in → keypoints out: batch 1 (median and p95 of ≥ 200 calls), batch 16
//    and 64 (median per call);
//  - training, Adam, random faces: steady-state images/s at batch 32 and 128 after the warm-up
//    steps, and the warm-up's own time.
// Pairs: facepoints' CPU engine vs TF.js wasm (XNNPACK, SIMD; its missing Conv2DBackpropFilter
// added here from its own matMul, see tfjs-models.js), and with --gpu facepoints' WebGPU engine
// vs TF.js webgl (on this machine's adapter; SwiftShader here, so fewer calls).
// With --threads N, inference only, both with N threads: the page is cross-origin isolated,
// TF.js's wasm backend runs its threaded build (setThreadsCount(N)) on the main thread, and
// facepoints' threaded CPU engine (pkg/cpu-mt, startThreads(N)) runs in a worker
// (threads-worker.js), each timed on its own thread.
// Prints one markdown table (ratio > 1: facepoints faster) and writes the rows as JSON.
// facepoints' CPU engine is the one the site picks in this browser: with relaxed SIMD
// (pkg/cpu-relaxed, pkg/cpu-mt-relaxed) where Chromium has it, unless `--relaxed 0`.
//   node benches/web/bench-tfjs.mjs [--gpu | --gpu-only] [--only inference|training] [--threads N] [--relaxed 0] [--json FILE]
//   (after scripts/build-web.sh and npm ci)
// TF.js comes from node_modules, which `facepoints serve` never serves: this benchmark has
// its own static server of the repository root.
import { createServer } from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, browser } from '../../tests/e2e/harness.mjs';

const { values: args } = parseArgs({
  options: {
    gpu: { type: 'boolean', default: false },
    'gpu-only': { type: 'boolean', default: false },
    only: { type: 'string' },
    json: { type: 'string', default: 'bench-tfjs.json' },
    threads: { type: 'string', default: '0' },
    relaxed: { type: 'string', default: '1' },
  },
});
const threads = Number(args.threads);
if (!Number.isInteger(threads) || threads < 0) throw new Error(`--threads takes a whole number (got ${args.threads})`);
if (threads) args.only = 'inference'; // facepoints' training loop runs on the page's thread here
// Wasm threads need a cross-origin isolated page (SharedArrayBuffer).
const ISOLATION = threads ? { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' } : {};
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };

async function serve() {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    try {
      const body = await readFile(join(ROOT, path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', ...ISOLATION }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

// How much is measured. A software GPU is ~100× slower, so it gets fewer calls and steps.
const PLAN = {
  cpu: { latencyCalls: 200, batchCalls: 20, warmSteps: 3, timedSteps: { 32: 6, 128: 3 }, trainBatches: [32, 128] },
  gpu: { latencyCalls: 30, batchCalls: 5, warmSteps: 2, timedSteps: { 32: 2 }, trainBatches: [32] },
};

const server = await serve();
const chrome = await browser({ webgpu: args.gpu || args['gpu-only'], ownSite: false });
const page = await chrome.newPage();
page.on('console', (m) => { if (m.type() === 'error') console.error(m.text()); });
page.on('response', (r) => { if (r.status() >= 400) console.error(`${r.status()} ${r.url()}`); });
await page.goto(`${server.url}benches/web/blank.html${args.relaxed === '0' ? '?relaxed=0' : ''}`);
await page.addScriptTag({ url: '/node_modules/@tensorflow/tfjs/dist/tf.min.js' });
await page.addScriptTag({ url: '/node_modules/@tensorflow/tfjs-backend-wasm/dist/tf-backend-wasm.min.js' });

const setup = await page.evaluate(async (threads) => {
  const tf = window.tf;
  tf.wasm.setWasmPaths('/node_modules/@tensorflow/tfjs-backend-wasm/dist/');
  if (threads) tf.wasm.setThreadsCount(threads);
  const { registerConv2DBackpropFilter, filterGradient } = await import('/benches/web/tfjs-models.js');
  registerConv2DBackpropFilter(tf);
  // The added kernel against TF.js's own CPU kernel on a small case: the weight gradient of a
  // 3×3 "same" convolution.
  const gradient = async (backend) => {
    await tf.setBackend(backend);
    const x = tf.tensor4d(Array.from({ length: 2 * 7 * 6 * 3 }, (_, i) => Math.sin(i)), [2, 7, 6, 3]);
    const w = tf.tensor4d(Array.from({ length: 3 * 3 * 3 * 4 }, (_, i) => Math.cos(i)), [3, 3, 3, 4]);
    const dw = tf.grad((f) => tf.conv2d(x, f, 1, 'same').square().sum())(w);
    return Array.from(await dw.data());
  };
  const cpu = await gradient('cpu');
  let worst = 0;
  for (const via of ['matmul', 'conv3d']) {
    filterGradient.via = via;
    const wasm = await gradient('wasm');
    worst = Math.max(worst, ...cpu.map((v, i) => Math.abs(v - wasm[i]) / Math.max(1, Math.abs(v))));
    if (!(worst < 1e-4)) throw new Error(`the added Conv2DBackpropFilter (${via}) is wrong: ${worst}`);
  }
  // TF.js gets the faster of the two, timed on Model 3's largest weight gradient (5×5,
  // 32 → 32 channels at 48×48, batch 32).
  const filterMs = {};
  {
    const x = tf.randomNormal([32, 48, 48, 32]);
    const dy = tf.randomNormal([32, 48, 48, 32]);
    for (const via of ['matmul', 'conv3d']) {
      filterGradient.via = via;
      const ms = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        const g = tf.grad((w) => tf.conv2d(x, w, 1, 'same').mul(dy).sum())(tf.zeros([5, 5, 32, 32]));
        await g.data();
        g.dispose();
        ms.push(performance.now() - t);
      }
      filterMs[via] = Math.min(...ms);
    }
    tf.dispose([x, dy]);
  }
  filterGradient.via = filterMs.matmul <= filterMs.conv3d ? 'matmul' : 'conv3d';
  await tf.setBackend('wasm');
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const multithread = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  if (threads && !multithread) throw new Error('TF.js found no wasm threads on the isolated page');
  return { filterCheck: worst, filterMs, filterVia: filterGradient.via, ua: navigator.userAgent, simd, threads: multithread, tfjsThreads: threads ? tf.wasm.getThreadsCount() : 1 };
}, threads);

const rows = await page.evaluate(async ({ PLAN, gpu, gpuOnly, only, threads }) => {
  const tf = window.tf;
  const { buildModel } = await import('/benches/web/tfjs-models.js');
  const sorted = (xs) => [...xs].sort((a, b) => a - b);
  const quantile = (xs, q) => sorted(xs)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
  const times = async (call, n) => {
    for (let i = 0; i < 3; i++) await call();
    const ms = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await call();
      ms.push(performance.now() - t);
    }
    return ms;
  };
  const gray = (n) => Uint8Array.from({ length: 9216 * n }, (_, i) => (i * 37 + (i >> 7)) % 251);
  const out = [];
  let adapter = null;
  if (gpu || gpuOnly) {
    const a = await navigator.gpu?.requestAdapter();
    const info = a?.info ?? {};
    adapter = a ? `${info.vendor} ${info.architecture}`.trim() : 'none';
  }
  const { chooseSimd } = await import('/www/js/wasm-features.js');
  const { engineFor } = await import('/www/js/threads.js');
  const relaxed = chooseSimd(location.search).relaxed;
  const cpu = engineFor('cpu', 1, true, relaxed);
  const pairs = gpuOnly ? [] : [{ pair: 'CPU', engine: cpu, backend: 'cpu', tfjs: 'wasm', plan: PLAN.cpu }];
  if (gpu || gpuOnly) pairs.push({ pair: 'GPU', engine: 'gpu', backend: 'webgpu', tfjs: 'webgl', plan: PLAN.gpu });

  for (const { pair, engine, backend, tfjs, plan } of pairs) {
    const fp = await import(`/pkg/${engine}/facepoints.js`);
    await fp.default();
    await tf.setBackend(tfjs);
    await tf.ready();
    for (const name of ['model2', 'model3']) {
      const config = JSON.parse(fp.trainingConfig({ model: name }));
      const net = buildModel(tf, config.model.layers);
      const params = fp.modelSize(name, 1).params;
      if (net.countParams() !== params) throw new Error(`TF.js ${name} has ${net.countParams()} parameters, facepoints ${params}`);

      // Training: random faces, `warmSteps` untimed (allocation, kernel compilation), then
      // `timedSteps` timed. facepoints runs its own training loop (trainModel, the page's);
      // TF.js runs `trainOnBatch` (Keras' step: forward, MSE, backward, Adam, loss read back).
      if (only !== 'inference') {
        for (const batch of plan.trainBatches) {
          const steps = plan.warmSteps + plan.timedSteps[batch];
          const faces = batch * steps;
          const images = gray(faces);
          const coords = Float32Array.from({ length: faces * 30 }, (_, i) => 20 + ((i * 13) % 56));
          const ids = Uint32Array.from({ length: faces }, (_, i) => i);
          const trainRows = Uint32Array.from({ length: faces }, (_, i) => i);
          const validRows = Uint32Array.from([0]);
          const settings = { ...config, batch_size: batch, epochs: 1, augment: null, patience: 1000, seed: 1 };
          const stamps = [];
          const started = performance.now();
          await fp.trainModel({
            images, coords, ids, train: trainRows, valid: validRows, split: 'bench', data: 'random faces', config: JSON.stringify(settings), backend,
            onEvent: (event) => { if (event.type === 'batch') stamps.push(performance.now()); },
            control: async () => (stamps.length >= steps ? 'stop' : 'go'),
            onCheckpoint: () => {},
          });
          // The run's end, not the last batch event: on WebGPU a batch event marks the step's
          // submission, and only the run's end (validation and weights read back) waits for
          // the device. The end's own work (one validation face, the weights) counts against
          // facepoints.
          const ended = performance.now();
          const warm = stamps[plan.warmSteps - 1];
          const fpRate = (plan.timedSteps[batch] * batch) / ((ended - warm) / 1000);

          net.compile({ optimizer: tf.train.adam(1e-3), loss: 'meanSquaredError' });
          const x = tf.tidy(() => tf.tensor4d(images.subarray(0, batch * 9216), [batch, 96, 96, 1], 'float32').div(255));
          const y = tf.tensor2d(coords.subarray(0, batch * 30), [batch, 30]);
          const tfStart = performance.now();
          for (let i = 0; i < plan.warmSteps; i++) await net.trainOnBatch(x, y);
          const tfWarm = performance.now();
          for (let i = 0; i < plan.timedSteps[batch]; i++) await net.trainOnBatch(x, y);
          const tfRate = (plan.timedSteps[batch] * batch) / ((performance.now() - tfWarm) / 1000);
          tf.dispose([x, y]);
          out.push({
            pair, model: name, what: 'training', batch, unit: 'images/s', tfjs_backend: tfjs,
            facepoints: fpRate, tfjs: tfRate, ratio: fpRate / tfRate,
            facepoints_warmup_s: (warm - started) / 1000, tfjs_warmup_s: (tfWarm - tfStart) / 1000,
            steps: plan.timedSteps[batch], warm_steps: plan.warmSteps,
          });
        }
      }

      // Inference: facepoints' Facepoints.predictFaces (bytes → normalise → network →
      // keypoints in pixels, read back); TF.js the same work on the same bytes.
      if (only !== 'training') {
        const model = await (async () => {
          if (name === 'model2') return new Uint8Array(await (await fetch('/www/models/default.fpk')).arrayBuffer());
          // No Model 3 ships: one training step gives a checkpoint of its shape.
          const settings = { ...config, batch_size: 2, epochs: 1, augment: null, seed: 1 };
          const result = await fp.trainModel({
            images: gray(2), coords: new Float32Array(60).fill(48), ids: Uint32Array.from([0, 1]), train: Uint32Array.from([0, 1]), valid: Uint32Array.from([0]),
            split: 'bench', data: 'random faces', config: JSON.stringify(settings), backend, onEvent: () => {}, control: async () => 'go', onCheckpoint: () => {},
          });
          return result.checkpoint;
        })();
        const detector = new Uint8Array(await (await fetch('/www/models/detectors.bin')).arrayBuffer());
        const engineModel = await fp.Facepoints.create({ model, detector, backend });
        const calls = (n) => (n === 1 ? plan.latencyCalls : plan.batchCalls);
        // With threads, the threaded engine in a worker, which times its own calls.
        let worker = null;
        const ask = (message) => new Promise((resolve, reject) => {
          worker.onmessage = ({ data }) => (data.error ? reject(new Error(data.error)) : resolve(data));
          worker.postMessage(message);
        });
        if (threads && pair === 'CPU') {
          worker = new Worker('/benches/web/threads-worker.js', { type: 'module' });
          const started = await ask({ type: 'start', engine: engineFor('cpu', threads, true, relaxed), threads, model, detector });
          if (started.threads !== threads) throw new Error(`the threaded engine runs ${started.threads} threads`);
        }
        for (const n of [1, 16, 64]) {
          const input = gray(n);
          const fpMs = worker
            ? (await ask({ type: 'time', input, calls: calls(n) })).ms
            : await times(() => engineModel.predictFaces(input), calls(n));
          const tfMs = await times(async () => {
            const y = tf.tidy(() => net.predict(tf.tensor4d(input, [n, 96, 96, 1], 'float32').div(255)));
            await y.data();
            y.dispose();
          }, calls(n));
          const row = { pair, model: name, batch: n, unit: 'ms per call', tfjs_backend: tfjs, calls: calls(n) };
          out.push({ ...row, what: 'inference, median', facepoints: quantile(fpMs, 0.5), tfjs: quantile(tfMs, 0.5), ratio: quantile(tfMs, 0.5) / quantile(fpMs, 0.5) });
          if (n === 1) out.push({ ...row, what: 'inference, p95', facepoints: quantile(fpMs, 0.95), tfjs: quantile(tfMs, 0.95), ratio: quantile(tfMs, 0.95) / quantile(fpMs, 0.95) });
        }
        engineModel.free();
        worker?.terminate();
      }
      net.dispose();
    }
  }
  return { rows: out, adapter, engine: cpu };
}, { PLAN, gpu: args.gpu, gpuOnly: args['gpu-only'], only: args.only, threads });

const date = new Date().toISOString().slice(0, 10);
const chromium = setup.ua.match(/Chrome\/([\d.]+)/)?.[1] ?? '?';
console.log(`facepoints (pkg/${rows.engine}${threads ? ', threaded' : ''}) vs TF.js 4.22 (wasm: SIMD ${setup.simd}, threads ${setup.threads}; the added weight-gradient kernel: ${setup.filterVia}, the faster here: ${Object.entries(setup.filterMs).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', ')}), ${date}, Chromium ${chromium}, ${threads ? `${threads} threads each (TF.js on the main thread, facepoints in a worker; cross-origin isolated)` : 'main thread, one thread each'}${rows.adapter ? `, WebGPU adapter: ${rows.adapter}` : ''}; ratio > 1: facepoints faster`);
console.log('');
console.log('| pair | model | measure | batch | facepoints | TF.js | unit | ratio |');
console.log('|---|---|---|---|---|---|---|---|');
const fmt = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
for (const r of rows.rows) {
  const engines = r.pair === 'CPU' ? 'CPU engine vs TF.js wasm' : `WebGPU engine vs TF.js ${r.tfjs_backend}`;
  const warm = r.what === 'training' ? ` (warm-up ${r.facepoints_warmup_s.toFixed(1)} s / ${r.tfjs_warmup_s.toFixed(1)} s)` : '';
  console.log(`| ${engines} | ${r.model} | ${r.what}${warm} | ${r.batch} | ${fmt(r.facepoints)} | ${fmt(r.tfjs)} | ${r.unit} | **${r.ratio.toFixed(2)}×** |`);
}
await writeFile(args.json, JSON.stringify({ date, chromium, engine: rows.engine, threads: threads || 1, adapter: rows.adapter, filter_kernel_check: setup.filterCheck, filter_kernel_ms: setup.filterMs, filter_kernel: setup.filterVia, plan: PLAN, rows: rows.rows }, null, 2));
console.log(`\nrows written to ${args.json}`);
await chrome.close();
server.close();
