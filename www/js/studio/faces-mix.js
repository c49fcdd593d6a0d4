// The user's own faces in a training run: their corrected faces split by capture session
// (the sessions held out are the early-stopping set: a model is kept for how it does on
// faces of sessions it never saw), cropped as their training.csv rows are (the data
// worker's `faceCrops`), and mixed into the loaded data at a chosen share of each epoch.
import { studio } from './state.js';
import { listFaces, rowFields } from './face-store.js';

/** Corrected faces split by capture session: the last session, and every third one before
 *  it, held out. Throws, saying what to do, when there are not two sessions to split. */
export function splitBySession(faces) {
  const corrected = faces.filter((f) => f.corrected);
  const sessions = [...new Set(corrected.map((f) => f.session))]; // in capture order
  if (sessions.length < 2) {
    throw new Error(`fine-tuning holds out whole capture sessions to stop early on, and these ${corrected.length} corrected faces come from ${sessions.length === 1 ? 'one session' : 'none'}: capture (or correct) faces in a second session — start the camera again, or add photos`);
  }
  const held = new Set(sessions.filter((_, i) => (sessions.length - 1 - i) % 3 === 0));
  return {
    train: corrected.filter((f) => !held.has(f.session)),
    valid: corrected.filter((f) => held.has(f.session)),
    sessions: { train: sessions.length - held.size, valid: held.size },
  };
}

/** How many times each training face of yours is repeated so that they make `share` (0–1)
 *  of an epoch beside `base` training faces (at least once). */
export function repeatsFor(share, base, yours) {
  if (!(share > 0 && share < 1)) throw new Error(`the share of your faces must be between 1% and 95%, not ${Math.round(share * 100)}%`);
  return Math.max(1, Math.round((share / (1 - share)) * base / yours));
}

/**
 * Your faces of dataset `id` ready to join a run: `{images, coords, train, valid, heldOut,
 * info}`, where `train` (repeated) and `valid` index into `images`/`coords`, which go after
 * the loaded data's own faces; `heldOut` are the held-out face records (to compare models on).
 */
export async function mixFaces(id, share, baseTrain) {
  const { faces } = await listFaces(id);
  const { train, valid, sessions } = splitBySession(faces);
  const repeat = repeatsFor(share, baseTrain, train.length);
  const { images, coords } = await studio.data.request('faceCrops', { faces: rowFields([...train, ...valid]) });
  const trainRows = Array.from({ length: train.length * repeat }, (_, i) => i % train.length);
  const validRows = valid.map((_, i) => train.length + i);
  const info = `${train.length} of your faces (${sessions.train} session${sessions.train > 1 ? 's' : ''}, each ×${repeat}: ${Math.round((100 * trainRows.length) / (trainRows.length + baseTrain))}% of an epoch) trained on; ${valid.length} of ${sessions.valid} held-out session${sessions.valid > 1 ? 's' : ''} to stop early on`;
  return { images, coords, train: trainRows, valid: validRows, heldOut: rowFields(valid), info };
}
