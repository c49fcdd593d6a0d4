// Error analysis of one run on the loaded data's validation side: RMSE per keypoint, the
// faces predicted worst for the chosen keypoint (click one for a large view), and predicted
// against true position per coordinate (uPlot scatter, the diagonal is a perfect model).
import uPlot from '../../vendor/uplot/uPlot.esm.js';
import { studio } from './state.js';
import { getModel } from './model-store.js';
import { drawFace, drawPoints, KEYPOINT_NAMES, FACE_PIXELS, pretty } from './face-canvas.js';

const $ = (id) => document.getElementById(id);
const WORST = 8;

export function setupAnalysisPanel({ report }) {
  let state = null; // {name, predictions, truth, images, rows, perKeypoint}
  const plots = {};

  studio.addEventListener('analyse', async ({ detail: id }) => {
    report('');
    const data = studio.dataset;
    if (!data) return report('Load the data first (Data view): a run is analysed on its validation side.', 'error');
    $('analysis').hidden = false;
    $('analysis-status').textContent = 'Predicting the validation faces…';
    $('analysis').scrollIntoView({ block: 'start' });
    try {
      const run = await getModel(id);
      const rows = data.split.valid;
      const [{ predictions, rmse }, faces] = await Promise.all([
        studio.data.request('evaluate', { bytes: run.bytes.slice(0), rows, flip: false }),
        studio.data.request('faces', { rows }),
      ]);
      state = { name: run.name, predictions, truth: faces.coords, images: faces.images, rows, perKeypoint: rmse.per_keypoint };
      $('analysis-status').textContent = `“${run.name}” on the ${rows.length} validation faces of ${data.split.info}: RMSE ${rmse.overall.toFixed(4)} px over ${rmse.count.toLocaleString()} labelled coordinates.`;
      $('analysis').dataset.rmse = String(rmse.overall);
      table();
      const worst = rmse.per_keypoint.reduce((w, v, k) => (v !== null && (w < 0 || v > rmse.per_keypoint[w]) ? k : w), -1);
      choose(Math.max(worst, 0));
    } catch (err) {
      $('analysis-status').textContent = '';
      report(`The run cannot be analysed: ${err.message}`, 'error');
    }
  });

  function table() {
    $('analysis-keypoints').tBodies[0].replaceChildren(...KEYPOINT_NAMES.map((name, k) => {
      const tr = document.createElement('tr');
      tr.dataset.keypoint = String(k);
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'link';
      b.textContent = pretty(name);
      b.addEventListener('click', () => choose(k));
      tr.insertCell().append(b);
      const v = state.perKeypoint[k];
      tr.insertCell().textContent = v === null || v === undefined ? '—' : v.toFixed(3);
      return tr;
    }));
  }

  /** Error (px, x and y together) of each validation face at keypoint `k`, labelled ones only. */
  function errors(k) {
    const out = [];
    for (let i = 0; i < state.rows.length; i++) {
      const [tx, ty] = [state.truth[30 * i + 2 * k], state.truth[30 * i + 2 * k + 1]];
      if (!Number.isFinite(tx) || !Number.isFinite(ty)) continue;
      const [px, py] = [state.predictions[30 * i + 2 * k], state.predictions[30 * i + 2 * k + 1]];
      out.push({ i, error: Math.sqrt(((px - tx) ** 2 + (py - ty) ** 2) / 2), tx, ty, px, py });
    }
    return out;
  }

  function choose(k) {
    for (const tr of $('analysis-keypoints').tBodies[0].rows) tr.classList.toggle('chosen', tr.dataset.keypoint === String(k));
    const all = errors(k);
    $('analysis-keypoint').textContent = `${pretty(KEYPOINT_NAMES[k])}: ${all.length} labelled validation faces`;
    const worst = [...all].sort((a, b) => b.error - a.error).slice(0, WORST);
    $('analysis-worst').dataset.count = String(worst.length);
    $('analysis-worst').replaceChildren(...worst.map((w) => {
      const figure = document.createElement('figure');
      const canvas = Object.assign(document.createElement('canvas'), { width: 96, height: 96 });
      canvas.tabIndex = 0;
      canvas.setAttribute('role', 'button');
      canvas.setAttribute('aria-label', `Validation face ${state.rows[w.i] + 1}, ${w.error.toFixed(2)} px off: large view`);
      draw(canvas, w.i, k);
      const open = () => enlarge(w, k);
      canvas.addEventListener('click', open);
      canvas.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') open(); });
      const caption = document.createElement('figcaption');
      caption.textContent = `row ${state.rows[w.i] + 1}: ${w.error.toFixed(2)} px`;
      figure.append(canvas, caption);
      return figure;
    }));
    if (worst.length) enlarge(worst[0], k);
    scatter('x', all.map((e) => [e.tx, e.px]));
    scatter('y', all.map((e) => [e.ty, e.py]));
  }

  function draw(canvas, i, k) {
    const ctx = canvas.getContext('2d');
    drawFace(ctx, state.images.subarray(i * FACE_PIXELS, (i + 1) * FACE_PIXELS), 0, 0, canvas.width);
    const only = (coords) => coords.map((v, c) => (Math.floor(c / 2) === k ? v : NaN));
    const truth = Array.from(state.truth.subarray(30 * i, 30 * i + 30));
    const predicted = Array.from(state.predictions.subarray(30 * i, 30 * i + 30));
    drawPoints(ctx, only(truth), { size: canvas.width, radius: canvas.width / 40, colour: '#30d158', ring: true });
    drawPoints(ctx, only(predicted), { size: canvas.width, radius: canvas.width / 48 });
  }

  function enlarge(w, k) {
    const canvas = $('analysis-large');
    const ctx = canvas.getContext('2d');
    drawFace(ctx, state.images.subarray(w.i * FACE_PIXELS, (w.i + 1) * FACE_PIXELS), 0, 0, canvas.width);
    drawPoints(ctx, Array.from(state.truth.subarray(30 * w.i, 30 * w.i + 30)), { size: canvas.width, radius: 5, colour: '#30d158', ring: true });
    drawPoints(ctx, Array.from(state.predictions.subarray(30 * w.i, 30 * w.i + 30)), { size: canvas.width, radius: 4 });
    canvas.dataset.row = String(state.rows[w.i] + 1);
    $('analysis-large-caption').textContent = `Validation row ${state.rows[w.i] + 1}: ${pretty(KEYPOINT_NAMES[k])} ${w.error.toFixed(2)} px off (true ${w.tx.toFixed(1)}, ${w.ty.toFixed(1)}; predicted ${w.px.toFixed(1)}, ${w.py.toFixed(1)}). Green rings: the labels; red and blue: the prediction.`;
  }

  function scatter(axis, pairs) {
    const box = $(`analysis-scatter-${axis}`);
    plots[axis]?.destroy();
    box.replaceChildren();
    box.dataset.points = String(pairs.length);
    if (!pairs.length) return;
    pairs.sort((a, b) => a[0] - b[0]);
    const xs = pairs.map((p) => p[0]);
    plots[axis] = new uPlot({
      width: Math.max(240, box.clientWidth || 300), height: 240,
      scales: { x: { time: false } },
      legend: { live: false },
      axes: [{ label: `true ${axis} (px)`, stroke: 'currentColor' }, { label: `predicted ${axis} (px)`, stroke: 'currentColor', size: 50 }],
      series: [
        { label: `true ${axis}` },
        { label: 'predicted', stroke: '#2457d6', paths: () => null, points: { show: true, size: 5, fill: '#2457d6' } },
        { label: 'perfect', stroke: '#999', width: 1, points: { show: false } },
      ],
    }, [xs, pairs.map((p) => p[1]), xs], box);
  }
}
