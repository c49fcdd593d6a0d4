// What the page's engines need from the browser beyond WebAssembly itself: SIMD (every
// engine is built with simd128). Asked before an engine is compiled, so a browser without it
// is told why instead of seeing a compile error.

// The smallest module that returns a SIMD value: it validates only where wasm SIMD exists.
const SIMD_MODULE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0,
  10, 22, 1, 20, 0, 253, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 11,
]);

export const NO_SIMD = 'this browser has no WebAssembly SIMD, which the engine needs (Chrome and Edge 91+, Firefox 89+, Safari 16.4+ have it)';

/** Whether `wasm` (the browser's WebAssembly) runs SIMD. */
export function hasWasmSimd(wasm = globalThis.WebAssembly) {
  try {
    return Boolean(wasm?.validate(SIMD_MODULE));
  } catch {
    return false;
  }
}

/** Throws NO_SIMD where the engine cannot run. */
export function needWasmSimd(wasm = globalThis.WebAssembly) {
  if (!hasWasmSimd(wasm)) throw new Error(NO_SIMD);
}
