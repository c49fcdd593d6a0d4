// The Experiments view: the study's comparisons, one click each, on the loaded data's split
// and the Train view's settings — its table (KNN and Models 0–3 without and with
// augmentation, as `facepoints report`), its augmentation question (an ablation with N seeds,
// as `facepoints ablate`), and a random hyper-parameter search (as `facepoints search`).
// Runs go one at a time through the same runner as the Train view; every finished run is
// recorded in Runs; a cancelled experiment keeps the rows that finished.
import { studio } from './state.js';
import { trainRun, knnRun, recordTraining, recordKnn, signal, busy } from './runner.js';
import { download } from './run-files.js';

const $ = (id) => document.getElementById(id);

export function setupExperimentsView({ report }) {
  let current = null; // {cancelled, kind} of the experiment in progress
  let study = [];
  let bestConfig = null;

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
  async function runQueue(kind, jobs, done, { group, deadline = Infinity }) {
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

  const number = (id) => Number($(id).value);
  const fmt = (v) => (Number.isFinite(v) ? v.toFixed(4) : '—');
  const cells = (tr, values) => values.forEach((v, i) => { tr.cells[i].textContent = v; });
  function tableRow(table, values) {
    const tr = table.tBodies[0].insertRow();
    for (const v of values) tr.insertCell().textContent = v;
    tr.dataset.state = 'queued';
    return tr;
  }

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
    const pipeline = await augmentation();
    for (const model of models) {
      for (const augmented of variants) {
        const config = await base({ model, ...budget });
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
    await runQueue('reproduce', jobs, (job, out) => {
      job.row.dataset.state = out.error ? 'failed' : 'done';
      if (out.error) return cells(job.row, [job.row.cells[0].textContent, job.row.cells[1].textContent, '—', `failed: ${out.error}`]);
      job.row.dataset.rmse = String(out.rmse);
      const epoch = job.knn ? `k = ${out.k}` : `${out.best_epoch + 1} (${out.epochs} run)`;
      cells(job.row, [job.row.cells[0].textContent, job.row.cells[1].textContent, epoch, fmt(out.rmse), job.row.cells[4].textContent, `${out.wall_s.toFixed(1)} s`]);
    }, { group });
  });
  $('reproduce-cancel').addEventListener('click', () => cancel('reproduce'));

  // ---- Ablation ----------------------------------------------------------------------
  $('ablation-start').addEventListener('click', async () => {
    report('');
    if ($('train-model').value === 'knn') return report('The ablation trains a network: choose one in the Train view (KNN does not augment).', 'error');
    const seeds = number('ablation-seeds');
    const budget = { epochs: number('ablation-epochs'), minutes: number('ablation-minutes') };
    let variants;
    let first;
    try {
      first = await base(budget);
      variants = await studio.data.request('ablationVariants', { augment: await augmentation() });
    } catch (err) {
      return report(`The ablation cannot start: ${err.message}`, 'error');
    }
    const table = $('ablation-table');
    table.tBodies[0].replaceChildren();
    const results = new Map(variants.map((v) => [v.name, []]));
    const rows = new Map(variants.map((v) => [v.name, tableRow(table, [v.name, 'queued', '—', '—', '—'])]));
    const jobs = [];
    for (const variant of variants) {
      for (let s = 0; s < seeds; s++) {
        const config = structuredClone(first);
        config.augment = variant.augment;
        config.seed = first.seed + s;
        jobs.push({ label: `${config.model.name} [${variant.name}] seed ${config.seed}`, config, variant: variant.name });
      }
    }
    $('ablation-summary').textContent = `${first.model.name}; ${variants.length} variants × ${seeds} seed${seeds > 1 ? 's' : ''} from ${first.seed}; at most ${budget.epochs} epochs${budget.minutes > 0 ? ` or ${budget.minutes} min` : ''} per run.`;
    // The table's numbers and verdicts are the engine's (`facepoints ablate`'s own).
    const update = async () => {
      for (const row of await studio.data.request('ablationTable', { results: [...results] })) {
        const tr = rows.get(row.name);
        const finished = row.rmses.filter(Number.isFinite).length;
        tr.dataset.state = finished === seeds ? 'done' : finished ? 'running' : tr.dataset.state;
        tr.dataset.mean = String(row.mean);
        cells(tr, [row.name, row.rmses.map((v) => (Number.isFinite(v) ? v.toFixed(4) : 'failed')).join(' / ') || 'queued',
          row.rmses.length ? `${fmt(row.mean)}${row.sd === null ? '' : ` ± ${row.sd.toFixed(4)}`}` : '—',
          Number.isFinite(row.delta) ? `${row.delta >= 0 ? '+' : ''}${row.delta.toFixed(4)}` : '—',
          row.verdict]);
      }
    };
    await runQueue('ablation', jobs, async (job, out) => {
      results.get(job.variant).push(out.error ? NaN : out.rmse);
      await update();
    }, { group: `ablation · ${new Date().toLocaleString()}` });
  });
  $('ablation-cancel').addEventListener('click', () => cancel('ablation'));

  // ---- Search ------------------------------------------------------------------------
  const loadSpace = ({ detail: view }) => {
    if (view !== 'experiments') return;
    studio.removeEventListener('view', loadSpace);
    studio.data.request('searchSpace').then((space) => { if (!$('search-space').value) $('search-space').value = space; }).catch(() => {});
  };
  studio.addEventListener('view', loadSpace);
  $('search-start').addEventListener('click', async () => {
    report('');
    if ($('train-model').value === 'knn') return report('The search trains a network: choose one in the Train view.', 'error');
    let trials;
    try {
      const first = await base({ epochs: 1, minutes: 0 });
      first.time_budget_secs = null;
      window.__searchBase = first;
      trials = await studio.data.request('searchTrials', { space: $('search-space').value, base: first, seed: number('search-seed'), trials: number('search-trials') });
    } catch (err) {
      $('search-error').textContent = err.message;
      return report(`The search cannot start: ${err.message}`, 'error');
    }
    $('search-error').textContent = '';
    window.__searchTrials = trials.map((t) => t.config);
    bestConfig = null;
    $('search-export').disabled = true;
    const table = $('search-table');
    table.tBodies[0].replaceChildren();
    const jobs = trials.map((t, i) => ({ label: `trial ${i + 1}: ${t.label}`, config: t.config, index: i, row: tableRow(table, [String(i + 1), t.label, '—', 'queued', '—']) }));
    const done = [];
    const minutes = number('search-minutes');
    await runQueue('search', jobs, (job, out) => {
      job.row.dataset.state = out.error ? 'failed' : 'done';
      if (out.error) return cells(job.row, [String(job.index + 1), job.row.cells[1].textContent, '—', `failed: ${out.error}`, '—']);
      done.push({ job, rmse: out.rmse });
      job.row.dataset.rmse = String(out.rmse);
      cells(job.row, [String(job.index + 1), job.row.cells[1].textContent, `${out.best_epoch + 1} (${out.epochs} run)`, fmt(out.rmse), `${out.wall_s.toFixed(1)} s`]);
      const best = done.filter((d) => Number.isFinite(d.rmse)).sort((a, b) => a.rmse - b.rmse)[0];
      for (const tr of table.tBodies[0].rows) tr.classList.toggle('best', tr === best?.job.row);
      if (best) {
        bestConfig = best.job.config;
        $('search-export').disabled = false;
        $('search-best').textContent = `Best so far: trial ${best.job.index + 1} (${best.rmse.toFixed(4)} px): ${best.job.label.replace(/^trial \d+: /, '')}.`;
      }
    }, { group: `search · seed ${number('search-seed')} · ${new Date().toLocaleString()}`, deadline: minutes > 0 ? performance.now() + minutes * 60_000 : Infinity });
  });
  $('search-cancel').addEventListener('click', () => cancel('search'));
  $('search-export').addEventListener('click', () => {
    if (!bestConfig) return;
    download(new Blob([JSON.stringify(bestConfig, null, 2)], { type: 'application/json' }), 'best-config.json');
  });
  $('search-defaults').addEventListener('click', async () => { $('search-space').value = await studio.data.request('searchSpace'); });

  buttons();
}
