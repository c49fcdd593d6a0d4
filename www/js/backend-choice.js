// Which backend to run on, decided by what the WebGPU adapter *is*, not by whether
// `navigator.gpu` exists: a software/fallback adapter (SwiftShader) is far slower than the
// CPU backend in the same wasm, so it is only used when asked for.

/** Plain facts about a WebGPU adapter (or null when there is none). */
export function describeAdapter(adapter) {
  if (!adapter) return null;
  const info = adapter.info ?? {};
  return {
    vendor: info.vendor ?? '',
    architecture: info.architecture ?? '',
    device: info.device ?? '',
    description: info.description ?? '',
    isFallbackAdapter: Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter),
  };
}

/** True for adapters that run on the CPU (fallback adapters, SwiftShader, llvmpipe). */
export function isSoftware(adapter) {
  if (!adapter) return false;
  const text = `${adapter.vendor} ${adapter.architecture} ${adapter.device} ${adapter.description}`;
  return adapter.isFallbackAdapter || /swiftshader|llvmpipe|lavapipe|software|microsoft basic/i.test(text);
}

/**
 * @param {object|null} adapter  describeAdapter(...) of navigator.gpu.requestAdapter()
 * @param {'auto'|'cpu'|'webgpu'} requested
 * @returns {{backend: 'cpu'|'webgpu', reason: string}}
 */
export function chooseBackend(adapter, requested = 'auto') {
  if (requested === 'cpu') return { backend: 'cpu', reason: 'CPU backend requested' };
  if (!adapter) {
    return { backend: 'cpu', reason: requested === 'webgpu'
      ? 'WebGPU was requested but this browser offers no WebGPU adapter'
      : 'no WebGPU adapter in this browser' };
  }
  if (requested === 'webgpu') return { backend: 'webgpu', reason: 'WebGPU requested' };
  if (isSoftware(adapter)) {
    return { backend: 'cpu', reason: `the WebGPU adapter is a software fallback (${adapter.architecture || adapter.vendor || 'CPU'}), slower than the CPU backend` };
  }
  return { backend: 'webgpu', reason: 'hardware WebGPU adapter' };
}
