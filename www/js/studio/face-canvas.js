// Drawing 96×96 grayscale faces and their keypoints on a canvas: the explorer, the
// augmentation variants and the training view's best and worst faces.
import { COLORS, side } from '../draw.js';

export const FACE_SIDE = 96;
export const FACE_PIXELS = FACE_SIDE * FACE_SIDE;

/** The keypoints' names in Kaggle column order (a coordinate pair per name). */
export const KEYPOINT_NAMES = [
  'left_eye_center', 'right_eye_center', 'left_eye_inner_corner', 'left_eye_outer_corner',
  'right_eye_inner_corner', 'right_eye_outer_corner', 'left_eyebrow_inner_end', 'left_eyebrow_outer_end',
  'right_eyebrow_inner_end', 'right_eyebrow_outer_end', 'nose_tip', 'mouth_left_corner',
  'mouth_right_corner', 'mouth_center_top_lip', 'mouth_center_bottom_lip',
];

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
