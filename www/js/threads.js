// How many threads the CPU engine runs on. The threaded CPU engine (pkg/cpu-mt) shares its
// kernels' work over a pool of Web Workers with one shared WebAssembly memory; that needs the
// page cross-origin isolated (SharedArrayBuffer) and a browser with wasm threads. Elsewhere the
// single-threaded engine (pkg/cpu) runs, and the page says why.

/** The most threads the engine asks for: its products are small (a 96×96 face, a 192-pixel
 *  detector input), and only 1 and 2 threads have been measured (docs/performance.md). */
export const MAX_THREADS = 4;

// The smallest module with a shared memory: it validates only where wasm threads exist.
const SHARED_MEMORY_MODULE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 5, 4, 1, 3, 1, 1]);

/** The engine (a folder of pkg/) that runs `backend` on `threads` threads, with or without
 *  SIMD (wasm-features.js: without it, only the one-threaded CPU engine), the CPU engines
 *  with or without relaxed SIMD. */
export function engineFor(backend, threads, simd = true, relaxed = false) {
  if (!simd) return 'cpu-nosimd';
  if (backend === 'webgpu') return 'gpu';
  const cpu = threads > 1 ? 'cpu-mt' : 'cpu';
  return relaxed ? `${cpu}-relaxed` : cpu;
}

/** Whether `name` is a threaded CPU engine. */
export const threadedEngine = (name) => name.startsWith('cpu-mt');

/** One thread after the threaded engine `failed` (did not start, crashed): the single-threaded
 *  engine, and why. */
export function withoutThreads(failed) {
  return { threads: 1, reason: `one thread: the threaded engine ${failed}` };
}

/** The threads a page's address asks for: `?threads=N` (a whole number ≥ 1), else 'auto'. */
export function requestedThreads(search = globalThis.location?.search ?? '') {
  const value = new URLSearchParams(search).get('threads') ?? '';
  return /^[1-9]\d*$/.test(value) ? Number(value) : 'auto';
}

/** What this scope offers the threaded engine: `{isolated, sharedMemory, cores}`. */
export function threadFacts(scope = globalThis) {
  let sharedMemory = false;
  try {
    sharedMemory = typeof scope.SharedArrayBuffer === 'function' && WebAssembly.validate(SHARED_MEMORY_MODULE);
  } catch {
    sharedMemory = false;
  }
  return {
    isolated: Boolean(scope.crossOriginIsolated),
    sharedMemory,
    cores: Number(scope.navigator?.hardwareConcurrency) || 1,
  };
}

/**
 * @param {'auto'|number} requested  'auto': one per core, up to MAX_THREADS; a number: that many
 * @param {{isolated: boolean, sharedMemory: boolean, cores: number}} facts  threadFacts()
 * @returns {{threads: number, reason: string}} 1: the single-threaded engine
 */
export function chooseThreads(requested, facts) {
  if (requested !== 'auto' && !(Number.isInteger(requested) && requested >= 1)) {
    throw new Error(`threads must be 'auto' or a whole number ≥ 1 (got ${JSON.stringify(requested)})`);
  }
  const wanted = requested === 'auto' ? Math.min(facts.cores, MAX_THREADS) : requested;
  if (wanted <= 1) {
    return { threads: 1, reason: requested === 'auto' ? 'one CPU core' : 'one thread requested' };
  }
  if (!facts.isolated) return { threads: 1, reason: 'one thread: the page is not cross-origin isolated' };
  if (!facts.sharedMemory) return { threads: 1, reason: 'one thread: this browser has no WebAssembly threads' };
  return { threads: wanted, reason: `${wanted} threads` };
}
