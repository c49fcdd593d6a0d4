// A Kaggle submission from a run or an ensemble: Kaggle's test.csv (ImageId, Image) predicted
// in the data worker, written in IdLookupTable.csv's order (Kaggle's, shipped with the page,
// or one the user chooses): the same bytes `facepoints submit` writes for the same model.
import { studio } from './state.js';
import { getModel } from './model-store.js';
import { download } from './run-files.js';

const $ = (id) => document.getElementById(id);
const LOOKUP = new URL('../../data/kaggle/IdLookupTable.csv', import.meta.url);

export function setupSubmissionPanel({ report }) {
  /** The runs with weights, as the Runs view has just listed them. */
  function models({ detail }) {
    const runs = detail.filter((r) => r.bytes);
    const choice = $('submit-model').value;
    $('submit-model').replaceChildren(...runs.map((r) => Object.assign(document.createElement('option'), {
      value: String(r.id), textContent: `${r.name}${Number.isFinite(r.rmse) ? ` (${r.rmse.toFixed(4)} px)` : ''}`,
    })));
    if (runs.some((r) => String(r.id) === choice)) $('submit-model').value = choice;
    ready();
  }

  function ready() {
    $('submit-go').disabled = !$('submit-test').files[0] || !$('submit-model').value;
  }

  $('submit-test').addEventListener('change', ready);
  $('submit-go').addEventListener('click', async () => {
    report('');
    const test = $('submit-test').files[0];
    const own = $('submit-lookup').files[0];
    $('submit-go').disabled = true;
    $('submit-status').textContent = `Predicting every face of ${test.name}…`;
    try {
      const run = await getModel(Number($('submit-model').value));
      let lookup = own;
      if (!lookup) {
        const response = await fetch(LOOKUP);
        if (!response.ok) throw new Error(`the shipped IdLookupTable.csv could not be fetched: HTTP ${response.status}`);
        lookup = await response.blob();
      }
      const started = performance.now();
      const bytes = await studio.data.request('submission', { model: run.bytes.slice(0), test, lookup });
      const rows = new TextDecoder().decode(bytes).trimEnd().split('\n').length - 1;
      download(new Blob([bytes], { type: 'text/csv' }), 'submission.csv');
      $('submit-status').textContent = `submission.csv: ${rows.toLocaleString()} rows from “${run.name}” in ${((performance.now() - started) / 1000).toFixed(1)} s, in the order of ${own ? own.name : "Kaggle's IdLookupTable.csv"}.`;
      $('submit-status').dataset.rows = String(rows);
    } catch (err) {
      $('submit-status').textContent = '';
      report(`No submission: ${err.message}`, 'error');
    } finally {
      ready();
    }
  });

  studio.addEventListener('runs', models);
}
