// The data worker: parses a training CSV streamed from a File (gzip decompressed by the
// browser's DecompressionStream), keeps the faces in the CPU engine's memory, and answers
// the studio's views (counts, faces, split, augmented variants, KNN, scoring model files,
// ensembles, search trials, submissions, the user's own faces: face-rows.js) and checks
// model files. The page's main thread never parses, augments or predicts.
import { chooseSimd } from '../wasm-features.js';
import { engineFor } from '../threads.js';
import { serveRequests, transferring, emit } from '../worker-client.js';
import { faceHandlers } from './face-rows.js';

// The CPU engine, one thread: with SIMD, or without it where the browser has none or the
// page's address asks `?simd=0` (this worker's address carries it). Its functions are bound
// once it has loaded; every request waits for `engine` first.
let CsvLoader, describeModel, defaultAugmentConfig, checkAugmentConfig, trainingConfig, modelSize,
  ensembleFile, searchTrials, defaultSearchSpace, ablationVariants, ablationTable, studyResults, studyKs, submissionCsv;
const engineModule = import(`../../../pkg/${engineFor('cpu', 1, chooseSimd(self.location.search).simd)}/facepoints.js`);
const engine = engineModule
  .then((module) => {
    ({
      CsvLoader, describeModel, defaultAugmentConfig, checkAugmentConfig, trainingConfig, modelSize,
      ensembleFile, searchTrials, defaultSearchSpace, ablationVariants, ablationTable, studyResults, studyKs, submissionCsv,
    } = module);
    return module.default();
  });
let dataset = null; // the faces loaded last (kept when a later load fails or is cancelled)
let people = 0;
let loading = null; // {cancelled} of the load in progress
let source = null; // the file the faces came from, and its sha256 once asked for

async function isGzip(blob) {
  const head = new Uint8Array(await blob.slice(0, 2).arrayBuffer());
  return head[0] === 0x1f && head[1] === 0x8b;
}

/** The text size a gzip file states in its last four bytes (ISIZE: the size modulo 4 GiB of
 *  its last member), a hint for reserving memory. */
async function gzipTextSize(blob) {
  if (blob.size < 18) return 0;
  return new DataView(await blob.slice(blob.size - 4).arrayBuffer()).getUint32(0, true);
}

/** The file's text as a stream of chunks; `onRead(n)` counts the file's own bytes. */
async function textStream(blob, onRead) {
  const counted = blob.stream().pipeThrough(new TransformStream({
    transform(chunk, controller) { onRead(chunk.byteLength); controller.enqueue(chunk); },
  }));
  return (await isGzip(blob)) ? counted.pipeThrough(new DecompressionStream('gzip')) : counted;
}

/** The whole (small) file as text bytes, decompressed when gzip. */
async function wholeText(blob) {
  return new Uint8Array(await new Response(await textStream(blob, () => {})).arrayBuffer());
}

async function memoryBytes() {
  return (await engine).memory.buffer.byteLength;
}

function describe(extra = {}) {
  return { stats: dataset.stats(), people, memory: null, ...extra };
}

const handlers = {
  async load({ file, meta }) {
    await engine;
    const name = file.name || 'the file';
    if (file.size === 0) throw new Error(`${name} is empty.`);
    const job = { cancelled: false };
    loading = job;
    const gzip = await isGzip(file);
    const loader = new CsvLoader(gzip ? await gzipTextSize(file) : file.size);
    const started = performance.now();
    let read = 0;
    let text = 0;
    let posted = 0;
    const reader = (await textStream(file, (n) => { read += n; })).getReader();
    let loaded;
    try {
      for (;;) {
        if (job.cancelled) {
          await reader.cancel();
          break;
        }
        let chunk;
        try {
          chunk = await reader.read();
        } catch (err) {
          // The browser's gzip decoder says only "Compressed input was truncated." and the like.
          throw gzip ? new Error(`the gzip data is cut short or damaged (${err.message ?? err}): the file is incomplete; download or copy it again`) : err;
        }
        const { done, value } = chunk;
        if (done) break;
        text += value.byteLength;
        loader.push(value);
        const now = performance.now();
        if (now - posted > 100) {
          posted = now;
          emit({ type: 'progress', read, total: file.size, text, faces: loader.faces, seconds: (now - started) / 1000 });
        }
      }
      if (job.cancelled) throw new Error(`Loading ${name} was cancelled; the data loaded before is kept.`);
      loaded = loader.finish();
    } catch (err) {
      if (job.cancelled) throw err;
      throw new Error(`${name}: ${err.message ?? err}`);
    } finally {
      loader.free();
      if (loading === job) loading = null;
    }
    const seconds = (performance.now() - started) / 1000;
    dataset?.free();
    dataset = loaded;
    source = { file, sha256: null };
    people = 0;
    let metaError = null;
    if (meta) {
      try {
        people = dataset.setPeople(await wholeText(meta));
      } catch (err) {
        metaError = `${meta.name}: ${err.message}`;
      }
    }
    emit({ type: 'progress', read, total: file.size, text, faces: dataset.length, seconds });
    return { ...describe(), seconds, bytes: file.size, text, gzip, memory: await memoryBytes(), metaError };
  },
  async people({ file }) {
    if (!dataset) throw new Error('load a training file first');
    people = dataset.setPeople(await wholeText(file));
    return people;
  },
  stats() {
    return dataset ? dataset.stats() : null;
  },
  filter({ kind, keypoint = 0 }) {
    return dataset.filter(kind, keypoint);
  },
  faces({ rows }) {
    const list = Uint32Array.from(rows);
    const images = dataset.imagesOf(list);
    const coords = dataset.coordsOf(list);
    return transferring({ images, coords }, [images.buffer, coords.buffer]);
  },
  split({ fraction = 0.2, seed = 7 }) {
    return dataset.split(fraction, BigInt(seed));
  },
  augment({ row, config, seed, count }) {
    return dataset.augment({ row, config: JSON.stringify(config), seed, count });
  },
  knnSearch({ train, valid, ks }) {
    return dataset.knnSearch({ train: Uint32Array.from(train), valid: Uint32Array.from(valid), ks: Uint32Array.from(ks) });
  },
  /** A model file's predictions for `rows` and their RMSE, as `facepoints eval` scores. */
  async evaluate({ bytes, rows, flip = false }) {
    if (!dataset) throw new Error('load data first (Data view)');
    const { predictions, rmse } = await dataset.evaluate({ model: new Uint8Array(bytes), rows: Uint32Array.from(rows), flip });
    return transferring({ predictions, rmse }, [predictions.buffer]);
  },
  /** The sha256 (hex) of the loaded file, as the CLI's reports name their data. */
  async fingerprint() {
    if (!source) throw new Error('no data loaded');
    source.sha256 ??= [...new Uint8Array(await crypto.subtle.digest('SHA-256', await source.file.arrayBuffer()))]
      .map((b) => b.toString(16).padStart(2, '0')).join('');
    return source.sha256;
  },
  async ensembleFile({ members, flip, rmse = NaN, split = '' }) {
    await engine;
    const bytes = ensembleFile({ members: members.map((m) => new Uint8Array(m)), flip, validRmse: rmse, split });
    return transferring(bytes, [bytes.buffer]);
  },
  async searchTrials({ space, base, seed, trials }) {
    await engine;
    return JSON.parse(searchTrials({ space, base: JSON.stringify(base), seed, trials }));
  },
  async searchSpace() {
    await engine;
    return defaultSearchSpace();
  },
  async ablationVariants({ augment }) {
    await engine;
    return JSON.parse(ablationVariants(JSON.stringify(augment)));
  },
  async ablationTable({ results }) {
    await engine;
    return ablationTable(results);
  },
  async studyKs() {
    await engine;
    return Array.from(studyKs());
  },
  async studyResults() {
    await engine;
    return JSON.parse(studyResults());
  },
  /** submission.csv's bytes, as `facepoints submit` writes them. */
  async submission({ model, test, lookup }) {
    await engine;
    const [testBytes, lookupBytes] = await Promise.all([test, lookup].map(async (f) => new Uint8Array(await f.arrayBuffer())));
    const bytes = await submissionCsv({ model: new Uint8Array(model), test: testBytes, lookup: lookupBytes });
    return transferring(bytes, [bytes.buffer]);
  },
  parts() {
    const images = dataset.images();
    const coords = dataset.coords();
    const ids = dataset.ids();
    return transferring({ images, coords, ids }, [images.buffer, coords.buffer, ids.buffer]);
  },
  async describeModel({ bytes }) {
    await engine;
    return JSON.parse(describeModel(new Uint8Array(bytes)));
  },
  memory() {
    return memoryBytes();
  },
  async augmentDefaults() {
    await engine;
    return JSON.parse(defaultAugmentConfig());
  },
  async checkAugment({ text }) {
    await engine;
    return JSON.parse(checkAugmentConfig(text));
  },
  async trainingConfig(options) {
    await engine;
    return JSON.parse(trainingConfig(options));
  },
  async modelSize({ model, batch }) {
    await engine;
    return modelSize(model, batch);
  },
};

serveRequests({
  ...handlers,
  ...faceHandlers({ engine: () => engine.then(() => engineModule), textStream: (file) => textStream(file, () => {}) }),
}, {
  cancel() { if (loading) loading.cancelled = true; },
});
