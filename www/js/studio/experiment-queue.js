// The Experiments view's runner: an experiment's runs go one at a time through the Train
// view's runner (its settings, its backend), every finished run is recorded in Runs, and a
// cancelled experiment keeps the rows that finished. One experiment runs at a time.
import { studio } from './state.js';
import { trainRun, knnRun, recordTraining, recordKnn, signal, busy } from './runner.js';

const $ = (id) => document.getElementById(id);

export const number = (id) => Number($(id).value);
export const fmt = (v) => (Number.isFinite(v) ? v.toFixed(4) : '—');
export const cells = (tr, values) => values.forEach((v, i) => { tr.cells[i].textContent = v; });

/** A new queued row of `values` in `table`. */
export function tableRow(table, values) {
  const tr = table.tBodies[0].insertRow();
  for (const v of values) tr.insertCell().textContent = v;
  tr.dataset.state = 'queued';
  return tr;
}

/** The view's one queue: `run(kind, jobs, done, options)`, `cancel(kind)`, `base(budget)`,
 *  `augmentation()` and `buttons()` (which start and cancel buttons are usable). */
export function setupQueue({ report }) {
  let current = null; // {cancelled, kind} of the experiment in progress

  function buttons() {
    const running = Boolean(current);
    for (const id of ['reproduce-start', 'ablation-start', 'search-start']) $(id).disabled = running || busy() || !studio.dataset;
    for (const id of ['reproduce-cancel', 'ablation-cancel', 'search-cancel']) $(id).disabled = !running || !id.startsWith(current?.kind);
    $('experiments-data').textContent = studio.dataset
      ? `Data: ${studio.dataset.name}, ${studio.dataset.split.info}. Every run uses the Train view's settings (optimizer, learning rate, batch, seed, labels, augmentation mode, backend); each experiment sets what it compares and its budget.`
      : 'Load data first (Data view).';
  }
  studio.addEventListener('data', buttons);
  studio.addEventListener('busy', buttons);

  /** The Train view's settings (a TrainingConfig) with `model` (a preset name) and the budget. */
  async function base({ model = null, epochs, minutes }) {
    const config = model ? await studio.trainingConfig(model) : await studio.trainingConfig();
    config.epochs = epochs;
    config.time_budget_secs = minutes > 0 ? minutes * 60 : null;
    return config;
  }

  const augmentation = async () => studio.augment ?? await studio.data.request('augmentDefaults');

  /** Runs `jobs` ({label, config} or {label, knn: ks}) in turn; `done(job, outcome)` after each. */
  async function run(kind, jobs, done, { group, deadline = Infinity }) {
    current = { kind, cancelled: false };
    window.__experimentConfigs = jobs.filter((j) => j.config).map((j) => j.config);
    buttons();
    const status = $(`${kind}-status`);
    try {
      for (const [i, job] of jobs.entries()) {
        if (current.cancelled) break;
        if (performance.now() > deadline) {
          status.textContent = `The time budget is spent: ${i} of ${jobs.length} runs finished.`;
          return;
        }
        status.textContent = `Run ${i + 1} of ${jobs.length}: ${job.label}…`;
        job.row && (job.row.dataset.state = 'running');
        try {
          if (job.knn) {
            const { scores, wall_s } = await knnRun(job.knn);
            const best = scores.reduce((a, b) => (b.rmse.overall < a.rmse.overall ? b : a));
            await recordKnn(best, { wall_s, tried: job.knn, group });
            await done(job, { rmse: best.rmse.overall, k: best.k, wall_s });
          } else {
            const result = await trainRun(job.config, {
              requested: $('train-backend').value,
              onEvent: (e) => {
                if (e.type === 'batch') status.textContent = `Run ${i + 1} of ${jobs.length}: ${job.label} — epoch ${e.epoch + 1} of ${job.config.epochs}, batch ${e.batch} of ${e.batches}`;
              },
            });
            if (current.cancelled) break; // the run stopped part way: not a result of the experiment
            await recordTraining(result, job.config, { name: `${job.label} · ${new Date().toLocaleString()}`, group });
            await done(job, { rmse: result.best_rmse, best_epoch: result.best_epoch, epochs: result.epochs_run, wall_s: result.wall_s, failed: result.failed });
          }
        } catch (err) {
          await done(job, { error: err.message });
          report(`${job.label}: ${err.message}`, 'error');
        }
        studio.emit('models');
      }
      status.textContent = current.cancelled ? 'Cancelled: the finished rows are kept (and in Runs).' : `Done: ${jobs.length} runs.`;
    } finally {
      status.dataset.done = 'true';
      current = null;
      buttons();
    }
  }

  function cancel(kind) {
    if (current?.kind !== kind) return;
    current.cancelled = true;
    signal('stop');
  }

  return { run, cancel, base, augmentation, buttons };
}
