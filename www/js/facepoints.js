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
import { workerUrl } from './wasm-features.js';
import { CanvasReader, canReadPlanes, readVideoPlanes } from './frame-pixels.js';
import { sameFaces } from './follow.js';

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

/** Faces as the worker takes them (what `detect` gave, without anything added since). */
function plain(faces) {
  return faces.map(({ box, score, roll, keypoints }) => ({ box, score, roll, keypoints }));
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
  /** @type {number|null} how many threads the CPU engine runs on (null on WebGPU) */
  threads;
  /** @type {string} why that many */
  threadsReason;
  /** @type {boolean} whether the engine has SIMD (false: pkg/cpu-nosimd, where the browser has
   *  no wasm SIMD or the page's address asks `?simd=0`; the reason is threadsReason) */
  simd;
  /** @type {boolean} whether the CPU engine is one built with relaxed SIMD (pkg/cpu-relaxed,
   *  pkg/cpu-mt-relaxed: fused multiply-adds), where the browser has it; false on WebGPU */
  relaxed;
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
  #from;
  /** The canvas video frames are read through when their planes cannot be (`#read`). */
  #reader = new CanvasReader();
  /** The window to look for faces in, for the video size it was asked for. */
  #detectWindow = null;
  /** A second detector that looks for faces in video frames beside the one that follows
   *  them (`#spot`), so a frame never waits for the face detector while faces are followed;
   *  started with the first such look. */
  #spotter = null;
  /** The look in progress, and the faces the last one found (not yet compared). */
  #spotting = null;
  #spotted = null;
  /** False once the second detector failed to start. */
  #canSpot = true;

  /** `video`: start the second detector (`#spotter`) now, beside the first, rather than at
   *  the first video frame that looks for faces (its worker would then load mid-stream).
   *  `from`: a started detector whose model, weights and compiled engine this one takes
   *  (nothing is fetched twice). */
  constructor(options, { video = false, from = null } = {}) {
    super();
    this.#options = options;
    this.#from = from;
    this.#ready = this.#start();
    if (video) this.#spotter = this.#second();
  }

  /** A second detector made from this one's resources (its worker's scripts load now, its
   *  engine once this one runs). If it cannot start, frames look for faces themselves. */
  #second() {
    const second = new Detector(this.#options, { from: this });
    second.ready.catch(() => { this.#canSpot = false; });
    return second;
  }

  /** A new worker and engine; the detector's facts (backend, adapter, model…) come with it. */
  async #start() {
    this.#worker = new WorkerClient(workerUrl(new URL('./worker.js', import.meta.url)), undefined, {
      name: 'the detector', onCrash: (message) => this.#restart(message),
    });
    // A second detector loads its scripts now, its engine from the first one's resources.
    if (this.#from) await this.#post('prepare', { backend: this.#options.backend, threads: this.#options.threads });
    const given = this.#from && await this.#from.ready.then(() => this.#from.request('resources'));
    const facts = await this.#post('create', given ?? this.#options);
    const { backend, description, reason, threads, threadsReason, simd, relaxed, adapter, keypointNames, model, readyMs } = facts;
    Object.assign(this, { backend, description, reason, threads, threadsReason, simd, relaxed, adapter, keypointNames, model, readyMs });
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

  /** Follows `faces` (from the previous frame) into `source` without the face detector,
   *  reading only the region around them. */
  trackWithTimings(source, faces) {
    return this.#withBitmap('track', source, { faces: plain(faces) });
  }

  /** A video frame's faces in one request. `previous` is what this gave for the frame
   *  before (or null): its faces are followed into `source` from the region around them.
   *  With `detect`, faces are looked for in the background, in a second worker, so the
   *  frame does not wait; when that look (or the one before) found other faces than those
   *  followed, or none are followed, this frame looks for them itself, in a shrunk copy of
   *  the frame, and follows the faces found. `source` is read here, only where needed (see
   *  `#read`). Resolves to `{faces, window, detected, timings}` (`window`: the region the
   *  next frame needs; `detected`: whether this frame ran the detector). */
  async followWithTimings(source, previous, { detect = false } = {}) {
    const t = performance.now();
    const [width, height] = source instanceof HTMLVideoElement
      ? [source.videoWidth, source.videoHeight]
      : [source.width, source.height];
    const faces = previous?.window ? previous.faces : [];
    // While faces are followed, `detect` looks in the background (`#spot`); only when that
    // found other faces does a frame wait for the detector.
    const spotted = this.#spotted;
    this.#spotted = null;
    const detectNow = faces.length === 0 || (spotted !== null && !sameFaces(spotted.faces, faces));
    if (detect && !detectNow && this.#canSpot) this.#spot(source);
    if (detectNow && this.#detectWindow?.key !== `${width}x${height}`) {
      const window = await this.request('windowToDetect', { width, height });
      this.#detectWindow = { key: `${width}x${height}`, window };
    }
    const detectFrame = detectNow ? await this.#read(source, this.#detectWindow.window) : null;
    const frame = faces.length ? await this.#read(source, previous.window) : null;
    const readMs = performance.now() - t;
    const transfer = [detectFrame, frame].filter(Boolean).map((f) => (f.planes ?? f.rgba).buffer);
    const result = await this.request('follow', {
      detectFrame, frame, faces: plain(faces), window: previous?.window ?? null, width, height,
    }, transfer);
    // spot_ms: how long the look whose faces this frame compared took (0: none).
    Object.assign(result.timings, { read_ms: readMs, bitmap_ms: 0, spot_ms: spotted?.ms ?? 0 });
    return result;
  }

  /** Looks for faces in `source` in the spotter's worker, unless a look is in progress;
   *  the faces it finds wait in `#spotted` for the next frame. */
  #spot(source) {
    if (this.#spotting) return;
    this.#spotter ??= this.#second();
    const spotter = this.#spotter;
    this.#spotting = spotter.ready
      .then(() => spotter.detectWithTimings(source))
      .then(({ faces, timings }) => {
        if (this.#spotter === spotter) this.#spotted = { faces, ms: timings.bitmap_ms + timings.worker_ms };
      })
      .catch(() => {}) // a failed look changes nothing: the faces go on being followed
      .finally(() => { this.#spotting = null; });
  }

  /** The RGBA pixels of `window` (`{x, y, width, height, readWidth, readHeight}`) of a
   *  drawable `source`, as a frame for the engine: a video's region through its planes, at
   *  the region's own size (the engine takes any size), else drawn into a canvas. (A
   *  region drawn from a playing <video> costs 10–30 ms here, its planes 2–3 ms; an
   *  ImageBitmap's pixels read back in a worker 15–25 ms: docs/performance.md.) */
  async #read(source, window) {
    if (canReadPlanes && source instanceof HTMLVideoElement) {
      const frame = await readVideoPlanes(source, window);
      if (frame) return frame; // made RGBA in the worker
    }
    return this.#reader.read(source, window);
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
    this.#spotter?.close();
    this.#spotter = null;
  }
}

/**
 * Starts a detector.
 * @param {object} [options]
 * @param {string|ArrayBuffer} [options.model]  a .fpk keypoint model (URL or bytes)
 * @param {'auto'|'cpu'|'webgpu'} [options.backend]  'auto' picks WebGPU only on a hardware adapter
 * @param {'auto'|number} [options.threads]  the CPU engine's threads: 'auto' one per core (up
 *   to 4) where the page is cross-origin isolated and the browser has wasm threads; 1 the
 *   single-threaded engine (the page's `?simd=0` runs the engine without SIMD, as a browser
 *   without wasm SIMD does; `?relaxed=0` the engines without relaxed SIMD, as a browser
 *   without it does)
 * @param {boolean} [options.video]  will follow video (`followWithTimings`): also starts the
 *   worker that looks for faces beside the one following them now (it loads its scripts at
 *   once and its engine when the first runs), rather than mid-stream
 * @returns {Promise<Detector>} with .backend ('cpu'|'webgpu'), .description (adapter),
 *   .reason, .threads (the CPU engine's; null on WebGPU) and .threadsReason, .simd, .relaxed, .adapter,
 *   .keypointNames, .model (the model's description) and .readyMs
 */
export async function createDetector({ model = DEFAULT_MODEL, backend = 'auto', threads = 'auto', video = false } = {}) {
  const detector = new Detector({ model, backend, threads }, { video });
  try {
    await detector.ready;
  } catch (err) {
    detector.close();
    throw err;
  }
  return detector;
}
