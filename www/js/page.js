// Page wiring: the views (tabs with a URL hash each), the colour scheme, the detector behind
// the Try-it view (swappable for a model trained in the studio), the studio's views, and
// every error shown on the page.
import { createDetector } from './facepoints.js';
import { requestedThreads } from './threads.js';
import { setupPhoto } from './photo.js';
import { setupCamera } from './camera.js';
import { side } from './draw.js';
import { KEYPOINT_NAMES, adoptKeypointNames, pretty } from './studio/face-canvas.js';
import { studio } from './studio/state.js';

const $ = (id) => document.getElementById(id);
const VIEWS = ['try', 'faces', 'data', 'augment', 'train', 'experiments', 'models'];

function report(message, level = 'error') {
  const box = $('message');
  box.textContent = message;
  box.className = message ? level : '';
  box.hidden = !message;
}

window.addEventListener('error', (e) => report(`Unexpected error: ${e.message}`));
window.addEventListener('unhandledrejection', (e) => report(`Unexpected error: ${e.reason?.message ?? e.reason}`));

// The studio's views are most of the page's code and work without the detector (their engine
// runs in their own workers): they load once the detector runs or has failed, so they do not
// take the CPU from it (cold start: docs/performance.md), unless a studio view is opened first
// or the detector takes longer than this.
const STUDIO_AT_LATEST_MS = 3000;
let studioLoad = null;

/** Loads and wires the studio's views, once; the view shown is told again after. */
function loadStudio() {
  studioLoad ??= import('./studio/views.js')
    .then(({ setupStudio }) => {
      setupStudio({ report });
      document.body.dataset.studio = 'ready';
      route();
    })
    .catch((err) => report(`The studio could not start: ${err.message}`));
  return studioLoad;
}

/** Shows the view the URL hash names (Try it by default). */
function route() {
  const view = VIEWS.includes(location.hash.slice(1)) ? location.hash.slice(1) : 'try';
  if (view !== 'try') loadStudio();
  for (const section of document.querySelectorAll('main > .view')) section.hidden = section.dataset.view !== view;
  for (const tab of document.querySelectorAll('.tabs a')) {
    if (tab.dataset.view === view) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
  document.body.dataset.view = view;
  studio.emit('view', view); // a studio view starts its worker when first shown
  window.dispatchEvent(new Event('resize')); // charts and grids size themselves when shown
}

/** Light, dark, or the system's scheme (remembered in this browser). */
function setupTheme() {
  const order = ['system', 'light', 'dark'];
  const apply = (theme) => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
    $('theme-toggle').setAttribute('aria-label', `Colour scheme: ${theme === 'system' ? 'follows the system' : theme}`);
    $('theme-toggle').title = $('theme-toggle').getAttribute('aria-label');
  };
  let theme = localStorage.getItem('facepoints-theme') ?? 'system';
  apply(theme);
  $('theme-toggle').addEventListener('click', () => {
    theme = order[(order.indexOf(theme) + 1) % order.length];
    localStorage.setItem('facepoints-theme', theme);
    apply(theme);
  });
}

function setupLegend() {
  $('legend').replaceChildren(...KEYPOINT_NAMES.map((name) => {
    const li = document.createElement('li');
    li.dataset.name = name;
    const dot = document.createElement('span');
    dot.className = `swatch ${side(name)}`;
    li.append(dot, ` ${pretty(name)}`);
    return li;
  }));
}

/** The Try-it views talk to this stand-in, so the model behind it can be swapped: it
 *  forwards everything to the current detector (`.current`). */
function detectorHolder(first) {
  const holder = { current: first };
  return new Proxy(holder, {
    get(target, key) {
      if (key === 'current') return target.current;
      const value = target.current[key];
      return typeof value === 'function' ? value.bind(target.current) : value;
    },
    set(target, key, value) {
      if (key !== 'current') return false;
      target.current = value;
      return true;
    },
  });
}

function describeModel(detector, name) {
  const summary = detector.model?.summary;
  const model = detector.model?.model;
  $('model-info').textContent = model
    ? `Model: ${name ? `“${name}” (${model.name})` : model.name}${summary ? `, validation RMSE ${summary.valid_rmse.toFixed(2)} px (${summary.split})` : ''}`
    : '';
  $('use-shipped').hidden = !name;
}

async function main() {
  setupTheme();

  const params = new URLSearchParams(location.search);
  const requested = ['cpu', 'webgpu'].includes(params.get('backend')) ? params.get('backend') : 'auto';
  $('backend-select').value = requested;
  // `?threads=1` runs the single-threaded CPU engine (the default: one thread per core);
  // `?simd=0` the CPU engine without SIMD, as a browser without wasm SIMD does, `?relaxed=0`
  // the CPU engines without relaxed SIMD (each worker reads them from its own address:
  // wasm-features.js workerUrl).
  const threads = requestedThreads(location.search);
  $('backend-select').addEventListener('change', (e) => {
    params.set('backend', e.target.value);
    location.search = params.toString();
  });

  window.facepoints = { studio };
  window.addEventListener('hashchange', route);
  route();

  // The detector starts first; the studio loads after it (loadStudio), or sooner when a studio
  // view is opened, or after STUDIO_AT_LATEST_MS whatever the detector does.
  setTimeout(loadStudio, STUDIO_AT_LATEST_MS);
  const badge = $('badge');
  let detector;
  try {
    detector = await createDetector({ backend: requested, threads, video: true });
  } catch (err) {
    badge.textContent = 'not running';
    badge.dataset.backend = 'none';
    $('loading').hidden = true;
    report(`The detector could not start: ${err.message}`);
    studio.detectorError = err.message;
    await loadStudio();
    return;
  }
  adoptKeypointNames(detector.keypointNames);
  setupLegend();
  const cpuThreads = !detector.simd ? 'no SIMD' : detector.threads === 1 ? 'one thread' : `${detector.threads} threads`;
  const cpu = `CPU (wasm, ${cpuThreads}${detector.relaxed ? ', relaxed SIMD' : ''})`;
  badge.textContent = detector.backend === 'webgpu' ? `WebGPU · ${detector.description}` : `${cpu} · ${detector.description}`;
  badge.dataset.backend = detector.backend;
  badge.title = detector.reason;
  const threadsReason = detector.backend === 'webgpu' ? '' : `; ${detector.threadsReason}`;
  $('backend-reason').textContent = `${detector.reason}${threadsReason}; ready in ${(detector.readyMs / 1000).toFixed(1)} s`;
  describeModel(detector);
  $('loading').hidden = true;
  const onCrash = (e) => report(e.detail.message);
  detector.addEventListener('crash', onCrash);
  const holder = detectorHolder(detector);

  /** Swaps the keypoint model behind Try it; the old detector stays until the new one runs. */
  async function useModel(model, name) {
    report(name ? `Starting “${name}”…` : 'Starting the shipped model…', 'info');
    try {
      const next = await createDetector({ model, backend: requested, threads, video: true });
      next.addEventListener('crash', onCrash);
      const old = holder.current;
      holder.current = next;
      old.close();
      describeModel(next, name);
      document.body.dataset.model = name ?? 'shipped';
      report('');
      location.hash = '#try';
    } catch (err) {
      report(`${name ?? 'The model'} cannot be used: ${err.message}`, 'error');
    }
  }
  studio.addEventListener('use-model', (e) => useModel(e.detail.bytes, e.detail.name));
  $('use-shipped').addEventListener('click', () => useModel(undefined, undefined));

  setupPhoto({
    detector: holder, report,
    elements: {
      input: $('photo-input'), drop: $('photo-drop'), canvas: $('photo-canvas'), summary: $('photo-summary'),
      downloadPng: $('download-png'), downloadJson: $('download-json'), tip: $('photo-tip'), legend: $('legend'),
    },
  });
  setupCamera({
    detector: holder, report,
    elements: {
      video: $('camera-video'), canvas: $('camera-canvas'), start: $('camera-start'), stop: $('camera-stop'),
      select: $('camera-select'), smoothing: $('camera-smoothing'), every: $('camera-every'), stats: $('camera-stats'),
    },
  });
  studio.detector = holder; // Your faces captures with it
  window.facepoints = { detector: holder, studio };
  document.body.dataset.detector = 'ready'; // Try it works from here
  await loadStudio();
  document.body.dataset.ready = 'true'; // and the studio
}

main();
