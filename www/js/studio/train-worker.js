// The training worker: runs the CLI's training loop in the CPU engine or the WebGPU engine
// on faces handed over by the page, reports every event, and answers pause / resume / stop
// between batches (the engine asks `control()` after each one and waits while it is paused).
import { serveRequests, transferring, emit } from '../worker-client.js';
import { chooseBackend, describeAdapter } from '../backend-choice.js';
import { chooseThreads, engineFor, threadFacts, threadedEngine, withoutThreads } from '../threads.js';
import { chooseSimd } from '../wasm-features.js';

const engines = new Map(); // a folder of pkg/ (threads.js, engineFor) → the engine module, loaded once
// The CPU engine's threads (threads.js): as the page's address asks (`?threads=`, the first
// run's request says), the threaded engine where the page is isolated and the browser has
// wasm threads, until it fails to start or crashes (then the one-threaded one).
let cpuThreads = null;

// Without wasm SIMD (or with the page's `?simd=0`, in this worker's address): the CPU engine
// without it, on one thread. With relaxed SIMD (unless `?relaxed=0`), the CPU engines built
// with it, until one fails to start.
const simd = chooseSimd(self.location.search);

const engineName = (backend) => engineFor(backend, cpuThreads.threads, simd.simd, simd.relaxed);

function engine(backend) {
  const name = engineName(backend);
  if (!engines.has(name)) {
    engines.set(name, import(`../../../pkg/${name}/facepoints.js`).then(async (module) => {
      await module.default();
      if (threadedEngine(name)) await module.startThreads(cpuThreads.threads);
      return module;
    }).catch((err) => {
      engines.delete(name);
      if (threadedEngine(name)) cpuThreads = withoutThreads(`did not start (${err.message ?? err})`);
      else if (name === 'cpu-relaxed') simd.relaxed = false;
      else throw err;
      return engine(backend);
    }));
  }
  return engines.get(name);
}
let paused = false;
let stopping = false;
let waiting = null; // resolves the paused run's control promise
let crashing = null; // a test's message: the engine panics at the next batch
let best = null; // the run's best weights so far, as .fpk bytes, outside the engine

/** Lets the worker take its messages (pause, stop) before the next batch. */
function nextTask(callback) {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => callback();
  channel.port2.postMessage(0);
}

function control() {
  return new Promise((resolve) => {
    const answer = () => resolve(crashing ? `panic:${crashing}` : stopping ? 'stop' : 'go');
    nextTask(() => {
      if (paused && !stopping) {
        // Held here, between batches: only now is the run paused.
        waiting = answer;
        emit({ type: 'paused' });
      } else answer();
    });
  });
}

function release() {
  const go = waiting;
  waiting = null;
  go?.();
}

/** The backend a run trains on, chosen as the detector chooses (WebGPU only on a hardware
 *  adapter unless asked for), here in the worker, off the page's main thread; a WebGPU
 *  run's batch is kept within the adapter's largest buffer. Sends a `backend` event. */
async function prepare(requested, config) {
  let adapter = null;
  try {
    adapter = (await navigator.gpu?.requestAdapter()) ?? null;
  } catch {
    adapter = null;
  }
  let { backend, reason } = chooseBackend(describeAdapter(adapter), requested);
  if (!simd.simd && backend === 'webgpu') [backend, reason] = ['cpu', 'the WebGPU engine needs WebAssembly SIMD; training on the CPU'];
  let note = '';
  if (backend === 'webgpu' && adapter) {
    const limit = Math.min(adapter.limits.maxStorageBufferBindingSize, adapter.limits.maxBufferSize);
    const size = (await engine('webgpu')).modelSize(JSON.stringify(config.model), config.batch_size);
    const most = Math.max(2, Math.floor(limit / size.largest_buffer_per_face));
    if (config.batch_size > most) {
      note = `Batch size cut from ${config.batch_size} to ${most}: this adapter's largest buffer is ${(limit / 1024 / 1024).toFixed(0)} MB and one face needs ${(size.largest_buffer_per_face / 1024 / 1024).toFixed(1)} MB in ${config.model.name}'s largest layer.`;
      config.batch_size = most;
    }
  }
  if (backend === 'cpu') await engine(backend); // settles how many threads it has
  const threads = backend === 'cpu' ? cpuThreads.threads : null;
  emit({ type: 'backend', backend, reason, threads, threads_reason: backend === 'cpu' ? cpuThreads.reason : '', note, batch_size: config.batch_size });
  return backend;
}

serveRequests({
  async train({ images, coords, ids, train, valid, split, data, config, requested, init = null, threads = 'auto' }) {
    cpuThreads ??= simd.simd ? chooseThreads(threads, threadFacts(self)) : { threads: 1, reason: simd.reason };
    // A fresh run's state, before the first await: a pause or stop sent while the engine
    // loads belongs to this run and is kept.
    paused = false;
    stopping = false;
    crashing = null;
    best = null;
    const backend = await prepare(requested, config);
    const { trainModel, lastPanic } = await engine(backend);
    const keep = (checkpoint, epoch, rmse) => {
      best = { checkpoint, best_epoch: epoch, best_rmse: rmse };
      emit({ type: 'checkpoint', epoch, rmse });
    };
    // A panic while the run is suspended (it resumes from a promise) is thrown outside the
    // trainModel call, as an uncaught error of this worker (the threaded engine's futures
    // reject a promise nobody awaits instead): it fails the run as well.
    let onError;
    const crashed = new Promise((_, reject) => {
      onError = (event) => {
        event.preventDefault();
        reject(event.error ?? event.reason ?? new Error(event.message));
      };
      self.addEventListener('error', onError);
      self.addEventListener('unhandledrejection', onError);
    });
    let result;
    try {
      result = await Promise.race([crashed, trainModel({
        images, coords, ids, train: Uint32Array.from(train), valid: Uint32Array.from(valid),
        split, data, config: JSON.stringify(config), backend, ...(init ? { init } : {}),
        onEvent: (event) => emit(event), control, onCheckpoint: keep,
      })]);
    } catch (err) {
      // A trap (a panic, a lost GPU device) leaves this engine unusable: the next run loads
      // it afresh.
      let message = err.message ?? String(err);
      if (err instanceof WebAssembly.RuntimeError) {
        const name = engineName(backend);
        engines.delete(name);
        // The threaded engine's workers may be held by the trap: the next run has one thread.
        if (threadedEngine(name)) cpuThreads = withoutThreads('crashed');
        message = `the ${backend === 'webgpu' ? 'WebGPU' : 'CPU'} engine stopped: ${lastPanic() || err.message}`;
      }
      if (!best) throw new Error(message);
      // The best weights of the epochs before the failure were copied out: they are the result.
      return transferring({ ...best, failed: message, backend }, [best.checkpoint.buffer]);
    } finally {
      self.removeEventListener('error', onError);
      self.removeEventListener('unhandledrejection', onError);
    }
    return transferring(result, [result.checkpoint.buffer]);
  },
}, {
  pause() { paused = true; emit({ type: 'pausing' }); },
  resume() { paused = false; emit({ type: 'resumed' }); release(); },
  stop() { stopping = true; release(); },
  crashForTesting({ message }) { crashing = message; release(); },
});
