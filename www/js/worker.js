// The inference worker: owns the wasm engine; the page only sends frames and draws.
// The protocol is worker-client.js's (serveRequests).
import { chooseBackend, describeAdapter } from './backend-choice.js';
import { emit, serveRequests } from './worker-client.js';
import { sameFaces } from './follow.js';
import { CanvasReader, toFrame } from './frame-pixels.js';
import { chooseThreads, engineFor, threadFacts, threadedEngine, withoutThreads } from './threads.js';
import { chooseSimd } from './wasm-features.js';

let engine = null;
let engineName = null;

// Engines, one per backend, so a page downloads only the one it runs: `cpu` (burn flex, one
// thread), `cpu-mt` (the same with its kernels' work shared over a pool of Web Workers:
// threads.js), `cpu-relaxed` and `cpu-mt-relaxed` (the two with relaxed SIMD's fused
// multiply-adds, where the browser has it), `gpu` (WebGPU) and `cpu-nosimd` (where the
// browser has no wasm SIMD, or the page's address asks `?simd=0`: wasm-features.js, read
// from this worker's own address).
// Each module is fetched, compiled and instantiated once; a second worker of the same page
// is given the compiled code (`resources`) instead of fetching it.
const modules = new Map();
const compiled = new Map(); // engine name → WebAssembly.Module
const loaded = []; // the instantiated modules, to ask for a panic's message
const memories = new Map(); // engine name → its WebAssembly.Memory

/** The engine's compiled code, fetched from the site. */
async function compileEngine(name) {
  const url = new URL(`../../pkg/${name}/facepoints_bg.wasm`, import.meta.url);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load the engine (${url.pathname}): HTTP ${response.status}`);
  return WebAssembly.compileStreaming(response.clone())
    .catch(async () => WebAssembly.compile(await response.arrayBuffer())); // served without the wasm type
}

// The engines' JS glue, imported once per engine (before its engine is wanted, by `prepare`).
const glue = new Map();
const engineGlue = (name) => {
  if (!glue.has(name)) glue.set(name, import(`../../pkg/${name}/facepoints.js`));
  return glue.get(name);
};

/** The engine `name`, instantiated once (from `code` when given); the threaded engine starts
 *  its `threads` workers before anything else runs in it (1: none, its kernels stay on this
 *  worker's thread). */
function engineModule(name, code = null, threads = 1) {
  if (!modules.has(name)) {
    const module = engineGlue(name).then(async (module) => {
      const wasm = code ?? await compileEngine(name);
      const exports = await module.default({ module_or_path: wasm });
      memories.set(name, exports.memory);
      if (threads > 1) await module.startThreads(threads);
      compiled.set(name, wasm);
      loaded.push(module);
      return module;
    });
    module.catch(() => modules.delete(name)); // a later create tries again
    modules.set(name, module);
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
  if (ArrayBuffer.isView(model)) return new Uint8Array(model.buffer, model.byteOffset, model.byteLength);
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
// What the engine was made from, for a second worker of the same page (`resources`).
let made = null;

async function createOn(name, backend, bytes, detector, code = null, threads = 1) {
  const { Facepoints, keypointNames: names } = await engineModule(name, code, threads);
  keypointNames = names();
  const created = await Facepoints.create({ model: bytes, detector, backend });
  made = { model: bytes, detector, backend, engine: name };
  engineName = name;
  return created;
}

/** `model`: a URL or bytes; `threads`: 'auto' or how many the CPU engine may use;
 *  `detector`, `wasm`, `engine`: the detectors' weights, the compiled engine and its name,
 *  when another worker of the page has them already (`resources`: that engine then runs
 *  here on this worker's one thread). */
async function create({ model, backend: requested = 'auto', threads: askedThreads = 'auto', detector: given = null, wasm = null, engine: givenEngine = null }) {
  const started = performance.now();
  const adapter = await adapterFacts();
  let { backend, reason } = chooseBackend(adapter, requested);
  let { simd, relaxed, reason: noSimd } = chooseSimd(self.location.search);
  if (!simd && backend === 'webgpu') [backend, reason] = ['cpu', 'the WebGPU engine needs WebAssembly SIMD; using the CPU backend'];
  let { threads, reason: threadsReason } = givenEngine
    ? { threads: 1, reason: 'one thread (beside the first detector)' }
    : simd ? chooseThreads(askedThreads, threadFacts(self)) : { threads: 1, reason: noSimd };
  const name = givenEngine ?? engineFor(backend, threads, simd, relaxed);
  // The engine compiles (and its threads start) while the model and weights download
  // (createOn below gets the same promise; if it failed, createOn tries once more and says why).
  engineModule(name, wasm, threads).catch(() => {});
  const [bytes, detector] = await Promise.all([modelBytes(model), given ?? detectorBytes()]);
  try {
    engine = await createOn(name, backend, bytes, detector, wasm, threads);
  } catch (err) {
    const failed = explain(err).error;
    if (threadedEngine(name) && !givenEngine) {
      ({ reason: threadsReason } = withoutThreads(`did not start (${failed})`));
    } else if (name === 'cpu-relaxed' && !givenEngine) {
      reason = `${reason}; the engine with relaxed SIMD did not start (${failed}), so the one without it runs`;
    } else if (backend === 'webgpu' && requested !== 'webgpu') {
      reason = `WebGPU failed (${failed}); using the CPU backend`;
      backend = 'cpu';
      threadsReason = 'one thread';
    } else {
      throw err;
    }
    threads = 1;
    relaxed = false;
    engine = await createOn('cpu', backend, bytes, detector);
  }
  if (backend === 'webgpu') [threads, threadsReason] = [null, ''];
  return {
    backend, reason, adapter, keypointNames, threads, threadsReason, simd,
    relaxed: (givenEngine ?? name).endsWith('-relaxed') && relaxed,
    description: engine.backend,
    model: JSON.parse(engine.model || '{}'),
    readyMs: performance.now() - started,
  };
}

const reader = new CanvasReader();

/** The RGBA pixels of the `window` of `bitmap` (from the engine), or of all of it; the time
 *  the read took. */
function pixels(bitmap, window = null) {
  const t = performance.now();
  const frame = reader.read(bitmap, window);
  return { frame, ms: performance.now() - t };
}

/** The faces as `track` takes them (canvas coordinates, flat arrays). */
function tracked(faces) {
  return {
    boxes: new Float32Array(faces.flatMap(({ box, roll }) => [box.x, box.y, box.width, box.height, roll ?? 0])),
    points: new Float32Array(faces.flatMap((f) => f.keypoints.flatMap((k) => [k.x, k.y]))),
    scores: new Float32Array(faces.map((f) => f.score)),
  };
}

/** Follows `faces` into `bitmap`, reading only the region around them. */
async function trackInRegion(bitmap, faces) {
  const previous = tracked(faces);
  const window = needEngine().windowToFollow(previous, bitmap.width, bitmap.height, null);
  const { frame, ms } = pixels(bitmap, window);
  const t = performance.now();
  const result = await needEngine().track(frame, previous);
  result.timings.read_ms = ms;
  result.timings.call_ms = performance.now() - t;
  return result;
}

/** Runs `call` on the bitmap's RGBA pixels; adds the time to read them and the whole call. */
async function withPixels(bitmap, call) {
  const t = performance.now();
  const { frame, ms } = pixels(bitmap);
  const result = await call(frame);
  result.timings.read_ms = ms;
  result.timings.call_ms = performance.now() - t - ms;
  result.timings.worker_ms = performance.now() - t;
  return result;
}

function needEngine() {
  if (!engine) throw new Error('the detector is not ready (it failed to start or crashed)');
  return engine;
}

const handlers = {
  create,
  // Loads the JS glue of the engines `backend` may run on, before the engine itself is made
  // (a second worker of the page is made at once, its engine only once the first one runs).
  async prepare({ backend, threads = 'auto' }) {
    const { simd, relaxed } = chooseSimd(self.location.search);
    const cpu = [engineFor('cpu', chooseThreads(threads, threadFacts(self)).threads, simd, relaxed)];
    const gpu = 'gpu' in navigator && simd ? ['gpu'] : [];
    const names = backend === 'webgpu' ? ['gpu'] : backend === 'cpu' ? cpu : [...cpu, ...gpu];
    await Promise.all(names.map(engineGlue));
  },
  // What a second worker of the page starts from: the same model and weights, the compiled
  // engine, the backend this one runs on (so it fetches and compiles nothing).
  resources() {
    needEngine();
    return { model: made.model, detector: made.detector, backend: made.backend, engine: made.engine, wasm: compiled.get(made.engine) };
  },
  // The engines' wasm memory (it only grows: a leak in the engine shows here).
  memory() {
    const engines = Object.fromEntries([...memories].map(([name, m]) => [name, m.buffer.byteLength]));
    return { engines, wasm_bytes: Object.values(engines).reduce((a, b) => a + b, 0) };
  },
  detect({ bitmap }) {
    return withPixels(bitmap, (frame) => needEngine().detect(frame)).finally(() => bitmap.close());
  },
  async track({ bitmap, faces }) {
    const t = performance.now();
    try {
      const result = await trackInRegion(bitmap, faces);
      result.timings.worker_ms = performance.now() - t;
      return result;
    } finally {
      bitmap.close();
    }
  },
  windowToDetect({ width, height }) {
    return needEngine().windowToDetect(width, height);
  },
  // A video frame in one request (facepoints.js's followWithTimings reads the pixels): with
  // `detectFrame` (a shrunk copy of the frame), faces are looked for first; the faces
  // followed are then followed into `frame` (the region around them), or, when the detector
  // found other faces, those are followed in the shrunk copy. The result says which region
  // the next frame needs.
  async follow({ detectFrame: detectInput, frame: input, faces, window, width, height }) {
    const t = performance.now();
    const engine = needEngine();
    const [detectFrame, frame] = [toFrame(detectInput), toFrame(input)];
    let [base, inFrame, detectMs] = [faces, frame, 0];
    if (detectFrame) {
      const found = await engine.detect(detectFrame);
      detectMs = found.timings.engine_ms;
      if (!sameFaces(found.faces, faces)) [base, inFrame] = [found.faces, detectFrame];
    }
    const result = base.length && inFrame
      ? await engine.track(inFrame, tracked(base))
      : { faces: [], timings: { crop_ms: 0, predict_ms: 0, engine_ms: 0 } };
    const kept = base === faces ? window : null;
    result.window = result.faces.length ? engine.windowToFollow(tracked(result.faces), width, height, kept) : null;
    result.detected = Boolean(detectFrame);
    Object.assign(result.timings, { detect_ms: detectMs, worker_ms: performance.now() - t });
    return result;
  },
  async augmentBenchmark({ gray, coords, rounds }) {
    const { augmentBenchmark } = await engineModule('cpu');
    return augmentBenchmark({ gray, coords, rounds });
  },
  // Makes the engine panic with `message` (`later`: inside an async call, after it has
  // waited once): how the tests check that a crash is reported with its message and that
  // the detector comes back.
  async panic({ message, later = false }) {
    needEngine();
    const module = await engineModule(engineName);
    if (later) await module.panicLaterForTesting(message);
    else module.panicForTesting(message);
  },
  async predictFaces({ gray }) {
    return Array.from(await needEngine().predictFaces(gray));
  },
};

serveRequests(handlers, {}, { explain });

// A trap inside an async call's task (a panic in a future that has waited) surfaces outside
// the call, whose own promise never settles: as this worker's uncaught error (the
// single-threaded engine runs tasks from microtasks) or an unhandled rejection (the threaded
// one, from promise callbacks). The engine has crashed all the same, and the page is told so:
// it fails what is pending and restarts the worker, as for a crash a call reports.
function crashedOutsideACall(event) {
  const trap = event.reason ?? event.error;
  if (!(trap instanceof WebAssembly.RuntimeError)) return;
  event.preventDefault();
  emit({ type: 'crashed', error: explain(trap).error });
}
self.addEventListener('unhandledrejection', crashedOutsideACall);
self.addEventListener('error', crashedOutsideACall);
