// Fine-tuning on one person's faces in the page (the CPU engine, headless Chromium, this
// machine): from the shipped model, K labelled faces of a person it never saw, mixed with the
// sample data at half of each epoch; early stopping on that person's other training faces (a
// second capture session); scored on the person's test faces, which neither the run nor its
// early stopping saw. K = 0 is the control: the same run on the sample alone (early stopping
// on the sample's validation faces), which learns ytf's framing and labels but nothing of
// the person — what K > 0 gains beyond it is the person's own. Prints a markdown table.
//   node benches/web/finetune.mjs [--people 5] [--ks 3,6,9] [--epochs 10] [--lr 0.0001]
// The people: the validation side of ytf_kaggle96's person-grouped split (seed 7, 20%), the
// 69 people the shipped model's split held out (its model card: the same split of the same
// 347 people), those with 12 training and 3 test frames, in name order. ytf has at most 15
// frames of a person, so K = 20 or 50 cannot be measured from it.
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ROOT, SHARED, cli, serve, browser, openPage } from '../../tests/e2e/harness.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const PEOPLE = Number(arg('people', 5));
const KS = arg('ks', '0,3,6,9').split(',').map(Number);
const EPOCHS = Number(arg('epochs', 10));
const LR = Number(arg('lr', 0.0001));
const YTF = join(SHARED, 'data', 'ytf_kaggle96');

const lines = async (file) => gunzipSync(await readFile(join(YTF, file))).toString().trimEnd().split('\n');
const personOf = (image) => image.replace(/_\d+\.[^.]+$/, '');

// Rows of each held-out person: training.csv lines, and test lines made of test.csv's
// pixels and test_solution.csv's labels (the same column order).
const [training, test, solution, meta] = await Promise.all(['training.csv.gz', 'test.csv.gz', 'test_solution.csv.gz', 'meta.csv.gz'].map(lines));
const header = training[0];
const held = new Set(JSON.parse(cli('summary', '--data', join(YTF, 'training.csv.gz'), '--json')).valid);
const people = new Map();
const person = (name) => { if (!people.has(name)) people.set(name, { train: [], test: [] }); return people.get(name); };
for (const line of meta.slice(1)) {
  const [split, row, image] = line.split(',');
  const n = Number(row);
  if (split === 'training' && held.has(n)) person(personOf(image)).train.push(training[n]);
  if (split === 'test') {
    const pixels = test[n].slice(test[n].indexOf(',') + 1);
    const labels = solution[n].slice(solution[n].indexOf(',') + 1);
    if (people.has(personOf(image))) person(personOf(image)).test.push(`${labels},${pixels}`);
  }
}
const chosen = [...people.entries()].filter(([, p]) => p.train.length === 12 && p.test.length === 3)
  .sort(([a], [b]) => a.localeCompare(b)).slice(0, PEOPLE);
console.error(`${chosen.length} held-out people with 12 + 3 frames: ${chosen.map(([n]) => n).join(', ')}`);

const server = await serve();
const chrome = await browser({ webgpu: false });
const page = await openPage(chrome, `${server.url}#data`);
await page.click('#data-sample');
await page.waitForFunction(() => document.getElementById('data-status').dataset.rows);
const work = await mkdtemp(join(tmpdir(), 'facepoints-finetune-'));

/** Stores a dataset of `sessions` ([name, csv text] each, in order) through the page's
 *  own import path; resolves to its id. */
async function dataset(name, sessions) {
  return page.evaluate(async ({ name, sessions }) => {
    const { readKaggle } = await import('/www/js/studio/face-files.js');
    const { createDatasetWith } = await import('/www/js/studio/face-store.js');
    const { studio } = await import('/www/js/studio/state.js');
    const records = [];
    for (const [session, text] of sessions) {
      records.push(...(await readKaggle(new File([text], `${session}.csv`), () => studio.detector, session)).records);
    }
    return (await createDatasetWith(name, records)).id;
  }, { name, sessions });
}

/** Mean NME of the shipped model and of the run's model on dataset `id`'s faces. */
async function score(id, runName) {
  return page.evaluate(async ({ id, runName }) => {
    const { listFaces, rowFields } = await import('/www/js/studio/face-store.js');
    const { listModels } = await import('/www/js/studio/model-store.js');
    const { studio } = await import('/www/js/studio/state.js');
    const { faces } = await listFaces(id);
    const run = (await listModels()).find((r) => r.name === runName);
    const shipped = await (await fetch('/www/models/default.fpk')).arrayBuffer();
    const { scores } = await studio.data.request('scoreFaces', { faces: rowFields(faces), models: [shipped, run.bytes.slice(0)] });
    return { before: scores[0].mean, after: scores[1].mean, wall: run.wall_s, epochs: run.epochs, best: run.best_epoch };
  }, { id, runName });
}

const results = [];
for (const [name, p] of chosen) {
  const testId = await dataset(`${name} test`, [['test', `${[header, ...p.test].join('\n')}\n`]]);
  for (const k of KS) {
    const id = k === 0 ? '' : await dataset(`${name} K=${k}`, [
      ['train', `${[header, ...p.train.slice(0, k)].join('\n')}\n`],
      ['stop', `${[header, ...p.train.slice(k)].join('\n')}\n`],
    ]);
    await page.click('.tabs a[data-view="models"]');
    await page.click('.tabs a[data-view="train"]'); // lists the datasets anew
    await page.waitForFunction((id) => [...document.getElementById('train-faces').options].some((o) => o.value === String(id)), id);
    await page.selectOption('#train-init', 'shipped');
    await page.selectOption('#train-faces', String(id));
    if (k > 0) await page.fill('#train-faces-share', '50');
    await page.fill('#train-epochs', String(EPOCHS));
    await page.fill('#train-lr', String(LR));
    await page.fill('#train-patience', '3');
    await page.selectOption('#train-augment', 'off');
    await page.evaluate(() => { document.getElementById('train-compare').hidden = true; document.getElementById('train-result').textContent = ''; });
    await page.click('#train-start');
    // With your faces the comparison ends the run; without, the result's score before.
    await page.waitForFunction((k) => (k > 0 ? !document.getElementById('train-compare').hidden : document.getElementById('train-result').dataset.before && /Kept in Runs/.test(document.getElementById('train-result').textContent))
      || /failed/.test(document.getElementById('train-phase').textContent), k, { timeout: 900_000 });
    const compare = await page.evaluate((k) => {
      const result = document.getElementById('train-result');
      return k > 0 ? { ...document.getElementById('train-compare').dataset } : { baseBefore: result.dataset.before, baseAfter: result.dataset.rmse };
    }, k);
    const runName = await page.evaluate(() => document.getElementById('train-result').textContent.match(/Kept in Runs as “(.*)”/)[1]);
    const s = await score(testId, runName);
    const r = { name, k, ...s, baseBefore: Number(compare.baseBefore), baseAfter: Number(compare.baseAfter) };
    results.push(r);
    console.error(`${name}, K = ${k}: test NME ${(100 * r.before).toFixed(2)}% → ${(100 * r.after).toFixed(2)}%, validation RMSE ${r.baseBefore.toFixed(3)} → ${r.baseAfter.toFixed(3)} px, ${r.wall.toFixed(0)} s (${r.epochs} epochs, best ${r.best + 1})`);
  }
}
await chrome.close();
server.close();

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const pct = (a, b) => `${((b / a - 1) * 100).toFixed(0)}%`;
const out = [
  `| K faces of the person (0: the sample alone) | people | test NME before | after | change | sample validation RMSE before → after | seconds per run (median) |`,
  '|---|---|---|---|---|---|---|',
];
for (const k of KS) {
  const rs = results.filter((r) => r.k === k);
  const walls = rs.map((r) => r.wall).sort((a, b) => a - b);
  const [b, a] = [mean(rs.map((r) => r.before)), mean(rs.map((r) => r.after))];
  const [bb, ba] = [mean(rs.map((r) => r.baseBefore)), mean(rs.map((r) => r.baseAfter))];
  out.push(`| ${k} | ${rs.length} | ${(100 * b).toFixed(2)}% | ${(100 * a).toFixed(2)}% | ${pct(b, a)} | ${bb.toFixed(3)} → ${ba.toFixed(3)} px (${pct(bb, ba)}) | ${walls[Math.floor(walls.length / 2)].toFixed(0)} |`);
}
console.log(out.join('\n'));
await writeFile(join(work, 'results.json'), JSON.stringify(results, null, 1));
console.error(`per run: ${join(work, 'results.json')}`);
