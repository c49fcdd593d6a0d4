// The inference worker: owns the wasm engine; the page only sends frames and draws.
// Protocol: {id, type, ...args} in; {id, ok: true, result} or {id, ok: false, error} out.
import init, { Facepoints, augmentBenchmark } from '../pkg/facepoints.js';
import { chooseBackend, describeAdapter } from './backend-choice.js';

let engine = null;
let lastPanic = '';

// console_error_panic_hook reports a Rust panic through console.error: keep its message so
// the page can show it instead of a bare "unreachable".
const consoleError = console.error.bind(console);
console.error = (...args) => {
  lastPanic = args.map(String).join(' ');
  consoleError(...args);
};

function explain(err) {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof WebAssembly.RuntimeError) {
    engine = null; // a panicked instance is not trusted again
    return `the engine crashed: ${lastPanic || message}. Reload the page to start it again.`;
  }
  return message;
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

async function create({ model, backend: requested = 'auto' }) {
  const started = performance.now();
  await init();
  const adapter = await adapterFacts();
  let { backend, reason } = chooseBackend(adapter, requested);
  const bytes = await modelBytes(model);
  try {
    engine = await Facepoints.create(bytes, backend);
  } catch (err) {
    if (backend !== 'webgpu' || requested === 'webgpu') throw err;
    reason = `WebGPU failed (${explain(err)}); using the CPU backend`;
    backend = 'cpu';
    engine = await Facepoints.create(bytes, backend);
  }
  return {
    backend, reason, adapter,
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
  return result;
}

function needEngine() {
  if (!engine) throw new Error('the detector is not ready (it failed to start or crashed)');
  return engine;
}

const handlers = {
  create,
  detect({ bitmap }) {
    return withPixels(bitmap, (rgba, width, height) => needEngine().detect(rgba, width, height));
  },
  track({ bitmap, faces }) {
    const points = new Float32Array(faces.flatMap((f) => f.keypoints.flatMap((k) => [k.x, k.y])));
    const scores = new Float32Array(faces.map((f) => f.score));
    return withPixels(bitmap, (rgba, width, height) => needEngine().track(rgba, width, height, points, scores));
  },
  async augmentBenchmark({ gray, coords, rounds }) {
    await init();
    return augmentBenchmark(gray, coords, rounds);
  },
  async predictFaces({ gray }) {
    return Array.from(await needEngine().predictFaces(gray));
  },
};

self.onmessage = async ({ data: { id, type, ...args } }) => {
  try {
    const handler = handlers[type];
    if (!handler) throw new Error(`unknown request "${type}"`);
    const started = performance.now();
    const result = await handler(args);
    if (result?.timings) result.timings.worker_ms = performance.now() - started;
    self.postMessage({ id, ok: true, result });
  } catch (err) {
    self.postMessage({ id, ok: false, error: explain(err) });
  }
};
