// What a training run shows while it runs: the phase line, the rate and the time left (the
// first steps timed apart), the curves, the best and worst validation faces and the
// per-keypoint table. One RunProgress per run; the Train view feeds it the run's events.
import { drawFace, drawPoints, KEYPOINT_NAMES, pretty } from './face-canvas.js';
import { formatTime } from './train-charts.js';

const $ = (id) => document.getElementById(id);
const WARM_UP_BATCHES = 3; // the first steps (allocation, first kernels) are timed apart

export function setPhase(phase, text) {
  $('train-phase').dataset.phase = phase;
  $('train-phase').textContent = text;
}

/** The validation RMSE of each keypoint (`null`: no labelled validation face has it). */
export function keypointTable(perKeypoint) {
  $('train-keypoints').tBodies[0].replaceChildren(...KEYPOINT_NAMES.map((name, k) => {
    const tr = document.createElement('tr');
    tr.insertCell().textContent = pretty(name);
    const v = perKeypoint[k];
    tr.insertCell().textContent = v === null || v === undefined ? '—' : v.toFixed(3);
    return tr;
  }));
}

/** A validation face with its labels (green rings) and the model's keypoints. */
function drawScored(canvas, scored) {
  const ctx = canvas.getContext('2d');
  drawFace(ctx, Uint8Array.from(scored.image), 0, 0, canvas.width);
  drawPoints(ctx, scored.truth, { size: canvas.width, radius: 3, colour: '#30d158', ring: true });
  drawPoints(ctx, scored.predicted, { size: canvas.width, radius: 2.5 });
}

export class RunProgress {
  config; // the run's TrainingConfig (its batch size as the engine chose it)
  charts;
  started = performance.now();
  backend = null;
  steps = 0; // batches so far, all epochs
  warmStart = 0; // when timing began (after the warm-up batches)
  warmUpSeconds = null;
  rates = []; // images/s of each finished epoch
  loss = [[], []]; // [step, loss] columns for uPlot
  rmse = [[], []]; // [epoch, validation RMSE]
  lr = [[], []]; // [epoch, learning rate]

  constructor(config, charts) {
    this.config = config;
    this.charts = charts;
  }

  onEvent(event) {
    switch (event.type) {
      case 'backend': return this.#backend(event);
      case 'batch': return this.#batch(event);
      case 'validated': return this.#validated(event);
      case 'epoch': return this.#epoch(event);
      case 'pausing': return setPhase('pausing', 'Pausing after this batch…');
      case 'paused': return setPhase('paused', 'Paused.');
      case 'resumed': return setPhase('running', 'Training…');
      case 'stopped': return setPhase('running', 'Stopping: validating the model as it stands…');
      case 'resumed_on_cpu': return setPhase('running', `WebGPU failed (${event.reason}): going on on the CPU engine from the best weights so far…`);
      case 'early_stop': return setPhase('running', `No improvement for ${this.config.patience} epochs: stopping, keeping epoch ${event.best_epoch + 1}.`);
      default: return undefined;
    }
  }

  #backend({ backend, reason, threads_reason: threads, note, batch_size: batch }) {
    this.backend = backend;
    this.config.batch_size = batch;
    $('train-backend-note').textContent = note;
    const gpu = backend === 'webgpu';
    const why = gpu || !threads ? reason : `${reason}; ${threads}`;
    setPhase('warmup', `Warming up on ${gpu ? 'WebGPU' : 'the CPU engine'} (${why}): the first steps${gpu ? ' compile the GPU kernels,' : ''} allocate memory and are not timed…`);
  }

  #batch({ epoch, batch, batches, loss }) {
    this.steps++;
    const now = performance.now();
    if (this.steps === WARM_UP_BATCHES) {
      this.warmStart = now;
      this.warmUpSeconds = (now - this.started) / 1000;
      setPhase('running', `Training (warm-up took ${this.warmUpSeconds.toFixed(1)} s)…`);
    }
    if (loss !== null && loss !== undefined) {
      this.loss[0].push(this.steps);
      this.loss[1].push(loss);
      this.charts.update('loss', this.loss);
    }
    $('train-progress').value = batch / batches;
    $('train-rate').dataset.steps = String(this.steps);
    const { epochs, batch_size: size } = this.config;
    const where = `Epoch ${epoch + 1} of ${epochs}, batch ${batch} of ${batches}`;
    const timed = this.steps - WARM_UP_BATCHES;
    if (this.warmStart && timed > 0) {
      const seconds = (now - this.warmStart) / 1000;
      const perStep = seconds / timed;
      const images = (timed * size) / seconds;
      const left = (batches - batch) + (epochs - epoch - 1) * batches;
      $('train-rate').textContent = `${where} · ${images.toFixed(1)} images/s · ${formatTime(perStep * (batches - batch))} left in this epoch, at most ${formatTime(perStep * left)} in the run (validation not counted)`;
      $('train-rate').dataset.imagesPerSecond = images.toFixed(2);
    } else {
      $('train-rate').textContent = `${where} · warming up`;
    }
  }

  #validated({ per_keypoint: perKeypoint, best, worst }) {
    drawScored($('train-best'), best);
    drawScored($('train-worst'), worst);
    $('train-best-caption').textContent = `Best validation face (row ${best.row + 1}): ${best.rmse.toFixed(2)} px`;
    $('train-worst-caption').textContent = `Worst validation face (row ${worst.row + 1}): ${worst.rmse.toFixed(2)} px`;
    keypointTable(perKeypoint);
  }

  #epoch({ epoch, valid_rmse: rmse, learning_rate: lr, improved, train_loss: loss, images_per_sec: rate }) {
    this.rates.push(rate);
    $('train-rate').dataset.epochRates = this.rates.map((r) => r.toFixed(2)).join(' ');
    $('train-rate').dataset.warmUpSeconds = String(this.warmUpSeconds ?? '');
    this.rmse[0].push(epoch + 1);
    this.rmse[1].push(rmse);
    this.lr[0].push(epoch + 1);
    this.lr[1].push(lr);
    this.charts.update('rmse', this.rmse);
    this.charts.update('lr', this.lr);
    $('train-result').textContent = `Epoch ${epoch + 1}: validation RMSE ${rmse.toFixed(4)} px${improved ? ' (best so far)' : ''}, training loss ${Number(loss).toFixed(5)}.`;
    $('chart-rmse').dataset.points = String(this.rmse[0].length);
    $('chart-rmse').dataset.values = this.rmse[1].join(' ');
  }
}
