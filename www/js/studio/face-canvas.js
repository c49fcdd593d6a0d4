// Drawing 96×96 grayscale faces and their keypoints on a canvas: the explorer, the
// augmentation variants and the training view's best and worst faces.
import { COLORS, side } from '../draw.js';

export const FACE_SIDE = 96;
export const FACE_PIXELS = FACE_SIDE * FACE_SIDE;

/**
 * The keypoints' names in Kaggle column order (a coordinate pair per name), as the engine
 * defines them (`keypoints::KEYPOINT_NAMES`, sent with a started detector and a loaded data
 * set): empty until the first engine answers, then the same array for good.
 */
export const KEYPOINT_NAMES = [];

/** Takes the engine's keypoint names (the first call fills KEYPOINT_NAMES; later ones must agree). */
export function adoptKeypointNames(names) {
  if (!KEYPOINT_NAMES.length) KEYPOINT_NAMES.push(...names);
  else if (names.join() !== KEYPOINT_NAMES.join()) throw new Error(`the engines disagree on the keypoints' names: ${names.join(', ')}`);
}

export const pretty = (name) => name.replaceAll('_', ' ');

let scratch = null;

/** Draws `gray` (9,216 bytes) at (x, y), `size` pixels wide. */
export function drawFace(ctx, gray, x = 0, y = 0, size = FACE_SIDE) {
  if (!scratch) scratch = new OffscreenCanvas(FACE_SIDE, FACE_SIDE).getContext('2d');
  const image = scratch.createImageData(FACE_SIDE, FACE_SIDE);
  for (let i = 0; i < FACE_PIXELS; i++) {
    const v = gray[i];
    image.data[4 * i] = v; image.data[4 * i + 1] = v; image.data[4 * i + 2] = v; image.data[4 * i + 3] = 255;
  }
  scratch.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = size < FACE_SIDE;
  ctx.drawImage(scratch.canvas, x, y, size, size);
}

/**
 * Draws the keypoints of `coords` (30 numbers, face pixels; NaN or null: missing), placed
 * like a face drawn at (x, y), `size` wide. Colours: subject-left, subject-right, centre;
 * `colour` forces one colour (the labels beside a prediction); `numbers` writes each
 * keypoint's 1-based number beside it.
 */
export function drawPoints(ctx, coords, { x = 0, y = 0, size = FACE_SIDE, radius = 2.5, colour = null, numbers = false, ring = false } = {}) {
  const scale = size / FACE_SIDE;
  ctx.save();
  ctx.font = `${Math.max(10, Math.round(radius * 4))}px system-ui, sans-serif`;
  ctx.lineWidth = Math.max(1, radius / 2);
  KEYPOINT_NAMES.forEach((name, k) => {
    const px = coords[2 * k];
    const py = coords[2 * k + 1];
    if (px === null || py === null || Number.isNaN(px) || Number.isNaN(py)) return;
    // Pixel centres: coordinate c covers the pixel [c, c + 1).
    const cx = x + (px + 0.5) * scale;
    const cy = y + (py + 0.5) * scale;
    ctx.fillStyle = ctx.strokeStyle = colour ?? COLORS[side(name)];
    ctx.beginPath();
    ctx.arc(cx, cy, radius, 0, 2 * Math.PI);
    if (ring) ctx.stroke(); else ctx.fill();
    if (numbers) {
      ctx.strokeStyle = 'rgba(0,0,0,0.8)';
      ctx.lineWidth = 3;
      ctx.strokeText(String(k + 1), cx + radius + 1, cy - radius);
      ctx.fillText(String(k + 1), cx + radius + 1, cy - radius);
    }
  });
  ctx.restore();
}
