// facepoints — the embeddable API the page itself is built on.
//
//   import { createDetector } from './www/js/facepoints.js';
//   const detector = await createDetector();              // default model, backend 'auto'
//   const faces = await detector.detect(imageOrVideoOrBitmap);
//   // faces: [{box: {x, y, width, height}, score, keypoints: [{name, x, y} × 15]}]
//
// Coordinates are the source image's own pixels (canvas convention: the top-left pixel
// spans [0, 1)). Work runs in a module Worker; this side only posts requests.

import { WorkerClient } from './worker-client.js';

const here = new URL('.', import.meta.url);
export const DEFAULT_MODEL = new URL('../models/default.fpk', here).href;

/** The photo types the page and the CLI read. */
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/**
 * Per-stage timings of one call, in milliseconds, all named `<stage>_ms`:
 * @typedef {object} Timings
 * @property {number} bitmap_ms   decoding or capturing the source on the calling side
 * @property {number} read_ms     reading its pixels in the worker
 * @property {number} call_ms     the engine call, as the worker sees it
 * @property {number} engine_ms   the same call inside the engine
 * @property {number} detect_ms   the face detector (0 when tracking)
 * @property {number} crop_ms     cropping the faces
 * @property {number} predict_ms  the keypoint model
 * @property {number} [draw_ms]   drawing the result (added by the page's camera view)
 */

/** Decodes a photo file (JPEG, PNG or WebP) upright (EXIF orientation applied), or fails
 *  with a message that names the file and says what is wrong with it: the one place where
 *  files are checked. */
export async function decodeImage(file) {
  const name = file.name ? `"${file.name}"` : 'the file';
  if (file.size === 0) throw new Error(`${name} is empty.`);
  if (file.type && !IMAGE_TYPES.includes(file.type)) {
    throw new Error(`${name} is ${file.type}: choose a JPEG, PNG or WebP photo.`);
  }
  try {
    return await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new Error(`${name} could not be read as an image (JPEG, PNG or WebP).`);
  }
}

/** Turns anything drawable (File/Blob, <img>, <video>, <canvas>, ImageBitmap, ImageData,
 *  VideoFrame) into an ImageBitmap the worker can take, EXIF orientation applied. */
function toBitmap(source) {
  return source instanceof Blob ? decodeImage(source) : createImageBitmap(source);
}

/** Runs in a worker. Events: `crash` ({detail: {message}}) when the engine crashed and a
 *  fresh one is being started. */
class Detector extends EventTarget {
  /** @type {'cpu'|'webgpu'} the backend the engine runs on */
  backend;
  /** @type {string} the adapter or CPU, e.g. `flex (CPU)` */
  description;
  /** @type {string} why this backend was chosen */
  reason;
  /** @type {object|null} facts about the WebGPU adapter, when there is one */
  adapter;
  /** @type {string[]} the 15 keypoints' names in Kaggle column order (the engine's) */
  keypointNames;
  /** @type {object} the keypoint model's description (architecture, training summary) */
  model;
  /** @type {number} milliseconds from the worker's start to a warmed-up engine */
  readyMs;
  /** @type {WorkerClient} */
  #worker;
  #options;
  #ready;

  constructor(options) {
    super();
    this.#options = options;
    this.#ready = this.#start();
  }

  /** A new worker and engine; the detector's facts (backend, adapter, model…) come with it. */
  async #start() {
    this.#worker = new WorkerClient(new URL('./worker.js', import.meta.url), undefined, {
      name: 'the detector', onCrash: (message) => this.#restart(message),
    });
    const facts = await this.#post('create', this.#options);
    const { backend, description, reason, adapter, keypointNames, model, readyMs } = facts;
    Object.assign(this, { backend, description, reason, adapter, keypointNames, model, readyMs });
  }

  /** A crashed engine (a Rust panic) is not trusted again: a fresh worker replaces it. */
  #restart(message) {
    this.dispatchEvent(new CustomEvent('crash', { detail: { message } }));
    this.#worker.terminate('the detector crashed and is restarting');
    this.#ready = this.#start();
    this.#ready.catch(() => {}); // the next request reports it
  }

  #post(type, args = {}, transfer = []) {
    return this.#worker.request(type, args, transfer);
  }

  /** Resolves when the engine has started (again, after a crash). */
  get ready() {
    return this.#ready;
  }

  /** Sends a request to the worker once it is ready (resolves to its result). */
  async request(type, args = {}, transfer = []) {
    await this.#ready;
    return this.#post(type, args, transfer);
  }

  /** Sends `source` as a bitmap with a request; adds the time the bitmap took here. */
  async #withBitmap(type, source, args = {}) {
    const t = performance.now();
    const bitmap = await toBitmap(source);
    const bitmapMs = performance.now() - t;
    const result = await this.request(type, { bitmap, ...args }, [bitmap]);
    result.timings.bitmap_ms = bitmapMs;
    return result;
  }

  /** Faces and what each stage took: `{faces, timings}` (see {@link Timings}). */
  detectWithTimings(source) {
    return this.#withBitmap('detect', source);
  }

  /** Faces in an image, best first. */
  async detect(source) {
    return (await this.detectWithTimings(source)).faces;
  }

  /** Follows `faces` (from the previous frame) into `source` without the face detector. */
  trackWithTimings(source, faces) {
    const plain = faces.map(({ box, score, roll, keypoints }) => ({ box, score, roll, keypoints }));
    return this.#withBitmap('track', source, { faces: plain });
  }

  /** Faces followed from the previous frame. */
  async track(source, faces) {
    return (await this.trackWithTimings(source, faces)).faces;
  }

  /** Keypoints of ready 96×96 grayscale faces (Uint8Array, 9,216 bytes each): 30 numbers per
   *  face in the 96×96 face's pixel-centre coordinates, as the CLI prints them. */
  async predictFaces(gray) {
    return this.request('predictFaces', { gray });
  }

  close() {
    this.#worker?.terminate();
  }
}

/**
 * Starts a detector.
 * @param {object} [options]
 * @param {string|ArrayBuffer} [options.model]  a .fpk keypoint model (URL or bytes)
 * @param {'auto'|'cpu'|'webgpu'} [options.backend]  'auto' picks WebGPU only on a hardware adapter
 * @returns {Promise<Detector>} with .backend ('cpu'|'webgpu'), .description (adapter),
 *   .reason, .adapter, .keypointNames, .model (the model's description) and .readyMs
 */
export async function createDetector({ model = DEFAULT_MODEL, backend = 'auto' } = {}) {
  const detector = new Detector({ model, backend });
  try {
    await detector.ready;
  } catch (err) {
    detector.close();
    throw err;
  }
  return detector;
}
