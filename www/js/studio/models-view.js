// The Models view: every model kept in this browser, with its architecture, validation
// RMSE and date; rename, delete, download as .fpk (the CLI's format), use in Try it; and
// .fpk files loaded from disk (checked by the engine first).
import { studio } from './state.js';
import { listModels, getModel, renameModel, deleteModel, saveModel, storageFacts } from './model-store.js';

const $ = (id) => document.getElementById(id);

export function setupModelsView({ report }) {
  async function refresh() {
    let models;
    try {
      models = await listModels();
    } catch (err) {
      return report(err.message, 'error');
    }
    $('models-empty').hidden = models.length > 0;
    $('models-table').tBodies[0].replaceChildren(...models.map(row));
    $('models-table').dataset.count = String(models.length);
    const facts = await storageFacts();
    $('models-storage').textContent = facts.usage !== undefined
      ? `${(facts.usage / 1024 / 1024).toFixed(1)} MB used of ${(facts.quota / 1024 / 1024 / 1024).toFixed(1)} GB · ${facts.persisted ? 'kept by the browser (persistent)' : 'the browser may clear it under storage pressure'}`
      : '';
  }

  function row(model) {
    const tr = document.createElement('tr');
    tr.dataset.id = String(model.id);
    const name = document.createElement('input');
    name.type = 'text';
    name.value = model.name;
    name.setAttribute('aria-label', 'Model name (edit to rename)');
    let renaming = Promise.resolve(); // the actions wait for a rename in progress
    name.addEventListener('change', () => {
      renaming = renameModel(model.id, name.value.trim() || model.name).catch((e) => report(e.message));
    });
    tr.insertCell().append(name);
    tr.insertCell().textContent = model.architecture;
    tr.insertCell().textContent = Number.isFinite(model.rmse) ? `${model.rmse.toFixed(4)} px` : '—';
    tr.insertCell().textContent = new Date(model.date).toLocaleString();
    const actions = document.createElement('div');
    actions.className = 'row';
    const button = (label, action) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.addEventListener('click', () => renaming.then(action).catch((e) => report(e.message, 'error')));
      actions.append(b);
      return b;
    };
    button('Use in Try it', async () => {
      const stored = await getModel(model.id);
      studio.emit('use-model', { name: stored.name, bytes: stored.bytes.slice(0) });
    }).classList.add('primary');
    button('Download .fpk', async () => {
      const stored = await getModel(model.id);
      const a = Object.assign(document.createElement('a'), {
        href: URL.createObjectURL(new Blob([stored.bytes], { type: 'application/octet-stream' })),
        download: `${stored.name.replace(/[^\w.-]+/g, '_')}.fpk`,
      });
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    });
    button('Delete', async () => {
      await deleteModel(model.id);
      await refresh();
    });
    tr.insertCell().append(actions);
    return tr;
  }

  $('models-input').addEventListener('change', async (e) => {
    const file = e.target.files[0];
    e.target.value = '';
    if (!file) return;
    report('');
    try {
      const bytes = await file.arrayBuffer();
      const meta = await studio.data.request('describeModel', { bytes: bytes.slice(0) });
      await saveModel({
        name: file.name.replace(/\.fpk$/i, ''), architecture: meta.model.name, rmse: meta.summary?.valid_rmse ?? NaN,
        split: meta.summary?.split ?? '', epochs: meta.summary?.epochs_run ?? 0, bytes,
      });
      report(`${file.name} loaded: ${meta.model.name}${meta.summary ? `, validation RMSE ${meta.summary.valid_rmse.toFixed(4)} px` : ''}.`, 'info');
      await refresh();
    } catch (err) {
      report(`${file.name} cannot be used: ${err.message}`, 'error');
    }
  });

  studio.addEventListener('models', refresh);
  refresh();
}
