// Capturing faces to label: a webcam frame or a photo becomes one stored record per face the
// current model finds (the frame as a JPEG, the face's box and the model's 15 points as a
// pre-label; see face-store.js). Photos larger than MAX_SIDE on their long side are kept
// (and searched) at that size.
import { decodeImage } from '../facepoints.js';

/** The long side a captured frame is kept at, at most (a 50 MP photo is 8,660 wide). */
export const MAX_SIDE = 4096;
const JPEG_QUALITY = 0.92;

/** A face the detector gave as the store keeps it (canvas coordinates; roll in degrees). */
export function faceRecord(face) {
  const { x, y, width, height } = face.box;
  const prelabel = face.keypoints.flatMap((k) => [k.x, k.y]);
  return { box: [x, y, width, height, face.roll ?? 0], prelabel, label: [...prelabel], score: face.score };
}

/** The JPEG of a drawable `source` (`width` × `height`). */
async function jpeg(source, width, height) {
  const canvas = new OffscreenCanvas(width, height);
  canvas.getContext('2d').drawImage(source, 0, 0, width, height);
  return canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
}

/**
 * The faces in one frame, ready to store: `source` an ImageBitmap (or anything drawable with
 * width/height), `detector` the page's detector, `about` {source, session, name}. The frame
 * is encoded first and the faces are found in the very pixels stored, so a face's pre-label
 * matches its frame. Resolves to `[]` when there is no face.
 */
export async function captureFaces(source, detector, about) {
  const { width, height } = source;
  const image = await jpeg(source, width, height);
  const bitmap = await createImageBitmap(image);
  let faces;
  try {
    faces = await detector.detect(bitmap);
  } finally {
    bitmap.close?.();
  }
  const model = detector.model?.model?.name ?? 'the model';
  return faces.map((face) => ({ ...faceRecord(face), image, width, height, corrected: false, model, ...about }));
}

/** A webcam frame now, as a bitmap. */
export function grabVideo(video) {
  if (!video.videoWidth) throw new Error('the camera has no picture yet');
  return createImageBitmap(video);
}

/** A photo file decoded upright, at most MAX_SIDE on its long side; `{bitmap, note}` where
 *  `note` says when it was made smaller. Fails with decodeImage's message for a non-image. */
export async function readPhoto(file) {
  const full = await decodeImage(file);
  const long = Math.max(full.width, full.height);
  if (long <= MAX_SIDE) return { bitmap: full, note: '' };
  const scale = MAX_SIDE / long;
  const [width, height] = [Math.round(full.width * scale), Math.round(full.height * scale)];
  const bitmap = await createImageBitmap(full, { resizeWidth: width, resizeHeight: height, resizeQuality: 'high' });
  const note = `${file.name} is ${full.width}×${full.height}: kept at ${width}×${height}`;
  full.close();
  return { bitmap, note };
}
