// Runs as files: a .fpk model file or a run bundle (.run.json: the record and its .fpk) read
// into a run record (the engine checks the weights first), a record written as a bundle, and
// downloads.
import { studio } from './state.js';

export const BUNDLE = 'facepoints-run';

/** A record for a .fpk file, after the engine checked that every model in it loads. */
export async function fromModelFile(name, bytes) {
  const meta = await studio.data.request('describeModel', { bytes: bytes.slice(0) });
  const ensemble = meta.members.length > 1 || meta.flip;
  return {
    kind: ensemble ? 'ensemble' : 'cnn', name, architecture: meta.model.name,
    rmse: meta.summary?.valid_rmse ?? NaN, split: meta.summary?.split ?? '', epochs: meta.summary?.epochs_run ?? 0,
    config: meta.summary?.training ?? null, seed: meta.summary?.training?.seed ?? null,
    augmented: meta.summary ? Boolean(meta.summary.training?.augment) : undefined, bytes,
  };
}

/** A record for a run bundle (settings, history, weights), its weights checked. */
export async function fromBundle(text) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new Error(`not a run bundle: ${err.message}`);
  }
  if (parsed?.format !== BUNDLE || parsed.version !== 1 || typeof parsed.run !== 'object') {
    throw new Error(`not a run bundle (it needs "format": "${BUNDLE}", "version": 1 and a "run")`);
  }
  const { run, fpk } = parsed;
  let bytes = null;
  if (fpk) {
    bytes = Uint8Array.from(atob(fpk), (c) => c.charCodeAt(0)).buffer;
    await studio.data.request('describeModel', { bytes: bytes.slice(0) }); // the engine's message if unusable
  }
  const { id: _, date: __, ...rest } = run;
  return { ...rest, name: String(run.name ?? 'imported run'), bytes };
}

/** A stored run as one JSON file: its record and its .fpk (base64). */
export function bundle(record) {
  const { bytes, ...run } = record;
  let fpk = null;
  if (bytes) {
    const view = new Uint8Array(bytes);
    let binary = '';
    for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
    fpk = btoa(binary);
  }
  return { format: BUNDLE, version: 1, run, fpk };
}

export const safe = (name) => name.replace(/[^\w.-]+/g, '_');

export function download(blob, name) {
  const a = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
