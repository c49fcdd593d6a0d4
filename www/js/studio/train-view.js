// The Train view: the CLI's training settings as a form, a run in its own worker with
// pause / resume / stop, live curves (uPlot), the best and worst validation faces, the
// per-keypoint table, and the run recorded in the Runs view.
import { studio } from './state.js';
import { DEFAULT_MODEL } from '../facepoints.js';
import { trainRun, knnRun, recordTraining, recordKnn, signal, busy } from './runner.js';
import { setupCharts } from './train-charts.js';
import { RunProgress, setPhase, keypointTable } from './train-progress.js';
import { listModels, getModel } from './model-store.js';
import { listDatasets } from './face-store.js';
import { mixFaces } from './faces-mix.js';
import { change, clearComparison, showComparison } from './train-compare.js';

const $ = (id) => document.getElementById(id);

// The model the page ships (facepoints.js's default), which a run may start from.
const SHIPPED = { name: 'the shipped model (www/models/default.fpk)', architecture: 'model2', url: DEFAULT_MODEL };

async function shippedModel() {
  const response = await fetch(SHIPPED.url);
  if (!response.ok) throw new Error(`could not load the shipped model: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** A stored run's option value in Start from (`run:<id>`), and back. */
const runOption = (id) => `run:${id}`;
const runId = (value) => (value.startsWith('run:') ? Number(value.slice(4)) : null);

/** The model a run starts from (Start from's `value`): `{from, bytes}` (the name the run's
 *  settings give it, its .fpk bytes); null for random weights. */
async function startingModel(value) {
  if (value === 'shipped') return { from: SHIPPED.name, bytes: await shippedModel() };
  const id = runId(value);
  if (id === null) return null;
  const stored = await getModel(id);
  if (!stored?.bytes) throw new Error('the stored run chosen in Start from is no longer in Runs');
  return { from: `the stored run “${stored.name}” (Runs #${id})`, bytes: new Uint8Array(stored.bytes.slice(0)) };
}

export function setupTrainView({ report }) {
  let run = null; // the run in progress (a RunProgress)
  const charts = setupCharts();
  charts.prepare();

  const isKnn = () => $('train-model').value === 'knn';
  function modelSpec() {
    const choice = $('train-model').value;
    return choice === 'custom' ? $('train-custom').value : choice;
  }

  async function showSize() {
    $('train-custom-label').hidden = $('train-model').value !== 'custom';
    for (const label of document.querySelectorAll('#train-form [data-for]')) {
      label.hidden = (label.dataset.for === 'knn') !== isKnn();
    }
    $('train-augment-k-label').hidden = isKnn() || $('train-augment').value !== 'multiplier';
    showFaces();
    if (isKnn()) {
      $('train-size').textContent = 'KNN: each validation face gets the mean keypoints of its k nearest training faces (no weights to train).';
      return;
    }
    try {
      const batch = Number($('train-batch').value);
      const size = await studio.data.request('modelSize', { model: modelSpec(), batch });
      $('train-size').textContent = `${size.params.toLocaleString()} parameters in ${size.layers} layers · about ${(size.batch_bytes / 1024 / 1024).toFixed(0)} MB of activations per batch of ${batch}`;
      $('train-size').classList.remove('error-text');
    } catch (err) {
      $('train-size').textContent = err.message;
      $('train-size').classList.add('error-text');
    }
  }
  for (const id of ['train-model', 'train-custom', 'train-batch', 'train-augment']) $(id).addEventListener('change', showSize);
  // Fine-tuning a model trains its architecture (the shipped one: Model 2; a stored run: the
  // ModelConfig in its file): the choice is held there while it is the model to start from.
  async function holdArchitecture() {
    const value = $('train-init').value;
    let architecture = value === 'shipped' ? SHIPPED.architecture : null;
    const id = runId(value);
    if (id !== null) {
      try {
        const stored = await getModel(id);
        const { model } = await studio.data.request('describeModel', { bytes: stored.bytes.slice(0) });
        // One of the form's presets by its name, else its ModelConfig JSON.
        const presets = [...$('train-model').options].map((o) => o.value).filter((v) => v !== 'custom');
        architecture = model.name;
        if (!presets.includes(architecture)) {
          architecture = 'custom';
          $('train-custom').value = JSON.stringify(model, null, 2);
        }
      } catch (err) {
        report(`That stored run cannot be started from: ${err.message}`, 'error');
        $('train-init').value = '';
      }
    }
    if (architecture) $('train-model').value = architecture;
    $('train-model').disabled = Boolean(architecture);
    $('train-custom').disabled = Boolean(architecture);
    showSize();
  }
  $('train-init').addEventListener('change', holdArchitecture);

  /** Start from: random weights, the shipped model, and every stored CNN run with its weights. */
  async function listStartingModels() {
    const select = $('train-init');
    let runs = [];
    try {
      runs = (await listModels()).filter((r) => r.kind === 'cnn' && r.bytes);
    } catch {
      runs = []; // no storage here: random weights and the shipped model remain
    }
    const chosen = select.value; // as it is now (chosen while the runs were read, perhaps)
    const fixed = [...select.options].filter((o) => runId(o.value) === null);
    const stored = runs.map((r) => new Option(
      `the stored run “${r.name}” (${r.architecture}${Number.isFinite(r.rmse) ? `, ${r.rmse.toFixed(2)} px` : ''})`,
      runOption(r.id),
    ));
    select.replaceChildren(...fixed, ...stored);
    select.value = [...select.options].some((o) => o.value === chosen) ? chosen : '';
    if (select.value !== chosen) await holdArchitecture();
  }
  studio.addEventListener('runs', listStartingModels);

  /** Your faces: each dataset with corrected faces, to mix into the run. */
  async function listFaceSets() {
    const select = $('train-faces');
    let sets = [];
    try {
      sets = (await listDatasets()).filter((d) => d.corrected > 0);
    } catch {
      sets = []; // no storage here: the loaded data only
    }
    const chosen = select.value;
    select.replaceChildren(select.options[0], ...sets.map((d) => new Option(`“${d.name}”: ${d.corrected} corrected face${d.corrected > 1 ? 's' : ''}`, String(d.id))));
    select.value = [...select.options].some((o) => o.value === chosen) ? chosen : '';
    showFaces();
  }
  function showFaces() {
    const chosen = $('train-faces').value !== '';
    $('train-faces-share-label').hidden = !chosen || isKnn();
    $('train-faces-note').textContent = chosen
      ? 'Your faces join the training faces at this share of each epoch; whole capture sessions of them are held out, and the run stops early and keeps its best weights on those. Start from a trained model to fine-tune it.'
      : '';
  }
  $('train-faces').addEventListener('change', showFaces);
  studio.addEventListener('view', ({ detail: view }) => {
    if (view === 'train') {
      showSize();
      listStartingModels();
      listFaceSets();
    }
  });

  function showData() {
    const d = studio.dataset;
    $('train-data').textContent = d
      ? `Data: ${d.name}, ${d.split.info} (${d.split.kind === 'grouped' ? 'by person' : 'random, by row'}).`
      : 'Load data first (Data view).';
    $('train-start').disabled = !d || busy();
  }
  studio.addEventListener('data', showData);
  studio.addEventListener('busy', () => { if (!run) showData(); });

  /** The CLI's TrainingConfig JSON for the form: `facepoints train --config` reads it. */
  async function trainingConfig(model = modelSpec()) {
    const number = (id) => Number($(id).value);
    const config = await studio.data.request('trainingConfig', {
      model, learning_rate: number('train-lr'), optimizer: $('train-optimizer').value, schedule: $('train-schedule').value,
    });
    Object.assign(config, {
      batch_size: number('train-batch'),
      epochs: number('train-epochs'),
      patience: number('train-patience'),
      seed: number('train-seed'),
      log_every: 1, // every batch's loss for the curve (an async read; it changes no result)
      labels: $('train-labels').value,
    });
    const augment = $('train-augment').value;
    config.augment = augment === 'off' ? null : (studio.augment ?? await studio.data.request('augmentDefaults'));
    config.augment_mode = augment === 'on_the_fly' ? { type: 'on_the_fly' } : { type: 'multiplier', k: number('train-augment-k') };
    return config;
  }
  // The experiments start from these settings.
  studio.trainingConfig = trainingConfig;

  async function start() {
    report('');
    const data = studio.dataset;
    if (!data) return;
    if (isKnn()) return knn(data);
    let config;
    let starting = null;
    let yours = null;
    try {
      config = await trainingConfig();
      // This view's own run may start from a trained model (the experiments start at random).
      starting = await startingModel($('train-init').value);
      if (starting) config.init = { from: starting.from };
      const faces = $('train-faces').value;
      if (faces !== '') yours = await mixFaces(Number(faces), Number($('train-faces-share').value) / 100, data.split.train.length);
    } catch (err) {
      return report(`The settings cannot be used: ${err.message}`, 'error');
    }
    const requested = $('train-backend').value;
    run = new RunProgress(config, charts);
    window.__trainConfig = config;
    charts.reset();
    setButtons('running');
    setPhase('warmup', 'Starting…');
    $('train-backend-note').textContent = '';
    $('train-result').textContent = '';
    delete $('train-result').dataset.before;
    $('train-rate').textContent = ''; // the last run's progress is not this one's
    for (const key of Object.keys($('train-rate').dataset)) delete $('train-rate').dataset[key];
    $('train-keypoints').tBodies[0].replaceChildren();
    clearComparison();
    try {
      const init = starting?.bytes ?? null;
      const result = await trainRun(config, { requested, init, yours, onEvent: (event) => run?.onEvent(event) });
      await finished(result, config, starting, yours);
    } catch (err) {
      setPhase('failed', `Training failed: ${err.message}`);
      const onGpu = err.backend === 'webgpu';
      const cpu = onGpu ? ' The CPU engine can run it: choose Backend → CPU and start again.' : '';
      report(`Training failed: ${err.message}.${cpu}`, 'error');
    } finally {
      run = null;
      setButtons('idle');
      showData();
    }
  }

  /** `starting`: the model the run started from (startingModel), or null; `yours`: your
   *  faces mixed in (faces-mix.js), or null. */
  async function finished(result, config, starting = null, yours = null) {
    if (result.failed) {
      // The engine failed; the best weights copied out before it did are kept.
      const cpu = result.backend === 'webgpu' ? ' To go on, choose Backend → CPU (wasm) and start again.' : '';
      report(`Training failed: ${result.failed}. The best weights so far (epoch ${result.best_epoch + 1}) are kept in Runs.${cpu}`, 'error');
      setPhase('failed', `Failed: ${result.failed}`);
      if (result.backend === 'webgpu') $('train-backend').value = 'cpu';
      result.epochs_run = result.best_epoch + 1;
    }
    if (result.resumed) report(`Training went on ${result.resumed}.`, 'info');
    const text = `Best validation RMSE ${result.best_rmse.toFixed(4)} px at epoch ${result.best_epoch + 1} of ${result.epochs_run}${result.stopped ? ' (stopped; best weights kept)' : ''}${result.failed ? ' (the run failed after it; these weights kept)' : ''}${result.resumed ? ` (resumed ${result.resumed.replace(/: .*/, '')})` : ''}.`;
    $('train-result').textContent = text;
    $('train-result').dataset.rmse = String(result.best_rmse);
    if (!result.failed) setPhase('done', 'Done.');
    const record = await recordTraining(result, config);
    if (!yours) {
      $('train-result').textContent = `${text} Kept in Runs as “${record.name}”.${await beforeAndAfter(starting, result.best_rmse)}`;
      return studio.emit('models');
    }
    // On your faces: the validation RMSE is your held-out faces'; the comparison says more.
    $('train-result').textContent = `${text} (on your held-out faces) Kept in Runs as “${record.name}”.`;
    studio.emit('models');
    if (!starting) return; // from random weights: nothing to compare with
    try {
      await showComparison({ starting, result, heldOut: yours.heldOut, name: record.name });
    } catch (err) {
      report(`The fine-tuned model could not be compared with ${starting.from}: ${err.message}`, 'error');
    }
  }

  /** A fine-tuned run against the model it started from, on the same validation faces: what
   *  the run gained there, or what it forgot (sentence; '' for a run from random weights). */
  async function beforeAndAfter(starting, after) {
    if (!starting) return '';
    try {
      const { rmse: { overall: before } } = await studio.data.request('evaluate', {
        bytes: starting.bytes.slice(0), rows: studio.dataset.split.valid, flip: false,
      });
      $('train-result').dataset.before = String(before);
      return ` On these validation faces ${starting.from} scored ${before.toFixed(4)} px before: ${change(before, after, ': it forgot more than it learned here')}.`;
    } catch (err) {
      return ` (${starting.from} could not be scored on these faces: ${err.message})`;
    }
  }

  async function knn(data) {
    setButtons('running');
    setPhase('running', `KNN (k = ${$('train-k').value}) on ${data.split.train.length} training faces…`);
    try {
      const { scores: [score], wall_s } = await knnRun([Number($('train-k').value)]);
      $('train-result').textContent = `KNN, k = ${score.k}: validation RMSE ${score.rmse.overall.toFixed(4)} px (${data.split.info}). KNN keeps no weights, so there is no model file; the run is kept in Runs.`;
      $('train-result').dataset.rmse = String(score.rmse.overall);
      keypointTable(score.rmse.per_keypoint);
      await recordKnn(score, { wall_s });
      studio.emit('models');
      setPhase('done', 'Done.');
    } catch (err) {
      setPhase('failed', err.message);
      report(err.message, 'error');
    } finally {
      setButtons('idle');
      showData();
    }
  }

  function setButtons(state) {
    const running = state === 'running';
    $('train-start').disabled = running || !studio.dataset;
    $('train-pause').disabled = !running || isKnn();
    $('train-stop').disabled = !running || isKnn();
    $('train-pause').textContent = 'Pause';
    for (const el of $('train-form').querySelectorAll('select, input, textarea')) el.disabled = running;
  }

  $('train-form').addEventListener('submit', (e) => { e.preventDefault(); start(); });
  $('train-pause').addEventListener('click', () => {
    if (!run) return;
    const pausing = $('train-pause').textContent === 'Pause';
    signal(pausing ? 'pause' : 'resume');
    $('train-pause').textContent = pausing ? 'Resume' : 'Pause';
  });
  $('train-stop').addEventListener('click', () => {
    if (!run) return;
    signal('stop');
    $('train-stop').disabled = true;
    $('train-pause').disabled = true;
  });
  showData();
  // The tests make the engine fail in the middle of a run through this.
  window.__train = { crash: (message) => signal('crashForTesting', { message }) };
}
