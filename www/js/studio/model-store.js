// Runs and trained models kept in IndexedDB: {id, name, kind ('cnn' | 'knn' | 'ensemble'),
// architecture, rmse, split, epochs, date, bytes (the .fpk file; null for KNN)} and, for
// runs recorded by this version, config, seed, augmented, data fingerprint, history,
// per_keypoint, wall_s, backend and group (the experiment). The first save asks the browser
// to keep the storage (persist).
const DB = 'facepoints';
const STORE = 'models';

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(new Error(`the browser's model storage (IndexedDB) could not be opened: ${request.error?.message}`));
  });
}

// Other tabs of the page are told of each change (a run stored, renamed or deleted there
// shows here without a reload); a tab is not told of its own.
const others = 'BroadcastChannel' in self ? new BroadcastChannel('facepoints-models') : null;

/** Calls `listener` when another tab of the page changes the stored runs. */
export function onOtherTabsChange(listener) {
  others?.addEventListener('message', () => listener());
}

async function transaction(mode, work) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      let result;
      request.onsuccess = () => { result = request.result; };
      tx.oncomplete = () => {
        if (mode === 'readwrite') others?.postMessage('changed');
        resolve(result);
      };
      tx.onerror = tx.onabort = () => reject(new Error(`the model storage failed: ${tx.error?.message ?? 'aborted'}`));
    });
  } finally {
    db.close();
  }
}

/** Stores a model; resolves to the stored record (with its id). */
export async function saveModel(model) {
  const record = { ...model, date: new Date().toISOString() };
  record.id = await transaction('readwrite', (store) => store.add(record));
  navigator.storage?.persist?.().catch(() => {});
  return record;
}

/** Every stored model, newest first. */
export async function listModels() {
  const all = await transaction('readonly', (store) => store.getAll());
  return all.sort((a, b) => b.date.localeCompare(a.date));
}

export function getModel(id) {
  return transaction('readonly', (store) => store.get(id));
}

export function renameModel(id, name) {
  return updateModel(id, { name });
}

/** Changes fields of a stored record. */
export async function updateModel(id, patch) {
  const record = await getModel(id);
  if (!record) throw new Error('that run is no longer stored');
  await transaction('readwrite', (store) => store.put({ ...record, ...patch }));
}

export function deleteModel(id) {
  return transaction('readwrite', (store) => store.delete(id));
}

/** `{usage, quota, persisted}` of this site's storage, when the browser says. */
export async function storageFacts() {
  const estimate = (await navigator.storage?.estimate?.()) ?? {};
  const persisted = (await navigator.storage?.persisted?.()) ?? false;
  return { ...estimate, persisted };
}
