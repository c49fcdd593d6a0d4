// The inference worker: owns the wasm engine; the page only sends frames and draws.
// The protocol is worker-client.js's (serveRequests).
import { chooseBackend, describeAdapter } from './backend-choice.js';
import { serveRequests } from './worker-client.js';

let engine = null;
let engineBackend = null;

// Two engines, one per backend, so a page downloads only the one it runs: `cpu` (burn flex)
// and `gpu` (WebGPU). Each module is fetched and instantiated once.
const modules = new Map();
const loaded = []; // the instantiated modules, to ask for a panic's message

function engineModule(backend) {
  const name = backend === 'webgpu' ? 'gpu' : 'cpu';
  if (!modules.has(name)) {
    modules.set(name, import(`../../pkg/${name}/facepoints.js`).then(async (module) => {
      await module.default();
      loaded.push(module);
      return module;
    }));
  }
  return modules.get(name);
}

/** A Rust panic's place and message ("panicked at src/…:12:5: …"), which the engine keeps:
 *  the trap itself says only "unreachable". */
function panicMessage() {
  for (const module of loaded) {
    const message = module.lastPanic();
    if (message) return message;
  }
  return '';
}

/** The message for a failed request, and whether the engine crashed (a Rust panic or a
 *  trap): a crashed instance is not trusted again, and the page starts a fresh worker. */
function explain(err) {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof WebAssembly.RuntimeError) {
    engine = null;
    return { error: `the engine crashed: ${panicMessage() || message}. It has been restarted; try again.`, crashed: true };
  }
  return { error: message };
}

async function adapterFacts() {
  if (!('gpu' in navigator)) return null;
  try {
    return describeAdapter(await navigator.gpu.requestAdapter());
  } catch {
    return null;
  }
}

async function modelBytes(model) {
  if (model instanceof ArrayBuffer) return new Uint8Array(model);
  const response = await fetch(model);
  if (!response.ok) throw new Error(`could not load the model ${model}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

// The face detector's weights: one same-origin file, fetched once per worker (and kept by the
// browser's HTTP cache, revalidated by ETag); the engine checks its length and checksum, so
// a wrong or truncated file is refused with the reason. Only this worker loads them.
const DETECTOR_WEIGHTS = new URL('../models/detectors.bin', import.meta.url);
let detectorWeights = null;

function detectorBytes() {
  detectorWeights ??= fetch(DETECTOR_WEIGHTS).then(async (response) => {
    if (!response.ok) throw new Error(`could not load the face detector's weights (${DETECTOR_WEIGHTS.pathname}): HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }).catch((err) => {
    detectorWeights = null; // a later create tries again
    throw err;
  });
  return detectorWeights;
}

let keypointNames = null;

async function createOn(backend, bytes, detector) {
  const { Facepoints, keypointNames: names } = await engineModule(backend);
  keypointNames = names();
  return Facepoints.create({ model: bytes, detector, backend });
}

async function create({ model, backend: requested = 'auto' }) {
  const started = performance.now();
  const adapter = await adapterFacts();
  let { backend, reason } = chooseBackend(adapter, requested);
  const [bytes, detector] = await Promise.all([modelBytes(model), detectorBytes()]);
  try {
    engine = await createOn(backend, bytes, detector);
  } catch (err) {
    if (backend !== 'webgpu' || requested === 'webgpu') throw err;
    reason = `WebGPU failed (${explain(err).error}); using the CPU backend`;
    backend = 'cpu';
    engine = await createOn(backend, bytes, detector);
  }
  engineBackend = backend;
  return {
    backend, reason, adapter, keypointNames,
    description: engine.backend,
    model: JSON.parse(engine.model || '{}'),
    readyMs: performance.now() - started,
  };
}

// One canvas for reading frames, reused (a new canvas and context per frame is costly).
let reader = null;

function pixels(bitmap) {
  const { width, height } = bitmap;
  if (!reader) {
    const canvas = new OffscreenCanvas(width, height);
    reader = canvas.getContext('2d', { willReadFrequently: true });
  }
  const canvas = reader.canvas;
  if (canvas.width !== width || canvas.height !== height) [canvas.width, canvas.height] = [width, height];
  reader.drawImage(bitmap, 0, 0);
  bitmap.close();
  const { data } = reader.getImageData(0, 0, width, height);
  return { rgba: new Uint8Array(data.buffer), width, height };
}

/** Runs `call` on the bitmap's RGBA pixels; adds the time to read them and the whole call. */
async function withPixels(bitmap, call) {
  const t = performance.now();
  const { rgba, width, height } = pixels(bitmap);
  const read = performance.now() - t;
  const result = await call(rgba, width, height);
  result.timings.read_ms = read;
  result.timings.call_ms = performance.now() - t - read;
  result.timings.worker_ms = performance.now() - t;
  return result;
}

function needEngine() {
  if (!engine) throw new Error('the detector is not ready (it failed to start or crashed)');
  return engine;
}

const handlers = {
  create,
  detect({ bitmap }) {
    return withPixels(bitmap, (rgba, width, height) => needEngine().detect({ rgba, width, height }));
  },
  track({ bitmap, faces }) {
    const boxes = new Float32Array(faces.flatMap(({ box, roll }) => [box.x, box.y, box.width, box.height, roll ?? 0]));
    const points = new Float32Array(faces.flatMap((f) => f.keypoints.flatMap((k) => [k.x, k.y])));
    const scores = new Float32Array(faces.map((f) => f.score));
    return withPixels(bitmap, (rgba, width, height) => needEngine().track({ rgba, width, height }, { boxes, points, scores }));
  },
  async augmentBenchmark({ gray, coords, rounds }) {
    const { augmentBenchmark } = await engineModule('cpu');
    return augmentBenchmark({ gray, coords, rounds });
  },
  // Makes the engine panic with `message`: how the tests check that a crash is reported
  // with its message and that the detector comes back.
  async panic({ message }) {
    needEngine();
    (await engineModule(engineBackend)).panicForTesting(message);
  },
  async predictFaces({ gray }) {
    return Array.from(await needEngine().predictFaces(gray));
  },
};

serveRequests(handlers, {}, { explain });
