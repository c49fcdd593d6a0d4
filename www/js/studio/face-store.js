// The user's own faces, kept in IndexedDB (database `facepoints-faces`): named datasets
// {id, name, created} and faces {id, dataset, image (the whole frame: a JPEG or PNG Blob),
// width, height, box: [x, y, width, height, roll°] (the crop the model predicted in),
// prelabel: 30 numbers (the model's keypoints when captured), label: 30 numbers or nulls
// (null: not visible), corrected (a person checked the label), source ('webcam' | 'photo' |
// 'import'), session (the capture session: faces of one session stay on one side of a
// split), name, model (what pre-labelled it), date}. Coordinates are the frame's own pixels
// (canvas convention). Each change is one transaction: a capture, an import or a deletion is
// stored whole or not at all.
const DB = 'facepoints-faces';
const DATASETS = 'datasets';
const FACES = 'faces';

export const NUM_COORDS = 30;

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore(DATASETS, { keyPath: 'id', autoIncrement: true });
      db.createObjectStore(FACES, { keyPath: 'id', autoIncrement: true }).createIndex('dataset', 'dataset');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(new Error(`the browser's storage for your faces (IndexedDB) could not be opened: ${request.error?.message ?? 'refused'}`));
    request.onblocked = () => reject(new Error('the storage for your faces is held by an older copy of this page in another tab: close it and try again'));
  });
}

/** What a failed transaction means for the user (a full disk or quota said plainly); such
 *  an error is marked `storage` (the next change would fail the same way). */
function failure(error, what) {
  const failed = error?.name === 'QuotaExceededError'
    ? new Error(`The browser's storage for this page is full, so ${what} was not stored (nothing of it was kept). Delete faces or datasets you no longer need (export them first to keep a copy), or free space on the disk, and try again.`)
    : new Error(`${what} could not be stored: ${error?.message ?? 'the transaction was aborted'}`);
  failed.storage = true;
  return failed;
}

/** Runs `work(stores)` in one transaction; resolves to what `work` returned once it is
 *  committed. `what` names the change for a failure's message. */
async function transaction(mode, what, work) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      let tx;
      try {
        tx = db.transaction([DATASETS, FACES], mode);
      } catch (err) {
        reject(failure(err, what));
        return;
      }
      let result;
      Promise.resolve(work({ datasets: tx.objectStore(DATASETS), faces: tx.objectStore(FACES) }))
        .then((value) => { result = value; })
        .catch((err) => {
          try { tx.abort(); } catch { /* already finished */ }
          reject(err instanceof DOMException ? failure(err, what) : err);
        });
      tx.oncomplete = () => resolve(result);
      tx.onerror = tx.onabort = () => reject(failure(tx.error, what));
    });
  } finally {
    db.close();
  }
}

/** A request's result, inside a transaction. */
function result(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Every dataset with its counts `{id, name, created, faces, corrected}`, oldest first. */
export async function listDatasets() {
  return transaction('readonly', 'the list of datasets', async ({ datasets, faces }) => {
    const all = await result(datasets.getAll());
    const counts = new Map();
    for (const d of all) {
      const stored = await result(faces.index('dataset').getAll(d.id)); // the frames are read lazily
      counts.set(d.id, { faces: stored.length, corrected: stored.filter((f) => f.corrected).length });
    }
    return all.map((d) => ({ ...d, ...counts.get(d.id) }));
  });
}

/** A new dataset named `name` (made unique: “name (2)”…), holding `records` (faces without
 *  id), in one transaction: all of it is stored or none. Resolves to its record. */
export async function createDatasetWith(name, records = []) {
  const taken = new Set((await listDatasets()).map((d) => d.name));
  const unique = uniqueName(name.trim() || 'My faces', taken);
  const record = { name: unique, created: new Date().toISOString() };
  const what = records.length ? `the dataset “${unique}” and its ${records.length} faces` : `the dataset “${unique}”`;
  record.id = await transaction('readwrite', what, async ({ datasets, faces }) => {
    const id = await result(datasets.add(record));
    for (const face of records) {
      const why = damage(face);
      if (why) throw new Error(`a face could not be stored: ${why}`);
      await result(faces.add({ ...face, dataset: id, date: face.date ?? new Date().toISOString() }));
    }
    return id;
  });
  navigator.storage?.persist?.().catch(() => {});
  return record;
}

/** A new, empty dataset. */
export function createDataset(name) {
  return createDatasetWith(name);
}

export function uniqueName(name, taken) {
  if (!taken.has(name)) return name;
  for (let i = 2; ; i++) if (!taken.has(`${name} (${i})`)) return `${name} (${i})`;
}

export async function renameDataset(id, name) {
  return transaction('readwrite', 'the new name', async ({ datasets }) => {
    const record = await result(datasets.get(id));
    if (!record) throw new Error('that dataset is no longer stored');
    await result(datasets.put({ ...record, name }));
  });
}

/** Deletes a dataset and its faces together. */
export async function deleteDataset(id) {
  return transaction('readwrite', 'the deletion', async ({ datasets, faces }) => {
    const keys = await result(faces.index('dataset').getAllKeys(id));
    for (const key of keys) faces.delete(key);
    datasets.delete(id);
  });
}

/** What the data worker needs of stored faces to write their training rows (face-rows.js):
 *  the frame, box, label and name of each, nothing else sent. */
export function rowFields(faces) {
  return faces.map(({ image, box, label, name }) => ({ image, box, label, name }));
}

/** Why a stored face cannot be used (null: it can). */
export function damage(face) {
  if (!(face.image instanceof Blob)) return 'its image is missing';
  if (!(face.width > 0 && face.height > 0)) return 'its size is missing';
  if (!Array.isArray(face.box) || face.box.length !== 5 || !face.box.every(Number.isFinite) || !(face.box[2] > 0 && face.box[3] > 0)) return 'its face box is not 5 numbers with a positive size';
  if (!Array.isArray(face.label) || face.label.length !== NUM_COORDS || !face.label.every((v) => v === null || Number.isFinite(v))) return `its label is not ${NUM_COORDS} numbers (or empty for a point not visible)`;
  if (!Array.isArray(face.prelabel) || face.prelabel.length !== NUM_COORDS) return `its pre-label is not ${NUM_COORDS} numbers`;
  return null;
}

/** Adds faces (records without id) to a dataset in one transaction; resolves to their ids. */
export async function addFaces(dataset, records) {
  const what = records.length === 1 ? 'the face' : `the ${records.length} faces`;
  return transaction('readwrite', what, async ({ datasets, faces }) => {
    if (!(await result(datasets.get(dataset)))) throw new Error('that dataset is no longer stored');
    const ids = [];
    for (const record of records) {
      const why = damage(record);
      if (why) throw new Error(`a face could not be stored: ${why}`);
      ids.push(await result(faces.add({ ...record, dataset, date: record.date ?? new Date().toISOString() })));
    }
    return ids;
  });
}

/** A dataset's faces in capture order: `{faces, damaged}`, where damaged lists
 *  `{id, why}` of records that cannot be used (left out, so the rest still work). */
export async function listFaces(dataset) {
  const all = await transaction('readonly', 'the faces', ({ faces }) => result(faces.index('dataset').getAll(dataset)));
  const faces = [];
  const damaged = [];
  for (const face of all.sort((a, b) => a.id - b.id)) {
    const why = damage(face);
    if (why) damaged.push({ id: face.id, why });
    else faces.push(face);
  }
  return { faces, damaged };
}

/** Changes fields of a stored face; resolves to the stored record. */
export async function updateFace(id, patch) {
  return transaction('readwrite', 'the change', async ({ faces }) => {
    const record = await result(faces.get(id));
    if (!record) throw new Error('that face is no longer stored');
    const next = { ...record, ...patch };
    const why = damage(next);
    if (why) throw new Error(`the change was not stored: ${why}`);
    await result(faces.put(next));
    return next;
  });
}

export async function deleteFace(id) {
  return transaction('readwrite', 'the deletion', ({ faces }) => result(faces.delete(id)));
}
