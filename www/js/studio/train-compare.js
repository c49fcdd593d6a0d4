// Before and after a fine-tuning run on your own faces: the model it started from and the
// one it made, on your held-out faces (NME per face and per keypoint, each face drawn with
// both models' points) and on the loaded data's validation faces (RMSE: what it forgot),
// and one click to use the new model in Try it (Try it's “Use the shipped model” goes back).
import { studio } from './state.js';
import { KEYPOINT_NAMES, FACE_PIXELS, drawFace, drawPoints, pretty } from './face-canvas.js';

const $ = (id) => document.getElementById(id);
/** Held-out faces drawn, at most. */
const FACES_SHOWN = 6;
const percent = (v) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : '–');

/** Clears the panel (a new run starts). */
export function clearComparison() {
  $('train-compare').hidden = true;
  for (const key of Object.keys($('train-compare').dataset)) delete $('train-compare').dataset[key];
}

/** How `after` compares with `before` (lower is better), in words; `worse` follows a
 *  higher one. The Train view's score before a fine-tuning run says it the same way. */
export function change(before, after, worse) {
  return after <= before ? `${((1 - after / before) * 100).toFixed(1)}% lower` : `${((after / before - 1) * 100).toFixed(1)}% higher${worse}`;
}

/** `change`, or nothing when there is no error before to compare with. */
const changeFrom = (before, after, worse) => (before > 0 ? change(before, after, worse) : '');

/**
 * Fills the panel: `starting` {from, bytes}, `result` the run's (checkpoint), `heldOut` the
 * held-out face records, `name` the run's name in Runs.
 */
export async function showComparison({ starting, result, heldOut, name }) {
  const panel = $('train-compare');
  const after = new Uint8Array(result.checkpoint.slice(0));
  const [{ scores: [was, now], truth, images }, base] = await Promise.all([
    studio.data.request('scoreFaces', { faces: heldOut, models: [starting.bytes.slice(0), after.slice(0)] }),
    Promise.all([starting.bytes, after].map((bytes) => studio.data.request('evaluate', {
      bytes: bytes.slice(0), rows: studio.dataset.split.valid, flip: false,
    }))),
  ]);
  const [baseBefore, baseAfter] = base.map((b) => b.rmse.overall);
  Object.assign(panel.dataset, {
    before: String(was.mean), after: String(now.mean), baseBefore: String(baseBefore), baseAfter: String(baseAfter),
  });
  $('train-compare-text').textContent = `On your ${heldOut.length} held-out face${heldOut.length > 1 ? 's' : ''}: NME ${percent(was.mean)} with ${starting.from}, ${percent(now.mean)} fine-tuned (${changeFrom(was.mean, now.mean, ': worse on your faces')}). `
    + `On the ${studio.dataset.split.valid.length} validation faces of ${studio.dataset.name}: RMSE ${baseBefore.toFixed(3)} px before, ${baseAfter.toFixed(3)} px after (${changeFrom(baseBefore, baseAfter, ': it forgot some of what it knew')}).`;
  $('train-compare-points').tBodies[0].replaceChildren(...KEYPOINT_NAMES.map((label, k) => {
    const row = document.createElement('tr');
    for (const text of [pretty(label), percent(was.points[k]), percent(now.points[k])]) {
      const cell = document.createElement('td');
      cell.textContent = text;
      row.append(cell);
    }
    return row;
  }));
  const size = 144;
  $('train-compare-faces').replaceChildren(...heldOut.slice(0, FACES_SHOWN).map((face, i) => {
    const figure = document.createElement('figure');
    const canvas = document.createElement('canvas');
    canvas.width = 2 * size + 8;
    canvas.height = size;
    const ctx = canvas.getContext('2d');
    const gray = images.subarray(i * FACE_PIXELS, (i + 1) * FACE_PIXELS);
    const labels = truth.slice(30 * i, 30 * i + 30);
    [was, now].forEach((score, side) => {
      const x = side * (size + 8);
      drawFace(ctx, gray, x, 0, size);
      drawPoints(ctx, labels, { x, size, radius: 4, colour: '#30d158', ring: true });
      drawPoints(ctx, score.predictions.slice(30 * i, 30 * i + 30), { x, size, radius: 2.5 });
    });
    const caption = document.createElement('figcaption');
    caption.textContent = `${face.name}: ${percent(was.nme[i])} → ${percent(now.nme[i])}`;
    figure.append(canvas, caption);
    return figure;
  }));
  $('train-compare-use').onclick = () => studio.emit('use-model', { bytes: after.buffer.slice(0), name });
  panel.hidden = false;
}
