// The Data view's grid of every face, virtualised (only the visible faces are fetched from
// the data worker and drawn), and the large view of one face with its keypoints listed.
import { studio } from './state.js';
import { drawFace, drawPoints, KEYPOINT_NAMES, pretty } from './face-canvas.js';

const $ = (id) => document.getElementById(id);
const CELL = 104; // a face (96 px) and its gap
const CACHE_LIMIT = 3000; // faces kept for redrawing

/** The virtualised face grid: only the visible faces are fetched and drawn. */
export function setupGrid() {
  const box = $('data-grid');
  const canvas = $('data-grid-canvas');
  const spacer = $('data-grid-spacer');
  box.prepend(canvas); // sticky at the top of the scrolled box, the spacer gives the height
  const ctx = canvas.getContext('2d');
  const cache = new Map(); // row → {image, coords}
  let rows = new Uint32Array(0);
  let frame = 0;
  let fetching = null;

  const columns = () => Math.max(1, Math.floor(box.clientWidth / CELL));

  function layout() {
    const ratio = devicePixelRatio || 1;
    const width = box.clientWidth;
    const height = box.clientHeight;
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const total = Math.ceil(rows.length / columns()) * CELL;
    spacer.style.height = `${Math.max(0, total - height)}px`;
  }

  function visible() {
    const cols = columns();
    const first = Math.floor(box.scrollTop / CELL) * cols;
    const last = Math.min(rows.length, first + (Math.ceil(box.clientHeight / CELL) + 1) * cols);
    return { first, last, cols };
  }

  async function draw() {
    frame = 0;
    const { first, last, cols } = visible();
    const missing = [];
    for (let i = first; i < last; i++) if (!cache.has(rows[i])) missing.push(rows[i]);
    if (missing.length && !fetching) {
      fetching = studio.data.request('faces', { rows: missing }).then(({ images, coords }) => {
        missing.forEach((row, j) => cache.set(row, { image: images.subarray(j * 9216, (j + 1) * 9216), coords: coords.subarray(j * 30, (j + 1) * 30) }));
        while (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value);
      }).finally(() => { fetching = null; schedule(); });
    }
    const ratio = devicePixelRatio || 1;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const offset = box.scrollTop % CELL;
    for (let i = first; i < last; i++) {
      const face = cache.get(rows[i]);
      const x = ((i - first) % cols) * CELL + 4;
      const y = Math.floor((i - first) / cols) * CELL + 4 - offset;
      if (!face) {
        ctx.fillStyle = 'rgba(127,127,127,0.25)';
        ctx.fillRect(x, y, 96, 96);
        continue;
      }
      drawFace(ctx, face.image, x, y, 96);
      drawPoints(ctx, face.coords, { x, y, size: 96, radius: 1.6 });
    }
    canvas.dataset.drawn = String(last - first);
  }

  function schedule() {
    if (!frame) frame = requestAnimationFrame(draw);
  }

  box.addEventListener('scroll', schedule, { passive: true });
  new ResizeObserver(() => { layout(); schedule(); }).observe(box);

  box.addEventListener('click', (e) => {
    const rect = box.getBoundingClientRect();
    const col = Math.floor((e.clientX - rect.left) / CELL);
    const line = Math.floor((e.clientY - rect.top + box.scrollTop) / CELL);
    const i = line * columns() + col;
    if (col < columns() && i < rows.length) openFace(rows[i]);
  });
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && rows.length) openFace(rows[visible().first]);
  });

  return {
    async show(kind, keypoint = 0) {
      rows = await studio.data.request('filter', { kind, keypoint });
      if (kind === 'all') cache.clear();
      box.scrollTop = 0;
      $('data-shown').textContent = `${rows.length.toLocaleString()} faces`;
      box.dataset.rows = String(rows.length);
      layout();
      schedule();
    },
  };
}

async function openFace(row) {
  const { images, coords } = await studio.data.request('faces', { rows: [row] });
  const canvas = $('face-dialog-canvas');
  const ctx = canvas.getContext('2d');
  drawFace(ctx, images, 0, 0, canvas.width);
  drawPoints(ctx, coords, { size: canvas.width, radius: 5, numbers: true });
  $('face-dialog-title').textContent = `Face ${row + 1}`;
  $('face-dialog-list').replaceChildren(...KEYPOINT_NAMES.map((name, k) => {
    const li = document.createElement('li');
    const [x, y] = [coords[2 * k], coords[2 * k + 1]];
    li.textContent = `${k + 1}. ${pretty(name)}: ${Number.isNaN(x) ? 'missing' : `(${x.toFixed(1)}, ${y.toFixed(1)})`}`;
    return li;
  }));
  $('face-dialog').showModal();
}
