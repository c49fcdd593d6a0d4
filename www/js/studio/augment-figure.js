// One augmented variant of a face as the Augment view shows it: the face in a margin, its
// keypoints, crosses where steps pushed keypoints out of the frame, and a caption with the
// steps in order.
import { drawFace, drawPoints, FACE_SIDE } from './face-canvas.js';

const MARGIN = 24; // face pixels around the face, where pushed-out keypoints are drawn
const SCALE = 2;

export function variantFigure(variant, title) {
  const fig = document.createElement('figure');
  fig.className = 'variant';
  const canvas = document.createElement('canvas');
  const side = (FACE_SIDE + 2 * MARGIN) * SCALE;
  canvas.width = canvas.height = side;
  canvas.setAttribute('aria-label', `${title}: ${variant.steps.join(', ') || 'unchanged'}`);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = 'rgba(127,127,127,0.18)';
  ctx.fillRect(0, 0, side, side);
  const at = MARGIN * SCALE;
  drawFace(ctx, variant.image, at, at, FACE_SIDE * SCALE);
  drawPoints(ctx, variant.coords, { x: at, y: at, size: FACE_SIDE * SCALE, radius: 3 });
  // Keypoints the steps pushed out of the frame: rings where they went (inside the margin
  // when they landed near), counted as missing.
  for (const p of variant.pushed_out) {
    const x = Math.min(side - 4, Math.max(4, at + (p.x + 0.5) * SCALE));
    const y = Math.min(side - 4, Math.max(4, at + (p.y + 0.5) * SCALE));
    ctx.strokeStyle = '#ff453a';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(x - 4, y - 4); ctx.lineTo(x + 4, y + 4);
    ctx.moveTo(x + 4, y - 4); ctx.lineTo(x - 4, y + 4);
    ctx.stroke();
  }
  fig.append(canvas);
  const caption = document.createElement('figcaption');
  const steps = variant.steps.length ? variant.steps.map((s, i) => `${i + 1}. ${s}`).join(' → ') : (title === 'original' ? 'original' : 'no step drawn');
  caption.textContent = `${title}: ${steps}`;
  if (variant.pushed_out.length) {
    const out = document.createElement('span');
    out.className = 'out';
    out.textContent = ` · ${variant.pushed_out.length} keypoint${variant.pushed_out.length > 1 ? 's' : ''} pushed out (now missing): ${variant.pushed_out.map((p) => p.name.replaceAll('_', ' ')).join(', ')}`;
    caption.append(out);
  }
  fig.append(caption);
  fig.dataset.flipped = String(variant.flipped);
  fig.dataset.pushedOut = String(variant.pushed_out.length);
  return fig;
}
