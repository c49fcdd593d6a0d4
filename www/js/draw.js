// Drawing faces over an image: box and 15 keypoints (subject-left points in one colour,
// subject-right in another, centre line in a third); names only when asked (the page shows
// them on hover and in its legend instead, since 15 labels on a face overlap).

export const COLORS = { left: '#ff3b30', right: '#0a84ff', centre: '#ffd60a', box: '#30d158' };

export function side(name) {
  if (name.startsWith('left_') || name === 'mouth_left_corner') return 'left';
  if (name.startsWith('right_') || name === 'mouth_right_corner') return 'right';
  return 'centre';
}

/**
 * @param {CanvasRenderingContext2D} ctx
 * @param {Array} faces  as createDetector().detect returns them, in image pixels
 * @param {{scale?: number, names?: boolean}} [options]  scale: canvas pixels per image pixel
 */
export function drawFaces(ctx, faces, { scale = 1, names = false } = {}) {
  const unit = Math.max(1.5, ctx.canvas.width / 400);
  ctx.save();
  ctx.lineWidth = unit;
  for (const { box, keypoints } of faces) {
    ctx.strokeStyle = COLORS.box;
    ctx.strokeRect(box.x * scale, box.y * scale, box.width * scale, box.height * scale);
    const radius = Math.max(2, box.width * scale / 60);
    for (const { name, x, y } of keypoints) {
      ctx.fillStyle = COLORS[side(name)];
      ctx.beginPath();
      ctx.arc(x * scale, y * scale, radius, 0, 2 * Math.PI);
      ctx.fill();
    }
    if (names) {
      ctx.font = `${Math.round(4 * unit + 4)}px system-ui, sans-serif`;
      ctx.lineWidth = unit * 1.5;
      ctx.strokeStyle = 'rgba(0,0,0,0.7)';
      for (const { name, x, y } of keypoints) {
        ctx.fillStyle = COLORS[side(name)];
        const label = name.replaceAll('_', ' ');
        ctx.strokeText(label, x * scale + radius + 2, y * scale - radius);
        ctx.fillText(label, x * scale + radius + 2, y * scale - radius);
      }
    }
  }
  ctx.restore();
}
