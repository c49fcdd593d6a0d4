// The Train view: the CLI's training settings as a form, a run in its own worker with
// pause / resume / stop, live curves (uPlot), the best and worst validation faces, the
// per-keypoint table, and the run recorded in the Runs view.
import { studio } from './state.js';
import { drawFace, drawPoints, KEYPOINT_NAMES, pretty } from './face-canvas.js';
import { trainRun, knnRun, recordTraining, recordKnn, signal, busy } from './runner.js';
import { setupCharts, formatTime } from './train-charts.js';

const $ = (id) => document.getElementById(id);
const WARM_UP_BATCHES = 3; // the first steps (allocation, first kernels) are timed apart

export function setupTrainView({ report }) {
  let run = null; // the run in progress
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
  studio.addEventListener('view', ({ detail: view }) => { if (view === 'train') showSize(); });

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
    try {
      config = await trainingConfig();
    } catch (err) {
      return report(`The settings cannot be used: ${err.message}`, 'error');
    }
    const requested = $('train-backend').value;
    run = {
      config, started: performance.now(), warmStart: 0, warmBatches: 0, steps: 0, batches: 0, epoch: 0,
      loss: [[], []], rmse: [[], []], lr: [[], []], stopped: false,
    };
    window.__trainConfig = config;
    charts.reset();
    setButtons('running');
    setPhase('warmup', 'Starting…');
    $('train-backend-note').textContent = '';
    $('train-result').textContent = '';
    $('train-rate').textContent = ''; // the last run's progress is not this one's
    $('train-keypoints').tBodies[0].replaceChildren();
    try {
      const result = await trainRun(config, { requested, onEvent });
      await finished(result, config);
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

  async function finished(result, config) {
    if (result.failed) {
      // The engine failed; the best weights copied out before it did are kept.
      const cpu = result.backend === 'webgpu' ? ' To go on, choose Backend → CPU (wasm) and start again.' : '';
      report(`Training failed: ${result.failed}. The best weights so far (epoch ${result.best_epoch + 1}) are kept in Runs.${cpu}`, 'error');
      setPhase('failed', `Failed: ${result.failed}`);
      if (result.backend === 'webgpu') $('train-backend').value = 'cpu';
      result.epochs_run = result.best_epoch + 1;
    }
    const text = `Best validation RMSE ${result.best_rmse.toFixed(4)} px at epoch ${result.best_epoch + 1} of ${result.epochs_run}${result.stopped ? ' (stopped; best weights kept)' : ''}${result.failed ? ' (the run failed after it; these weights kept)' : ''}.`;
    $('train-result').textContent = text;
    $('train-result').dataset.rmse = String(result.best_rmse);
    if (!result.failed) setPhase('done', 'Done.');
    const record = await recordTraining(result, config);
    $('train-result').textContent = `${text} Kept in Runs as “${record.name}”.`;
    studio.emit('models');
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

  function onEvent(event) {
    if (!run) return;
    switch (event.type) {
      case 'backend': return onBackend(event);
      case 'batch': return onBatch(event);
      case 'validated': return onValidated(event);
      case 'epoch': return onEpoch(event);
      case 'pausing': return setPhase('pausing', 'Pausing after this batch…');
      case 'paused': return setPhase('paused', 'Paused.');
      case 'resumed': return setPhase('running', 'Training…');
      case 'stopped': return setPhase('running', 'Stopping: validating the model as it stands…');
      case 'early_stop': return setPhase('running', `No improvement for ${run.config.patience} epochs: stopping, keeping epoch ${event.best_epoch + 1}.`);
      default: return undefined;
    }
  }

  function onBackend({ backend, reason, note, batch_size: batch }) {
    run.backend = backend;
    run.config.batch_size = batch;
    $('train-backend-note').textContent = note;
    const gpu = backend === 'webgpu';
    setPhase('warmup', `Warming up on ${gpu ? 'WebGPU' : 'the CPU engine'} (${reason}): the first steps${gpu ? ' compile the GPU kernels,' : ''} allocate memory and are not timed…`);
  }

  function onBatch({ epoch, batch, batches, loss }) {
    run.steps++;
    run.epoch = epoch;
    run.batches = batches;
    const now = performance.now();
    if (run.steps === WARM_UP_BATCHES) {
      run.warmStart = now;
      run.warmBatches = run.steps;
      run.warmUpSeconds = (now - run.started) / 1000;
      setPhase('running', `Training (warm-up took ${run.warmUpSeconds.toFixed(1)} s)…`);
    }
    if (loss !== null && loss !== undefined) {
      run.loss[0].push(run.steps);
      run.loss[1].push(loss);
      charts.update('loss', run.loss);
    }
    $('train-progress').value = batch / batches;
    if (run.warmStart && run.steps > run.warmBatches) {
      const seconds = (now - run.warmStart) / 1000;
      const perStep = seconds / (run.steps - run.warmBatches);
      const images = ((run.steps - run.warmBatches) * run.config.batch_size) / seconds;
      const left = (batches - batch) + (run.config.epochs - epoch - 1) * batches;
      $('train-rate').textContent = `Epoch ${epoch + 1} of ${run.config.epochs}, batch ${batch} of ${batches} · ${images.toFixed(1)} images/s · ${formatTime(perStep * (batches - batch))} left in this epoch, at most ${formatTime(perStep * left)} in the run (validation not counted)`;
      $('train-rate').dataset.imagesPerSecond = images.toFixed(2);
    } else {
      $('train-rate').textContent = `Epoch ${epoch + 1} of ${run.config.epochs}, batch ${batch} of ${batches} · warming up`;
    }
  }

  function onValidated({ per_keypoint: perKeypoint, best, worst }) {
    face($('train-best'), best);
    face($('train-worst'), worst);
    $('train-best-caption').textContent = `Best validation face (row ${best.row + 1}): ${best.rmse.toFixed(2)} px`;
    $('train-worst-caption').textContent = `Worst validation face (row ${worst.row + 1}): ${worst.rmse.toFixed(2)} px`;
    keypointTable(perKeypoint);
  }

  function onEpoch({ epoch, valid_rmse: rmse, learning_rate: lr, improved, train_loss: loss, images_per_sec: rate }) {
    run.rates = [...(run.rates ?? []), rate];
    $('train-rate').dataset.epochRates = run.rates.map((r) => r.toFixed(2)).join(' ');
    $('train-rate').dataset.warmUpSeconds = String(run.warmUpSeconds ?? '');
    run.rmse[0].push(epoch + 1);
    run.rmse[1].push(rmse);
    run.lr[0].push(epoch + 1);
    run.lr[1].push(lr);
    charts.update('rmse', run.rmse);
    charts.update('lr', run.lr);
    $('train-result').textContent = `Epoch ${epoch + 1}: validation RMSE ${rmse.toFixed(4)} px${improved ? ' (best so far)' : ''}, training loss ${Number(loss).toFixed(5)}.`;
    $('chart-rmse').dataset.points = String(run.rmse[0].length);
    $('chart-rmse').dataset.values = run.rmse[1].join(' ');
  }

  function face(canvas, scored) {
    const ctx = canvas.getContext('2d');
    const image = Uint8Array.from(scored.image);
    drawFace(ctx, image, 0, 0, canvas.width);
    drawPoints(ctx, scored.truth, { size: canvas.width, radius: 3, colour: '#30d158', ring: true });
    drawPoints(ctx, scored.predicted, { size: canvas.width, radius: 2.5 });
  }

  function keypointTable(perKeypoint) {
    $('train-keypoints').tBodies[0].replaceChildren(...KEYPOINT_NAMES.map((name, k) => {
      const tr = document.createElement('tr');
      tr.insertCell().textContent = pretty(name);
      const v = perKeypoint[k];
      tr.insertCell().textContent = v === null || v === undefined ? '—' : v.toFixed(3);
      return tr;
    }));
  }

  function setPhase(phase, text) {
    $('train-phase').dataset.phase = phase;
    $('train-phase').textContent = text;
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
