// Whether the faces a detection found are the faces being followed: then the page keeps
// following them from their keypoints (a fresh crop from the detector's box would make
// still keypoints jump). Faces are `{box: {x, y, width, height}}` in the same image's pixels.

/** Overlap of two boxes `{x, y, width, height}` (intersection over union). */
export function iou(a, b) {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  const inter = Math.max(0, w) * Math.max(0, h);
  return inter / (a.width * a.height + b.width * b.height - inter);
}

/** Whether `found` are the faces `followed` (as many, each overlapping one of them). */
export function sameFaces(found, followed) {
  return found.length > 0 && found.length === followed.length
    && followed.every((f) => found.some((g) => iou(f.box, g.box) > 0.5));
}
