// The Experiments view's three comparisons and an ensemble, clicked through in headless
// Chromium on the sample, on the page's CPU engine; prints the page's own tables as markdown.
//   node benches/web/studio-experiments.mjs   (after scripts/build-web.sh and `cargo test`)
// Environment: EPOCHS (10) and MINUTES (2) per run of the study's table; ABLATION_MODEL
// (model2), ABLATION_EPOCHS (5), SEEDS (2). The Train form: Adam, lr 1e-3, batch 32, seed 42,
// patience 5, augmentation "each face + 1 variant" (the study's 2×).
import { ROOT, serve, browser, openPage } from '../../tests/e2e/harness.mjs';

const env = (name, fallback) => process.env[name] ?? fallback;
const server = await serve();
const chrome = await browser({ webgpu: false });
const page = await openPage(chrome, server.url);
const table = (id) => page.locator(`#${id}`).evaluate((t) => {
  const rows = [...t.rows].map((r) => [...r.cells].map((c) => c.textContent.trim()));
  return [`| ${rows[0].join(' | ')} |`, `|${rows[0].map(() => '---').join('|')}|`, ...rows.slice(1).map((r) => `| ${r.join(' | ')} |`)].join('\n');
});
const done = (id) => page.waitForFunction((i) => document.getElementById(i).dataset.done, id, { timeout: 0 });
const reset = (id) => page.evaluate((i) => { delete document.getElementById(i).dataset.done; }, id);

await page.click('.tabs a[data-view="data"]');
await page.click('#data-sample');
await page.waitForFunction(() => document.getElementById('data-status').dataset.rows);
await page.click('.tabs a[data-view="train"]');
await page.selectOption('#train-model', 'model2');
await page.selectOption('#train-optimizer', 'adam');
await page.selectOption('#train-augment', 'multiplier');
await page.fill('#train-augment-k', '1');
await page.selectOption('#train-backend', 'cpu');
const started = Date.now();

await page.click('.tabs a[data-view="experiments"]');
await page.fill('#reproduce-epochs', env('EPOCHS', '10'));
await page.fill('#reproduce-minutes', env('MINUTES', '2'));
await reset('reproduce-status');
await page.click('#reproduce-start');
await done('reproduce-status');
console.log(`## The study's table (sample, 228 / 54 faces; at most ${env('EPOCHS', '10')} epochs or ${env('MINUTES', '2')} min per run; page CPU engine)\n`);
console.log(await table('reproduce-table'));

await page.click('.tabs a[data-view="train"]');
await page.selectOption('#train-model', env('ABLATION_MODEL', 'model2'));
await page.click('.tabs a[data-view="experiments"]');
await page.fill('#ablation-seeds', env('SEEDS', '2'));
await page.fill('#ablation-epochs', env('ABLATION_EPOCHS', '5'));
await page.fill('#ablation-minutes', '0');
await reset('ablation-status');
await page.click('#ablation-start');
await done('ablation-status');
console.log(`\n## Ablation\n\n${await page.locator('#ablation-summary').textContent()}\n`);
console.log(await table('ablation-table'));

// Ensembles: the ablation's runs (one architecture, many augmentations and seeds), and the
// study's table's Model 2 without and with augmentation.
await page.click('.tabs a[data-view="models"]');
await ensembles(page, 'ablation', (row) => row.filter({ has: page.locator('td[data-key="group"]', { hasText: 'ablation' }) }));
await ensembles(page, "Model 2 of the study's table, without and with augmentation", (row) => row
  .filter({ has: page.locator('td[data-key="group"]', { hasText: "study's table" }) })
  .filter({ has: page.locator('td[data-key="architecture"]', { hasText: /^model2$/ }) }));
console.log(`\n(${((Date.now() - started) / 60000).toFixed(1)} min in all; ${ROOT})`);
await chrome.close();
server.close();

/** Scores the ensemble of the runs `pick` keeps, without and with the flip; prints both. */
export async function ensembles(page, title, pick) {
  const checked = page.locator('#models-table tbody input[type="checkbox"]:checked');
  while (await checked.count()) await checked.first().uncheck();
  const rows = pick(page.locator('#models-table tbody tr[data-kind="cnn"]'));
  for (let i = 0; i < await rows.count(); i++) await rows.nth(i).locator('input[type="checkbox"]').check();
  const results = [];
  for (const flip of [false, true]) {
    await page.setChecked('#ensemble-flip', flip);
    await page.evaluate(() => { delete document.getElementById('ensemble-table').dataset.rmse; });
    await page.click('#ensemble-score');
    await page.waitForFunction(() => document.getElementById('ensemble-table').dataset.rmse, null, { timeout: 0 });
    results.push(await page.locator('#ensemble-table').evaluate((t) => ({
      rmse: Number(t.dataset.rmse),
      best: Number(t.dataset.best),
      members: [...t.tBodies[0].rows].slice(0, -1).map((r) => [Number(r.cells[1].textContent), Number(r.cells[2].textContent)]),
    })));
  }
  const [plain, flipped] = results;
  const mean = (v) => v.reduce((a, b) => a + b, 0) / v.length;
  console.log(`\n## Ensemble: ${title} (${plain.members.length} runs)\n`);
  console.log('| | members: best / mean / worst (px) | ensemble (px) | gain over the best member |');
  console.log('|---|---|---|---|');
  for (const [label, r, column] of [['mean of the predictions', plain, 0], ['with flip', flipped, 1]]) {
    const values = r.members.map((m) => m[column]);
    const best = Math.min(...values);
    console.log(`| ${label} | ${best.toFixed(4)} / ${mean(values).toFixed(4)} / ${Math.max(...values).toFixed(4)} | **${r.rmse.toFixed(4)}** | ${(best - r.rmse).toFixed(4)} px (${((100 * (best - r.rmse)) / best).toFixed(1)}%) |`);
  }
}
