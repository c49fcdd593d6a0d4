// Long sessions in headless Chromium, memory sampled as they go; prints markdown tables.
//   node benches/web/soak.mjs [--frames 10000] [--photos 1000] [--epochs 50] [--only webcam|photos|training]
// - webcam: a fake 640×480 camera of real frames for `--frames` frames shown;
// - photos: `--photos` uploads through the photo input, one after another, each drawn;
// - training: Model 2 on the sample for `--epochs` epochs in the Train view (no early stop).
// Memory, sampled every 500 frames / 100 photos / 5 epochs: the browser's memory (PSS of every
// Chromium process of this run's profile: the page, its workers and the engines' wasm
// memories are in the renderer), the page's JS heap after a collection (CDP), and the
// inference engines' wasm memory (the worker's `memory` request). "Flat" compares the last
// sample with the first one after warm-up (the second sample).
import { readFile, readdir, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ROOT, SHARED, serve, browser, openPage, cleanUp } from '../../tests/e2e/harness.mjs';
import { buildY4m } from '../../tests/e2e/webcam.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const FRAMES = Number(arg('frames', 10_000));
const PHOTOS = Number(arg('photos', 1000));
const EPOCHS = Number(arg('epochs', 50));
const only = arg('only', null);
const MB = (b) => (b / 1e6).toFixed(1);

/** Proportional resident memory (PSS, bytes) of every process of the browser whose profile is `profile`. */
async function browserRss(profile) {
  let total = 0;
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmd = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('chrom') || !cmd.includes(profile)) continue;
      // Proportional: memory shared between the processes (libraries, shared wasm memory)
      // is counted once in all, not once per process.
      const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8');
      total += Number(rollup.match(/^Pss:\s+(\d+) kB/m)[1]) * 1024;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

async function sampler(page) {
  const cdp = await page.context().newCDPSession(page);
  const { profile } = page.context();
  return async (at) => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => window.facepoints.detector.request('memory').then((m) => m.wasm_bytes).catch(() => NaN));
    return { at, rss: await browserRss(profile), heap: usedSize, wasm };
  };
}

function table(title, unit, samples) {
  console.log(`\n### ${title}\n`);
  console.log(`| ${unit} | browser memory (PSS) MB | page JS heap MB | inference wasm MB |`);
  console.log('|---|---|---|---|');
  for (const s of samples) console.log(`| ${s.at} | ${MB(s.rss)} | ${MB(s.heap)} | ${MB(s.wasm)} |`);
  const base = samples[Math.min(1, samples.length - 1)];
  const last = samples.at(-1);
  const change = (k) => `${(((last[k] - base[k]) / base[k]) * 100).toFixed(1)}%`;
  console.log(`\nLast sample against the first after warm-up (${unit} ${base.at}): browser ${change('rss')}, JS heap ${change('heap')}, wasm ${change('wasm')}.`);
}

const server = await serve();
const work = await mkdtemp(join(tmpdir(), 'facepoints-soak-'));
try {
  if (!only || only === 'webcam') {
    const y4m = join(work, 'cam.y4m');
    const maker = await browser({ webgpu: false });
    const frames = ['00', '01', '30', '31', '40', '41', '50', '51'].map((n) => join(ROOT, `tests/data/webcam/Valerie_Harper_${n}.png`));
    await buildY4m(maker, frames, y4m, { width: 640, height: 480, hold: 30, fps: 30 });
    await maker.close();
    const chrome = await browser({ webgpu: false, extra: ['--disable-gpu', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`] });
    const page = await openPage(chrome, server.url);
    const sample = await sampler(page);
    await page.evaluate(() => {
      window.__count = 0;
      window.__faces = 0;
      document.getElementById('camera-canvas').addEventListener('frame', (e) => { window.__count++; if (e.detail.faces.length) window.__faces++; });
    });
    await page.click('#camera-start');
    const samples = [];
    const started = Date.now();
    for (let next = 0; next <= FRAMES; next += 500) {
      await page.waitForFunction((n) => window.__count >= n, next, { timeout: 600_000, polling: 200 });
      samples.push(await sample(next));
    }
    const seconds = (Date.now() - started) / 1000;
    const faces = await page.evaluate(() => window.__faces);
    await page.click('#camera-stop');
    table(`Webcam: ${FRAMES.toLocaleString()} frames in ${seconds.toFixed(0)} s (${(FRAMES / seconds).toFixed(1)} FPS), a face on ${faces.toLocaleString()}`, 'frame', samples);
    await chrome.close();
  }

  if (!only || only === 'photos') {
    const chrome = await browser({ webgpu: false });
    const page = await openPage(chrome, server.url);
    const sample = await sampler(page);
    const files = ['astronaut.png', 'grace_hopper.jpg'].map((f) => join(SHARED, 'data/photos', f));
    const samples = [await sample(0)];
    const started = Date.now();
    let found = 0;
    for (let i = 1; i <= PHOTOS; i++) {
      await page.evaluate(() => {
        window.__photo = null;
        document.getElementById('photo-canvas').addEventListener('faces', (e) => { window.__photo = e.detail; }, { once: true });
      });
      await page.setInputFiles('#photo-input', files[i % files.length]);
      await page.waitForFunction(() => window.__photo !== null, null, { timeout: 60_000, polling: 20 });
      found += await page.evaluate(() => window.__photo.faces?.length ?? window.__photo.length ?? 0);
      if (i % 100 === 0) samples.push(await sample(i));
    }
    const seconds = (Date.now() - started) / 1000;
    table(`Photos: ${PHOTOS.toLocaleString()} uploads in ${seconds.toFixed(0)} s (${((seconds / PHOTOS) * 1000).toFixed(0)} ms each), ${found.toLocaleString()} faces found`, 'photo', samples);
    await chrome.close();
  }

  if (!only || only === 'training') {
    const chrome = await browser({ webgpu: false });
    const page = await openPage(chrome, `${server.url}#data`);
    const sample = await sampler(page);
    await page.click('#data-sample');
    await page.waitForFunction(() => document.getElementById('data-status').dataset.rows === '282');
    await page.click('.tabs a[data-view="train"]');
    await page.selectOption('#train-model', 'model2');
    await page.fill('#train-epochs', String(EPOCHS));
    await page.fill('#train-patience', '0');
    await page.evaluate(() => { document.getElementById('chart-rmse').dataset.points = '0'; });
    const samples = [await sample(0)];
    const started = Date.now();
    await page.click('#train-start');
    for (let epoch = 5; epoch <= EPOCHS; epoch += 5) {
      await page.waitForFunction((n) => Number(document.getElementById('chart-rmse').dataset.points) >= n, epoch, { timeout: 600_000, polling: 500 });
      samples.push(await sample(epoch));
    }
    await page.waitForFunction(() => /Kept in Runs|failed/.test(document.getElementById('train-result').textContent), null, { timeout: 600_000 });
    const seconds = (Date.now() - started) / 1000;
    const result = await page.locator('#train-result').textContent();
    table(`Training: Model 2, ${EPOCHS} epochs on the sample in ${seconds.toFixed(0)} s — ${result.split(' Kept')[0]}`, 'epoch', samples);
    await chrome.close();
  }
} finally {
  server.close();
  await cleanUp(work);
}
