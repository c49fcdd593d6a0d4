// Your faces, as a person uses it: capture from a fake webcam of real frames (shutter and
// every N s) and from photos, correct keypoints with the keyboard and by dragging, undo and
// redo, mirror, export training.csv and a zip, import them back, reload: the stored dataset
// and the files hold exactly what was entered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ROOT, SHARED, cli, serve, browser, openPage, cleanUp } from './harness.mjs';
import { buildY4m } from './webcam.mjs';

const PHOTOS = join(SHARED, 'data', 'photos');
let server;
let cam;
let page;
let work;
let uncorrected; // training.csv of every face, before any correction

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'facepoints-faces-'));
  server = await serve();
  const maker = await browser({ webgpu: false });
  const y4m = join(work, 'webcam.y4m');
  const frames = ['00', '30', '50'].map((n) => join(ROOT, `tests/data/webcam/Valerie_Harper_${n}.png`));
  await buildY4m(maker, frames, y4m, { width: 640, height: 480, hold: 10 });
  await maker.close();
  cam = await browser({ webgpu: false, extra: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`] });
  page = await openPage(cam, `${server.url}#faces`);
});

after(async () => {
  await cam?.close();
  server?.close();
  await cleanUp(work);
});

/** Every stored dataset and its faces, read from IndexedDB as the page stored them. */
function stored(p = page) {
  return p.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open('facepoints-faces');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction(['datasets', 'faces']);
      const out = {};
      tx.objectStore('datasets').getAll().onsuccess = (e) => { out.datasets = e.target.result; };
      tx.objectStore('faces').getAll().onsuccess = (e) => {
        out.faces = e.target.result.map((f) => ({ ...f, image: { type: f.image.type, size: f.image.size } }));
      };
      tx.oncomplete = () => { db.close(); resolve(out); };
    };
  }));
}

const gridCount = (p = page) => p.evaluate(() => Number(document.getElementById('faces-grid').dataset.faces ?? 0));
const message = (p = page) => p.evaluate(() => { const m = document.getElementById('message'); return m.hidden ? '' : m.textContent; });

/** The label canvas's point `k` in page coordinates, from the face's box (the canvas shows
 *  1.7 box sides around the box's centre) — and the colour drawn there. */
async function pointOnCanvas(face, k, { mirror = false } = {}) {
  const rect = await page.locator('#label-canvas').boundingBox();
  const [x, y, w, h] = face.box;
  const side = Math.max(w, h) * 1.7;
  const [x0, y0] = [x + w / 2 - side / 2, y + h / 2 - side / 2];
  const s = rect.width / side;
  let u = (face.label[2 * k] - x0) * s;
  if (mirror) u = rect.width - u;
  const v = (face.label[2 * k + 1] - y0) * s;
  const rgb = await page.evaluate(([cu, cv]) => {
    const c = document.getElementById('label-canvas');
    const k = c.width / c.getBoundingClientRect().width;
    return [...c.getContext('2d').getImageData(Math.round(cu * k), Math.round(cv * k), 1, 1).data].slice(0, 3);
  }, [u, v]);
  return { x: rect.x + u, y: rect.y + v, rgb, scale: s };
}

const RED = [255, 59, 48]; // subject-left (draw.js COLORS)
const BLUE = [10, 132, 255]; // subject-right
const near = (a, b) => a.every((v, i) => Math.abs(v - b[i]) <= 40);

async function waitSaved(n) {
  await page.waitForFunction((n) => Number(document.getElementById('faces-label').dataset.saved ?? 0) >= n, n, { timeout: 30_000 });
}

/** Clicks `selector` and returns the downloaded file's path. */
async function download(selector, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = join(work, name ?? file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

function parseCsv(text) {
  const [header, ...rows] = text.trimEnd().split('\n');
  return { header: header.split(','), rows: rows.map((r) => r.split(',')) };
}

test('faces captured with the shutter, every N seconds and from photos are stored with the model\'s points', async () => {
  assert.equal(await gridCount(), 0);
  await page.click('#faces-camera');
  await page.waitForFunction(() => document.getElementById('faces-video').videoWidth > 0, null, { timeout: 30_000 });
  await page.click('#faces-shutter');
  await page.waitForFunction(() => Number(document.getElementById('faces-grid').dataset.faces ?? 0) >= 1 || !document.getElementById('message').hidden, null, { timeout: 60_000 });
  assert.equal(await message(), '');
  assert.equal(await gridCount(), 1);
  // Every second while the camera runs, then off.
  await page.fill('#faces-every', '1');
  await page.check('#faces-auto');
  await page.waitForFunction(() => Number(document.getElementById('faces-grid').dataset.faces) >= 3, null, { timeout: 60_000 });
  await page.uncheck('#faces-auto');
  await page.click('#faces-camera'); // stops it
  const webcam = await gridCount();
  // Photos, many at once: a face from each, and a clear word on the one that is not a photo.
  const notPhoto = join(work, 'notes.txt');
  await writeFile(notPhoto, 'not a photo');
  await page.setInputFiles('#faces-photos', [join(PHOTOS, 'astronaut.png'), join(PHOTOS, 'grace_hopper.jpg'), notPhoto]);
  await page.waitForFunction((n) => Number(document.getElementById('faces-grid').dataset.faces) >= n + 2 && !document.getElementById('message').hidden, webcam, { timeout: 120_000 });
  assert.match(await message(), /^Not every photo gave a face: "notes\.txt" is text\/plain: choose a JPEG, PNG or WebP photo\.$/);
  assert.match(await page.locator('#faces-capture-status').textContent(), /from 2 of 3 photos/);

  const { datasets, faces } = await stored();
  assert.equal(datasets.length, 1);
  assert.equal(datasets[0].name, 'My faces');
  assert.equal(faces.length, webcam + 2);
  const fromCamera = faces.filter((f) => f.source === 'webcam');
  assert.equal(fromCamera.length, webcam);
  assert.equal(new Set(fromCamera.map((f) => f.session)).size, 1, 'one camera session');
  for (const f of fromCamera) {
    assert.deepEqual([f.width, f.height, f.image.type], [640, 480, 'image/jpeg']);
  }
  const photos = faces.filter((f) => f.source === 'photo');
  assert.deepEqual(photos.map((f) => f.name).sort(), ['astronaut.png', 'grace_hopper.jpg']);
  for (const f of faces) {
    assert.equal(f.box.length, 5);
    assert.equal(f.prelabel.length, 30);
    assert.deepEqual(f.label, f.prelabel, 'the pre-label is the label until corrected');
    assert.equal(f.corrected, false);
    // The model's points are on the face: inside the box, grown by half.
    const [x, y, w, h] = f.box;
    for (let k = 0; k < 15; k++) {
      assert.ok(Math.abs(f.prelabel[2 * k] - (x + w / 2)) < w && Math.abs(f.prelabel[2 * k + 1] - (y + h / 2)) < h, `point ${k} of ${f.name}`);
    }
  }
  // Every face as training.csv before any correction (the next tests compare with it).
  await page.uncheck('#faces-corrected-only');
  uncorrected = parseCsv(await readFile(await download('#faces-export-csv', 'before.csv'), 'utf8'));
  await page.check('#faces-corrected-only');
  assert.equal(uncorrected.rows.length, faces.length);
});

test('a face corrected with the keyboard, by dragging with the mouse and with a finger, with undo, redo and not-visible, is stored as entered; the mirror swaps sides', async () => {
  const before = (await stored()).faces.sort((a, b) => a.id - b.id)[0];
  await page.locator('#faces-grid .face').first().click();
  await page.waitForFunction((id) => document.getElementById('faces-label').dataset.face === String(id), before.id);
  await page.locator('#label-canvas').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(work, 'label.png') });
  // What is drawn: point 0 (left eye centre) in the subject-left colour where its label is.
  const drawn = await pointOnCanvas(before, 0);
  assert.ok(near(drawn.rgb, RED), `left eye centre drawn ${drawn.rgb} (${work}/label.png)`);
  // Keyboard: point 0 three pixels right; Tab; point 1 ten pixels down (Shift).
  await page.focus('#label-canvas');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.getElementById('label-canvas').dataset.selected), '1');
  await page.keyboard.press('Shift+ArrowDown');
  await waitSaved(4);
  // Drag point 2 (left eye inner corner) by (12, -8) screen pixels.
  const start = await pointOnCanvas(before, 2);
  assert.ok(near(start.rgb, RED), `left eye inner corner drawn ${start.rgb}`);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 6, start.y - 4, { steps: 3 });
  await page.mouse.move(start.x + 12, start.y - 8, { steps: 3 });
  await page.mouse.up();
  await waitSaved(5);
  // Touch: point 3 (left eye outer corner) dragged by a finger by (-10, 6) screen pixels.
  const corner = await pointOnCanvas(before, 3);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
  const touch = async (type, x, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  await touch('touchStart', corner.x, corner.y);
  for (let i = 1; i <= 4; i++) await touch('touchMove', corner.x - 2.5 * i, corner.y + 1.5 * i);
  await touch('touchEnd');
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false });
  await cdp.detach();
  await waitSaved(6);
  // Point 14 not visible (N), undone, redone.
  await page.locator('#label-points li[data-k="14"]').click();
  await page.keyboard.press('n');
  await waitSaved(7);
  await page.keyboard.press('Control+z');
  await waitSaved(8);
  let face = (await stored()).faces.find((f) => f.id === before.id);
  assert.notEqual(face.label[28], null, 'undo brought the point back');
  await page.keyboard.press('Control+Shift+z');
  await waitSaved(9);

  face = (await stored()).faces.find((f) => f.id === before.id);
  const close = (a, b, tol, what) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);
  close(face.label[0], before.label[0] + 3, 1e-3, 'point 0 x');
  close(face.label[1], before.label[1], 1e-3, 'point 0 y');
  close(face.label[3], before.label[3] + 10, 1e-3, 'point 1 y');
  close(face.label[4], before.label[4] + 12 / start.scale, 0.6 / start.scale + 0.01, 'dragged x');
  close(face.label[5], before.label[5] - 8 / start.scale, 0.6 / start.scale + 0.01, 'dragged y');
  assert.deepEqual([face.label[28], face.label[29]], [null, null], 'point 14 not visible');
  close(face.label[6], before.label[6] - 10 / corner.scale, 0.6 / corner.scale + 0.01, 'touched x');
  close(face.label[7], before.label[7] + 6 / corner.scale, 0.6 / corner.scale + 0.01, 'touched y');
  assert.deepEqual(face.label.slice(8, 28), before.label.slice(8, 28), 'the other points unchanged');
  assert.equal(face.corrected, true);
  assert.ok(face.nme > 0 && face.nme < 0.2, `NME of the model's points against the correction: ${face.nme}`);
  assert.match(await page.locator('#label-status').textContent(), /corrected · 1 not visible\. The model's points were \d+\.\d% of the eye-corner distance off/);
  // The mirror: point 0 drawn where the mirrored image has it, in the other side's colour.
  await page.check('#label-mirror');
  const mirrored = await pointOnCanvas(face, 0, { mirror: true });
  assert.ok(near(mirrored.rgb, BLUE), `mirrored left eye centre drawn ${mirrored.rgb} (the right's colour)`);
  await page.uncheck('#label-mirror');
  // Mark corrected, next: the second face is accepted as the model left it.
  await page.click('#label-accept');
  await page.waitForFunction(() => Number(document.getElementById('faces-grid').dataset.corrected) >= 1);
  await page.click('#label-accept');
  await page.waitForFunction(() => Number(document.getElementById('faces-grid').dataset.corrected) >= 2);
});

test('training.csv holds the corrected faces in the study\'s layout: the keyboard\'s moves carried into the crop, the point not visible empty', async () => {
  const { faces } = await stored();
  const order = faces.sort((a, b) => a.id - b.id).map((f) => f.id);
  const corrected = faces.filter((f) => f.corrected);
  assert.equal(corrected.length, 2);
  const csv = parseCsv(await readFile(await download('#faces-export-csv', 'corrected.csv'), 'utf8'));
  assert.equal(csv.header.length, 31);
  assert.equal(csv.header[0], 'left_eye_center_x');
  assert.equal(csv.header.at(-1), 'Image');
  assert.deepEqual(csv.header, uncorrected.header);
  assert.equal(csv.rows.length, 2);
  for (const row of csv.rows) assert.equal(row[30].split(' ').length, 96 * 96);
  const [row, accepted] = csv.rows;
  const was = uncorrected.rows[order.indexOf(corrected[0].id)];
  assert.equal(row[30], was[30], 'the same crop of the same face');
  assert.deepEqual(accepted, uncorrected.rows[order.indexOf(corrected[1].id)], 'a face accepted as it was: its row unchanged');
  assert.deepEqual([row[28], row[29]], ['', ''], 'point 14 not visible: empty');
  assert.notEqual(was[28], '', 'it was there before');
  // Point 0 moved 3 frame pixels and point 1 ten: in the crop, 10/3 as far (the crop is a
  // scaled, turned copy of the frame); the points not touched did not move.
  const moved = (k) => Math.hypot(Number(row[2 * k]) - Number(was[2 * k]), Number(row[2 * k + 1]) - Number(was[2 * k + 1]));
  assert.ok(moved(0) > 1, `point 0 moved ${moved(0)} crop pixels`);
  assert.ok(Math.abs(moved(1) / moved(0) - 10 / 3) < 0.02, `moves ${moved(1)} / ${moved(0)}`);
  assert.ok(moved(2) > 0.5, 'the dragged point moved');
  assert.ok(moved(3) > 0.5, 'the point moved by touch moved');
  assert.deepEqual(row.slice(8, 28), was.slice(8, 28), 'the other points unchanged');
});

test('the zip imports back as the same faces, training.csv as faces of their own, and both survive a reload', async () => {
  const zip = await download('#faces-export-zip', 'faces.zip');
  const csvPath = await download('#faces-export-csv', 'again.csv');
  const original = (await stored()).faces.sort((a, b) => a.id - b.id);
  await page.setInputFiles('#faces-import', zip);
  await page.waitForFunction(() => /Imported \d+ faces? from faces\.zip/.test(document.getElementById('faces-capture-status').textContent) || !document.getElementById('message').hidden, null, { timeout: 60_000 });
  assert.equal(await message(), '');
  await page.setInputFiles('#faces-import', csvPath);
  await page.waitForFunction(() => /from again\.csv/.test(document.getElementById('faces-capture-status').textContent) || !document.getElementById('message').hidden, null, { timeout: 60_000 });
  assert.equal(await message(), '');

  // A reload: everything is still there.
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 240_000 });
  const { datasets, faces } = await stored();
  assert.deepEqual(datasets.map((d) => d.name), ['My faces', 'My faces (2)', 'again']);
  const byDataset = (i) => faces.filter((f) => f.dataset === datasets[i].id).sort((a, b) => a.id - b.id);
  const imported = byDataset(1);
  assert.equal(imported.length, original.length);
  for (const [a, b] of imported.map((f, i) => [f, original[i]])) {
    for (const key of ['width', 'height', 'box', 'prelabel', 'label', 'corrected', 'source', 'session', 'name']) assert.deepEqual(a[key], b[key], key);
    assert.deepEqual(a.image, b.image, 'the same frame bytes');
  }
  // training.csv back: 96×96 frames, the labels as exported (canvas = pixel centre + 0.5).
  const fromCsv = byDataset(2);
  assert.equal(fromCsv.length, 2);
  const exported = parseCsv(await readFile(csvPath, 'utf8')).rows;
  for (const [f, row] of fromCsv.map((f, i) => [f, exported[i]])) {
    assert.deepEqual([f.width, f.height, f.source, f.corrected], [96, 96, 'import', true]);
    for (let c = 0; c < 30; c++) {
      if (row[c] === '') assert.equal(f.label[c], null);
      else assert.ok(Math.abs(f.label[c] - (Number(row[c]) + 0.5)) < 1e-3, `coordinate ${c}`);
    }
    assert.ok(f.prelabel.every(Number.isFinite), "the model's points as the pre-label");
  }
  // Exported again, a CSV-imported face gives its own row back (crop and labels).
  await page.selectOption('#faces-dataset', String(datasets[2].id));
  await page.waitForFunction(() => Number(document.getElementById('faces-grid').dataset.faces) === 2);
  const again = parseCsv(await readFile(await download('#faces-export-csv', 'round.csv'), 'utf8')).rows;
  for (const [a, b] of again.map((r, i) => [r, exported[i]])) {
    assert.equal(a[30], b[30], 'the same 96×96 pixels');
    for (let c = 0; c < 30; c++) assert.ok(a[c] === b[c] || Math.abs(Number(a[c]) - Number(b[c])) <= 2e-4, `coordinate ${c}: ${a[c]} vs ${b[c]}`);
  }
});

test('bad files to import each get a clear message and store nothing', async () => {
  const before = (await stored()).datasets.length;
  const cases = [
    ['broken.csv', 'left_eye_center_x,Image\n1,2 3\n', /broken\.csv: /],
    ['nolabels.zip', Buffer.from('504b0506000000000000000000000000000000000000', 'hex'), /no labels\.json/],
    ['garbage.zip', Buffer.from('PK\x03\x04 this is not a zip at all'), /garbage\.zip is not a readable zip/],
  ];
  for (const [name, bytes, expected] of cases) {
    const path = join(work, name);
    await writeFile(path, bytes);
    await page.evaluate(() => { document.getElementById('message').hidden = true; });
    await page.setInputFiles('#faces-import', path);
    await page.waitForFunction(() => !document.getElementById('message').hidden, null, { timeout: 30_000 });
    assert.match(await message(), expected, name);
  }
  assert.equal((await stored()).datasets.length, before, 'nothing stored');
});

test('dropped photos: one without a face is named, a 50 MP one is kept at 4,096 px; a damaged stored face is named and the rest still work', async () => {
  const { datasets: [first], faces: all } = await stored();
  const count = all.filter((f) => f.dataset === first.id).length;
  await page.selectOption('#faces-dataset', String(first.id));
  await page.waitForFunction((n) => Number(document.getElementById('faces-grid').dataset.faces) === n, count);
  await page.evaluate(() => { document.getElementById('message').hidden = true; });
  const astronaut = (await readFile(join(PHOTOS, 'astronaut.png'))).toString('base64');
  await page.evaluate(async (astronaut) => {
    const wall = new OffscreenCanvas(320, 240);
    const w = wall.getContext('2d');
    const g = w.createLinearGradient(0, 0, 320, 0);
    g.addColorStop(0, '#334'); g.addColorStop(1, '#cc9');
    w.fillStyle = g;
    w.fillRect(0, 0, 320, 240);
    // 50 MP (8,660 × 5,774): the astronaut photo, large, on grey.
    const face = await createImageBitmap(new Blob([Uint8Array.from(atob(astronaut), (c) => c.charCodeAt(0))], { type: 'image/png' }));
    const big = new OffscreenCanvas(8660, 5774);
    const b = big.getContext('2d');
    b.fillStyle = '#808080';
    b.fillRect(0, 0, big.width, big.height);
    b.drawImage(face, 1800, 300, 5200, 5200);
    const data = new DataTransfer();
    data.items.add(new File([await wall.convertToBlob({ type: 'image/png' })], 'wall.png', { type: 'image/png' }));
    data.items.add(new File([await big.convertToBlob({ type: 'image/jpeg', quality: 0.9 })], 'big.jpg', { type: 'image/jpeg' }));
    document.getElementById('faces-drop').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, astronaut);
  await page.waitForFunction(() => /of 2 photos/.test(document.getElementById('faces-capture-status').textContent), null, { timeout: 180_000 });
  const status = await page.locator('#faces-capture-status').textContent();
  assert.match(status, /^Kept 1 face from 1 of 2 photos\. big\.jpg is 8660×5774: kept at 4096×2731\.$/);
  assert.match(await message(), /no face found in wall\.png/);
  const big = (await stored()).faces.find((f) => f.name === 'big.jpg');
  assert.deepEqual([big.width, big.height], [4096, 2731]);
  assert.equal(await gridCount(), count + 1);
  // A record damaged in storage (its box gone): named, left out, the others listed.
  await page.evaluate((id) => new Promise((resolve) => {
    indexedDB.open('facepoints-faces').onsuccess = (e) => {
      const db = e.target.result;
      const tx = db.transaction('faces', 'readwrite');
      const faces = tx.objectStore('faces');
      faces.get(id).onsuccess = (g) => faces.put({ ...g.target.result, box: [1, 2] });
      tx.oncomplete = () => { db.close(); resolve(); };
    };
  }), big.id);
  await page.evaluate(() => { document.getElementById('message').hidden = true; });
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === 'true' && Number(document.getElementById('faces-grid').dataset.faces) > 0, null, { timeout: 240_000 });
  assert.equal(await gridCount(), count);
  assert.match(await message(), new RegExp(`1 stored face is damaged and left out \\(#${big.id}: its face box is not 5 numbers`));
});

test('a full storage quota is said plainly, and nothing of that photo is kept', async () => {
  const before = (await stored()).faces.length;
  await page.evaluate(() => {
    window.__add = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = function add(...args) {
      if (this.name === 'faces') throw new DOMException('the quota has been exceeded', 'QuotaExceededError');
      return window.__add.apply(this, args);
    };
    document.getElementById('message').hidden = true;
  });
  try {
    await page.setInputFiles('#faces-photos', [join(PHOTOS, 'grace_hopper.jpg'), join(PHOTOS, 'astronaut.png')]);
    await page.waitForFunction(() => !document.getElementById('message').hidden, null, { timeout: 60_000 });
    assert.match(await message(), /^Adding photos stopped at grace_hopper\.jpg: The browser's storage for this page is full, so the face was not stored \(nothing of it was kept\)\. Delete faces or datasets/);
  } finally {
    await page.evaluate(() => { IDBObjectStore.prototype.add = window.__add; });
  }
  assert.equal((await stored()).faces.length, before, 'nothing kept');
});

test('fine-tuning the shipped model on your faces: held out by session, compared before and after on them and on the validation faces, used in Try it in one click', async () => {
  // Every face of the first dataset looked at: accepted as the model left it, or corrected.
  const { datasets: [first], faces: all } = await stored();
  await page.click('.tabs a[data-view="faces"]');
  // (Choosing the dataset shown already would draw it again, closing a face opened meanwhile.)
  if (await page.inputValue('#faces-dataset') !== String(first.id)) await page.selectOption('#faces-dataset', String(first.id));
  const count = all.filter((f) => f.dataset === first.id && f.box.length === 5).length;
  await page.waitForFunction((n) => Number(document.getElementById('faces-grid').dataset.faces) === n, count);
  await page.locator('#faces-grid .face').first().click();
  for (let i = 0; i < count; i++) {
    await page.click('#label-accept');
    await page.waitForFunction((n) => Number(document.getElementById('faces-grid').dataset.corrected) >= n, Math.min(count, i + 1));
  }
  const faces = (await stored()).faces.filter((f) => f.dataset === first.id && f.corrected && f.box.length === 5);
  const sessions = [...new Set(faces.map((f) => f.session))];
  const heldOut = faces.filter((f) => f.session === sessions.at(-1)); // the last session (of two)
  assert.equal(sessions.length, 2);

  await page.click('.tabs a[data-view="data"]');
  await page.click('#data-sample');
  await page.waitForFunction(() => document.getElementById('data-status').dataset.rows);
  await page.click('.tabs a[data-view="train"]');
  await page.waitForFunction((id) => [...document.getElementById('train-faces').options].some((o) => o.value === String(id)), first.id);
  await page.selectOption('#train-init', 'shipped');
  await page.selectOption('#train-faces', String(first.id));
  assert.equal(await page.locator('#train-faces-share-label').isVisible(), true);
  await page.fill('#train-faces-share', '50');
  await page.fill('#train-epochs', '2');
  await page.fill('#train-lr', '0.00001');
  await page.fill('#train-patience', '0');
  await page.click('#train-start');
  await page.waitForFunction(() => !document.getElementById('train-compare').hidden || /failed/.test(document.getElementById('train-phase').textContent) || !document.getElementById('message').hidden, null, { timeout: 300_000 });
  assert.equal(await message(), '');
  const config = await page.evaluate(() => window.__trainConfig);
  assert.equal(config.init.from, 'the shipped model (www/models/default.fpk)');
  // The run's split names your faces; its validation faces are your held-out session's.
  const runs = await page.evaluate(() => new Promise((resolve) => {
    indexedDB.open('facepoints').onsuccess = (e) => {
      const db = e.target.result;
      db.transaction('models').objectStore('models').getAll().onsuccess = (g) => { resolve(g.target.result.map((r) => ({ name: r.name, split: r.split }))); db.close(); };
    };
  }));
  const run = runs.at(-1);
  assert.match(run.split, new RegExp(`${faces.length - heldOut.length} of your faces \\(1 session, each ×\\d+: \\d+% of an epoch\\) trained on; ${heldOut.length} of 1 held-out session to stop early on`));
  const compare = await page.evaluate(() => ({ ...document.getElementById('train-compare').dataset }));
  console.log(`screenshots in ${work} (kept with FACEPOINTS_KEEP=1)`);
  const [before, after, baseBefore, baseAfter] = ['before', 'after', 'baseBefore', 'baseAfter'].map((k) => Number(compare[k]));
  // Before: the shipped model's own points on faces accepted as it left them, in the crops
  // their rows hold — the framing the export and the training use is the one it predicted in.
  assert.ok(before < 0.02, `the shipped model on its own accepted points: NME ${before}`);
  assert.ok(Number.isFinite(after) && after < 0.1, `fine-tuned: NME ${after}`);
  // The shipped model scores 2.67 px on the sample's validation faces (studio test).
  assert.ok(Math.abs(baseBefore - 2.67) < 0.01, `the shipped model on the validation faces: ${baseBefore}`);
  assert.ok(baseAfter < 4, `the fine-tuned model on the validation faces: ${baseAfter}`);
  assert.match(await page.locator('#train-compare-text').textContent(), new RegExp(`^On your ${heldOut.length} held-out faces?: NME \\d+\\.\\d% with the shipped model .*, \\d+\\.\\d% fine-tuned \\(.*\\)\\. On the \\d+ validation faces of .*: RMSE \\d\\.\\d{3} px before, \\d\\.\\d{3} px after`));
  console.log(`fine-tuned on ${faces.length - heldOut.length} faces, ${heldOut.length} held out: NME ${(100 * before).toFixed(2)}% → ${(100 * after).toFixed(2)}%; validation RMSE ${baseBefore.toFixed(3)} → ${baseAfter.toFixed(3)} px`);
  await page.locator('#train-compare').screenshot({ path: join(work, 'compare.png') });
  assert.equal(await page.locator('#train-compare-points tbody tr').count(), 15);
  assert.equal(await page.locator('#train-compare-faces canvas').count(), heldOut.length);
  // Drawn: each held-out face twice, with the labels' green rings.
  const green = await page.evaluate(() => {
    const c = document.querySelector('#train-compare-faces canvas');
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 90 && data[i + 1] > 170 && data[i + 2] < 130) n++;
    return n;
  });
  assert.ok(green > 50, `label rings drawn: ${green} green pixels`);
  // One click: Try it runs the fine-tuned model; one click back.
  await page.click('#train-compare-use');
  await page.waitForFunction((name) => document.body.dataset.model === name, run.name, { timeout: 120_000 });
  await page.click('#use-shipped');
  await page.waitForFunction(() => document.body.dataset.model === 'shipped', null, { timeout: 120_000 });

  // The same faces for the command line: the zip's training.csv and meta.csv.gz (sessions as
  // people), read by `facepoints summary` and fine-tuned by `facepoints train --init`.
  await page.click('.tabs a[data-view="faces"]');
  const { unzipSync } = await import('../../www/vendor/fflate/browser.js');
  const zip = unzipSync(new Uint8Array(await readFile(await download('#faces-export-zip', 'cli.zip'))));
  const dir = await mkdtemp(join(work, 'cli-'));
  await writeFile(join(dir, 'training.csv'), zip['training.csv']);
  await writeFile(join(dir, 'meta.csv.gz'), zip['meta.csv.gz']);
  assert.equal(parseCsv(Buffer.from(zip['training.csv']).toString()).rows.length, faces.length);
  // Two sessions: half of them (one) held out.
  const summary = cli('summary', '--data', join(dir, 'training.csv'), '--valid-fraction', '0.5');
  console.log(summary.trim());
  assert.match(summary, new RegExp(`${faces.length} faces`));
  assert.match(summary, new RegExp(`grouped split, 50% held out, seed 7: \\d+ train / \\d+ validation rows \\(1 / 1 people\\)`));
  const tuned = join(dir, 'tuned.fpk');
  cli('train', '--data', join(dir, 'training.csv'), '--valid-fraction', '0.5', '--init', join(ROOT, 'www/models/default.fpk'), '--epochs', '1', '--lr', '0.00001', '--out', tuned);
  assert.ok((await readFile(tuned)).length > 1000, 'the CLI fine-tuned the shipped model on them');
});
