// What the page's engines need from the browser beyond WebAssembly itself: SIMD. Every engine
// but one is built with simd128; where the browser has no wasm SIMD (or the page's address
// asks `?simd=0`) the CPU engine without it runs (pkg/cpu-nosimd: one thread, slower), and the
// page says so. Where the browser also has relaxed SIMD (Chromium 114+), the CPU engines
// built with it run (pkg/cpu-relaxed, pkg/cpu-mt-relaxed: fused multiply-adds in their
// matrix products and convolutions, src/cpu/fma.rs); `?relaxed=0` asks for the ones without.
// Asked before an engine is compiled.

// The smallest module that returns a SIMD value: it validates only where wasm SIMD exists.
const SIMD_MODULE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0,
  10, 22, 1, 20, 0, 253, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 11,
]);

// The smallest module that uses relaxed SIMD (f32x4.relaxed_madd of three zero vectors): it
// validates only where relaxed SIMD exists.
const RELAXED_MODULE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 61, 1, 59, 0,
  253, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  253, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  253, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  253, 133, 2, 11,
]);

export const NO_SIMD = 'this browser has no WebAssembly SIMD (Chrome and Edge 91+, Firefox 89+, Safari 16.4+ have it)';

/** Whether `wasm` (the browser's WebAssembly) runs SIMD. */
export function hasWasmSimd(wasm = globalThis.WebAssembly) {
  try {
    return Boolean(wasm?.validate(SIMD_MODULE));
  } catch {
    return false;
  }
}

/** Whether `wasm` (the browser's WebAssembly) runs relaxed SIMD. */
export function hasRelaxedSimd(wasm = globalThis.WebAssembly) {
  try {
    return Boolean(wasm?.validate(RELAXED_MODULE));
  } catch {
    return false;
  }
}

/** Whether an address asks for the engines without SIMD: `?simd=0`. A worker reads its own
 *  address, which carries its page's choice (workerUrl). */
export function simdRefused(search = globalThis.location?.search ?? '') {
  return new URLSearchParams(search).get('simd') === '0';
}

/** Whether an address asks for the CPU engines without relaxed SIMD: `?relaxed=0`. */
export function relaxedRefused(search = globalThis.location?.search ?? '') {
  return new URLSearchParams(search).get('relaxed') === '0';
}

/**
 * Whether the engines with SIMD run here, and why not; whether the CPU engines with relaxed
 * SIMD do (only with SIMD).
 * @returns {{simd: boolean, relaxed: boolean, reason: string}} reason: '' when SIMD runs
 */
export function chooseSimd(search = globalThis.location?.search ?? '', wasm = globalThis.WebAssembly) {
  const slower = 'the engine without it runs, on one thread, and slower';
  if (!hasWasmSimd(wasm)) return { simd: false, relaxed: false, reason: `no SIMD: ${NO_SIMD}; ${slower}` };
  if (simdRefused(search)) return { simd: false, relaxed: false, reason: `no SIMD: the page's address asks for none (?simd=0); ${slower}` };
  return { simd: true, relaxed: hasRelaxedSimd(wasm) && !relaxedRefused(search), reason: '' };
}

/** A worker script's `url` with the page's choice of engine (`?simd=0`, `?relaxed=0`) in its
 *  address. */
export function workerUrl(url, search = globalThis.location?.search ?? '') {
  const address = new URL(url);
  if (simdRefused(search)) address.searchParams.set('simd', '0');
  if (relaxedRefused(search)) address.searchParams.set('relaxed', '0');
  return address;
}
