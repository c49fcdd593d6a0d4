// The Runs view: every run kept in this browser (KNN, trained models, ensembles) as the
// study's "How did we do?" table — sortable, with the study's own RMSE beside each model —
// selection (overlaid validation curves, ensembles), rename, delete, download as .fpk (the
// CLI's format), use in Try it, error analysis; the table as CSV or markdown; a run as one
// bundle file (settings, history and weights) to export and import; .fpk files loaded from
// disk (checked by the engine first).
import { studio } from './state.js';
import { listModels, getModel, renameModel, deleteModel, saveModel, storageFacts, onOtherTabsChange } from './model-store.js';
import { studyKey } from './runner.js';
import { fromModelFile, fromBundle, bundle, safe, download } from './run-files.js';
import { setupOverlay } from './runs-overlay.js';
import { COLUMNS, tableCsv, tableMarkdown } from './runs-table.js';

const $ = (id) => document.getElementById(id);

export function setupRunsView({ report }) {
  let runs = [];
  let study = [];
  let sort = { key: 'date', ascending: false };
  const selected = new Set();
  const renames = new Map(); // run id → its rename in progress (kept across the table being drawn again)
  const overlay = setupOverlay();

  /** The study's RMSE for a run, when the study trained that model that way. */
  function studyRmse(run) {
    const key = studyKey(run.architecture);
    return study.find((s) => s.model === key && s.augmented === Boolean(run.augmented))?.rmse ?? null;
  }

  function sorted() {
    const column = COLUMNS.find((c) => c.key === sort.key);
    const sign = sort.ascending ? 1 : -1;
    return [...runs].sort((a, b) => {
      const [x, y] = [column.value(a), column.value(b)];
      const missing = (v) => v === '' || v === null || (typeof v === 'number' && !Number.isFinite(v));
      if (missing(x) !== missing(y)) return missing(x) ? 1 : -1; // blanks last either way
      return (x < y ? -1 : x > y ? 1 : 0) * sign;
    });
  }

  async function refresh() {
    try {
      runs = (await listModels()).map((r) => ({ ...r, study: studyRmse(r) }));
    } catch (err) {
      return report(err.message, 'error');
    }
    for (const id of [...selected]) if (!runs.some((r) => r.id === id)) selected.delete(id);
    render();
    studio.emit('runs', runs);
    const facts = await storageFacts();
    $('models-storage').textContent = facts.usage !== undefined
      ? `${(facts.usage / 1024 / 1024).toFixed(1)} MB used of ${(facts.quota / 1024 / 1024 / 1024).toFixed(1)} GB · ${facts.persisted ? 'kept by the browser (persistent)' : 'the browser may clear it under storage pressure'}`
      : '';
  }

  function render() {
    $('models-empty').hidden = runs.length > 0;
    const head = $('models-table').tHead.rows[0];
    head.replaceChildren(document.createElement('th'), ...COLUMNS.map((c) => {
      const th = document.createElement('th');
      th.scope = 'col';
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'link sort';
      b.dataset.sort = c.key;
      b.textContent = c.label;
      th.setAttribute('aria-sort', sort.key === c.key ? (sort.ascending ? 'ascending' : 'descending') : 'none');
      b.addEventListener('click', () => {
        sort = { key: c.key, ascending: sort.key === c.key ? !sort.ascending : true };
        render();
      });
      th.append(b);
      return th;
    }), Object.assign(document.createElement('th'), { scope: 'col', textContent: 'Actions' }));
    head.cells[0].innerHTML = '<span class="visually-hidden">Select</span>';
    // A name being edited (typed, not yet saved) survives the table being drawn again (the
    // study's column arrives later, another run is kept…), focus included.
    const editing = new Map();
    for (const input of $('models-table').tBodies[0].querySelectorAll('input[type="text"]')) {
      if (input.value !== input.dataset.saved || input === document.activeElement) {
        editing.set(input.closest('tr').dataset.id, { value: input.value, focused: input === document.activeElement });
      }
    }
    $('models-table').tBodies[0].replaceChildren(...sorted().map(row));
    for (const [id, { value, focused }] of editing) {
      const input = $('models-table').tBodies[0].querySelector(`tr[data-id="${id}"] input[type="text"]`);
      if (!input) continue;
      input.value = value;
      if (focused) input.focus();
    }
    $('models-table').dataset.count = String(runs.length);
    showSelection();
  }

  function row(run) {
    const tr = document.createElement('tr');
    tr.dataset.id = String(run.id);
    tr.dataset.kind = run.kind ?? 'cnn';
    const pick = document.createElement('input');
    pick.type = 'checkbox';
    pick.checked = selected.has(run.id);
    pick.setAttribute('aria-label', `Select ${run.name}`);
    pick.addEventListener('change', () => {
      if (pick.checked) selected.add(run.id); else selected.delete(run.id);
      showSelection();
    });
    tr.insertCell().append(pick);
    const name = document.createElement('input');
    name.type = 'text';
    name.value = run.name;
    name.dataset.saved = run.name;
    name.setAttribute('aria-label', 'Name (edit to rename)');
    name.addEventListener('change', () => {
      run.name = name.value.trim() || run.name;
      name.dataset.saved = run.name;
      renames.set(run.id, renameModel(run.id, run.name).catch((e) => report(e.message)));
    });
    tr.insertCell().append(name);
    for (const c of COLUMNS.slice(1)) {
      const v = c.value(run);
      const cell = tr.insertCell();
      cell.textContent = c.text ? c.text(v, run) : String(v ?? '');
      cell.dataset.key = c.key;
      if (c.key === 'rmse') cell.dataset.value = String(run.rmse);
      if (c.key === 'rmse' && (run.stopped || run.failed)) cell.title = run.failed ? `the run failed: ${run.failed}` : 'stopped before its budget';
    }
    const actions = document.createElement('div');
    actions.className = 'row';
    const button = (label, action, enabled = true) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.disabled = !enabled;
      // The actions wait for a rename in progress (begun in this row or one drawn before it).
      const renaming = () => renames.get(run.id) ?? Promise.resolve();
      b.addEventListener('click', () => renaming().then(action).catch((e) => report(e.message, 'error')));
      actions.append(b);
      return b;
    };
    const weights = Boolean(run.bytes);
    button('Use in Try it', async () => {
      const stored = await getModel(run.id);
      studio.emit('use-model', { name: stored.name, bytes: stored.bytes.slice(0) });
    }, weights).classList.add('primary');
    button('Download .fpk', async () => {
      const stored = await getModel(run.id);
      download(new Blob([stored.bytes], { type: 'application/octet-stream' }), `${safe(stored.name)}.fpk`);
    }, weights);
    button('Analyse', () => studio.emit('analyse', run.id), weights);
    button('Export run', async () => {
      const stored = await getModel(run.id);
      download(new Blob([JSON.stringify(bundle(stored))], { type: 'application/json' }), `${safe(stored.name)}.run.json`);
    });
    button('Delete', async () => {
      await deleteModel(run.id);
      selected.delete(run.id);
      await refresh();
    });
    tr.insertCell().append(actions);
    return tr;
  }

  function showSelection() {
    const chosen = runs.filter((r) => selected.has(r.id));
    $('runs-selected').textContent = chosen.length
      ? `${chosen.length} selected: ${chosen.map((r) => r.name).join(', ')}`
      : 'Select runs (the boxes on the left) to overlay their validation curves or make an ensemble.';
    overlay.show(chosen);
    studio.emit('selection', chosen);
  }

  $('runs-csv').addEventListener('click', () => download(new Blob([tableCsv(sorted())], { type: 'text/csv' }), 'runs.csv'));
  $('runs-markdown').addEventListener('click', () => download(new Blob([tableMarkdown(sorted())], { type: 'text/markdown' }), 'runs.md'));

  $('models-input').addEventListener('change', async (e) => {
    const file = e.target.files[0];
    e.target.value = '';
    if (!file) return;
    report('');
    try {
      const text = /\.json$/i.test(file.name) ? await file.text() : null;
      const record = text ? await fromBundle(text) : await fromModelFile(file.name.replace(/\.fpk$/i, ''), await file.arrayBuffer());
      const stored = await saveModel(record);
      report(`${file.name} loaded: ${stored.architecture}${Number.isFinite(stored.rmse) ? `, validation RMSE ${stored.rmse.toFixed(4)} px` : ''}.`, 'info');
      await refresh();
    } catch (err) {
      report(`${file.name} cannot be used: ${err.message}`, 'error');
    }
  });

  studio.addEventListener('models', refresh);
  // A run stored, renamed or deleted in another tab: every view that lists runs refreshes.
  onOtherTabsChange(() => studio.emit('models'));
  // The study's column comes from the engine (the data worker, started when a studio view is
  // first shown, not with the page).
  const loadStudy = async ({ detail: view }) => {
    if (view !== 'models') return;
    studio.removeEventListener('view', loadStudy);
    study = await studio.data.request('studyResults').catch(() => []);
    await refresh();
  };
  studio.addEventListener('view', loadStudy);
  refresh();
}
