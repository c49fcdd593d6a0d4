// The user's faces as files: Kaggle's training.csv layout (96×96 crops framed as the model
// frames faces, the study's column order: the engine writes the rows), and a zip of the
// whole frames with labels.json, which imports back as it was (with the corrected faces'
// training.csv and their sessions' meta.csv.gz beside, for the command line). A
// training.csv imports too: each 96×96 face becomes a frame of its own, labelled as the file
// says.
import { studio } from './state.js';
import { FACE_PIXELS, FACE_SIDE, KEYPOINT_NAMES, drawFace } from './face-canvas.js';
import * as store from './face-store.js';
import { download, safe } from './run-files.js';

const FORMAT = 'facepoints-faces';
const VERSION = 1;
/** The largest zip read (its frames are held in memory while they are checked). */
const MAX_ZIP_BYTES = 1 << 30;

/** training.csv's text for `faces` (the engine writes the rows). */
function csvText(faces) {
  return studio.data.request('kaggleCsv', { faces: store.rowFields(faces) });
}

/** Downloads `faces` as `<dataset>-training.csv`. */
export async function exportCsv(name, faces) {
  download(new Blob([await csvText(faces)], { type: 'text/csv' }), `${safe(name)}-training.csv`);
}

/** meta.csv for training.csv's rows, naming each row's capture session as its “person”
 *  (`<session>_<row>.jpg`), so that the CLI's person-grouped split holds out whole
 *  sessions. */
function sessionsCsv(faces) {
  const rows = faces.map((f, i) => `training,${i + 1},${f.session.replace(/[^\w-]+/g, '-')}_${i + 1}.jpg`);
  return `split,row,source_image\n${rows.join('\n')}\n`;
}

const fflate = () => import('../../vendor/fflate/browser.js');

/** The fields of a face kept in labels.json (its frame is a file beside it). */
const FIELDS = ['width', 'height', 'box', 'prelabel', 'label', 'corrected', 'nme', 'source', 'session', 'name', 'model', 'date'];

/** Downloads every face of the dataset as `<dataset>-faces.zip`: frames/NNNNN.jpg|png and
 *  labels.json ({format, version, name, keypoints, faces: [{file, …}]}), which import back;
 *  and, for the command line, the corrected faces' training.csv with a meta.csv.gz beside
 *  it (`facepoints train --data training.csv --init …` then holds out whole sessions). */
export async function exportZip(name, faces) {
  const { zipSync, gzipSync } = await fflate();
  const files = {};
  const entries = [];
  for (const [i, face] of faces.entries()) {
    const ext = face.image.type === 'image/png' ? 'png' : 'jpg';
    const file = `frames/${String(i + 1).padStart(5, '0')}.${ext}`;
    files[file] = [new Uint8Array(await face.image.arrayBuffer()), { level: 0 }]; // already compressed
    entries.push({ file, ...Object.fromEntries(FIELDS.map((k) => [k, face[k] ?? null])) });
  }
  const labels = { format: FORMAT, version: VERSION, name, exported: new Date().toISOString(), keypoints: KEYPOINT_NAMES, faces: entries };
  files['labels.json'] = new TextEncoder().encode(JSON.stringify(labels, null, 1));
  const corrected = faces.filter((f) => f.corrected);
  if (corrected.length) {
    files['training.csv'] = new TextEncoder().encode(await csvText(corrected));
    files['meta.csv.gz'] = [gzipSync(new TextEncoder().encode(sessionsCsv(corrected))), { level: 0 }];
  }
  download(new Blob([zipSync(files)], { type: 'application/zip' }), `${safe(name)}-faces.zip`);
}

/** The faces of a zip written by exportZip, checked whole before anything is stored. */
async function readZip(file) {
  if (file.size > MAX_ZIP_BYTES) throw new Error(`${file.name} is ${(file.size / 2 ** 30).toFixed(1)} GB: zips of up to 1 GB are read.`);
  const { unzipSync } = await fflate();
  let files;
  try {
    files = unzipSync(new Uint8Array(await file.arrayBuffer()));
  } catch (err) {
    throw new Error(`${file.name} is not a readable zip (${err.message}).`);
  }
  if (!files['labels.json']) throw new Error(`${file.name} has no labels.json: it is not a zip of faces exported from this page.`);
  let labels;
  try {
    labels = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(files['labels.json']));
  } catch (err) {
    throw new Error(`${file.name}: labels.json is not valid JSON (${err.message}).`);
  }
  if (labels?.format !== FORMAT) throw new Error(`${file.name}: labels.json is not a facepoints faces file (its "format" is ${JSON.stringify(labels?.format)}, expected "${FORMAT}").`);
  if (labels.version !== VERSION) throw new Error(`${file.name}: labels.json is version ${labels.version}; this page reads version ${VERSION}.`);
  if (JSON.stringify(labels.keypoints) !== JSON.stringify(KEYPOINT_NAMES)) throw new Error(`${file.name}: its keypoints (${labels.keypoints}) are not this model's 15.`);
  if (!Array.isArray(labels.faces)) throw new Error(`${file.name}: labels.json has no "faces" list.`);
  const records = labels.faces.map((entry, i) => {
    const where = `${file.name}, labels.json, face ${i + 1}`;
    const bytes = files[entry?.file];
    if (!bytes) throw new Error(`${where}: its frame ${JSON.stringify(entry?.file)} is not in the zip.`);
    const type = /\.png$/i.test(entry.file) ? 'image/png' : 'image/jpeg';
    const record = { ...Object.fromEntries(FIELDS.map((k) => [k, entry[k]])), image: new Blob([bytes], { type }) };
    record.corrected = record.corrected === true;
    if (!Number.isFinite(record.nme)) delete record.nme;
    const why = store.damage(record);
    if (why) throw new Error(`${where}: ${why}.`);
    return record;
  });
  return { name: typeof labels.name === 'string' && labels.name.trim() ? labels.name.trim() : file.name, records };
}

/** The faces of a Kaggle training CSV: each 96×96 face a PNG frame of its own, labelled as
 *  the file says (those are labels a person made: corrected), the model's points as its
 *  pre-label, all of capture session `session`. */
export async function readKaggle(file, detector, session = `import ${file.name}`) {
  const { images, coords, box } = await studio.data.request('readKaggleFaces', { file });
  const n = images.length / FACE_PIXELS;
  if (!n) throw new Error(`${file.name} has no faces.`);
  const predicted = await detector().predictFaces(images);
  const canvas = new OffscreenCanvas(FACE_SIDE, FACE_SIDE);
  const ctx = canvas.getContext('2d');
  const records = [];
  for (let i = 0; i < n; i++) {
    drawFace(ctx, images.subarray(i * FACE_PIXELS, (i + 1) * FACE_PIXELS));
    // Kaggle's coordinates are pixel centres; the page's are canvas (+0.5).
    const canvasOf = (list, at) => Array.from({ length: 30 }, (_, c) => (Number.isFinite(list[at + c]) ? list[at + c] + 0.5 : null));
    records.push({
      image: await canvas.convertToBlob({ type: 'image/png' }),
      width: FACE_SIDE, height: FACE_SIDE, box,
      label: canvasOf(coords, i * 30), prelabel: canvasOf(predicted, i * 30).map((v) => v ?? NaN),
      corrected: true, source: 'import', session, name: `${file.name} row ${i + 1}`,
      model: detector().model?.model?.name ?? 'the model',
    });
  }
  return { name: file.name.replace(/(\.csv)?(\.gz)?$/i, ''), records };
}

/** Imports a zip (exportZip's) or a Kaggle training CSV (plain or gzip) as a new dataset,
 *  in one transaction; resolves to `{dataset, count}`. */
export async function importFile(file, { detector }) {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  const zip = head[0] === 0x50 && head[1] === 0x4b; // "PK"
  const { name, records } = zip ? await readZip(file) : await readKaggle(file, detector);
  const dataset = await store.createDatasetWith(name, records);
  return { dataset, count: records.length };
}
