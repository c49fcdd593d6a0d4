// The studio's figures in headless Chromium on this machine, beside the native CLI; prints
// markdown tables.   node benches/web/bench-studio.mjs   (after scripts/build-web.sh and
// `cargo test`, which builds the CLI)
// - training images/s per model (batch 32, no augmentation, the sample's 228 training
//   faces), the second epoch's rate (warm-up apart), page CPU engine vs `facepoints train`
// - loading a generated 7,049-row training.csv (~232 MB) plain and gzipped: MB/s and the
//   engine's memory, vs `facepoints summary` reading the same file
// Environment: MODELS=model2,model3 (the models trained), THREADS=1 (the page's `?threads=`:
// the CPU engine's threads; default one per core), LOADING=0 (training only).
import { execFileSync } from 'node:child_process';
import { mkdtemp, stat } from 'node:fs/promises';
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ROOT, FACEPOINTS_BIN, serve, browser, openPage } from '../../tests/e2e/harness.mjs';
import { writeKaggleSized } from '../../tests/e2e/kaggle-sized.mjs';

const SAMPLE = join(ROOT, 'www', 'data', 'ytf_sample', 'training.csv.gz');
const MODELS = (process.env.MODELS ?? 'model0,model1,model2,model3').split(',').filter(Boolean);
const work = await mkdtemp(join(tmpdir(), 'facepoints-bench-studio-'));
const server = await serve();
const chrome = await browser();
const THREADS = process.env.THREADS ? `?threads=${process.env.THREADS}` : '';
const page = await openPage(chrome, `${server.url}${THREADS}`);
const threads = await page.evaluate(() => window.facepoints.detector.threads);
await page.click('.tabs a[data-view="data"]');
await page.click('#data-sample');
await page.waitForFunction(() => document.getElementById('data-status').dataset.rows);
await page.click('.tabs a[data-view="train"]');

console.log(`| model (batch 32, 228 faces, epoch 2) | page, CPU engine, ${threads === 1 ? 'one thread' : `${threads} threads`} (images/s) | warm-up (s) | CLI, flex native (images/s) | page / CLI |`);
console.log('|---|---|---|---|---|');
for (const model of MODELS) {
  await page.selectOption('#train-model', model);
  await page.fill('#train-epochs', '2');
  await page.fill('#train-patience', '0');
  await page.selectOption('#train-augment', 'off');
  await page.evaluate(() => { document.getElementById('train-result').textContent = ''; });
  await page.click('#train-start');
  await page.waitForFunction(() => /Kept in Runs|failed/.test(document.getElementById('train-result').textContent + document.getElementById('train-phase').textContent), null, { timeout: 1_800_000 });
  const rates = (await page.locator('#train-rate').getAttribute('data-epoch-rates')).split(' ').map(Number);
  const warm = Number(await page.locator('#train-rate').getAttribute('data-warm-up-seconds'));
  const log = execFileSync('bash', ['-c', `"${FACEPOINTS_BIN}" train --model ${model} --epochs 2 --patience 0 --batch-size 32 --data "${SAMPLE}" --out "${join(work, 'cli.fpk')}" 2>&1`], { encoding: 'utf8' });
  const cli = [...log.matchAll(/([\d.]+) img\/s/g)].map((m) => Number(m[1]));
  console.log(`| ${model} | ${rates[1].toFixed(1)} | ${warm.toFixed(1)} | ${cli[1].toFixed(1)} | ${(rates[1] / cli[1]).toFixed(2)} |`);
}

if (process.env.LOADING === '0') {
  await chrome.close();
  server.close();
  process.exit(0);
}
const csv = join(work, 'training.csv');
await writeKaggleSized(csv, 7049);
await pipeline(createReadStream(csv), createGzip({ level: 6 }), createWriteStream(`${csv}.gz`));
console.log('\n| loading (7,049 rows), each in a fresh page | file | page: MB/s of the file | page: engine memory / pixel bytes | CLI `summary`: MB/s |');
console.log('|---|---|---|---|---|');
for (const file of [csv, `${csv}.gz`]) {
  await page.goto(`${server.url}#data`);
  await page.reload(); // a new document: a fresh data worker and engine memory
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 240_000 });
  const size = (await stat(file)).size;
  const previous = await page.locator('#data-status').textContent();
  await page.setInputFiles('#data-input', file);
  await page.waitForFunction((before) => {
    const status = document.getElementById('data-status');
    return status.textContent !== before && status.dataset.rows === '7049';
  }, previous, { timeout: 600_000 });
  const status = await page.locator('#data-status').textContent();
  const [, mbps, memory, pixels] = status.match(/\(([\d.]+) MB\/s.*engine memory (\d+) MB for ([\d.]+) MB of pixels/);
  const t = process.hrtime.bigint();
  execFileSync(FACEPOINTS_BIN, ['summary', '--data', file, '--split', 'random'], { stdio: 'ignore' });
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  console.log(`| ${file.endsWith('.gz') ? 'gzip' : 'plain'} | ${(size / 1024 / 1024).toFixed(0)} MB | ${mbps} | ${memory} MB / ${pixels} MB | ${(size / 1024 / 1024 / seconds).toFixed(0)} (whole command) |`);
}
await chrome.close();
server.close();
