// A generated file of Kaggle's training.csv size and shape, for loading tests and benches.
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';

/** The 15 keypoints' names in Kaggle's column order, read from Kaggle's own IdLookupTable
 *  (image 1 asks for all 30 coordinates), independent of the page's code. */
export const KEYPOINT_NAMES = readFileSync(new URL('../../www/data/kaggle/IdLookupTable.csv', import.meta.url), 'utf8')
  .split('\n').slice(1).map((line) => line.split(','))
  .filter(([, image, feature]) => image === '1' && feature.endsWith('_x'))
  .map(([, , feature]) => feature.slice(0, -2));

/** A file shaped like Kaggle's training.csv: `rows` faces, ~70% missing some keypoints. */
export async function writeKaggleSized(path, rows) {
  const out = createWriteStream(path);
  out.write(`${KEYPOINT_NAMES.flatMap((n) => [`${n}_x`, `${n}_y`]).join(',')},Image\n`);
  let seed = 1;
  const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  for (let r = 0; r < rows; r++) {
    const complete = r % 10 < 3;
    const coords = KEYPOINT_NAMES.flatMap((_, k) => (complete || k < 2 || k === 10 || k === 14 ? [(20 + 50 * random()).toFixed(6), (20 + 50 * random()).toFixed(6)] : ['', '']));
    const image = Array.from({ length: 9216 }, () => Math.floor(random() * 256)).join(' ');
    if (!out.write(`${coords.join(',')},${image}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
