// The page's bad input, as a person meets it: files dropped on the studio that are not a
// Kaggle CSV (a zip, UTF-16, a 1 GB file, a cut gzip, a header alone), model files and run
// bundles that are not usable (another app's model, a cut .fpk, weights that do not fit
// their architecture, bundles with unknown or mistyped fields), and the browser's storage
// evicted mid-session. Each gets a message naming the file and the problem, and the page
// keeps working: what was loaded or stored before is still there, and the next good file
// works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, open, readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ROOT, SHARED, serve, browser, openPage, cleanUp, chooseTinyModel } from './harness.mjs';
import { KEYPOINT_NAMES } from './kaggle-sized.mjs';

const MODEL = join(ROOT, 'www', 'models', 'default.fpk');
let server;
let chrome;
let page;
let work;

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'facepoints-bad-input-'));
  server = await serve();
  chrome = await browser({ webgpu: false });
  page = await openPage(chrome, `${server.url}#data`);
  await page.click('#data-sample');
  await page.waitForFunction(() => document.getElementById('data-status').dataset.rows);
});

after(async () => {
  await chrome?.close();
  server?.close();
  await cleanUp(work);
});

/** Chooses `file` with the input `selector`; resolves to the message shown. */
async function choose(selector, file) {
  await page.evaluate(() => { const m = document.getElementById('message'); m.hidden = true; m.textContent = ''; });
  await page.setInputFiles(selector, file);
  await page.waitForFunction(() => !document.getElementById('message').hidden, null, { timeout: 60_000 });
  return page.locator('#message').textContent();
}

const pixels = (v) => Array(9216).fill(v).join(' ');
const header = () => [...KEYPOINT_NAMES.flatMap((n) => [`${n}_x`, `${n}_y`]), 'Image'].join(',');
const row = (v) => `${Array(30).fill('48.0').join(',')},${pixels(v)}`;

test('files that are not a Kaggle CSV each get their own message, quickly, and the data loaded before stays', async () => {
  await page.click('.tabs a[data-view="data"]');
  const rows = await page.locator('#data-status').getAttribute('data-rows');
  const csv = `${header()}\n${Array.from({ length: 10 }, (_, i) => row(10 * i)).join('\n')}\n`;

  const zip = join(work, 'training.zip');
  await writeFile(zip, Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(200, 7)]));
  const utf16 = join(work, 'utf16.csv');
  await writeFile(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]));
  const cut = join(work, 'cut.csv.gz');
  const gz = gzipSync(csv);
  await writeFile(cut, gz.subarray(0, Math.floor(gz.length * 0.6)));
  const headerOnly = join(work, 'header-only.csv');
  await writeFile(headerOnly, `${header()}\n`);
  // 1 GB of zero bytes (a sparse file): refused from its first bytes, never read whole.
  const huge = join(work, 'huge.csv');
  const handle = await open(huge, 'w');
  await handle.truncate(1 << 30);
  await handle.close();

  for (const [file, expected] of [
    [zip, /^training\.zip: .*zip archive.*unzip it first/],
    [utf16, /^utf16\.csv: .*UTF-16.*UTF-8/],
    [cut, /^cut\.csv\.gz: the gzip data is cut short or damaged \(.*\): the file is incomplete/],
    [headerOnly, /^header-only\.csv: .*(no faces|no rows|empty|no data)/i],
    [huge, /^huge\.csv: /],
  ]) {
    const started = Date.now();
    const message = await choose('#data-input', file);
    assert.match(message, expected);
    assert.ok(Date.now() - started < 30_000, `${file}: ${Date.now() - started} ms`);
    assert.equal(await page.locator('#data-status').getAttribute('data-rows'), rows, `${file}: the data loaded before stays`);
  }
  // The next good file loads.
  const good = join(work, 'good.csv');
  await writeFile(good, csv);
  await page.setInputFiles('#data-input', good);
  await page.waitForFunction(() => document.getElementById('data-status').dataset.rows === '10', null, { timeout: 10_000 }).catch(async (e) => {
    throw new Error(`${e.message}: ${await page.locator('#message').textContent()} / ${await page.locator('#data-status').textContent()}`);
  });
});

/** CRC-32 (IEEE), as .fpk files checksum their bodies. */
function crc32(bytes) {
  let crc = ~0;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

test('model files and run bundles that cannot be used are refused by name; the runs stored before stay and a good file loads', async () => {
  await page.click('.tabs a[data-view="models"]');
  await page.waitForFunction(() => document.getElementById('models-table').dataset.count !== undefined);
  const count = () => page.locator('#models-table').getAttribute('data-count');
  const before = await count();
  const model = await readFile(MODEL);

  const onnx = join(work, 'blazeface.fpk');
  await writeFile(onnx, await readFile(join(SHARED, 'data/detectors/blazeface/face_detection_front_128x128_barracuda.onnx')));
  const cut = join(work, 'cut.fpk');
  await writeFile(cut, model.subarray(0, 100_000));
  // The description says a wider dense layer than the weights hold (the checksum made right).
  const misfit = Buffer.from(model);
  const length = misfit.readUInt32LE(12);
  const description = misfit.subarray(16, 16 + length).toString('utf8');
  assert.ok(description.includes('"units":96'));
  misfit.write(description.replace('"units":96', '"units":97'), 16, 'utf8');
  misfit.writeUInt32LE(crc32(misfit.subarray(12)), 8);
  const misfitFile = join(work, 'misfit.fpk');
  await writeFile(misfitFile, misfit);

  const fpk = model.toString('base64');
  const run = { name: 'r', kind: 'cnn', architecture: 'model2', rmse: 2.5, history: [], epochs: 1 };
  const bundles = {
    'typo.run.json': [{ format: 'facepoints-run', version: 1, run: { ...run, rmsee: 2 }, fpk }, /"rmsee", which a run does not/],
    'type.run.json': [{ format: 'facepoints-run', version: 1, run: { ...run, rmse: 'low' }, fpk }, /"rmse" is "low"/],
    'name.run.json': [{ format: 'facepoints-run', version: 1, run: { ...run, name: { first: 'x' } }, fpk }, /"name"/],
    'fpk.run.json': [{ format: 'facepoints-run', version: 1, run, fpk: 'not base64!' }, /"fpk" is not a model file in base64/],
    'other.run.json': [{ format: 'someone-else', version: 1, run }, /not a run bundle/],
    'extra.run.json': [{ format: 'facepoints-run', version: 1, run, fpk, notes: 'x' }, /"notes", which a bundle does not/],
  };
  const cases = [
    [onnx, /^blazeface\.fpk cannot be used: .*not a facepoints model/i],
    [cut, /^cut\.fpk cannot be used: .*(cut short|truncated|ends)/i],
    [misfitFile, /^misfit\.fpk cannot be used: .*(architecture|shape|weights)/i],
  ];
  for (const [name, [content, expected]] of Object.entries(bundles)) {
    const file = join(work, name);
    await writeFile(file, JSON.stringify(content));
    cases.push([file, new RegExp(`^${name.replace(/\./g, '\\.')} cannot be used: .*${expected.source}`)]);
  }
  const broken = join(work, 'broken.run.json');
  await writeFile(broken, '{"format": "facepoints-run", "vers');
  cases.push([broken, /^broken\.run\.json cannot be used: not a run bundle/]);

  for (const [file, expected] of cases) {
    const message = await choose('#models-input', file);
    assert.match(message, expected);
    assert.equal(await count(), before, `${file}: nothing stored`);
  }
  // The good file still loads.
  const good = join(work, 'good.fpk');
  await writeFile(good, model);
  assert.match(await choose('#models-input', good), /^good\.fpk loaded: model2/);
  // The message comes as the run is stored; the table is drawn again after it.
  await page.waitForFunction((n) => document.getElementById('models-table').dataset.count === n,
    String(Number(before) + 1));
});

test('storage evicted mid-session: the runs list empties without an error, and the next run is stored', async () => {
  await page.click('.tabs a[data-view="models"]');
  const count = () => page.locator('#models-table').getAttribute('data-count');
  assert.ok(Number(await count()) >= 1);
  // What a browser does when it evicts a site's storage under pressure.
  const cdp = await chrome.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: new URL(server.url).origin, storageTypes: 'indexeddb' });
  await page.click('.tabs a[data-view="data"]');
  await page.click('.tabs a[data-view="models"]');
  await page.evaluate(() => { const m = document.getElementById('message'); m.hidden = true; m.textContent = ''; });
  const good = join(work, 'again.fpk');
  await writeFile(good, await readFile(MODEL));
  assert.match(await choose('#models-input', good), /^again\.fpk loaded: model2/);
  await page.waitForFunction(() => document.getElementById('models-table').dataset.count === '1');
  const errors = await page.evaluate(() => window.__cspViolations);
  assert.deepEqual(errors, []);
});

/** Loads the sample in `p` and sets its Train form to a small network for `epochs` epochs
 *  (at a rate that keeps improving, so no run stops early). */
async function readyToTrain(p, epochs) {
  await p.click('.tabs a[data-view="data"]');
  await p.click('#data-sample');
  await p.waitForFunction(() => document.getElementById('data-status').dataset.rows === '282');
  await p.click('.tabs a[data-view="train"]');
  await chooseTinyModel(p);
  await p.fill('#train-epochs', String(epochs));
  await p.evaluate(() => { document.getElementById('train-result').textContent = ''; });
}

const kept = (p) => p.waitForFunction(() => /Kept in Runs/.test(document.getElementById('train-result').textContent), null, { timeout: 240_000 });

/** The stored runs (IndexedDB, as the Runs view reads it): name and epochs of each. */
const storedRuns = (p) => p.evaluate(() => new Promise((resolve, reject) => {
  const open = indexedDB.open('facepoints', 1);
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const get = db.transaction('models').objectStore('models').getAll();
    get.onsuccess = () => { resolve(get.result.map((r) => ({ id: r.id, epochs: r.epochs, history: r.history?.length ?? 0 }))); db.close(); };
  };
}));

test('a tab frozen in the background mid-training (as Chrome freezes hidden tabs) finishes its run when it comes back, every epoch recorded', async () => {
  await readyToTrain(page, 8);
  const before = (await storedRuns(page)).length;
  await page.click('#train-start');
  await page.waitForFunction(() => document.getElementById('train-phase').dataset.phase === 'running', null, { timeout: 120_000 });
  const cdp = await chrome.newCDPSession(page);
  await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
  await new Promise((r) => setTimeout(r, 3000));
  await cdp.send('Page.setWebLifecycleState', { state: 'active' });
  await kept(page);
  const runs = await storedRuns(page);
  assert.equal(runs.length, before + 1);
  const run = runs.at(-1);
  assert.equal(run.epochs, 8);
  assert.equal(run.history, 8, 'every epoch in the history');
});

test('two tabs train at once: both runs finish, both are kept, and each tab lists both', async () => {
  const second = await openPage(chrome, `${server.url}#data`);
  try {
    await readyToTrain(page, 2);
    await readyToTrain(second, 2);
    const before = (await storedRuns(page)).length;
    await Promise.all([page.click('#train-start'), second.click('#train-start')]);
    await Promise.all([kept(page), kept(second)]);
    const runs = await storedRuns(page);
    assert.equal(runs.length, before + 2);
    assert.ok(runs.slice(-2).every((r) => r.epochs === 2 && r.history === 2), JSON.stringify(runs));
    // Each tab's Runs view lists both, without a reload (the other tab's run is announced).
    for (const p of [page, second]) {
      await p.click('.tabs a[data-view="models"]');
      await p.waitForFunction((n) => document.getElementById('models-table').dataset.count === String(n), before + 2, { timeout: 10_000 });
    }
  } finally {
    await second.close();
  }
});

test('the GPU lost mid-training (its process crashed): the run goes on on the CPU engine from the best weights so far, every epoch recorded', async (t) => {
  const gpu = await browser();
  try {
    const p = await openPage(gpu, `${server.url}#data`);
    await readyToTrain(p, 6);
    await p.selectOption('#train-backend', 'webgpu');
    await p.evaluate(() => { document.getElementById('chart-rmse').dataset.points = '0'; });
    await p.click('#train-start');
    await p.waitForFunction(() => Number(document.getElementById('chart-rmse').dataset.points) >= 2, null, { timeout: 300_000 });
    // What a driver reset or a GPU process crash does to every WebGPU device of the browser.
    const cdp = await gpu.newCDPSession(p);
    await cdp.send('Browser.crashGpuProcess');
    await kept(p);
    const message = await p.locator('#message').textContent();
    t.diagnostic(message);
    assert.match(message, /^Training went on on the CPU engine at epoch \d, from the best weights of epoch \d, after WebGPU failed: /);
    assert.match(await p.locator('#train-result').textContent(), /at epoch \d of 6 \(resumed on the CPU engine at epoch \d/);
    const runs = await storedRuns(p);
    const run = runs.at(-1);
    assert.equal(run.epochs, 6);
    assert.equal(run.history, 6, 'every epoch in the history');
    const values = (await p.locator('#chart-rmse').getAttribute('data-values')).split(' ').map(Number);
    assert.equal(values.length, 6, `one point per epoch: ${values}`);
  } finally {
    await gpu.close();
  }
});
