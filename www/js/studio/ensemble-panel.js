// Ensembles of the selected runs: every member's and the ensemble's validation RMSE on the
// loaded data's split (the mean of their predictions, optionally with the horizontal flip:
// each face and its mirror image, the mirror's keypoints flipped back and their left/right
// names swapped), what the ensemble gains over the best single run, and the ensemble saved
// as one .fpk (usable in Try it, read by `facepoints eval`).
import { studio } from './state.js';
import { saveModel } from './model-store.js';
import { fingerprint } from './runner.js';

const $ = (id) => document.getElementById(id);

export function setupEnsemblePanel({ report }) {
  let chosen = [];
  let built = null; // {bytes, name, rmse, split, members}

  studio.addEventListener('selection', ({ detail }) => {
    chosen = detail.filter((r) => r.bytes);
    $('ensemble-score').disabled = chosen.length === 0;
    $('ensemble-score').textContent = chosen.length > 1 ? `Score the ensemble of ${chosen.length}` : 'Score (select two or more runs with weights)';
  });

  async function score() {
    report('');
    const data = studio.dataset;
    if (!data) return report('Load the data the runs were trained on first (Data view): the ensemble is scored on its validation side.', 'error');
    const flip = $('ensemble-flip').checked;
    $('ensemble-score').disabled = true;
    $('ensemble-save').disabled = true;
    $('ensemble-status').textContent = `Scoring ${chosen.length} models on ${data.split.valid.length} validation faces…`;
    try {
      const members = [...chosen]; // the records as the Runs view listed them, weights included
      const evaluate = async (bytes, withFlip) => (await studio.data.request('evaluate', { bytes: bytes.slice(0), rows: data.split.valid, flip: withFlip })).rmse;
      const rows = [];
      for (const m of members) {
        const alone = await evaluate(m.bytes, false);
        rows.push({ name: m.name, rmse: alone.overall, flipped: flip ? (await evaluate(m.bytes, true)).overall : null, split: m.split });
      }
      const file = await studio.data.request('ensembleFile', { members: members.map((m) => m.bytes.slice(0)), flip });
      const rmse = (await evaluate(file, false)).overall;
      const bytes = await studio.data.request('ensembleFile', { members: members.map((m) => m.bytes.slice(0)), flip, rmse, split: data.split.info });
      built = { bytes, rmse, split: data.split.info, members: members.map((m) => m.name), flip };
      show(rows, rmse, flip, data);
      $('ensemble-save').disabled = false;
    } catch (err) {
      $('ensemble-status').textContent = '';
      report(`The ensemble cannot be scored: ${err.message}`, 'error');
    } finally {
      $('ensemble-score').disabled = chosen.length === 0;
    }
  }

  function show(rows, rmse, flip, data) {
    const best = Math.min(...rows.map((r) => r.rmse));
    const body = $('ensemble-table').tBodies[0];
    body.replaceChildren(...rows.map((r) => line(r.name, r.rmse, r.rmse === best ? 'the best single run' : `${(r.rmse - best).toFixed(4)} px worse than the best single run`, r.flipped)), line(`Ensemble (mean of ${rows.length}${flip ? ', with flip' : ''})`, rmse, `${best - rmse >= 0 ? 'gains' : 'loses'} ${Math.abs(best - rmse).toFixed(4)} px (${Math.abs((100 * (best - rmse)) / best).toFixed(1)}%) over the best single run`, null, true));
    $('ensemble-table').hidden = false;
    $('ensemble-table').dataset.rmse = String(rmse);
    $('ensemble-table').dataset.best = String(best);
    const elsewhere = rows.filter((r) => r.split && r.split !== data.split.info).map((r) => r.name);
    $('ensemble-status').textContent = `Validation side of ${data.split.info}.${elsewhere.length ? ` Trained on another split: ${elsewhere.join(', ')} — their faces here may include training faces, so these numbers are not a holdout.` : ''}`;
  }

  function line(name, rmse, note, flipped, strong = false) {
    const tr = document.createElement('tr');
    tr.insertCell().textContent = name;
    tr.insertCell().textContent = rmse.toFixed(4);
    tr.insertCell().textContent = flipped === null ? '—' : flipped.toFixed(4);
    tr.insertCell().textContent = note;
    if (strong) tr.className = 'total';
    return tr;
  }

  $('ensemble-score').addEventListener('click', score);
  $('ensemble-flip').addEventListener('change', () => { $('ensemble-save').disabled = true; });
  $('ensemble-save').addEventListener('click', async () => {
    if (!built) return;
    try {
      const meta = await studio.data.request('describeModel', { bytes: built.bytes.slice(0) });
      const record = await saveModel({
        kind: 'ensemble', name: `ensemble · ${built.members.join(' + ')}${built.flip ? ' · flip' : ''}`, architecture: meta.model.name,
        rmse: built.rmse, split: built.split, epochs: 0, members: built.members, flip: built.flip,
        fingerprint: await fingerprint(), backend: 'CPU (wasm)', group: 'ensemble', bytes: built.bytes.buffer,
      });
      $('ensemble-status').textContent = `Saved as “${record.name}” (one .fpk holding ${built.members.length} models): use it in Try it or download it from the table.`;
      $('ensemble-save').disabled = true;
      studio.emit('models');
    } catch (err) {
      report(`The ensemble cannot be saved: ${err.message}`, 'error');
    }
  });
}
