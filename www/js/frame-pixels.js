// A frame's pixels for the engine (`{rgba, width, height, window}`), read two ways:
// - through a 2D canvas (`CanvasReader`): any drawable source, whole or a window of it;
// - for a <video>, through WebCodecs: `new VideoFrame` and `copyTo` of a region's planes as
//   the camera gave them (NV12 or I420) on the page's thread, turned into RGBA in the worker
//   (`toFrame`), so the page never runs the loop. Drawing a playing video into a canvas to
//   read it back costs 10–30 ms per frame when Chromium draws through SwiftShader's GL; the
//   planes of a region take 2–3 ms (docs/performance.md, "The page").

/** Reads sources through one reused canvas (a new canvas and context per frame is costly). */
export class CanvasReader {
  #context = null;

  /** The RGBA pixels of `window` (`{x, y, width, height, readWidth, readHeight}`) of
   *  `source`, resized to the read size, or of all of `source` when there is no window. */
  read(source, window = null) {
    const [width, height] = window ? [window.readWidth, window.readHeight] : [source.width, source.height];
    this.#context ??= new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
    const context = this.#context;
    if (context.canvas.width !== width || context.canvas.height !== height) {
      [context.canvas.width, context.canvas.height] = [width, height]; // resets the context
    }
    context.imageSmoothingQuality = 'medium';
    if (window) context.drawImage(source, window.x, window.y, window.width, window.height, 0, 0, width, height);
    else context.drawImage(source, 0, 0);
    const { data } = context.getImageData(0, 0, width, height);
    const region = window && { x: window.x, y: window.y, width: window.width, height: window.height };
    return { rgba: new Uint8Array(data.buffer), width, height, window: region };
  }
}

/** Y'CbCr → R'G'B' coefficients per matrix: [Cr→R, Cb→G, Cr→G, Cb→B]. */
const MATRICES = {
  bt709: [1.5748, 0.1873, 0.4681, 1.8556],
  bt470bg: [1.402, 0.3441, 0.7141, 1.772],
  smpte170m: [1.402, 0.3441, 0.7141, 1.772],
};

/** Whether this browser can read a video's frames this way. */
export const canReadPlanes = typeof VideoFrame === 'function';

/**
 * The planes of `region` (`{x, y, width, height}`, whole pixels) of `video`'s current frame,
 * at the region's own size, as `{planes, layout, format, matrix, fullRange, width, height,
 * window}` for `toFrame`; null when the frame's pixel format or colour matrix is not one read
 * here (then draw it into a canvas instead).
 */
export async function readVideoPlanes(video, region) {
  let frame;
  try {
    frame = new VideoFrame(video);
  } catch {
    return null; // no frame yet, or the video cannot give one
  }
  try {
    const matrix = frame.colorSpace?.matrix ?? 'bt709';
    if (!MATRICES[matrix] || !['NV12', 'I420'].includes(frame.format)) return null;
    // Chroma is sampled every second pixel: the region starts and ends on even pixels.
    const x = region.x & ~1;
    const y = region.y & ~1;
    const width = Math.min(frame.codedWidth - x, (region.x + region.width - x + 1) & ~1);
    const height = Math.min(frame.codedHeight - y, (region.y + region.height - y + 1) & ~1);
    const rect = { x, y, width, height };
    const planes = new Uint8Array(frame.allocationSize({ rect }));
    const layout = (await frame.copyTo(planes, { rect })).map(({ offset, stride }) => ({ offset, stride }));
    const fullRange = frame.colorSpace?.fullRange ?? false;
    return { planes, layout, format: frame.format, matrix, fullRange, width, height, window: { x, y, width, height } };
  } finally {
    frame.close();
  }
}

/** A frame for the engine (`{rgba, width, height, window}`) from what `readVideoPlanes`
 *  read, or `input` itself when it is one already. */
export function toFrame(input) {
  if (!input?.planes) return input;
  const { planes, layout, format, matrix, fullRange, width, height, window } = input;
  return { rgba: toRgba(planes, layout, format, width, height, MATRICES[matrix], fullRange), width, height, window };
}

/** NV12 or I420 planes (`layout`: each plane's offset and stride) → RGBA. */
function toRgba(planes, layout, format, width, height, [crR, cbG, crG, cbB], fullRange) {
  const out = new Uint8ClampedArray(width * height * 4); // clamps and rounds
  const [ys, yOff] = [layout[0].stride, layout[0].offset];
  const [cs, cOff] = [layout[1].stride, layout[1].offset];
  // I420: U and V in planes 1 and 2; NV12: interleaved in plane 1.
  const [vs, vOff, cStep, vShift] = format === 'I420'
    ? [layout[2].stride, layout[2].offset, 1, 0]
    : [cs, cOff, 2, 1];
  const [yScale, yBase, cScale] = fullRange ? [1, 0, 1] : [255 / 219, 16, 255 / 224];
  for (let row = 0; row < height; row++) {
    const yRow = yOff + row * ys;
    const cRow = cOff + (row >> 1) * cs;
    const vRow = vOff + (row >> 1) * vs + vShift;
    let o = row * width * 4;
    for (let col = 0; col < width; col++, o += 4) {
      const l = (planes[yRow + col] - yBase) * yScale;
      const c = (col >> 1) * cStep;
      const cb = (planes[cRow + c] - 128) * cScale;
      const cr = (planes[vRow + c] - 128) * cScale;
      out[o] = l + crR * cr;
      out[o + 1] = l - cbG * cb - crG * cr;
      out[o + 2] = l + cbB * cb;
      out[o + 3] = 255;
    }
  }
  return new Uint8Array(out.buffer);
}
