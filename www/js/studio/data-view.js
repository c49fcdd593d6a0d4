// The Data view: load a training CSV (file, drop, or the shipped sample) in the data
// worker with progress and cancel; show the counts, the labels per keypoint, the split
// the Train view will use, and the grid of every face (data-grid.js).
import { studio } from './state.js';
import { KEYPOINT_NAMES, adoptKeypointNames, pretty } from './face-canvas.js';
import { setupGrid } from './data-grid.js';

const $ = (id) => document.getElementById(id);
const SAMPLE = new URL('../../data/ytf_sample/', import.meta.url);
const MB = 1024 * 1024;
/** The CLI's split defaults (`--valid-fraction 0.2 --split-seed 7`). */
export const SPLIT = { fraction: 0.2, seed: 7 };

export function setupDataView({ report }) {
  const grid = setupGrid();
  const keypoint = $('data-keypoint'); // its options: the keypoint names, once data loads
  let loadingNow = false;

  async function load(file, meta) {
    if (loadingNow) return report('A file is loading already: cancel it first.', 'warning');
    loadingNow = true;
    report('');
    $('data-progress').hidden = false;
    $('data-progress-bar').value = 0;
    $('data-progress-text').textContent = `Reading ${file.name}…`;
    $('data-cancel').disabled = false;
    try {
      const loaded = await studio.data.request('load', { file, meta });
      adoptKeypointNames(loaded.stats.names);
      if (!keypoint.options.length) KEYPOINT_NAMES.forEach((name, k) => keypoint.add(new Option(pretty(name), String(k))));
      const split = await studio.data.request('split', SPLIT);
      studio.dataset = { name: file.name, bytes: file.size, stats: loaded.stats, people: loaded.people, split };
      const rate = file.size / MB / Math.max(loaded.seconds, 1e-3);
      $('data-status').textContent = `${file.name}: ${loaded.stats.rows.toLocaleString()} faces in ${loaded.seconds.toFixed(2)} s `
        + `(${rate.toFixed(1)} MB/s${loaded.gzip ? ' of gzip' : ''}); engine memory ${(loaded.memory / MB).toFixed(0)} MB for ${(loaded.stats.pixel_bytes / MB).toFixed(1)} MB of pixels.`;
      $('data-status').dataset.rows = String(loaded.stats.rows);
      showSplit(split, loaded.people);
      if (loaded.metaError) report(`The people file was not used: ${loaded.metaError}`, 'warning');
      showStats(loaded.stats);
      await grid.show('all');
      studio.emit('data', studio.dataset);
    } catch (err) {
      report(err.message, 'error');
      if (!studio.dataset) $('data-status').textContent = 'No data loaded.';
    } finally {
      loadingNow = false;
      $('data-progress').hidden = true;
    }
  }

  studio.addEventListener('progress', ({ detail: p }) => {
    const rate = p.read / MB / Math.max(p.seconds, 1e-3);
    const eta = rate > 0 ? (p.total - p.read) / MB / rate : 0;
    $('data-progress-bar').value = p.total ? p.read / p.total : 0;
    $('data-progress-text').textContent = `${(p.read / MB).toFixed(1)} of ${(p.total / MB).toFixed(1)} MB · ${p.faces.toLocaleString()} faces · ${rate.toFixed(1)} MB/s · ${eta.toFixed(1)} s left`;
  });

  function showSplit(split, people) {
    const how = split.kind === 'grouped'
      ? `by person (${people.toLocaleString()} people from the people file), so no one is on both sides`
      : 'by row at random (add a meta.csv with people for a split by person)';
    $('data-split').textContent = `Validation split: ${how} — ${split.info}.`;
    $('data-split').dataset.kind = split.kind;
  }

  $('data-sample').addEventListener('click', async () => {
    try {
      const [data, meta] = await Promise.all(['training.csv.gz', 'meta.csv.gz'].map(async (name) => {
        const response = await fetch(new URL(name, SAMPLE));
        if (!response.ok) throw new Error(`the sample ${name} could not be fetched: HTTP ${response.status}`);
        return new File([await response.blob()], name);
      }));
      await load(data, meta);
    } catch (err) {
      report(err.message, 'error');
    }
  });
  $('data-input').addEventListener('change', async (e) => {
    const file = e.target.files[0];
    e.target.value = '';
    if (file) await load(file, null);
  });
  $('data-meta').addEventListener('change', async (e) => {
    const file = e.target.files[0];
    e.target.value = '';
    if (file) await addPeople(file);
  });
  $('data-cancel').addEventListener('click', () => {
    $('data-cancel').disabled = true;
    studio.data.signal('cancel');
  });

  async function addPeople(file) {
    if (!studio.dataset) return report('Load a training file first, then its people file.', 'warning');
    try {
      const people = await studio.data.request('people', { file });
      const split = await studio.data.request('split', SPLIT);
      Object.assign(studio.dataset, { people, split });
      showSplit(split, people);
      studio.emit('data', studio.dataset);
    } catch (err) {
      report(err.message, 'error');
    }
  }

  const drop = $('data-drop');
  for (const type of ['dragenter', 'dragover']) drop.addEventListener(type, (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', async (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const files = [...e.dataTransfer.files];
    const meta = files.find((f) => /meta/i.test(f.name));
    const data = files.find((f) => f !== meta);
    if (data) await load(data, meta ?? null);
    else if (meta) await addPeople(meta);
  });

  const refilter = () => {
    const kind = $('data-filter').value;
    $('data-keypoint-label').hidden = kind !== 'missing';
    if (studio.dataset) grid.show(kind, Number(keypoint.value));
  };
  $('data-filter').addEventListener('change', refilter);
  keypoint.addEventListener('change', refilter);
}

function showStats(stats) {
  $('data-explorer').hidden = false;
  $('data-rows').textContent = stats.rows.toLocaleString();
  $('data-complete').textContent = `${stats.complete.toLocaleString()} (${(100 * stats.complete / stats.rows).toFixed(0)}%)`;
  $('data-memory').textContent = `${(stats.pixel_bytes / MB).toFixed(1)} MB`;
  const chart = $('data-chart');
  chart.replaceChildren(...stats.per_keypoint.map((count, k) => {
    const bar = document.createElement('div');
    bar.className = 'bar';
    bar.dataset.keypoint = stats.names[k];
    bar.dataset.count = String(count);
    const share = count / stats.rows;
    bar.innerHTML = '<span></span><span class="bar-track"><span class="bar-fill"></span></span><span class="bar-value"></span>';
    bar.children[0].textContent = pretty(stats.names[k]);
    bar.querySelector('.bar-fill').style.width = `${(100 * share).toFixed(1)}%`;
    bar.children[2].textContent = count.toLocaleString();
    bar.title = `${pretty(stats.names[k])}: ${count} of ${stats.rows} faces (${(100 * share).toFixed(0)}%)`;
    return bar;
  }));
  chart.setAttribute('aria-label', `Faces labelling each keypoint: ${stats.per_keypoint.map((c, k) => `${pretty(stats.names[k])} ${c}`).join(', ')}`);
}
