// Builds the fake camera's video: real ytf frames letterboxed onto a grey 320×240 canvas,
// converted to Y4M (I420) in the browser itself, each frame held for `hold` video frames;
// with `noise`, every video frame gets its own Gaussian sensor noise of that standard
// deviation (0–255 luma, seeded), as a real camera's frames of a still scene differ; with
// `pan`, the face moves instead of standing still: `hold` frames sweeping `pan` px per frame
// across the canvas and back.
import { readFile, writeFile } from 'node:fs/promises';

export async function buildY4m(context, pngPaths, out, { width = 320, height = 240, hold = 5, fps = 10, noise = 0, pan = 0 } = {}) {
  const images = await Promise.all(pngPaths.map(async (p) => (await readFile(p)).toString('base64')));
  const page = await context.newPage();
  // Horizontal offset of each rendered frame: one still frame, or a sweep there and back.
  const half = Math.floor(hold / 2);
  const shifts = pan > 0 ? Array.from({ length: hold }, (_, i) => pan * (i < half ? i - half / 2 : hold - i - half / 2)) : [0];
  const repeat = pan > 0 ? 1 : hold;
  const frames = await page.evaluate(async ({ images, width, height, shifts }) => {
    const out = [];
    for (const b64 of images) for (const shift of shifts) {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
      const canvas = new OffscreenCanvas(width, height);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#808080';
      ctx.fillRect(0, 0, width, height);
      const s = Math.min(width / bitmap.width, height / bitmap.height) * 0.9;
      const [w, h] = [bitmap.width * s, bitmap.height * s];
      ctx.drawImage(bitmap, (width - w) / 2 + shift, (height - h) / 2, w, h);
      const { data } = ctx.getImageData(0, 0, width, height);
      const yuv = new Uint8Array(width * height * 1.5);
      const [uAt, vAt] = [width * height, width * height * 1.25];
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4;
          const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
          yuv[y * width + x] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
          if (x % 2 === 0 && y % 2 === 0) {
            const c = (y / 2) * (width / 2) + x / 2;
            yuv[uAt + c] = Math.round(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
            yuv[vAt + c] = Math.round(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
          }
        }
      }
      let text = '';
      for (let i = 0; i < yuv.length; i += 0x8000) text += String.fromCharCode(...yuv.subarray(i, i + 0x8000));
      out.push(btoa(text));
    }
    return out;
  }, { images, width, height, shifts });
  await page.close();
  const parts = [Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`)];
  let seed = 12345;
  const uniform = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) + 1) / 2147483649;
  const gauss = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  for (const frame of frames) {
    const bytes = Buffer.from(frame, 'base64');
    for (let i = 0; i < repeat; i++) {
      const copy = Buffer.from(bytes);
      for (let j = 0; noise > 0 && j < width * height; j++) {
        copy[j] = Math.min(255, Math.max(0, Math.round(copy[j] + noise * gauss())));
      }
      parts.push(Buffer.from('FRAME\n'), copy);
    }
  }
  await writeFile(out, Buffer.concat(parts));
}
