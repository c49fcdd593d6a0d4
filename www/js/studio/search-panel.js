// The Experiments view's random hyper-parameter search (as `facepoints search`): trials drawn
// by the engine from the search space, each trained with the Train view's settings; the best
// so far marked, its settings downloadable as a training config.
import { studio } from './state.js';
import { tableRow, cells, fmt, number } from './experiment-queue.js';
import { download } from './run-files.js';

const $ = (id) => document.getElementById(id);

export function setupSearchPanel({ report, queue }) {
  let bestConfig = null;
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
      const first = await queue.base({ epochs: 1, minutes: 0 });
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
    await queue.run('search', jobs, (job, out) => {
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
  $('search-cancel').addEventListener('click', () => queue.cancel('search'));
  $('search-export').addEventListener('click', () => {
    if (!bestConfig) return;
    download(new Blob([JSON.stringify(bestConfig, null, 2)], { type: 'application/json' }), 'best-config.json');
  });
  $('search-defaults').addEventListener('click', async () => { $('search-space').value = await studio.data.request('searchSpace'); });
}
