// The page as a person uses it, in headless Chromium: backend badge, photo upload,
// downloads, bad files, camera denied, a fake webcam, and agreement with the CLI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ROOT, SHARED, FACEPOINTS_BIN, serve, browser, openPage, uploadPhoto, cleanUp } from './harness.mjs';
import { buildY4m } from './webcam.mjs';
import { KEYPOINT_NAMES } from './kaggle-sized.mjs';

const PHOTOS = join(SHARED, 'data', 'photos');
let server;
let chrome; // WebGPU (SwiftShader) available; 'auto' must still pick the CPU
let page;
let work;
const engines = []; // the wasm engines the first page downloaded
let cpuEngine; // the CPU engine the first page runs: 'cpu-mt-relaxed' (threads, relaxed SIMD) on a machine of 2+ cores
let cpuThreads; // and its threads: one per core, up to 4
const responses = []; // every response the first page got: path, status, headers
let firstLoad = []; // the responses until the first page was ready

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'facepoints-e2e-'));
  server = await serve();
  chrome = await browser();
  chrome.on('request', (r) => { if (r.url().endsWith('.wasm')) engines.push(new URL(r.url()).pathname); });
  chrome.on('response', (r) => responses.push({ path: new URL(r.url()).pathname, status: r.status(), headers: r.headers() }));
  page = await openPage(chrome, server.url);
  firstLoad = [...responses];
  cpuThreads = Math.min(4, await page.evaluate(() => navigator.hardwareConcurrency));
  // Chromium has relaxed SIMD (since 114): the engines built with it run.
  cpuEngine = `${cpuThreads > 1 ? 'cpu-mt' : 'cpu'}-relaxed`;
});

after(async () => {
  await chrome?.close();
  server?.close();
  await cleanUp(work);
});

async function photoResult(p) {
  await p.waitForFunction(() => window.__photo || !document.getElementById('message').hidden, null, { timeout: 180_000 });
  return p.evaluate(() => window.__photo && ({ width: window.__photo.width, height: window.__photo.height, faces: window.__photo.faces }));
}

const at = (face, name) => face.keypoints.find((k) => k.name === name);

// `inBox`: every keypoint inside the face box (a detection's box; a tracked face's box is
// only implied by its crop, so eyebrow ends may poke out of it).
function assertPlausibleFace(face, { inBox = true } = {}) {
  assert.equal(face.keypoints.length, 15);
  const { x, y, width, height } = face.box;
  for (const k of inBox ? face.keypoints : []) {
    assert.ok(k.x >= x && k.x <= x + width && k.y >= y && k.y <= y + height, `${k.name} (${k.x}, ${k.y}) outside the face box`);
  }
  const eyes = (at(face, 'left_eye_center').y + at(face, 'right_eye_center').y) / 2;
  const nose = at(face, 'nose_tip').y;
  const mouth = (at(face, 'mouth_center_top_lip').y + at(face, 'mouth_center_bottom_lip').y) / 2;
  assert.ok(eyes < nose && nose < mouth, `eyes ${eyes} above nose ${nose} above mouth ${mouth}`);
  assert.ok(at(face, 'left_eye_center').x > at(face, 'right_eye_center').x, "the subject's left eye is on the image's right");
}

test('the badge names the backend it chose: the CPU, since the only adapter is a software fallback', async () => {
  assert.equal(await page.locator('#badge').getAttribute('data-backend'), 'cpu');
  const threads = cpuThreads > 1 ? `${cpuThreads} threads` : 'one thread';
  assert.match(await page.locator('#badge').textContent(), new RegExp(`^CPU \\(wasm, ${threads}, relaxed SIMD\\)`));
  assert.match(await page.locator('#backend-reason').textContent(), new RegExp(`software fallback.*; (${threads}|one CPU core);`));
  // The shipped model's validation RMSE as its model card states it, rounded as shown.
  const card = await readFile(join(ROOT, 'www', 'models', 'MODEL_CARD.md'), 'utf8');
  const rmse = Number(card.match(/\*\*validation RMSE ([\d.]+) px\*\*/)[1]).toFixed(2);
  assert.match(await page.locator('#model-info').textContent(), new RegExp(`Model: model2, validation RMSE ${rmse} px \\(grouped split`));
  assert.deepEqual(engines, [`/pkg/${cpuEngine}/facepoints_bg.wasm`], 'only the CPU engine is downloaded');
});

test('served by `facepoints serve`: cross-origin isolated, every file with its type and headers, nothing blocked by the CSP', async () => {
  assert.equal(await page.evaluate(() => self.crossOriginIsolated), true, 'the page');
  const [worker] = page.workers();
  assert.ok(worker, 'the engine runs in a worker');
  assert.equal(await worker.evaluate(() => self.crossOriginIsolated), true, 'the worker');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'securitypolicyviolation events');
  assert.deepEqual(page.cspConsole, [], 'CSP reports in the console');
  const TYPES = { '/': 'text/html', html: 'text/html', js: 'text/javascript', css: 'text/css', svg: 'image/svg+xml', wasm: 'application/wasm', fpk: 'application/octet-stream', bin: 'application/octet-stream' };
  const loaded = responses.map((r) => r.path);
  for (const path of ['/', '/www/style.css', '/www/js/page.js', '/www/js/worker.js', `/pkg/${cpuEngine}/facepoints.js`, `/pkg/${cpuEngine}/facepoints_bg.wasm`, '/www/models/default.fpk', '/www/models/detectors.bin']) {
    assert.ok(loaded.includes(path), `${path} was loaded (${loaded.join(', ')})`);
  }
  for (const { path, status, headers } of responses) {
    assert.equal(status, 200, path);
    assert.equal(headers['content-type'], TYPES[path === '/' ? '/' : path.split('.').pop()], `${path}: content-type`);
    assert.equal(headers['cross-origin-opener-policy'], 'same-origin', path);
    assert.equal(headers['cross-origin-embedder-policy'], 'require-corp', path);
    assert.equal(headers['x-content-type-options'], 'nosniff', path);
    assert.match(headers['content-security-policy'] ?? '', /default-src 'self'.*'wasm-unsafe-eval'/, path);
    assert.equal(headers['cache-control'], 'no-cache', path);
  }
});

for (const name of ['astronaut.png', 'grace_hopper.jpg']) {
  test(`uploading ${name} finds one face with 15 plausible keypoints, drawn on the canvas, and nothing leaves the page`, async () => {
    const requests = [];
    const onRequest = (r) => { if (!/^(blob|data):/.test(r.url())) requests.push(r.url()); };
    const onSocket = (ws) => requests.push(ws.url());
    page.on('request', onRequest);
    page.on('websocket', onSocket);
    await uploadPhoto(page, join(PHOTOS, name));
    const result = await photoResult(page);
    page.off('request', onRequest);
    page.off('websocket', onSocket);
    assert.ok(result, await page.locator('#message').textContent());
    assert.deepEqual(requests, [], 'no request or WebSocket after the page has loaded');
    assert.equal(result.faces.length, 1);
    assertPlausibleFace(result.faces[0]);
    // What is drawn: the keypoint colours sit at the keypoints on the canvas (no name is
    // drawn over them: names come on hover and in the legend).
    const drawn = await page.evaluate(({ faces, width }) => {
      const canvas = document.getElementById('photo-canvas');
      const scale = canvas.width / width;
      const ctx = canvas.getContext('2d');
      return faces[0].keypoints.map((k) => Array.from(ctx.getImageData(Math.floor(k.x * scale), Math.floor(k.y * scale), 1, 1).data));
    }, result);
    const colours = [[255, 59, 48], [10, 132, 255], [255, 214, 10]];
    for (const px of drawn) {
      assert.ok(colours.some((c) => c.every((v, i) => Math.abs(v - px[i]) < 40)), `keypoint pixel ${px} is not a keypoint colour`);
    }
    // The legend lists the engine's keypoints in Kaggle's order; pointing at the nose tip
    // names it, beside the point and in the legend.
    assert.deepEqual(await page.locator('#legend li').evaluateAll((lis) => lis.map((li) => li.dataset.name)), KEYPOINT_NAMES);
    const nose = at(result.faces[0], 'nose_tip');
    const box = await page.locator('#photo-canvas').boundingBox();
    await page.mouse.move(box.x + (nose.x / result.width) * box.width, box.y + (nose.y / result.height) * box.height);
    assert.equal(await page.locator('#photo-tip').textContent(), 'nose tip');
    assert.equal(await page.locator('#photo-tip').isVisible(), true);
    assert.equal(await page.locator('#legend li.active').getAttribute('data-name'), 'nose_tip');
    await page.mouse.move(0, 0);
    assert.match(await page.locator('#photo-summary').textContent(), /1 face in/);
    await page.locator('#photo-canvas').screenshot({ path: join(work, `${name}.png`) });
  });
}

test('a JPEG stored sideways with an EXIF orientation is read upright', async () => {
  await uploadPhoto(page, join(PHOTOS, 'grace_hopper.jpg'));
  const upright = await photoResult(page);
  // The photo's pixels turned a quarter to the left and saved as a JPEG carrying EXIF
  // orientation 6 ("turn right to display"), as phone cameras save portraits.
  const sideways = await page.evaluate(async (bytes) => {
    const image = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }));
    const canvas = new OffscreenCanvas(image.height, image.width);
    const ctx = canvas.getContext('2d');
    ctx.translate(0, image.width);
    ctx.rotate(-Math.PI / 2);
    ctx.drawImage(image, 0, 0);
    const jpeg = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 })).arrayBuffer());
    // APP1 "Exif": big-endian TIFF header, one IFD entry: Orientation (0x0112), SHORT, 6.
    const app1 = [0xff, 0xe1, 0x00, 0x22, 0x45, 0x78, 0x69, 0x66, 0x00, 0x00, 0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08,
      0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];
    return [...jpeg.subarray(0, 2), ...app1, ...jpeg.subarray(2)];
  }, [...await readFile(join(PHOTOS, 'grace_hopper.jpg'))]);
  await uploadPhoto(page, { name: 'portrait.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(sideways) });
  const turned = await photoResult(page);
  assert.ok(turned, await page.locator('#message').textContent());
  assert.deepEqual([turned.width, turned.height], [upright.width, upright.height], 'the photo is shown upright');
  assert.equal(turned.faces.length, 1);
  assertPlausibleFace(turned.faces[0]);
  const worst = Math.max(...turned.faces[0].keypoints.map((k, i) => Math.hypot(k.x - upright.faces[0].keypoints[i].x, k.y - upright.faces[0].keypoints[i].y)));
  assert.ok(worst < 3, `keypoints of the EXIF-turned photo are ${worst.toFixed(2)} px from the upright photo's`);
});

test('an engine crash is shown with its message, and the detector comes back', async () => {
  const error = await page.evaluate(() => window.facepoints.detector.request('panic', { message: 'deliberate test panic 42' }).then(() => 'no crash', (e) => e.message));
  assert.match(error, /the engine crashed: panicked at src\/web\/diagnostics.rs:\d+:\d+: deliberate test panic 42\. It has been restarted/);
  assert.match(await page.locator('#message').textContent(), /the engine crashed: .*deliberate test panic 42/);
  await uploadPhoto(page, join(PHOTOS, 'astronaut.png'));
  const result = await photoResult(page);
  assert.ok(result, await page.locator('#message').textContent());
  assert.equal(result.faces.length, 1);
  // A panic inside an async call (a future that has waited): the call fails with the crash
  // rather than hanging, and the detector comes back again.
  const later = await page.evaluate(() => window.facepoints.detector.request('panic', { message: 'deliberate test panic 43', later: true }).then(() => 'no crash', (e) => e.message));
  assert.match(later, /the engine crashed: panicked at src\/web\/diagnostics.rs:\d+:\d+: deliberate test panic 43\. It has been restarted/);
  await uploadPhoto(page, join(PHOTOS, 'astronaut.png'));
  const again = await photoResult(page);
  assert.ok(again, await page.locator('#message').textContent());
  assert.equal(again.faces.length, 1);
});

test('the annotated PNG and the keypoints JSON download', async () => {
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
  const saved = JSON.parse(await readFile(await json.path(), 'utf8'));
  assert.equal(saved.faces.length, 1);
  assert.equal(saved.faces[0].keypoints.length, 15);
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('#download-png')]);
  const bytes = await readFile(await png.path());
  assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47]); // "PNG"
});

test('a non-image, an empty file and a corrupt image each get a clear message', async () => {
  const cases = [
    [{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') }, /notes\.txt.*JPEG, PNG or WebP/],
    [{ name: 'empty.png', mimeType: 'image/png', buffer: Buffer.alloc(0) }, /empty\.png.*empty/],
    [{ name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from('not really a png') }, /broken\.png.*could not be read as an image/],
  ];
  for (const [file, message] of cases) {
    await page.setInputFiles('#photo-input', file);
    await page.waitForFunction(() => !document.getElementById('message').hidden);
    assert.match(await page.locator('#message').textContent(), message);
  }
  // The page still works afterwards.
  await uploadPhoto(page, join(PHOTOS, 'grace_hopper.jpg'));
  assert.equal((await photoResult(page)).faces.length, 1);
});

test('a corrupt model file is refused with a clear message', async () => {
  const message = await page.evaluate(async () => {
    const { createDetector } = await import('/www/js/facepoints.js');
    const bytes = new TextEncoder().encode('certainly not a model').buffer;
    try {
      await createDetector({ model: bytes, backend: 'cpu' });
      return 'accepted';
    } catch (err) {
      return err.message;
    }
  });
  assert.match(message, /not a facepoints model/i);
});

/** Each face the page `p` finds in astronaut.png: its box and keypoints, flat. */
async function astronautFaces(p) {
  const photo = [...await readFile(join(PHOTOS, 'astronaut.png'))];
  return p.evaluate(async (bytes) => {
    const found = await window.facepoints.detector.detect(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
    return found.map((f) => [f.box.x, f.box.y, f.box.width, f.box.height, ...f.keypoints.flatMap((k) => [k.x, k.y])]);
  }, photo);
}

test('the CPU engine runs on one thread per core; `?threads=1` runs the single-threaded engine, with the same faces and keypoints', async (t) => {
  if (cpuThreads < 2) return t.skip('one CPU core here: the page runs the single-threaded engine');
  // The pool's workers ran: their script was served (and they load the engine's glue by
  // its file name, which the build writes into it for browsers without a bundler).
  const helpers = firstLoad.filter((r) => r.path.startsWith(`/pkg/${cpuEngine}/snippets/`) && r.path.endsWith('/workerHelpers.js'));
  assert.ok(helpers.length >= 1 && helpers.every((r) => r.status === 200), 'the pool workers\' script');
  assert.equal(await page.evaluate(() => window.facepoints.detector.threads), cpuThreads);
  const single = await openPage(chrome, `${server.url}?threads=1`);
  try {
    assert.match(await single.locator('#badge').textContent(), /^CPU \(wasm, one thread, relaxed SIMD\)/);
    assert.match(await single.locator('#backend-reason').textContent(), /one thread requested/);
    const [threaded, one] = [await astronautFaces(page), await astronautFaces(single)];
    assert.equal(threaded.length, 1);
    assert.equal(one.length, 1);
    const worst = Math.max(...threaded[0].map((v, i) => Math.abs(v - one[0][i])));
    assert.ok(worst <= 1e-3, `threaded vs single-threaded: largest difference ${worst} px`);
  } finally {
    await single.close();
  }
});

test('without relaxed SIMD (`?relaxed=0`, as such a browser runs) the engines without it run: the badge says which, the same faces and keypoints', async () => {
  const before = engines.length;
  const plain = await openPage(chrome, `${server.url}?relaxed=0`);
  try {
    assert.doesNotMatch(await plain.locator('#badge').textContent(), /relaxed/);
    assert.equal(await plain.evaluate(() => window.facepoints.detector.relaxed), false);
    assert.equal(await page.evaluate(() => window.facepoints.detector.relaxed), true);
    const [fused, separate] = [await astronautFaces(page), await astronautFaces(plain)];
    assert.equal(separate.length, 1);
    // Fused multiply-adds round once where a multiply and an add round twice.
    const worst = Math.max(...fused[0].map((v, i) => Math.abs(v - separate[0][i])));
    assert.ok(worst <= 0.05, `relaxed SIMD vs without: largest difference ${worst} px`);
    const loaded = [...new Set(engines.slice(before))];
    assert.deepEqual(loaded, [`/pkg/${cpuEngine.replace('-relaxed', '')}/facepoints_bg.wasm`], 'only the engine without relaxed SIMD');
  } finally {
    await plain.close();
  }
});

test('where an engine with relaxed SIMD does not start, the one without it runs on one thread, and the page says why', async () => {
  const failing = await browser();
  try {
    await failing.route('**/pkg/*-relaxed/facepoints_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
    const threaded = cpuThreads > 1 ? [['', /one thread: the threaded engine did not start \(.*HTTP 404/]] : [];
    for (const [query, why] of [...threaded, ['?threads=1', /the engine with relaxed SIMD did not start \(.*HTTP 404.*\), so the one without it runs/]]) {
      const p = await openPage(failing, `${server.url}${query}`);
      try {
        assert.match(await p.locator('#badge').textContent(), /^CPU \(wasm, one thread\)/);
        assert.match(await p.locator('#backend-reason').textContent(), why);
        assert.equal(await p.evaluate(() => window.facepoints.detector.relaxed), false);
        assert.equal((await astronautFaces(p)).length, 1);
      } finally {
        await p.close();
      }
    }
  } finally {
    await failing.close();
  }
});

test('without wasm SIMD (`?simd=0`, as such a browser runs) the engine without it runs: the badge says so, the same faces and keypoints, and the studio loads data and trains on it', async () => {
  const before = engines.length;
  const plain = await openPage(chrome, `${server.url}?simd=0`);
  try {
    assert.match(await plain.locator('#badge').textContent(), /^CPU \(wasm, no SIMD\)/);
    assert.match(await plain.locator('#backend-reason').textContent(), /no SIMD: the page's address asks for none/);
    assert.equal(await plain.evaluate(() => window.facepoints.detector.simd), false);
    assert.equal(await page.evaluate(() => window.facepoints.detector.simd), true);
    const [simd, scalar] = [await astronautFaces(page), await astronautFaces(plain)];
    assert.equal(scalar.length, 1);
    const worst = Math.max(...simd[0].map((v, i) => Math.abs(v - scalar[0][i])));
    assert.ok(worst <= 0.05, `SIMD vs no SIMD: largest difference ${worst} px`);
    // The studio's data and training workers run the same engine: the sample loads, and a
    // small network trains an epoch on it (autodiff, this crate's training kernels, gemm).
    await plain.click('.tabs a[data-view="data"]');
    await plain.click('#data-sample');
    await plain.waitForFunction(() => Number(document.getElementById('data-status').dataset.rows) > 0, null, { timeout: 120_000 });
    await plain.click('.tabs a[data-view="train"]');
    await plain.selectOption('#train-model', 'custom');
    const small = { name: 'small', layers: [{ type: 'conv', filters: 4, kernel: 3 }, { type: 'max_pool' }, { type: 'batch_norm' }, { type: 'flatten' }, { type: 'dense', units: 30 }] };
    await plain.fill('#train-custom', JSON.stringify(small));
    await plain.fill('#train-epochs', '1');
    await plain.selectOption('#train-backend', 'cpu');
    await plain.click('#train-start');
    await plain.waitForFunction(() => /Kept in Runs|failed/i.test(document.getElementById('train-result').textContent + document.getElementById('train-phase').textContent), null, { timeout: 180_000 });
    assert.match(await plain.locator('#train-result').textContent(), /Best validation RMSE [\d.]+ px at epoch 1 of 1\. Kept in Runs/, await plain.locator('#message').textContent());
    const loaded = engines.slice(before);
    assert.ok(loaded.length >= 3, `engines fetched (the detector's, the data worker's, the training worker's): ${loaded}`);
    assert.deepEqual([...new Set(loaded)], ['/pkg/cpu-nosimd/facepoints_bg.wasm'], 'only the engine without SIMD');
  } finally {
    await plain.close();
  }
});

test('the studio works while the detector is still starting: opened at a studio view, its data loads with the detector\'s weights held back', async () => {
  const held = await chrome.newPage();
  try {
    await held.route('**/www/models/detectors.bin', () => {}); // never answered: the detector waits
    await held.goto(`${server.url}#data`);
    await held.waitForFunction(() => document.body.dataset.studio === 'ready', null, { timeout: 60_000 });
    await held.click('#data-sample');
    await held.waitForFunction(() => Number(document.getElementById('data-status').dataset.rows) > 0, null, { timeout: 120_000 });
    assert.equal(await held.evaluate(() => document.body.dataset.detector ?? null), null, 'the detector is not ready');
  } finally {
    await held.close();
  }
});

test('the face detector\'s weights are one file, fetched once, outside the engine', async () => {
  const weights = firstLoad.filter((r) => r.path === '/www/models/detectors.bin');
  assert.equal(weights.length, 1, 'fetched once by the inference worker');
  assert.equal(weights[0].status, 200);
  assert.equal(weights[0].headers['content-type'], 'application/octet-stream');
  // The engine no longer carries them: it is smaller than the weights themselves would make it.
  const wasm = (await stat(join(ROOT, 'pkg/cpu/facepoints_bg.wasm'))).size;
  const file = (await stat(join(ROOT, 'www/models/detectors.bin'))).size;
  assert.ok(wasm < 3 * file, `CPU engine ${wasm} bytes beside ${file} bytes of weights`);
});

test('a truncated or wrong detector weights file is refused with a clear message, and the next try works', async () => {
  const good = await readFile(join(ROOT, 'www/models/detectors.bin'));
  const create = () => page.evaluate(async () => {
    const { createDetector } = await import('/www/js/facepoints.js');
    try {
      const detector = await createDetector({ backend: 'cpu' });
      detector.close?.();
      return 'ready';
    } catch (err) {
      return err.message;
    }
  });
  for (const [body, expected] of [
    [good.subarray(0, good.length >> 1), /detector's weights.*truncated/],
    [Buffer.concat([good, Buffer.from([0])]), /detector's weights.*another file/],
    [Buffer.from(good).fill(7, 1000, 1100), /detector's weights.*damaged or another version/],
  ]) {
    await chrome.route('**/www/models/detectors.bin', (route) => route.fulfill({ body, contentType: 'application/octet-stream' }));
    assert.match(await create(), expected);
    await chrome.unroute('**/www/models/detectors.bin');
  }
  await chrome.route('**/www/models/detectors.bin', (route) => route.fulfill({ status: 404, body: 'not found' }));
  assert.match(await create(), /could not load the face detector's weights .*HTTP 404/);
  await chrome.unroute('**/www/models/detectors.bin');
  assert.equal(await create(), 'ready');
});

test('a photo without a face, dropped on the page, says so', async () => {
  await page.evaluate(async () => {
    window.__photo = null;
    document.getElementById('photo-canvas').addEventListener('faces', (e) => { window.__photo = e.detail; }, { once: true });
    const canvas = new OffscreenCanvas(320, 240);
    const ctx = canvas.getContext('2d');
    const g = ctx.createLinearGradient(0, 0, 320, 0);
    g.addColorStop(0, '#334'); g.addColorStop(1, '#cc9');
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, 320, 240);
    const file = new File([await canvas.convertToBlob({ type: 'image/png' })], 'wall.png', { type: 'image/png' });
    const data = new DataTransfer();
    data.items.add(file);
    document.getElementById('photo-drop').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  const result = await photoResult(page);
  assert.equal(result.faces.length, 0);
  assert.match(await page.locator('#message').textContent(), /No face found in "wall\.png"/);
});

test('keypoints the page predicts for 20 faces equal the CLI\'s within 0.05 px', async () => {
  const bin = FACEPOINTS_BIN;
  const lines = gunzipSync(await readFile(join(ROOT, 'www/data/ytf_sample/training.csv.gz'))).toString().split(/\r?\n/);
  const csv = join(work, 'faces20.csv');
  await writeFile(csv, lines.slice(0, 21).join('\n') + '\n');
  const out = join(work, 'cli20.csv');
  execFileSync(bin, ['predict', '--model', join(ROOT, 'www/models/default.fpk'), '--data', csv, '--out', out]);
  const cli = (await readFile(out, 'utf8')).trim().split('\n').slice(1).map((l) => l.split(',').slice(1).map(Number));
  const gray = lines.slice(1, 21).flatMap((l) => l.slice(l.lastIndexOf(',') + 1).split(' ').map(Number));
  const web = await page.evaluate(async (g) => window.facepoints.detector.predictFaces(new Uint8Array(g)), gray);
  assert.equal(cli.length, 20);
  assert.equal(web.length, 600);
  const worst = Math.max(...cli.flat().map((v, i) => Math.abs(v - web[i])));
  assert.ok(worst <= 0.05, `largest page-vs-CLI difference ${worst} px`);
});

test('WebGPU, when forced, runs and agrees with the CPU fallback of a browser without WebGPU', async () => {
  const gpuPage = await openPage(chrome, `${server.url}?backend=webgpu`);
  assert.equal(await gpuPage.locator('#badge').getAttribute('data-backend'), 'webgpu');
  assert.match(await gpuPage.locator('#badge').textContent(), /WebGPU/);
  const photo = join(PHOTOS, 'astronaut.png');
  await uploadPhoto(gpuPage, photo);
  const onGpu = await photoResult(gpuPage);
  await gpuPage.close();

  const noGpu = await browser({ webgpu: false });
  try {
    const cpuPage = await openPage(noGpu, server.url);
    assert.equal(await cpuPage.locator('#badge').getAttribute('data-backend'), 'cpu');
    assert.match(await cpuPage.locator('#backend-reason').textContent(), /no WebGPU adapter/);
    await uploadPhoto(cpuPage, photo);
    const onCpu = await photoResult(cpuPage);
    assert.equal(onGpu.faces.length, 1);
    assert.equal(onCpu.faces.length, 1);
    const worst = Math.max(...onGpu.faces[0].keypoints.map((k, i) => Math.max(
      Math.abs(k.x - onCpu.faces[0].keypoints[i].x), Math.abs(k.y - onCpu.faces[0].keypoints[i].y))));
    assert.ok(worst <= 0.05, `WebGPU vs CPU keypoints differ by ${worst} px`);
  } finally {
    await noGpu.close();
  }
});

test('a denied camera gets a message and the photo panel keeps working', async () => {
  const denied = await browser({ webgpu: false, extra: ['--use-fake-device-for-media-stream', '--deny-permission-prompts'] });
  try {
    const p = await openPage(denied, server.url);
    await p.click('#camera-start');
    await p.waitForFunction(() => !document.getElementById('message').hidden, null, { timeout: 30_000 });
    assert.match(await p.locator('#message').textContent(), /Camera permission was denied/);
    await uploadPhoto(p, join(PHOTOS, 'astronaut.png'));
    assert.equal((await photoResult(p)).faces.length, 1);
  } finally {
    await denied.close();
  }
});

test('the page and `facepoints detect` find the same box and keypoints on the same PNG', async () => {
  const png = join(PHOTOS, 'astronaut.png');
  await uploadPhoto(page, png);
  const result = await photoResult(page);
  assert.ok(result, await page.locator('#message').textContent());
  const [cli] = JSON.parse(execFileSync(FACEPOINTS_BIN, ['detect', '--model', join(ROOT, 'www/models/default.fpk'), png], { encoding: 'utf8' }));
  assert.deepEqual([result.width, result.height], [cli.width, cli.height]);
  assert.equal(result.faces.length, cli.faces.length);
  const [a, b] = [result.faces[0], cli.faces[0]];
  const worst = (pairs) => Math.max(...pairs.map(([u, v]) => Math.abs(u - v)));
  const boxDiff = worst(['x', 'y', 'width', 'height'].map((k) => [a.box[k], b.box[k]]));
  const pointDiff = worst(a.keypoints.flatMap((k, i) => [[k.x, b.keypoints[i].x], [k.y, b.keypoints[i].y]]));
  console.log(`page vs CLI on astronaut.png: box within ${boxDiff.toFixed(4)} px, keypoints within ${pointDiff.toFixed(4)} px`);
  assert.ok(boxDiff < 0.05, `boxes differ by ${boxDiff} px`);
  assert.ok(pointDiff < 0.05, `keypoints differ by ${pointDiff} px`);
  assert.deepEqual(a.keypoints.map((k) => k.name), b.keypoints.map((k) => k.name));
});

// The 15 Kaggle points from iBUG's 68 (../shared/data/PROVENANCE.md), in Kaggle order.
const FROM_IBUG68 = [[42, 43, 44, 45, 46, 47], [36, 37, 38, 39, 40, 41], [42], [45], [39], [36], [22], [26], [21], [17], [30], [54], [48], [51], [57]];

test('keypoints the page finds on labelled video frames are within the accuracy bound (NME < 7.5%)', async () => {
  const frames = [];
  for (const split of ['training', 'test']) {
    const labels = gunzipSync(await readFile(join(SHARED, `data/ytf68_udacity/${split}_frames_keypoints.csv.gz`))).toString().split('\n');
    const dir = join(SHARED, 'data/ytf68_udacity/samples', split);
    for (const name of (await readdir(dir)).sort()) frames.push({ path: join(dir, name), line: labels.find((l) => l.startsWith(`${name},`)) });
  }
  const errors = [];
  for (const { path, line } of frames) {
    const v = line.split(',').slice(1).map(Number);
    // Pixel-centre labels → canvas coordinates (the page's), half a pixel on.
    const truth = FROM_IBUG68.map((ids) => [0, 1].map((a) => ids.reduce((s, i) => s + v[2 * i + a], 0) / ids.length + 0.5));
    await uploadPhoto(page, path);
    const result = await photoResult(page);
    assert.equal(result?.faces.length, 1, `${path}: ${await page.locator('#message').textContent()}`);
    const points = result.faces[0].keypoints.map((k) => [k.x, k.y]);
    const dist = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1]);
    const mean = points.reduce((s, p, k) => s + dist(p, truth[k]), 0) / 15;
    errors.push(mean / dist(truth[3], truth[5]));
  }
  const nme = errors.reduce((a, b) => a + b) / errors.length;
  console.log(`page NME on ${errors.length} labelled frames: mean ${(100 * nme).toFixed(1)}%, per frame ${errors.map((e) => (100 * e).toFixed(1)).join(' ')}%`);
  assert.ok(nme < 0.075, `mean NME ${nme}`);
});

test('a fake webcam of real frames: keypoints update frame to frame, no main-thread task over 200 ms, and nothing leaves the page', async () => {
  const frames = ['00', '01', '30', '31', '40', '41', '50', '51'].map((n) => join(ROOT, `tests/data/webcam/Valerie_Harper_${n}.png`));
  const y4m = join(work, 'webcam.y4m');
  await buildY4m(chrome, frames, y4m);
  const cam = await browser({ webgpu: false, extra: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`] });
  try {
    const p = await openPage(cam, server.url);
    const requests = [];
    p.on('request', (r) => requests.push(r.url()));
    p.on('websocket', (ws) => requests.push(ws.url()));
    await p.evaluate(() => {
      window.__frames = [];
      document.getElementById('camera-canvas').addEventListener('frame', (e) => window.__frames.push({ ...e.detail, at: performance.now() }));
      window.__longTasks = [];
      new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => [e.startTime, e.duration]))).observe({ type: 'longtask' });
    });
    await p.click('#camera-start');
    await p.waitForFunction(() => window.__frames.length >= 30 || !document.getElementById('message').hidden, null, { timeout: 240_000 });
    // Main-thread tasks from the third frame on (starting the camera, and laying out and
    // painting its first frames, may take longer).
    const longTasks = await p.evaluate(() => window.__longTasks.filter(([start]) => start >= window.__frames[2].at).map(([, ms]) => ms));
    await p.click('#camera-stop');
    const frames = await p.evaluate(() => window.__frames);
    assert.ok(frames.length >= 30, await p.locator('#message').textContent());
    const withFace = frames.filter((f) => f.faces.length === 1);
    assert.ok(withFace.length >= frames.length * 0.8, `a face in ${withFace.length} of ${frames.length} frames`);
    assert.ok(frames.some((f) => f.detected) && frames.some((f) => !f.detected), 'both detection and tracking frames');
    assert.ok(frames.some((f) => f.spotted), 'faces looked for beside the tracking');
    let moved = 0;
    for (let i = 1; i < withFace.length; i++) {
      const [a, b] = [withFace[i - 1].faces[0].keypoints, withFace[i].faces[0].keypoints];
      if (a.some((k, j) => Math.abs(k.x - b[j].x) + Math.abs(k.y - b[j].y) > 0.01)) moved++;
    }
    assert.ok(moved >= withFace.length / 3, `keypoints changed in ${moved} of ${withFace.length - 1} frame pairs`);
    for (const f of withFace) assertPlausibleFace(f.faces[0], { inBox: f.detected });
    assert.deepEqual(requests, [], 'no network request or WebSocket while the camera runs');
    // Frames are read on the main thread (a region's planes; the rest runs in the workers):
    // the page never stalls for the detector.
    assert.ok(longTasks.every((ms) => ms <= 200), `main-thread tasks while tracking: ${longTasks.map((ms) => ms.toFixed(0)).join(', ')} ms`);
    const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const tracked = frames.filter((f) => !f.detected);
    const detected = frames.filter((f) => f.detected);
    console.log(`webcam (CPU backend, 320×240): ${frames.at(-1).fps.toFixed(1)} FPS; median detect ${median(detected.map((f) => f.timings.detect_ms)).toFixed(1)} ms, crop ${median(frames.map((f) => f.timings.crop_ms)).toFixed(1)} ms, predict ${median(frames.map((f) => f.timings.predict_ms)).toFixed(1)} ms, draw ${median(frames.map((f) => f.timings.draw_ms)).toFixed(1)} ms; ${detected.length} detect + ${tracked.length} track frames`);
  } finally {
    await cam.close();
  }
});

/** The camera panel's frames (after the first `skip`) on a fake webcam of one real frame. */
async function fakeWebcamFrames(name, y4mOptions, { count = 40, skip = 10 } = {}) {
  const video = join(work, `${name}.y4m`);
  await buildY4m(chrome, [join(ROOT, 'tests/data/webcam/Valerie_Harper_30.png')], video, y4mOptions);
  const cam = await browser({ webgpu: false, extra: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`] });
  try {
    const p = await openPage(cam, server.url);
    await p.evaluate(() => {
      window.__frames = [];
      document.getElementById('camera-canvas').addEventListener('frame', (e) => window.__frames.push(e.detail));
    });
    await p.click('#camera-start');
    await p.waitForFunction((n) => window.__frames.length >= n || !document.getElementById('message').hidden, count, { timeout: 240_000 });
    await p.click('#camera-stop');
    const frames = (await p.evaluate(() => window.__frames)).slice(skip);
    assert.ok(frames.length >= count - skip, await p.locator('#message').textContent());
    assert.ok(frames.every((f) => f.faces.length === 1 && f.raw.length === 1), 'one face in every frame');
    return frames;
  } finally {
    await cam.close();
  }
}

test('webcam jitter on a still face: under 0.5% of the eye distance with smoothing on', async () => {
  const frames = await fakeWebcamFrames('still', { hold: 60, noise: 2 });
  // Mean over keypoints of the RMS distance from their mean position, over the distance
  // between the mean outer eye corners.
  const jitter = (seq) => {
    const n = seq.length;
    const mean = seq[0].map((_, k) => [seq.reduce((s, f) => s + f[k].x, 0) / n, seq.reduce((s, f) => s + f[k].y, 0) / n]);
    const spread = mean.map(([mx, my], k) => Math.sqrt(seq.reduce((s, f) => s + (f[k].x - mx) ** 2 + (f[k].y - my) ** 2, 0) / n));
    const eyes = Math.hypot(mean[3][0] - mean[5][0], mean[3][1] - mean[5][1]);
    return spread.reduce((a, b) => a + b, 0) / spread.length / eyes;
  };
  const raw = jitter(frames.map((f) => f.raw[0].keypoints));
  const smoothed = jitter(frames.map((f) => f.faces[0].keypoints));
  // The detector looks beside the tracking (or, when it finds other faces, in a frame):
  // neither may make the still keypoints jump.
  const detections = frames.filter((f) => f.detected || f.spotted).length;
  console.log(`still face, sensor noise σ 2, ${frames.length} frames (${detections} with detection): jitter ${(100 * raw).toFixed(2)}% of the eye distance raw, ${(100 * smoothed).toFixed(2)}% smoothed`);
  assert.ok(detections >= 2, 'the detector ran during the measurement');
  assert.ok(smoothed <= 0.005, `smoothed jitter ${(100 * smoothed).toFixed(2)}% of the eye distance`);
});

test('webcam lag on a moving face: the smoothed keypoints follow within 5% of the eye distance', async () => {
  // 2 px per video frame at 10 fps (a slow head movement: 20 px/s, a third of the face box).
  const frames = await fakeWebcamFrames('moving', { hold: 40, pan: 2, noise: 2 }, { skip: 5 });
  // Lag: how far the smoothed keypoints sit from the raw ones of the same frame, over the
  // eye distance; and how far the raw ones moved, so the face did move.
  const eyes = (kp) => Math.hypot(kp[3].x - kp[5].x, kp[3].y - kp[5].y);
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const lag = mean(frames.map((f) => mean(f.faces[0].keypoints.map((k, i) => Math.hypot(k.x - f.raw[0].keypoints[i].x, k.y - f.raw[0].keypoints[i].y))) / eyes(f.raw[0].keypoints)));
  const xs = frames.map((f) => f.raw[0].keypoints[10].x);
  const travel = Math.max(...xs) - Math.min(...xs);
  console.log(`moving face (2 px per video frame): lag of the smoothed keypoints ${(100 * lag).toFixed(2)}% of the eye distance; the nose travelled ${travel.toFixed(1)} px`);
  assert.ok(travel > 10, `the face moved ${travel} px`);
  assert.ok(lag < 0.05, `lag ${(100 * lag).toFixed(2)}% of the eye distance`);
});
