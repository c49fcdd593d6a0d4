// Photo upload: file picker and drag-and-drop, keypoints drawn over the photo (their names
// on hover or tap, and in the legend, never drawn over each other), downloads of the
// annotated PNG and of the keypoints as JSON.
import { drawFaces } from './draw.js';
import { decodeImage } from './facepoints.js';

/** Longest side of the annotated canvas; keypoints are computed on the full image. */
const MAX_CANVAS_SIDE = 2048;

export function setupPhoto({ detector, elements, report }) {
  const { input, drop, canvas, summary, downloadPng, downloadJson, tip, legend } = elements;
  let result = null; // {file, width, height, faces, bitmap}

  function redraw() {
    if (!result) return;
    const { bitmap, width, height, faces } = result;
    const scale = Math.min(1, MAX_CANVAS_SIDE / Math.max(width, height));
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    drawFaces(ctx, faces, { scale });
  }

  /** The keypoint nearest to a pointer on the canvas (within a few face pixels), if any. */
  function nearest(event) {
    if (!result) return null;
    const rect = canvas.getBoundingClientRect();
    const x = (event.clientX - rect.left) * (result.width / rect.width);
    const y = (event.clientY - rect.top) * (result.height / rect.height);
    let best = null;
    for (const face of result.faces) {
      const reach = Math.max(6, face.box.width / 12) ** 2;
      for (const k of face.keypoints) {
        const d = (k.x - x) ** 2 + (k.y - y) ** 2;
        if (d < reach && (!best || d < best.d)) best = { d, k, rect };
      }
    }
    return best;
  }

  function point(event) {
    const hit = nearest(event);
    for (const li of legend.children) li.classList.toggle('active', hit?.k.name === li.dataset.name);
    tip.hidden = !hit;
    if (!hit) return;
    tip.textContent = hit.k.name.replaceAll('_', ' ');
    tip.style.left = `${(hit.k.x / result.width) * hit.rect.width}px`;
    tip.style.top = `${(hit.k.y / result.height) * hit.rect.height}px`;
  }
  canvas.addEventListener('pointermove', point);
  canvas.addEventListener('pointerdown', point);
  canvas.addEventListener('pointerleave', () => { tip.hidden = true; });

  async function show(file) {
    report('');
    if (!file) return;
    summary.textContent = `Looking for faces in ${file.name}…`;
    let bitmap;
    try {
      bitmap = await decodeImage(file);
    } catch (err) {
      summary.textContent = '';
      return report(err.message, 'error');
    }
    try {
      const started = performance.now();
      const { faces, timings } = await detector.detectWithTimings(bitmap); // decoded once, above
      const ms = performance.now() - started;
      // The photo shown before is done with: its decoded pixels go now, not at some later
      // collection (1,000 uploads grew the browser's memory by a fifth without this).
      result?.bitmap.close();
      result = { file, width: bitmap.width, height: bitmap.height, faces, bitmap };
      redraw();
      downloadPng.disabled = downloadJson.disabled = false;
      summary.textContent = faces.length
        ? `${faces.length} face${faces.length > 1 ? 's' : ''} in ${file.name} (${bitmap.width}×${bitmap.height}) — ${ms.toFixed(0)} ms (detect ${timings.detect_ms.toFixed(0)}, crop ${timings.crop_ms.toFixed(0)}, predict ${timings.predict_ms.toFixed(0)})`
        : `No face found in ${file.name}.`;
      if (!faces.length) report(`No face found in "${file.name}". Try a photo where a face is clearly visible and not too small.`, 'warning');
      canvas.dataset.faces = String(faces.length);
      canvas.dispatchEvent(new CustomEvent('faces', { detail: result }));
    } catch (err) {
      if (result?.bitmap !== bitmap) bitmap.close();
      summary.textContent = '';
      report(`Could not process "${file.name}": ${err.message}`, 'error');
    }
  }

  input.addEventListener('change', async () => {
    await show(input.files[0]);
    input.value = ''; // picking the same file again shows it again
  });
  for (const type of ['dragenter', 'dragover']) {
    drop.addEventListener(type, (e) => { e.preventDefault(); drop.classList.add('over'); });
  }
  for (const type of ['dragleave', 'drop']) {
    drop.addEventListener(type, () => drop.classList.remove('over'));
  }
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    show(e.dataTransfer.files[0]);
  });

  function save(blob, name) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  }
  const stem = () => result.file.name.replace(/\.[^.]+$/, '');
  downloadPng.addEventListener('click', () => canvas.toBlob((b) => save(b, `${stem()}-keypoints.png`), 'image/png'));
  downloadJson.addEventListener('click', () => {
    const { file, width, height, faces } = result;
    const json = JSON.stringify({ image: { name: file.name, width, height }, model: detector.model?.model?.name, faces }, null, 2);
    save(new Blob([json], { type: 'application/json' }), `${stem()}-keypoints.json`);
  });
  return { show };
}
