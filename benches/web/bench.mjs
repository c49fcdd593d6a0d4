// Page benchmarks in headless Chromium on this machine; prints a markdown table.
//   node benches/web/bench.mjs [--webgpu] [--threads N] [--no-simd] [--no-relaxed]   (after scripts/build-web.sh)
// Rows: wasm size, cold start to the first prediction, photo latency, webcam FPS and
// per-stage latency (fake 640×480 camera at 30 fps from real frames; drawn by Chromium's
// software compositor, as on a machine without a GPU, then again through SwiftShader's GL),
// augmentation speed.
import { readFile, mkdtemp } from 'node:fs/promises';
import { gzipSync, gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ROOT, SHARED, serve, browser } from '../../tests/e2e/harness.mjs';
import { buildY4m } from '../../tests/e2e/webcam.mjs';

const backend = process.argv.includes('--webgpu') ? 'webgpu' : 'cpu';
// The CPU engine's threads (the page's `?threads=`): one per core by default.
const threadsAt = process.argv.indexOf('--threads');
const threads = threadsAt > 0 ? `&threads=${process.argv[threadsAt + 1]}` : '';
// The engine without SIMD, as a browser without wasm SIMD runs it (the page's `?simd=0`);
// the engines without relaxed SIMD, as a browser without it runs them (`?relaxed=0`).
const simd = (process.argv.includes('--no-simd') ? '&simd=0' : '') + (process.argv.includes('--no-relaxed') ? '&relaxed=0' : '');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
const row = (what, figure) => { rows.push(`| ${what} | ${figure} |`); console.error(`${what}: ${figure}`); };

const sizes = (bytes) => `${(bytes.length / 1e6).toFixed(2)} MB, **${(gzipSync(bytes, { level: 9 }).length / 1e6).toFixed(2)} MB gzipped**`;
for (const engine of ['cpu', 'cpu-relaxed', 'cpu-mt', 'cpu-mt-relaxed', 'gpu', 'cpu-nosimd']) {
  const wasm = await readFile(join(ROOT, `pkg/${engine}/facepoints_bg.wasm`));
  const glue = await readFile(join(ROOT, `pkg/${engine}/facepoints.js`));
  row(`${engine} wasm engine (without the keypoint model and the detectors' weights)`, `${sizes(wasm)} (+ ${(gzipSync(glue).length / 1e3).toFixed(0)} kB JS glue gzipped)`);
}
row("the detectors' weights, www/models/detectors.bin (fetched once, by the inference worker only)", sizes(await readFile(join(ROOT, 'www/models/detectors.bin'))));
row('the keypoint model, www/models/default.fpk', sizes(await readFile(join(ROOT, 'www/models/default.fpk'))));

const server = await serve();
const work = await mkdtemp(join(tmpdir(), 'facepoints-bench-'));
const y4m = join(work, 'cam.y4m');
const plain = await browser();
const frames = ['00', '01', '30', '31', '40', '41', '50', '51'].map((n) => join(ROOT, `tests/data/webcam/Valerie_Harper_${n}.png`));
await buildY4m(plain, frames, y4m, { width: 640, height: 480, hold: 30, fps: 30 });
await plain.close();

// The camera's flags; `compositing` says how Chromium draws the page: `software` is what
// it does on a machine without a usable GPU (`--disable-gpu`), `swiftshader` draws through
// SwiftShader's GL, as the tests' WebGPU flags make it.
const CAMERA = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`];
const launch = (compositing) => browser({
  webgpu: backend === 'webgpu' || compositing === 'swiftshader',
  extra: [...(compositing === 'software' ? ['--disable-gpu'] : []), ...CAMERA],
});
const compositing = backend === 'webgpu' ? 'swiftshader' : 'software';
const chrome = await launch(compositing);
const page = await chrome.newPage();
// Cold start as a person meets it: the browser already running (it has settled after its own
// start), the page in no cache. Until the detector is ready (Try it works); the studio's
// code loads after that (`data-ready`).
await page.goto('about:blank');
await new Promise((resolve) => setTimeout(resolve, 3000));
const t0 = Date.now();
await page.goto(`${server.url}?backend=${backend}${threads}${simd}`);
await page.waitForFunction(() => document.body.dataset.detector === 'ready', null, { timeout: 600_000 });
const ready = Date.now() - t0;
await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 600_000 });
const info = await page.evaluate(() => {
  const { description, readyMs, threads, threadsReason } = window.facepoints.detector;
  return { description, readyMs, threads, threadsReason };
});
const photo = await readFile(join(SHARED, 'data/photos/astronaut.png'));
const times = await page.evaluate(async (bytes) => {
  const blob = new Blob([new Uint8Array(bytes)], { type: 'image/png' });
  const out = [];
  for (let i = 0; i < 16; i++) {
    const t = performance.now();
    const { timings } = await window.facepoints.detector.detectWithTimings(blob);
    out.push({ total: performance.now() - t, ...timings });
  }
  return out;
}, [...photo]);
row(`backend`, `${backend} — ${info.description}${backend === 'cpu' ? `, ${info.threadsReason}` : ''}`);
row('cold start: navigation → detector ready (wasm compile, model load, warm-up detection), browser running and settled, nothing cached', `${(ready / 1000).toFixed(2)} s (worker: ${(info.readyMs / 1000).toFixed(2)} s)`);
row('first prediction after ready (astronaut.png, 512×512)', `${times[0].total.toFixed(0)} ms`);
const steady = times.slice(1);
row('photo, steady (median of the 15 after the first): total / in the worker / decode / read pixels / detect / crop / predict', `${median(steady.map((t) => t.total)).toFixed(1)} / ${median(steady.map((t) => t.worker_ms)).toFixed(1)} / ${median(steady.map((t) => t.bitmap_ms)).toFixed(1)} / ${median(steady.map((t) => t.read_ms)).toFixed(1)} / ${median(steady.map((t) => t.detect_ms)).toFixed(1)} / ${median(steady.map((t) => t.crop_ms)).toFixed(1)} / ${median(steady.map((t) => t.predict_ms)).toFixed(1)} ms`);

/** The webcam for 10 s after it settles: rows of figures, each named with `how`. */
async function webcam(page, how) {
  await page.evaluate(() => {
    window.__frames = [];
    document.getElementById('camera-canvas').addEventListener('frame', (e) => window.__frames.push({ ...e.detail, at: performance.now() }));
  });
  await page.click('#camera-start');
  await page.waitForFunction(() => window.__frames.length >= 5, null, { timeout: 120_000 });
  const start = await page.evaluate(() => [window.__frames.length, performance.now()]);
  await new Promise((r) => setTimeout(r, 10_000));
  const cam = await page.evaluate(() => [window.__frames, performance.now()]);
  await page.click('#camera-stop');
  const measured = cam[0].slice(start[0]);
  const detected = measured.filter((f) => f.detected);
  const tracked = measured.filter((f) => !f.detected);
  const fps = measured.length / ((cam[1] - start[1]) / 1000);
  row(`webcam 640×480 @ 30 fps, ${how}, detect every 10 frames: steady FPS`, `**${fps.toFixed(1)}** (${measured.length} frames in 10 s, ${measured.filter((f) => f.faces.length).length} with a face)`);
  const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
  const intervals = measured.slice(1).map((f, i) => f.at - measured[i].at);
  row(`webcam, ${how}: frame time (between frames shown): median / p95 / max`, `${median(intervals).toFixed(1)} / **${p95(intervals).toFixed(1)}** / ${Math.max(...intervals).toFixed(1)} ms`);
  const spots = measured.filter((f) => f.timings.spot_ms > 0);
  row(`webcam, ${how}: faces looked for beside the tracking (second worker): looks compared / median look`, `${spots.length} / ${median(spots.map((f) => f.timings.spot_ms))?.toFixed(1) ?? '—'} ms`);
  const stage = (key, frames = measured) => (frames.length ? median(frames.map((f) => f.timings[key] ?? 0)).toFixed(1) : "—");
  row(`webcam, ${how}: median per tracked / detection frame: whole frame (read → drawn) / in the worker / engine`, `${stage('frame_ms', tracked)} / ${stage('worker_ms', tracked)} / ${stage('engine_ms', tracked)} ms; ${stage('frame_ms', detected)} / ${stage('worker_ms', detected)} / ${stage('engine_ms', detected)} ms`);
  row(`webcam, ${how}: per-stage latency, median: capture / read pixels / detect (detector frames) / crop / predict / draw`, `${median(measured.map((f) => f.timings.bitmap_ms)).toFixed(1)} / ${median(measured.map((f) => f.timings.read_ms)).toFixed(1)} / ${stage('detect_ms', detected)} / ${median(measured.map((f) => f.timings.crop_ms)).toFixed(1)} / ${median(measured.map((f) => f.timings.predict_ms)).toFixed(1)} / ${median(measured.map((f) => f.timings.draw_ms)).toFixed(1)} ms (${detected.length} detect + ${tracked.length} track frames)`);
}

await webcam(page, `${compositing} compositing`);

const lines = gunzipSync(await readFile(join(ROOT, 'www/data/ytf_sample/training.csv.gz'))).toString().trim().split(/\r?\n/).slice(1);
const gray = lines.flatMap((l) => l.slice(l.lastIndexOf(',') + 1).split(' ').map(Number));
const coords = lines.flatMap((l) => l.split(',').slice(0, 30).map((v) => (v === '' ? NaN : Number(v))));
const perSecond = await page.evaluate(async ({ gray, coords }) =>
  window.facepoints.detector.request('augmentBenchmark', { gray: new Uint8Array(gray), coords: new Float32Array(coords), rounds: 4 }), { gray, coords });
row('augmentation, default pipeline, one thread, in the wasm (282 sample faces × 4)', `**${perSecond.toFixed(0)} images/s**`);

await chrome.close();

// The same webcam with the page drawn through SwiftShader's GL, the way the tests' browser
// draws it: the GPU process then takes most of a core.
if (backend === 'cpu') {
  const other = await launch('swiftshader');
  const page2 = await other.newPage();
  await page2.goto(`${server.url}?backend=cpu${threads}`);
  await page2.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 600_000 });
  await webcam(page2, 'swiftshader compositing');
  await other.close();
}
server.close();
console.log(`| what (${new Date().toISOString().slice(0, 10)}, this machine, headless Chromium) | figure |\n|---|---|\n${rows.join('\n')}`);
