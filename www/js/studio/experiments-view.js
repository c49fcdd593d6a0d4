// The Experiments view: the study's comparisons, one click each, on the loaded data's split
// and the Train view's settings — its table (KNN and Models 0–3 without and with
// augmentation, as `facepoints report`), its augmentation question (ablation-panel.js, as
// `facepoints ablate`), and a random hyper-parameter search (search-panel.js, as
// `facepoints search`), all through one queue (experiment-queue.js).
import { studio } from './state.js';
import { setupQueue, tableRow, cells, fmt, number } from './experiment-queue.js';
import { setupAblationPanel } from './ablation-panel.js';
import { setupSearchPanel } from './search-panel.js';

const $ = (id) => document.getElementById(id);

export function setupExperimentsView({ report }) {
  const queue = setupQueue({ report });
  let study = [];

  // ---- The study's table -------------------------------------------------------------
  $('reproduce-start').addEventListener('click', async () => {
    report('');
    if (!study.length) study = await studio.data.request('studyResults');
    const models = [...document.querySelectorAll('#reproduce-models input:checked')].map((i) => i.value);
    const variants = { both: [false, true], no: [false], yes: [true] }[$('reproduce-augmented').value];
    const budget = { epochs: number('reproduce-epochs'), minutes: number('reproduce-minutes') };
    const table = $('reproduce-table');
    table.tBodies[0].replaceChildren();
    const reference = (model, augmented) => fmt(study.find((s) => s.model === model && s.augmented === augmented)?.rmse);
    const ks = await studio.data.request('studyKs'); // what `facepoints report` tries
    const jobs = [{ label: `KNN (k of ${ks.join(', ')})`, knn: ks, model: 'knn', augmented: false }];
    const pipeline = await queue.augmentation();
    for (const model of models) {
      for (const augmented of variants) {
        const config = await queue.base({ model, ...budget });
        config.augment = augmented ? pipeline : null;
        jobs.push({ label: `${model}${augmented ? ' with augmentation' : ''}`, config, model, augmented });
      }
    }
    for (const job of jobs) {
      job.row = tableRow(table, [job.model === 'knn' ? 'KNN' : job.model, job.augmented ? 'yes' : 'no', '—', 'queued', reference(job.model, job.augmented), '—']);
      job.row.dataset.model = job.model;
      job.row.dataset.augmented = String(job.augmented);
    }
    const group = `study's table · ${new Date().toLocaleString()}`;
    await queue.run('reproduce', jobs, (job, out) => {
      job.row.dataset.state = out.error ? 'failed' : 'done';
      if (out.error) return cells(job.row, [job.row.cells[0].textContent, job.row.cells[1].textContent, '—', `failed: ${out.error}`]);
      job.row.dataset.rmse = String(out.rmse);
      const epoch = job.knn ? `k = ${out.k}` : `${out.best_epoch + 1} (${out.epochs} run)`;
      cells(job.row, [job.row.cells[0].textContent, job.row.cells[1].textContent, epoch, fmt(out.rmse), job.row.cells[4].textContent, `${out.wall_s.toFixed(1)} s`]);
    }, { group });
  });
  $('reproduce-cancel').addEventListener('click', () => queue.cancel('reproduce'));


  setupAblationPanel({ report, queue });
  setupSearchPanel({ report, queue });
  queue.buttons();
}
