// The studio's experiments as a person runs them, in headless Chromium: two short runs in
// the results table (the study's RMSE beside them, sorted, exported as CSV and markdown),
// their curves overlaid, their ensemble scored (with the CLI's `ensemble` and `eval` on the
// same files), saved and used in Try it on a photo; error analysis; a run exported as a
// bundle and imported back; the study's table reproduced (= `facepoints report`); an
// ablation with two seeds (= `facepoints ablate`); a search of three trials (the trials of
// `facepoints search`, its best settings run by `facepoints train`); a Kaggle submission
// byte for byte the CLI's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ROOT, SHARED, cli, serve, browser, openPage, uploadPhoto, cleanUp } from './harness.mjs';

const SAMPLE = join(ROOT, 'www', 'data', 'ytf_sample', 'training.csv.gz');
const LOOKUP = join(ROOT, 'www', 'data', 'kaggle', 'IdLookupTable.csv');
const TEST_CSV = join(SHARED, 'data', 'ytf_kaggle96', 'test.csv.gz');
const SHOTS = process.env.FACEPOINTS_SCREENSHOTS;
let server;
let chrome;
let page;
let work;

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'facepoints-experiments-'));
  server = await serve();
  chrome = await browser({ webgpu: false });
  page = await openPage(chrome, server.url);
  await page.click('.tabs a[data-view="data"]');
  await page.click('#data-sample');
  await page.waitForFunction(() => document.getElementById('data-status').dataset.rows, null, { timeout: 60_000 });
});

after(async () => {
  await chrome?.close();
  server?.close();
  await cleanUp(work);
});

const rmseOf = (output) => Number(output.match(/RMSE ([\d.]+) px/)[1]);
const message = () => page.locator('#message').textContent();
async function shot(name) {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}
async function saveDownload(click, name) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), click()]);
  const file = join(work, name);
  await download.saveAs(file);
  return file;
}
const runRow = (text, kind = null) => page.locator(`#models-table tbody tr${kind ? `[data-kind="${kind}"]` : ''}`, { hasText: text });
const runCount = () => page.locator('#models-table').getAttribute('data-count').then(Number);

/** One run of the Train form as it stands, waited for. */
async function trainOnce() {
  await page.click('.tabs a[data-view="train"]');
  await page.evaluate(() => { document.getElementById('train-result').textContent = ''; });
  await page.click('#train-start');
  await page.waitForFunction(() => /Kept in Runs|failed/.test(document.getElementById('train-result').textContent + document.getElementById('train-phase').textContent), null, { timeout: 300_000 });
  assert.match(await page.locator('#train-result').textContent(), /Kept in Runs/, await message());
  return Number(await page.locator('#train-result').getAttribute('data-rmse'));
}

/** The Train form: `model` for `epochs` epochs of SGD (the page and the CLI agree to float
 *  rounding with SGD; see studio.test.mjs) unless `optimizer` says, no augmentation, `seed`. */
async function trainForm(model, { epochs = 1, seed = 42, optimizer = 'sgd' } = {}) {
  await page.click('.tabs a[data-view="train"]');
  if (typeof model === 'string') {
    await page.selectOption('#train-model', model);
  } else {
    await page.selectOption('#train-model', 'custom');
    await page.fill('#train-custom', JSON.stringify(model));
    await page.locator('#train-custom').dispatchEvent('change');
  }
  await page.fill('#train-epochs', String(epochs));
  await page.fill('#train-seed', String(seed));
  await page.selectOption('#train-optimizer', optimizer);
  await page.selectOption('#train-augment', 'off');
}

const TINY = { name: 'tiny', layers: [{ type: 'batch_norm' }, { type: 'conv', filters: 4, kernel: 3 }, { type: 'max_pool' }, { type: 'max_pool' }, { type: 'flatten' }, { type: 'dense', units: 30 }] };
const files = {};

test('two short runs fill the results table beside the study\'s RMSE; it sorts, overlays their curves and exports as CSV and markdown', async () => {
  // Adam for three epochs: members good enough for an ensemble to be worth scoring.
  await trainForm('model2', { seed: 42, epochs: 3, optimizer: 'adam' });
  const first = await trainOnce();
  await trainForm('model2', { seed: 43, epochs: 3, optimizer: 'adam' });
  const second = await trainOnce();
  await page.click('.tabs a[data-view="models"]');
  await page.waitForFunction(() => document.getElementById('models-table').dataset.count === '2');
  const rows = runRow('model2');
  assert.equal(await rows.count(), 2);
  // The study's Model 2 without augmentation: 3.1621 px, beside each (the column comes from
  // the engine once the view is shown).
  await page.waitForFunction(() => [...document.querySelectorAll('#models-table td[data-key="study"]')].every((td) => td.textContent === '3.1621'));
  for (let i = 0; i < 2; i++) assert.equal(await rows.nth(i).locator('td[data-key="study"]').textContent(), '3.1621');
  // Sorted by validation RMSE, ascending, then descending.
  await page.click('#models-table th button[data-sort="rmse"]');
  const order = () => page.locator('#models-table tbody td[data-key="rmse"]').evaluateAll((tds) => tds.map((td) => Number(td.dataset.value)));
  assert.deepEqual(await order(), [first, second].sort((a, b) => a - b));
  await page.click('#models-table th button[data-sort="rmse"]');
  assert.deepEqual(await order(), [first, second].sort((a, b) => b - a));
  // Both selected: their validation curves on one chart.
  for (let i = 0; i < 2; i++) await rows.nth(i).locator('input[type="checkbox"]').check();
  assert.equal(await page.locator('#runs-overlay').getAttribute('data-series'), '2');
  assert.equal(await page.locator('#runs-overlay canvas').count(), 1);
  // The table as CSV and as markdown.
  const csv = await readFile(await saveDownload(() => page.click('#runs-csv'), 'runs.csv'), 'utf8');
  const lines = csv.trim().split('\n');
  assert.equal(lines.length, 3);
  assert.match(lines[0], /^Name,Model,Augmented,Seed,Validation RMSE \(px\),Study's RMSE \(px\)/);
  assert.ok(lines.slice(1).every((l) => /,model2,no,4[23],\d+\.\d{4},3\.1621,/.test(l)), csv);
  const md = await readFile(await saveDownload(() => page.click('#runs-markdown'), 'runs.md'), 'utf8');
  assert.match(md, /^\| Name \| Model \|.*\n\|---\|/);
  assert.equal(md.trim().split('\n').length, 4);
  for (let i = 0; i < 2; i++) {
    files[`member${i}`] = await saveDownload(() => rows.nth(i).getByRole('button', { name: 'Download .fpk' }).click(), `member${i}.fpk`);
  }
  await shot('runs');
});

test('the ensemble of the two: its RMSE beside theirs, the CLI\'s `ensemble` and `eval` agree, saved as one .fpk, used in Try it', async () => {
  await page.click('#ensemble-score');
  await page.waitForFunction(() => document.getElementById('ensemble-table').dataset.rmse || !document.getElementById('message').hidden, null, { timeout: 120_000 });
  const ensemble = Number(await page.locator('#ensemble-table').getAttribute('data-rmse'));
  const best = Number(await page.locator('#ensemble-table').getAttribute('data-best'));
  const members = await page.locator('#ensemble-table tbody tr td:nth-child(2)').evaluateAll((tds) => tds.slice(0, -1).map((td) => Number(td.textContent)));
  const mean = members.reduce((a, b) => a + b, 0) / members.length;
  console.log(`# ensemble of two Model 2 runs: members ${members.join(', ')} px, ensemble ${ensemble} px`);
  // The mean's error is at most the mean of the errors (the triangle inequality): always.
  assert.ok(ensemble <= mean + 1e-4, `ensemble ${ensemble} px, members' mean ${mean} px`);
  if (ensemble > best) {
    console.log(`# the ensemble is not better than its best member: the members are ${Math.abs(members[0] - members[1]).toFixed(3)} px apart, and averaging a much worse model in can cost more than the two disagree`);
  }
  assert.match(await page.locator('#ensemble-table tbody tr:last-child').textContent(), /Ensemble \(mean of 2\).*(gains|loses) \d+\.\d{4} px/);
  // The CLI on the same two files: the same RMSE.
  const cliEnsemble = join(work, 'cli-ensemble.fpk');
  const made = cli('ensemble', files.member0, files.member1, '--out', cliEnsemble, '--data', SAMPLE);
  assert.match(made, /wrote ensemble of 2 \(model2, model2\)/);
  const cliRmse = Number(made.match(/\| \*\*ensemble of 2 \(model2, model2\)\*\* \| \*\*([\d.]+)\*\* \|/)[1]);
  assert.ok(Math.abs(cliRmse - ensemble) < 1e-3, `CLI ${cliRmse} px, page ${ensemble} px`);
  assert.ok(Math.abs(rmseOf(cli('eval', '--model', cliEnsemble, '--data', SAMPLE)) - ensemble) < 1e-3);
  // Saved: one more run, one .fpk the CLI's eval reads with the same RMSE.
  const before = await runCount();
  await page.click('#ensemble-save');
  await page.waitForFunction((n) => document.getElementById('models-table').dataset.count === String(n), before + 1);
  const saved = runRow('ensemble of 2');
  files.ensemble = await saveDownload(() => saved.getByRole('button', { name: 'Download .fpk' }).click(), 'ensemble.fpk');
  const evaluated = cli('eval', '--model', files.ensemble, '--data', SAMPLE);
  assert.match(evaluated, /ensemble of 2 \(model2, model2\): RMSE/);
  assert.ok(Math.abs(rmseOf(evaluated) - ensemble) < 1e-3, evaluated);
  // With the flip: a column of each member's RMSE with it.
  await page.check('#ensemble-flip');
  await page.evaluate(() => { delete document.getElementById('ensemble-table').dataset.rmse; });
  await page.click('#ensemble-score');
  await page.waitForFunction(() => document.getElementById('ensemble-table').dataset.rmse, null, { timeout: 120_000 });
  assert.match(await page.locator('#ensemble-table tbody tr:first-child td:nth-child(3)').textContent(), /^\d+\.\d{4}$/);
  assert.match(await page.locator('#ensemble-table tbody tr:last-child').textContent(), /with flip/);
  await page.uncheck('#ensemble-flip');
  // In Try it: one face, 15 points, the ensemble named.
  await saved.getByRole('button', { name: 'Use in Try it' }).click();
  await page.waitForFunction(() => /^ensemble/.test(document.body.dataset.model ?? ''), null, { timeout: 120_000 });
  assert.match(await page.locator('#model-info').textContent(), /ensemble of 2 \(model2, model2\)/);
  await uploadPhoto(page, join(SHARED, 'data', 'photos', 'astronaut.png'));
  await page.waitForFunction(() => window.__photo || !document.getElementById('message').hidden, null, { timeout: 180_000 });
  const faces = await page.evaluate(() => window.__photo?.faces);
  assert.equal(faces?.length, 1, await message());
  assert.equal(faces[0].keypoints.length, 15);
  await page.click('#use-shipped');
  await page.waitForFunction(() => document.body.dataset.model === 'shipped', null, { timeout: 120_000 });
});

test('error analysis: RMSE per keypoint, the worst faces for a keypoint (a click enlarges one), predicted against true', async () => {
  await page.click('.tabs a[data-view="models"]');
  await runRow('model2', 'cnn').first().getByRole('button', { name: 'Analyse' }).click();
  await page.waitForFunction(() => document.getElementById('analysis').dataset.rmse || !document.getElementById('message').hidden, null, { timeout: 120_000 });
  assert.equal(await page.locator('#analysis-keypoints tbody tr').count(), 15);
  await page.locator('#analysis-keypoints tbody tr[data-keypoint="10"] button').click();
  assert.match(await page.locator('#analysis-keypoint').textContent(), /^nose tip: \d+ labelled validation faces/);
  assert.equal(await page.locator('#analysis-worst').getAttribute('data-count'), '8');
  const scattered = Number(await page.locator('#analysis-scatter-x').getAttribute('data-points'));
  assert.ok(scattered > 8, `${scattered} points`);
  assert.equal(await page.locator('#analysis-scatter-y canvas').count(), 1);
  // The captions go from worst to less bad; a click on the third shows it large.
  const errors = await page.locator('#analysis-worst figcaption').evaluateAll((c) => c.map((e) => Number(e.textContent.match(/([\d.]+) px/)[1])));
  assert.deepEqual(errors, [...errors].sort((a, b) => b - a));
  await page.locator('#analysis-worst canvas').nth(2).click();
  const row = (await page.locator('#analysis-worst figcaption').nth(2).textContent()).match(/row (\d+)/)[1];
  assert.equal(await page.locator('#analysis-large').getAttribute('data-row'), row);
  // The large view shows the face: not blank.
  const drawn = await page.evaluate(() => { const c = document.getElementById('analysis-large'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let s = 0; for (let i = 0; i < d.length; i += 4) s += d[i]; return s / (d.length / 4); });
  assert.ok(drawn > 10, `mean red ${drawn}`);
  await shot('analysis');
});

test('a run exported as one file and imported back: its settings, history and weights', async () => {
  const row = runRow('model2', 'cnn').first();
  const name = await row.locator('input[type="text"]').inputValue();
  const bundle = await saveDownload(() => row.getByRole('button', { name: 'Export run' }).click(), 'run.json');
  const parsed = JSON.parse(await readFile(bundle, 'utf8'));
  assert.equal(parsed.format, 'facepoints-run');
  assert.equal(parsed.run.config.model.name, 'model2');
  assert.equal(parsed.run.history.length, 3);
  assert.match(parsed.run.fingerprint, /^[0-9a-f]{64}$/);
  const before = await runCount();
  await row.getByRole('button', { name: 'Delete' }).click();
  await page.waitForFunction((n) => document.getElementById('models-table').dataset.count === String(n), before - 1);
  await page.setInputFiles('#models-input', bundle);
  await page.waitForFunction((n) => document.getElementById('models-table').dataset.count === String(n), before);
  const back = page.locator('#models-table tbody tr').filter({ has: page.locator(`input[type="text"]`) });
  const names = await back.locator('input[type="text"]').evaluateAll((inputs) => inputs.map((i) => i.value));
  assert.ok(names.includes(name), `${name} in ${names}`);
  // A damaged bundle is refused with the engine's message, and nothing is added.
  parsed.fpk = parsed.fpk.slice(0, 200);
  const bad = join(work, 'bad.run.json');
  await writeFile(bad, JSON.stringify(parsed));
  await page.setInputFiles('#models-input', bad);
  await page.waitForFunction(() => !document.getElementById('message').hidden);
  assert.match(await message(), /bad\.run\.json cannot be used: .*(truncated|corrupt)/);
  assert.equal(await runCount(), before);
});

test('"Reproduce the study\'s table" on a tiny budget gives `facepoints report`\'s numbers', async () => {
  await trainForm('model2', { seed: 42 });
  await page.click('.tabs a[data-view="experiments"]');
  for (const model of ['model0', 'model1', 'model3']) await page.uncheck(`#reproduce-models input[value="${model}"]`);
  await page.fill('#reproduce-epochs', '1');
  await page.fill('#reproduce-minutes', '0');
  await page.click('#reproduce-start');
  await page.waitForFunction(() => document.getElementById('reproduce-status').dataset.done, null, { timeout: 600_000 });
  const rows = await page.locator('#reproduce-table tbody tr').evaluateAll((trs) => trs.map((tr) => ({ model: tr.dataset.model, augmented: tr.dataset.augmented, state: tr.dataset.state, rmse: Number(tr.dataset.rmse), study: tr.cells[4].textContent })));
  assert.deepEqual(rows.map((r) => [r.model, r.augmented, r.state, r.study]), [['knn', 'false', 'done', '2.4898'], ['model2', 'false', 'done', '3.1621'], ['model2', 'true', 'done', '2.3246']]);
  const base = join(work, 'report-base.json');
  await writeFile(base, JSON.stringify((await page.evaluate(() => window.__experimentConfigs))[0]));
  const report = cli('report', '--config', base, '--models', 'model2', '--data', SAMPLE);
  const cliRows = [...report.matchAll(/^\| (KNN[^|]*|model2) \| (no|yes) \|.*?\*\*([\d.]+)\*\*/gm)].map((m) => Number(m[3]));
  assert.equal(cliRows.length, 3, report);
  console.log(`# the study's table, 1 epoch: page ${rows.map((r) => r.rmse.toFixed(4)).join(' / ')}, CLI ${cliRows.map((r) => r.toFixed(4)).join(' / ')}`);
  assert.ok(Math.abs(cliRows[0] - rows[0].rmse) < 1e-4, `KNN: CLI ${cliRows[0]}, page ${rows[0].rmse}`);
  for (const i of [1, 2]) assert.ok(Math.abs(cliRows[i] - rows[i].rmse) < 1e-3, `row ${i}: CLI ${cliRows[i]}, page ${rows[i].rmse}`);
});

test('an ablation with 2 seeds on a tiny budget fills every row, as `facepoints ablate` does', async () => {
  await trainForm(TINY, { seed: 5 });
  await page.click('.tabs a[data-view="experiments"]');
  await page.fill('#ablation-seeds', '2');
  await page.fill('#ablation-epochs', '1');
  await page.click('#ablation-start');
  await page.waitForFunction(() => document.getElementById('ablation-status').dataset.done, null, { timeout: 600_000 });
  const rows = await page.locator('#ablation-table tbody tr').evaluateAll((trs) => trs.map((tr) => ({ state: tr.dataset.state, cells: [...tr.cells].map((c) => c.textContent), mean: Number(tr.dataset.mean) })));
  assert.equal(rows.length, 9);
  assert.deepEqual(rows.map((r) => r.cells[0]), ['none', 'all seven', 'all but rotate', 'all but scale', 'all but clahe', 'all but blur', 'all but noise', 'all but crop', 'all but flip']);
  for (const r of rows) {
    assert.equal(r.state, 'done', r.cells.join(' | '));
    assert.match(r.cells[1], /^\d+\.\d{4} \/ \d+\.\d{4}$/);
    assert.match(r.cells[2], /^\d+\.\d{4} ± \d+\.\d{4}$/);
    if (r.cells[0] !== 'all seven') assert.match(r.cells[4], /^(within|beyond) the seeds' spread$/);
  }
  const base = join(work, 'ablate-base.json');
  await writeFile(base, JSON.stringify((await page.evaluate(() => window.__experimentConfigs))[0]));
  const ablate = cli('ablate', '--config', base, '--seeds', '2', '--data', SAMPLE);
  const cliMeans = [...ablate.matchAll(/^\| ([^|]+) \| [^|]+ \| ([\d.]+)/gm)].filter((m) => m[1] !== 'augmentation').map((m) => [m[1].trim(), Number(m[2])]);
  assert.deepEqual(cliMeans.map((m) => m[0]), rows.map((r) => r.cells[0]));
  for (const [i, [name, mean]] of cliMeans.entries()) assert.ok(Math.abs(mean - rows[i].mean) < 1e-3, `${name}: CLI ${mean}, page ${rows[i].mean}`);
});

test('a search of 3 trials: the CLI draws the same trials, and runs the best settings exported from the page', async () => {
  await trainForm(TINY, { seed: 5 });
  await page.click('.tabs a[data-view="experiments"]');
  const space = { learning_rate: [1e-3, 3e-2], batch_size: [16, 32], dropout: [], optimizer: ['sgd'], schedule: ['constant', 'cosine'], augment: [false], augment_k: [1], epochs: 2, patience: 1 };
  await page.fill('#search-space', JSON.stringify(space, null, 2));
  await page.fill('#search-trials', '3');
  await page.fill('#search-seed', '11');
  await page.click('#search-start');
  await page.waitForFunction(() => document.getElementById('search-status').dataset.done, null, { timeout: 600_000 });
  const rows = await page.locator('#search-table tbody tr').evaluateAll((trs) => trs.map((tr) => ({ state: tr.dataset.state, rmse: Number(tr.dataset.rmse), best: tr.classList.contains('best') })));
  assert.equal(rows.length, 3);
  assert.ok(rows.every((r) => r.state === 'done'), JSON.stringify(rows));
  const bestRow = rows.reduce((a, b) => (b.rmse < a.rmse ? b : a));
  assert.ok(bestRow.best, 'the best trial is marked');
  // The same trials from the CLI, with the same base settings, space and seed.
  const trials = await page.evaluate(() => window.__searchTrials);
  const spaceFile = join(work, 'space.json');
  const baseFile = join(work, 'search-base.json');
  await writeFile(spaceFile, JSON.stringify(space));
  await writeFile(baseFile, JSON.stringify(await page.evaluate(() => window.__searchBase)));
  const listed = cli('search', '--config', baseFile, '--space', spaceFile, '--search-seed', '11', '--trials', '3', '--list', '--data', SAMPLE).trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(listed, trials);
  // The best settings, exported, trained by the CLI: the page's RMSE for that trial.
  const best = await saveDownload(() => page.click('#search-export'), 'best-config.json');
  const trained = cli('train', '--config', best, '--data', SAMPLE, '--out', join(work, 'best.fpk'));
  const cliRmse = Number(trained.match(/validation RMSE ([\d.]+) px/)[1]);
  assert.ok(Math.abs(cliRmse - bestRow.rmse) < 1e-3, `CLI ${cliRmse} px, page ${bestRow.rmse} px`);
  await shot('experiments');
  // A space that cannot be drawn from is refused with its reason.
  await page.fill('#search-space', JSON.stringify({ ...space, batch_size: [] }));
  await page.click('#search-start');
  await page.waitForFunction(() => document.getElementById('search-error').textContent);
  assert.match(await page.locator('#search-error').textContent(), /batch_size needs at least one value/);
});

test('a cancelled ablation keeps its finished rows and starts no more runs', async () => {
  await page.evaluate(() => { delete document.getElementById('ablation-status').dataset.done; });
  await page.fill('#ablation-seeds', '1');
  await page.click('#ablation-start');
  // The new queue (9 runs of one seed) has started, and its first variant has finished.
  await page.waitForFunction(() => /^Run \d+ of 9:/.test(document.getElementById('ablation-status').textContent), null, { timeout: 60_000 });
  await page.waitForFunction(() => document.querySelector('#ablation-table tbody tr[data-state="done"]'), null, { timeout: 300_000 });
  await page.click('#ablation-cancel');
  await page.waitForFunction(() => document.getElementById('ablation-status').dataset.done, null, { timeout: 300_000 });
  assert.match(await page.locator('#ablation-status').textContent(), /^Cancelled: the finished rows are kept/);
  const states = await page.locator('#ablation-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.state));
  assert.ok(states.filter((s) => s === 'done').length >= 1, states.join(' '));
  assert.ok(states.at(-1) === 'queued', `the last variant never ran: ${states.join(' ')}`);
  assert.equal(await page.locator('#ablation-start').isDisabled(), false, 'a new experiment can start');
});

test('a Kaggle submission from the ensemble is byte for byte `facepoints submit`\'s', async () => {
  await page.click('.tabs a[data-view="models"]');
  const option = await page.locator('#submit-model option', { hasText: 'ensemble' }).first().getAttribute('value');
  await page.selectOption('#submit-model', option);
  await page.setInputFiles('#submit-test', TEST_CSV);
  // Kaggle's own lookup table (shipped) asks for images this test.csv does not have.
  await page.click('#submit-go');
  await page.waitForFunction(() => !document.getElementById('message').hidden, null, { timeout: 120_000 });
  assert.match(await message(), /No submission: IdLookupTable\.csv: row \d+, line \d+, column `ImageId`: no prediction for image 771/);
  // A lookup table cut to this test.csv's 770 images.
  const lookup = (await readFile(LOOKUP, 'utf8')).split('\n').filter((line, i) => i === 0 || (line && Number(line.split(',')[1]) <= 770)).join('\n') + '\n';
  const cut = join(work, 'IdLookupTable-770.csv');
  await writeFile(cut, lookup);
  await page.setInputFiles('#submit-lookup', cut);
  const file = await saveDownload(() => page.click('#submit-go'), 'page-submission.csv');
  const cliFile = join(work, 'cli-submission.csv');
  cli('submit', '--model', files.ensemble, '--test', TEST_CSV, '--lookup', cut, '--out', cliFile);
  const [ours, theirs] = [await readFile(file), await readFile(cliFile)];
  assert.equal(ours.length, theirs.length);
  assert.ok(ours.equals(theirs), 'the same bytes');
  assert.equal(Number(await page.locator('#submit-status').getAttribute('data-rows')), lookup.trim().split('\n').length - 1);
  assert.ok(gunzipSync(await readFile(TEST_CSV)).length > 0);
});
