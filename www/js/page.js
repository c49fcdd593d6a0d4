// Page wiring: start the detector behind the loading indicator, show the backend badge,
// connect the photo and camera panels, and show every error on the page.
import { createDetector } from './facepoints.js';
import { setupPhoto } from './photo.js';
import { setupCamera } from './camera.js';

const $ = (id) => document.getElementById(id);

function report(message, level = 'error') {
  const box = $('message');
  box.textContent = message;
  box.className = message ? level : '';
  box.hidden = !message;
}

window.addEventListener('error', (e) => report(`Unexpected error: ${e.message}`));
window.addEventListener('unhandledrejection', (e) => report(`Unexpected error: ${e.reason?.message ?? e.reason}`));

async function main() {
  const params = new URLSearchParams(location.search);
  const requested = ['cpu', 'webgpu'].includes(params.get('backend')) ? params.get('backend') : 'auto';
  $('backend-select').value = requested;
  $('backend-select').addEventListener('change', (e) => {
    params.set('backend', e.target.value);
    location.search = params.toString();
  });

  const badge = $('badge');
  let detector;
  try {
    detector = await createDetector({ backend: requested });
  } catch (err) {
    badge.textContent = 'not running';
    badge.dataset.backend = 'none';
    $('loading').hidden = true;
    report(`The detector could not start: ${err.message}`);
    return;
  }
  badge.textContent = detector.backend === 'webgpu' ? `WebGPU · ${detector.description}` : `CPU (wasm) · ${detector.description}`;
  badge.dataset.backend = detector.backend;
  badge.title = detector.reason;
  $('backend-reason').textContent = `${detector.reason}; ready in ${(detector.readyMs / 1000).toFixed(1)} s`;
  const summary = detector.model?.summary;
  $('model-info').textContent = detector.model?.model
    ? `Model: ${detector.model.model.name}${summary ? `, validation RMSE ${summary.valid_rmse.toFixed(2)} px (${summary.split})` : ''}`
    : '';
  $('loading').hidden = true;
  document.body.dataset.ready = 'true';
  detector.addEventListener('crash', (e) => report(e.detail.message));

  setupPhoto({
    detector, report,
    elements: {
      input: $('photo-input'), drop: $('photo-drop'), canvas: $('photo-canvas'), summary: $('photo-summary'),
      downloadPng: $('download-png'), downloadJson: $('download-json'), names: $('photo-names'),
    },
  });
  setupCamera({
    detector, report,
    elements: {
      video: $('camera-video'), canvas: $('camera-canvas'), start: $('camera-start'), stop: $('camera-stop'),
      select: $('camera-select'), smoothing: $('camera-smoothing'), every: $('camera-every'), stats: $('camera-stats'),
    },
  });
  window.facepoints = { detector };
}

main();
