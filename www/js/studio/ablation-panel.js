// The Experiments view's ablation (as `facepoints ablate`): the Train view's model trained
// with the augmentation pipeline, without it and without each operation in turn, N seeds
// each; the table's means, deltas and verdicts are the engine's own.
import { studio } from './state.js';
import { tableRow, cells, fmt, number } from './experiment-queue.js';

const $ = (id) => document.getElementById(id);

export function setupAblationPanel({ report, queue }) {
  $('ablation-start').addEventListener('click', async () => {
    report('');
    if ($('train-model').value === 'knn') return report('The ablation trains a network: choose one in the Train view (KNN does not augment).', 'error');
    const seeds = number('ablation-seeds');
    const budget = { epochs: number('ablation-epochs'), minutes: number('ablation-minutes') };
    let variants;
    let first;
    try {
      first = await queue.base(budget);
      variants = await studio.data.request('ablationVariants', { augment: await queue.augmentation() });
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
    await queue.run('ablation', jobs, async (job, out) => {
      results.get(job.variant).push(out.error ? NaN : out.rmse);
      await update();
    }, { group: `ablation · ${new Date().toLocaleString()}` });
  });
  $('ablation-cancel').addEventListener('click', () => queue.cancel('ablation'));
}
