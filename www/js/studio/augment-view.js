// The Augment view: the seven augmentations' switches, probabilities and ranges (the CLI's
// AugmentConfig JSON, imported and exported as it is), and a grid of fresh variants of one
// face drawn by the training pipeline itself, each captioned with its steps in order.
import { studio } from './state.js';
import { variantFigure } from './augment-figure.js';
import { download } from './run-files.js';

const $ = (id) => document.getElementById(id);
const OPS = [
  { key: 'rotate', label: 'Rotate', unit: '°' },
  { key: 'scale', label: 'Scale', unit: '×' },
  { key: 'clahe', label: 'CLAHE', unit: 'clip' },
  { key: 'blur', label: 'Blur', unit: 'σ px' },
  { key: 'noise', label: 'Noise', unit: 'σ' },
  { key: 'crop', label: 'Crop', unit: 'of each side' },
  { key: 'flip', label: 'Flip', unit: null },
];
const VARIANTS = 11; // and the original

export function setupAugmentView({ report }) {
  const body = $('augment-table').tBodies[0];
  const inputs = {}; // op → {enabled, probability, low, high}: the table's inputs
  let defaults = null; // the engine's AugmentConfig defaults, read once
  let drawing = 0; // the latest redraw; an older one that finishes later is dropped
  for (const { key, label, unit } of OPS) {
    const tr = body.insertRow();
    tr.dataset.op = key;
    const cell = (html) => { const td = tr.insertCell(); td.innerHTML = html; return td; };
    cell(`<label><input type="checkbox" data-field="enabled"> ${label}</label>`);
    cell(`<input type="number" data-field="probability" min="0" max="1" step="0.05" aria-label="${label} probability">`);
    if (unit) {
      cell(`<input type="number" data-field="low" step="any" aria-label="${label} from (${unit})">`);
      cell(`<input type="number" data-field="high" step="any" aria-label="${label} to (${unit})">`);
    } else {
      cell('<span class="small">—</span>').colSpan = 2;
    }
    inputs[key] = Object.fromEntries([...tr.querySelectorAll('input')].map((i) => [i.dataset.field, i]));
  }

  function setControls(config) {
    for (const { key } of OPS) {
      const op = config[key];
      for (const [field, input] of Object.entries(inputs[key])) {
        if (field === 'enabled') input.checked = op.enabled;
        else input.value = String(op[field]);
      }
    }
    [$('augment-tiles-low').value, $('augment-tiles-high').value] = config.clahe_tiles.map(String);
  }

  function readControls() {
    const config = {};
    for (const { key } of OPS) {
      const i = inputs[key];
      config[key] = {
        enabled: i.enabled.checked,
        probability: Number(i.probability.value),
        low: i.low ? Number(i.low.value) : 0,
        high: i.high ? Number(i.high.value) : 0,
      };
    }
    config.clahe_tiles = [Number($('augment-tiles-low').value), Number($('augment-tiles-high').value)];
    return config;
  }

  async function useDefaults() {
    defaults ??= await studio.data.request('augmentDefaults');
    setControls(defaults);
    await changed();
  }

  /** Checks the settings by drawing with them; only settings that draw become the Train
   *  view's. */
  async function changed() {
    const config = readControls();
    $('augment-error').textContent = '';
    if (!studio.dataset) {
      studio.augment = config;
      return;
    }
    try {
      await redraw(config);
      studio.augment = config;
      studio.emit('augment', config);
    } catch (err) {
      $('augment-error').textContent = err.message;
    }
  }

  async function redraw(config = readControls()) {
    if (!studio.dataset) return;
    const ticket = ++drawing;
    const rows = studio.dataset.stats.rows;
    const row = Math.min(rows, Math.max(1, Math.round(Number($('augment-row').value) || 1))) - 1;
    $('augment-row').max = String(rows);
    const seed = Math.max(0, Math.round(Number($('augment-seed').value) || 0));
    const [{ images, coords }, variants] = await Promise.all([
      studio.data.request('faces', { rows: [row] }),
      studio.data.request('augment', { row, config, seed, count: VARIANTS }),
    ]);
    if (ticket !== drawing) return;
    const grid = $('augment-grid');
    const figures = [variantFigure({ image: images, coords: Array.from(coords), steps: [], kinds: [], pushed_out: [], flipped: false }, 'original')];
    variants.forEach((v, i) => figures.push(variantFigure(v, `variant ${i + 1}`)));
    grid.replaceChildren(...figures);
    const labelled = Array.from(coords).filter((c) => !Number.isNaN(c)).length / 2;
    $('augment-status').textContent = `Face ${row + 1} of ${rows} (${labelled} keypoints labelled), seed ${seed}: ${VARIANTS} variants.`;
    window.__augment = { row, seed, original: Array.from(coords), variants };
  }

  body.addEventListener('change', changed);
  $('augment-tiles-low').addEventListener('change', changed);
  $('augment-tiles-high').addEventListener('change', changed);
  $('augment-row').addEventListener('change', () => redraw().catch((e) => report(e.message)));
  $('augment-seed').addEventListener('change', () => redraw().catch((e) => report(e.message)));
  $('augment-reroll').addEventListener('click', () => {
    $('augment-seed').value = String(Math.round(Number($('augment-seed').value) || 0) + 1);
    redraw().catch((e) => report(e.message));
  });
  $('augment-random').addEventListener('click', () => {
    if (!studio.dataset) return;
    $('augment-row').value = String(1 + Math.floor(Math.random() * studio.dataset.stats.rows));
    redraw().catch((e) => report(e.message));
  });
  $('augment-defaults').addEventListener('click', () => useDefaults().catch((e) => report(e.message)));
  $('augment-export').addEventListener('click', () => {
    download(new Blob([JSON.stringify(readControls(), null, 2)], { type: 'application/json' }), 'augment.json');
  });
  $('augment-import').addEventListener('change', async (e) => {
    const file = e.target.files[0];
    e.target.value = '';
    if (!file) return;
    report('');
    try {
      // Read by the engine as the CLI reads --augment-config: a typo such as "rotaton" is
      // refused by name rather than dropped.
      const config = await studio.data.request('checkAugment', { text: await file.text() });
      setControls(config);
      await changed();
    } catch (err) {
      report(`${file.name} is not augmentation settings: ${err.message}`, 'error');
    }
  });

  studio.addEventListener('data', () => redraw().catch((e) => report(e.message)));
  // The engine starts when a studio view is first shown, not with the page.
  const start = ({ detail: view }) => {
    if (view === 'try') return;
    studio.removeEventListener('view', start);
    useDefaults().catch((e) => report(`The augmentation defaults could not be read: ${e.message}`));
  };
  studio.addEventListener('view', start);
  return { redraw, setControls, readControls };
}
