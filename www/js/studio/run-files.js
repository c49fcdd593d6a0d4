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
  const extra = Object.keys(parsed).filter((k) => !['format', 'version', 'run', 'fpk'].includes(k));
  if (extra.length) throw new Error(`not a run bundle: it has ${quoted(extra)}, which a bundle does not (it has "format", "version", "run" and "fpk")`);
  checkRun(run);
  let bytes = null;
  if (fpk !== null && fpk !== undefined) {
    if (typeof fpk !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(fpk)) throw new Error('the run bundle\'s "fpk" is not a model file in base64');
    bytes = Uint8Array.from(atob(fpk), (c) => c.charCodeAt(0)).buffer;
    await studio.data.request('describeModel', { bytes: bytes.slice(0) }); // the engine's message if unusable
  }
  const { id: _, date: __, ...rest } = run;
  return { ...rest, name: String(run.name ?? 'imported run'), bytes };
}

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v) => typeof v === 'string';
const flag = (v) => typeof v === 'boolean';
const numberOrNull = (v) => v === null || typeof v === 'number';
const count = (v) => Number.isInteger(v) && v >= 0;

/** What each field of a run record may hold, as the page writes them (runner.js,
 *  ensemble-panel.js); `id` and `date` are given anew when the run is stored. */
const RUN_FIELDS = {
  id: () => true,
  date: text,
  name: text,
  kind: (v) => ['cnn', 'knn', 'ensemble'].includes(v),
  architecture: text,
  augmented: flag,
  seed: (v) => v === null || Number.isInteger(v),
  config: (v) => v === null || isObject(v),
  rmse: numberOrNull,
  per_keypoint: (v) => v === null || (Array.isArray(v) && v.every(numberOrNull)),
  history: (v) => Array.isArray(v) && v.every(isObject),
  best_epoch: count,
  epochs: count,
  stopped: flag,
  failed: (v) => v === null || text(v),
  resumed: (v) => v === null || text(v),
  wall_s: numberOrNull,
  backend: text,
  split: (v) => v === null || text(v) || isObject(v),
  data: text,
  fingerprint: text,
  group: text,
  members: (v) => Array.isArray(v) && v.every(text),
  flip: flag,
};

const quoted = (names) => names.map((n) => `"${n}"`).join(', ');

/** Refuses a run record with a field the page never writes (a typo, another app's file) or
 *  a field of the wrong type, naming it: an imported run is shown and sorted like the
 *  page's own, so it must hold what they hold. */
export function checkRun(run) {
  if (!isObject(run)) throw new Error('the run bundle\'s "run" is not a record');
  const unknown = Object.keys(run).filter((k) => !(k in RUN_FIELDS));
  if (unknown.length) {
    throw new Error(`the run has ${quoted(unknown)}, which a run does not (its fields are: ${Object.keys(RUN_FIELDS).join(', ')})`);
  }
  for (const [field, ok] of Object.entries(RUN_FIELDS)) {
    if (field in run && run[field] !== undefined && !ok(run[field])) {
      throw new Error(`the run's "${field}" is ${JSON.stringify(run[field])?.slice(0, 60)}, which is not what a run holds there`);
    }
  }
  if (!['cnn', 'knn', 'ensemble'].includes(run.kind)) throw new Error('the run has no "kind" (cnn, knn or ensemble)');
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
