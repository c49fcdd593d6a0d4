// Runs, one at a time, for the Train view and the experiments: the training worker (the
// CLI's training loop in the CPU or WebGPU engine), KNN in the data worker, and the record a
// finished run leaves in IndexedDB (config, seed, split, data fingerprint, history,
// per-keypoint RMSE, weights, wall time, backend).
import { studio } from './state.js';
import { requestedThreads } from '../threads.js';
import { WorkerClient } from '../worker-client.js';
import { workerUrl } from '../wasm-features.js';
import { saveModel } from './model-store.js';

let worker = null;
let listener = null; // the run in progress's event handler
let running = null; // what runs now: 'cnn' | 'knn' | null

/** Whether a run is in progress (the Train view's or an experiment's). */
export const busy = () => running !== null;

function claim(kind) {
  if (running) throw new Error('another run is in progress: wait for it to finish or stop it first');
  running = kind;
  studio.emit('busy', true);
}

function release() {
  running = null;
  listener = null;
  studio.emit('busy', false);
}

/** Pause / resume / stop / crashForTesting for the run in progress. */
export function signal(type, args) {
  worker?.signal(type, args);
}

/** Appends `b` to the typed array `a` (same type). */
function joined(a, b) {
  const out = new a.constructor(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** The loaded data's faces and split, with the user's own faces after them when `yours`
 *  (faces-mix.js mixFaces) is given: theirs join the training rows, and their held-out
 *  sessions are the validation rows (the run stops early, and keeps its best weights, on
 *  them). */
async function runData(data, yours) {
  const parts = await studio.data.request('parts');
  if (!yours) return { parts, train: data.split.train, valid: data.split.valid, split: data.split.info };
  const base = parts.ids.length;
  const count = yours.coords.length / 30;
  const next = parts.ids.reduce((m, id) => Math.max(m, id), 0) + 1;
  return {
    parts: {
      images: joined(parts.images, yours.images),
      coords: joined(parts.coords, yours.coords),
      ids: joined(parts.ids, Uint32Array.from({ length: count }, (_, i) => next + i)),
    },
    train: [...data.split.train, ...yours.train.map((i) => base + i)],
    valid: yours.valid.map((i) => base + i),
    split: `${data.split.info}; ${yours.info}`,
  };
}

/**
 * Trains `config` (the CLI's TrainingConfig JSON) on the loaded data's split, and on your
 * own faces too with `yours` (see runData). `onEvent` gets every training event. Resolves
 * to the worker's result (checkpoint, best_epoch, best_rmse, epochs_run, stopped, failed?)
 * with `history` (one entry per epoch), `per_keypoint` (the best epoch's), `wall_s`,
 * `backend` and `split` (the split's description).
 */
export async function trainRun(config, { requested = 'auto', init = null, yours = null, onEvent = () => {} } = {}) {
  const data = studio.dataset;
  if (!data) throw new Error('load data first (Data view)');
  claim('cnn');
  const history = [];
  let validated = null;
  let perKeypoint = null;
  let backend = null;
  let offset = 0; // epochs done before a resumed part of the run
  const started = performance.now();
  listener = (event) => {
    if (event.type === 'backend') backend = event.backend;
    if (event.type === 'validated') validated = event.per_keypoint;
    // A resumed part counts its epochs from where the run was.
    if (offset && typeof event.epoch === 'number') event = { ...event, epoch: event.epoch + offset };
    if (offset && typeof event.best_epoch === 'number') event = { ...event, best_epoch: event.best_epoch + offset };
    if (event.type === 'epoch') {
      const { epoch, valid_rmse, train_loss, learning_rate, images_per_sec, improved } = event;
      history.push({ epoch, valid_rmse, train_loss, learning_rate, images_per_sec });
      if (improved) perKeypoint = validated;
    }
    onEvent(event);
  };
  const attempt = async (settings, requestedBackend, initBytes) => {
    worker ??= new WorkerClient(workerUrl(new URL('./train-worker.js', import.meta.url)), (event) => listener?.(event), { name: 'the training' });
    const { parts, train, valid, split } = await runData(data, yours);
    try {
      const result = await worker.request('train', {
        ...parts, train, valid, split, data: `${data.name} (${data.bytes.toLocaleString()} bytes)`,
        config: settings, requested: requestedBackend, init: initBytes, threads: requestedThreads(),
      }, [parts.images.buffer, parts.coords.buffer, parts.ids.buffer]);
      return { ...result, backend: result.backend ?? backend, split };
    } catch (err) {
      // A lost GPU device leaves that engine unusable: the next run starts a fresh worker.
      if (backend === 'webgpu') {
        worker?.terminate();
        worker = null;
      }
      err.backend = backend;
      throw err;
    }
  };
  const finish = (result) => ({ ...result, history, per_keypoint: perKeypoint ?? validated, wall_s: (performance.now() - started) / 1000 });
  try {
    let first;
    try {
      first = await attempt(config, requested, init);
    } catch (err) {
      if (err.backend !== 'webgpu') throw err;
      // WebGPU failed before any epoch was kept (a lost device, say): the run starts again
      // on the CPU engine.
      onEvent({ type: 'resumed_on_cpu', reason: err.message, epoch: 0 });
      history.length = 0;
      const again = await attempt(config, 'cpu', init);
      return finish({ ...again, resumed: `on the CPU engine after WebGPU failed before its first epoch: ${err.message}` });
    }
    const done = history.length;
    if (!(first.failed && first.backend === 'webgpu' && done < config.epochs)) return finish(first);
    // WebGPU failed part way (a lost device, say): the run goes on on the CPU engine from
    // the best weights so far, for the epochs it had left (a fresh optimizer and schedule).
    worker?.terminate();
    worker = null;
    onEvent({ type: 'resumed_on_cpu', reason: first.failed, epoch: done });
    offset = done;
    const rest = { ...config, epochs: config.epochs - done, init: { from: `the WebGPU part's best weights (epoch ${first.best_epoch + 1})` } };
    const second = await attempt(rest, 'cpu', new Uint8Array(first.checkpoint).slice());
    const better = second.best_rmse < first.best_rmse;
    return finish({
      ...second,
      checkpoint: better ? second.checkpoint : first.checkpoint,
      best_rmse: better ? second.best_rmse : first.best_rmse,
      best_epoch: better ? second.best_epoch + done : first.best_epoch,
      epochs_run: done + second.epochs_run,
      failed: second.failed ?? null,
      backend: 'webgpu-then-cpu',
      resumed: `on the CPU engine at epoch ${done + 1}, from the best weights of epoch ${first.best_epoch + 1}, after WebGPU failed: ${first.failed}`,
    });
  } finally {
    release();
  }
}

/** KNN for each k of `ks` on the loaded data's split: `[{k, rmse: {overall, per_keypoint}}]`. */
export async function knnRun(ks) {
  const data = studio.dataset;
  if (!data) throw new Error('load data first (Data view)');
  claim('knn');
  const started = performance.now();
  try {
    const scores = await studio.data.request('knnSearch', { train: data.split.train, valid: data.split.valid, ks });
    return { scores, wall_s: (performance.now() - started) / 1000 };
  } finally {
    release();
  }
}

/** The backend a finished run names. */
function backendName(backend) {
  if (!backend) return '';
  if (backend === 'webgpu-then-cpu') return 'WebGPU, then CPU (wasm)';
  return /webgpu/i.test(backend) ? 'WebGPU' : 'CPU (wasm)';
}

/** The study's table key of a run: `model2`, `knn`… (or the architecture's own name). */
export function studyKey(architecture) {
  return /^(knn|model[0-3])$/.test(architecture) ? architecture : null;
}

/** Records a finished training run; resolves to the stored record. */
export async function recordTraining(result, config, { name, group = '' } = {}) {
  const data = studio.dataset;
  return saveModel({
    kind: 'cnn',
    name: name ?? `${config.model.name} · ${new Date().toLocaleString()}`,
    architecture: config.model.name,
    augmented: Boolean(config.augment),
    seed: config.seed,
    config,
    rmse: result.best_rmse,
    per_keypoint: result.per_keypoint,
    history: result.history,
    best_epoch: result.best_epoch,
    epochs: result.epochs_run,
    stopped: Boolean(result.stopped),
    failed: result.failed ?? null,
    resumed: result.resumed ?? null,
    wall_s: result.wall_s,
    backend: backendName(result.backend),
    split: result.split ?? data.split.info,
    data: data.name,
    fingerprint: await fingerprint(),
    group,
    bytes: result.checkpoint.buffer,
  });
}

/** Records a KNN run (no weights). */
export async function recordKnn(score, { wall_s, tried, group = '' }) {
  const data = studio.dataset;
  return saveModel({
    kind: 'knn',
    name: `KNN (k = ${score.k}${tried ? ` of ${tried.join(', ')}` : ''})`,
    architecture: 'knn',
    augmented: false,
    seed: null,
    config: { k: score.k, tried },
    rmse: score.rmse.overall,
    per_keypoint: score.rmse.per_keypoint,
    history: [],
    epochs: 0,
    wall_s,
    backend: 'CPU (wasm)',
    split: data.split.info,
    data: data.name,
    fingerprint: await fingerprint(),
    group,
    bytes: null,
  });
}

/** The sha256 of the loaded data file (hex). */
export function fingerprint() {
  return studio.data.request('fingerprint').catch(() => '');
}
