// The Your faces view: capture faces (webcam shutter, a capture every N seconds, photos
// dropped many at once), keep them as named datasets in this browser (face-store.js),
// correct their keypoints (label-canvas.js), see how far the model's pre-label was (NME),
// and move them in and out as files (face-files.js).
import { studio } from './state.js';
import { KEYPOINT_NAMES, pretty } from './face-canvas.js';
import { cameraMessage } from '../camera.js';
import { captureFaces, grabVideo, readPhoto } from './face-capture.js';
import * as store from './face-store.js';
import { LabelCanvas } from './label-canvas.js';
import { exportCsv, exportZip, importFile } from './face-files.js';

const $ = (id) => document.getElementById(id);
/** Thumbnails: how much of the frame around the face box they show (box sides). */
const THUMB_CONTEXT = 1.4;
/** The dataset shown last (this browser remembers it across reloads). */
const CHOSEN = 'facepoints-faces-dataset';

export function setupFacesView({ report }) {
  const el = {
    dataset: $('faces-dataset'), create: $('faces-new'), rename: $('faces-rename'), remove: $('faces-delete-dataset'),
    camera: $('faces-camera'), shutter: $('faces-shutter'), auto: $('faces-auto'), every: $('faces-every'), video: $('faces-video'),
    drop: $('faces-drop'), photos: $('faces-photos'), status: $('faces-capture-status'),
    summary: $('faces-summary'), grid: $('faces-grid'), correctedOnly: $('faces-corrected-only'),
    exportCsv: $('faces-export-csv'), exportZip: $('faces-export-zip'), import: $('faces-import'),
    panel: $('faces-label'), canvas: $('label-canvas'), points: $('label-points'), undo: $('label-undo'), redo: $('label-redo'),
    mirror: $('label-mirror'), reset: $('label-reset'), prev: $('label-prev'), accept: $('label-accept'), del: $('label-delete'),
    labelStatus: $('label-status'),
  };
  let datasets = [];
  let current = null; // the dataset shown (id)
  let faces = []; // its faces, in capture order
  let open = -1; // the face being labelled (index into faces)
  let stream = null;
  let session = null; // the webcam session faces are captured in
  let timer = null;
  let busy = false;
  let shown = null; // the frame being labelled: {id, bitmap}
  let warned = ''; // the damaged records named last
  let editor = null;

  const status = (text) => { el.status.textContent = text; };

  function detector() {
    const d = studio.detector;
    if (d) return d;
    const err = new Error(studio.detectorError ? `faces cannot be found: the detector could not start (${studio.detectorError})` : 'the face detector is still starting: try again in a moment');
    err.stops = true; // every capture would fail the same way
    throw err;
  }

  /** The frame of the face being labelled, decoded once (the one before is let go). */
  async function frameOf(face) {
    if (shown?.id !== face.id) {
      const bitmap = await createImageBitmap(face.image);
      shown?.bitmap.close();
      shown = { id: face.id, bitmap };
    }
    return shown.bitmap;
  }

  // Thumbnails are decoded when they scroll into view, cropped and shrunk while decoding, so
  // a dataset of thousands of faces holds no frame in memory.
  const thumbnails = new IntersectionObserver((entries) => {
    for (const { target, isIntersecting } of entries) {
      if (!isIntersecting) continue;
      thumbnails.unobserve(target);
      const face = faces.find((f) => String(f.id) === target.dataset.id);
      if (face) thumbnail(target.querySelector('canvas'), face).catch(() => { target.querySelector('.state').textContent = 'frame unreadable'; });
    }
  }, { root: el.grid, rootMargin: '200px' });

  // ---- datasets ----

  async function refreshDatasets(select = current) {
    datasets = await store.listDatasets();
    el.dataset.replaceChildren(...datasets.map((d) => new Option(`${d.name} (${d.faces})`, String(d.id))));
    current = datasets.some((d) => d.id === select) ? select : datasets.at(-1)?.id ?? null;
    if (current !== null) el.dataset.value = String(current);
    localStorage.setItem(CHOSEN, String(current ?? ''));
    el.rename.disabled = el.remove.disabled = current === null;
  }

  /** The dataset captures go to, made on the first capture. */
  async function target() {
    if (current === null) {
      const made = await store.createDataset('My faces');
      await refreshDatasets(made.id);
    }
    return current;
  }

  /** Shows the current dataset's faces; the face being labelled stays open while it is
   *  still there (a capture every N s goes on beside the labelling). */
  async function showDataset() {
    const labelling = faces[open]?.id;
    if (current === null) {
      closeLabel();
      faces = [];
      return drawGrid();
    }
    const { faces: list, damaged } = await store.listFaces(current);
    faces = list;
    open = faces.findIndex((f) => f.id === labelling);
    if (open < 0) closeLabel();
    // Damaged records are named once (per dataset and set of records), not at every change.
    const key = `${current}:${damaged.map((d) => d.id).join(',')}`;
    if (damaged.length && key !== warned) {
      warned = key;
      report(`${damaged.length} stored face${damaged.length > 1 ? 's are' : ' is'} damaged and left out (${damaged.map((d) => `#${d.id}: ${d.why}`).join('; ')}). The others work; capture those faces again.`, 'warning');
    }
    drawGrid();
  }

  async function reload(select = current) {
    await refreshDatasets(select);
    await showDataset();
  }

  // ---- the grid ----

  function nmeText(face) {
    return Number.isFinite(face.nme) ? `model off by ${(100 * face.nme).toFixed(1)}% NME` : '';
  }

  function drawGrid() {
    const corrected = faces.filter((f) => f.corrected).length;
    el.summary.textContent = faces.length
      ? `${faces.length} face${faces.length > 1 ? 's' : ''}, ${corrected} corrected, from ${new Set(faces.map((f) => f.session)).size} capture session${new Set(faces.map((f) => f.session)).size > 1 ? 's' : ''}.`
      : 'No faces yet: capture some from the camera or add photos.';
    el.exportCsv.disabled = el.exportZip.disabled = faces.length === 0;
    el.grid.replaceChildren(...faces.map((face, i) => {
      const item = document.createElement('button');
      item.type = 'button';
      item.className = `face${face.corrected ? ' corrected' : ''}`;
      item.setAttribute('role', 'listitem');
      item.dataset.id = String(face.id);
      item.setAttribute('aria-current', String(i === open));
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 96;
      const state = document.createElement('span');
      state.className = 'state';
      state.textContent = face.corrected ? `✓ corrected${nmeText(face) ? ` · ${nmeText(face)}` : ''}` : `model's points · ${face.source}`;
      item.append(canvas, state);
      item.addEventListener('click', () => openLabel(i));
      return item;
    }));
    thumbnails.disconnect();
    for (const item of el.grid.children) thumbnails.observe(item);
    el.grid.dataset.faces = String(faces.length);
    el.grid.dataset.corrected = String(corrected);
  }

  async function thumbnail(canvas, face) {
    const [x, y, w, h] = face.box;
    const side = Math.round(Math.max(w, h) * THUMB_CONTEXT);
    const bitmap = await createImageBitmap(face.image, Math.round(x + w / 2 - side / 2), Math.round(y + h / 2 - side / 2), side, side, {
      resizeWidth: canvas.width, resizeHeight: canvas.height, resizeQuality: 'medium',
    });
    canvas.getContext('2d').drawImage(bitmap, 0, 0);
    bitmap.close();
  }

  // ---- capture ----

  async function keep(records) {
    if (!records.length) return 0;
    const dataset = await target();
    await store.addFaces(dataset, records);
    return records.length;
  }

  async function shoot() {
    if (busy || !stream) return;
    busy = true;
    try {
      const frame = await grabVideo(el.video);
      const records = await captureFaces(frame, detector(), { source: 'webcam', session, name: `webcam ${new Date().toLocaleTimeString()}` });
      frame.close();
      if (!records.length) {
        status('No face in this frame: nothing was kept.');
        return;
      }
      await keep(records);
      status(`Kept ${records.length} face${records.length > 1 ? 's' : ''} from the camera (${el.video.videoWidth}×${el.video.videoHeight}).`);
      await reload();
    } catch (err) {
      status('');
      report(`The capture failed: ${err.message}`, 'error');
    } finally {
      busy = false;
    }
  }

  function setAuto() {
    clearInterval(timer);
    timer = null;
    const seconds = Number(el.every.value);
    if (!el.auto.checked || !stream) return;
    if (!(seconds >= 1 && seconds <= 60)) {
      el.auto.checked = false;
      return report('Capture every 1 to 60 seconds.', 'warning');
    }
    timer = setInterval(shoot, seconds * 1000);
  }

  async function startCamera() {
    if (stream) return stopCamera();
    report('');
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false });
    } catch (err) {
      stream = null;
      return report(cameraMessage(err, { doing: 'capture faces', instead: 'adding photos' }), 'error');
    }
    el.video.srcObject = stream;
    el.video.hidden = false;
    await el.video.play();
    session = `webcam ${new Date().toISOString()}`;
    el.camera.textContent = 'Stop the camera';
    el.shutter.disabled = el.auto.disabled = false;
    setAuto();
  }

  function stopCamera() {
    stream?.getTracks().forEach((t) => t.stop());
    stream = null;
    clearInterval(timer);
    timer = null;
    el.video.srcObject = null;
    el.video.hidden = true;
    el.camera.textContent = 'Start the camera';
    el.shutter.disabled = el.auto.disabled = true;
  }

  async function addPhotos(files) {
    if (!files.length) return;
    report('');
    const batch = `photos ${new Date().toISOString()}`;
    const problems = [];
    const notes = [];
    let stopped = null; // the photo at which adding stopped, and why
    let kept = 0;
    let withFaces = 0;
    for (const [i, file] of [...files].entries()) {
      status(`Looking for faces in ${file.name} (${i + 1} of ${files.length})…`);
      try {
        const { bitmap, note } = await readPhoto(file);
        if (note) notes.push(note);
        const records = await captureFaces(bitmap, detector(), { source: 'photo', session: batch, name: file.name });
        bitmap.close();
        if (!records.length) problems.push(`no face found in ${file.name}`);
        else withFaces++;
        kept += await keep(records);
      } catch (err) {
        if (err.storage || err.stops) { // the next photo would fail the same way
          stopped = `${file.name}: ${err.message}`;
          break;
        }
        problems.push(err.message);
      }
    }
    await reload();
    status(`Kept ${kept} face${kept === 1 ? '' : 's'} from ${withFaces} of ${files.length} photo${files.length > 1 ? 's' : ''}.${notes.length ? ` ${notes.join('; ')}.` : ''}`);
    if (stopped) report(`Adding photos stopped at ${stopped}`, 'error');
    else if (problems.length) report(`Not every photo gave a face: ${problems.map((p) => p.replace(/\.$/, '')).join('; ')}.`, 'warning');
  }

  // ---- labelling ----

  function drawPoints() {
    const selected = editor.selected;
    el.points.replaceChildren(...KEYPOINT_NAMES.map((name, k) => {
      const li = document.createElement('li');
      li.dataset.k = String(k);
      li.setAttribute('aria-current', String(k === selected));
      li.classList.toggle('hidden-point', !editor.visible(k));
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = editor.visible(k);
      box.title = 'visible';
      box.setAttribute('aria-label', `${pretty(name)} visible`);
      box.addEventListener('change', () => editor.setVisible(k, box.checked));
      li.append(box, ` ${pretty(name)}`);
      li.addEventListener('click', (e) => { if (e.target !== box) { editor.select(k); el.canvas.focus(); } });
      return li;
    }));
    el.undo.disabled = !editor.canUndo;
    el.redo.disabled = !editor.canRedo;
  }

  async function describeNme(face) {
    try {
      const errors = await studio.data.request('labelledErrors', { predicted: face.prelabel, truth: face.label });
      return errors?.nme ?? null;
    } catch (err) {
      report(`The NME could not be computed: ${err.message}`, 'warning');
      return null;
    }
  }

  function labelText(face) {
    const hidden = face.label.filter((v) => v === null).length / 2;
    const nme = Number.isFinite(face.nme) ? ` The model's points were ${(100 * face.nme).toFixed(1)}% of the eye-corner distance off (NME) on this face.` : '';
    return `${face.name} · ${face.source} · ${face.corrected ? 'corrected' : "the model's points, not checked yet"}${hidden ? ` · ${hidden} not visible` : ''}.${nme}`;
  }

  async function openLabel(i) {
    if (i < 0 || i >= faces.length) return;
    open = i;
    const face = faces[i];
    editor ??= makeEditor();
    el.panel.hidden = false;
    el.accept.disabled = true; // until this face is shown (a quick second click waits)
    let bitmap;
    try {
      bitmap = await frameOf(face);
    } catch {
      return report(`The frame of ${face.name} cannot be read: delete this face.`, 'error');
    }
    if (open !== i) return; // another face was opened meanwhile
    editor.show({ bitmap, box: face.box, label: face.label, prelabel: face.prelabel });
    editor.mirror = el.mirror.checked;
    el.panel.dataset.face = String(face.id);
    el.accept.disabled = false;
    el.labelStatus.textContent = labelText(face);
    el.prev.disabled = i === 0;
    for (const item of el.grid.children) item.setAttribute('aria-current', String(item.dataset.id === String(face.id)));
    drawPoints();
    el.canvas.focus({ preventScroll: true });
  }

  function closeLabel() {
    open = -1;
    el.panel.hidden = true;
  }

  /** Stores the open face's label as corrected, with the model's NME against it. */
  let saving = Promise.resolve();
  function save(label) {
    const face = faces[open];
    // While the next face loads, the editor still holds the one before: its points are
    // never stored onto the next face.
    if (!face || el.panel.dataset.face !== String(face.id)) return saving;
    const id = face.id;
    saving = saving.then(async () => {
      const nme = await describeNme({ ...face, label });
      const stored = await store.updateFace(id, { label, corrected: true, nme });
      const at = faces.findIndex((f) => f.id === id);
      if (at >= 0) faces[at] = stored;
      if (faces[open]?.id === id) el.labelStatus.textContent = labelText(stored);
      el.panel.dataset.saved = String(Number(el.panel.dataset.saved ?? 0) + 1);
    }).catch((err) => report(`The correction was not kept: ${err.message}`, 'error'));
    return saving;
  }

  function makeEditor() {
    const canvas = new LabelCanvas(el.canvas, KEYPOINT_NAMES);
    canvas.addEventListener('change', (e) => { drawPoints(); save(e.detail); });
    canvas.addEventListener('select', drawPoints);
    return canvas;
  }

  el.undo.addEventListener('click', () => editor?.undo());
  el.redo.addEventListener('click', () => editor?.redo());
  el.mirror.addEventListener('change', () => { if (editor) editor.mirror = el.mirror.checked; });
  el.reset.addEventListener('click', () => {
    const face = faces[open];
    if (face) editor.setLabel(face.prelabel.map((v) => (Number.isFinite(v) ? v : null)));
  });
  el.prev.addEventListener('click', () => openLabel(open - 1));
  el.accept.addEventListener('click', async () => {
    if (open < 0) return;
    await save(editor.label);
    drawGrid();
    if (open + 1 < faces.length) openLabel(open + 1);
    else { el.labelStatus.textContent = 'Every face has been looked at.'; }
  });
  el.del.addEventListener('click', async () => {
    const face = faces[open];
    if (!face) return;
    try {
      await store.deleteFace(face.id);
    } catch (err) {
      return report(err.message, 'error');
    }
    const next = open;
    await reload();
    if (faces.length) openLabel(Math.min(next, faces.length - 1));
  });

  // ---- datasets: buttons ----

  el.dataset.addEventListener('change', () => reload(Number(el.dataset.value)).catch((err) => report(err.message, 'error')));
  el.create.addEventListener('click', async () => {
    const name = prompt('Name of the new dataset', 'My faces');
    if (name === null) return;
    try {
      const made = await store.createDataset(name);
      await reload(made.id);
    } catch (err) { report(err.message, 'error'); }
  });
  el.rename.addEventListener('click', async () => {
    const d = datasets.find((x) => x.id === current);
    const name = d && prompt('New name of the dataset', d.name);
    if (!name?.trim()) return;
    try {
      await store.renameDataset(current, store.uniqueName(name.trim(), new Set(datasets.filter((x) => x.id !== current).map((x) => x.name))));
      await refreshDatasets();
    } catch (err) { report(err.message, 'error'); }
  });
  el.remove.addEventListener('click', async () => {
    const d = datasets.find((x) => x.id === current);
    if (!d || !confirm(`Delete the dataset “${d.name}” and its ${d.faces} faces from this browser?`)) return;
    try {
      await store.deleteDataset(current);
      current = null;
      await reload(null);
    } catch (err) { report(err.message, 'error'); }
  });

  // ---- capture: buttons ----

  el.camera.addEventListener('click', startCamera);
  el.shutter.addEventListener('click', shoot);
  el.auto.addEventListener('change', setAuto);
  el.every.addEventListener('change', setAuto);
  el.photos.addEventListener('change', async () => {
    await addPhotos([...el.photos.files]);
    el.photos.value = '';
  });
  for (const type of ['dragenter', 'dragover']) el.drop.addEventListener(type, (e) => { e.preventDefault(); el.drop.classList.add('over'); });
  for (const type of ['dragleave', 'drop']) el.drop.addEventListener(type, () => el.drop.classList.remove('over'));
  el.drop.addEventListener('drop', (e) => { e.preventDefault(); addPhotos([...e.dataTransfer.files]); });
  // The camera stops when the view is left.
  studio.addEventListener('view', (e) => { if (e.detail !== 'faces' && stream) stopCamera(); });

  // ---- files ----

  const chosen = () => faces.filter((f) => !el.correctedOnly.checked || f.corrected);
  const datasetName = () => datasets.find((d) => d.id === current)?.name ?? 'faces';
  el.exportCsv.addEventListener('click', async () => {
    const list = chosen();
    if (!list.length) return report('No corrected face to export: correct some faces, or untick “corrected faces only”.', 'warning');
    try {
      await exportCsv(datasetName(), list);
    } catch (err) { report(`The export failed: ${err.message}`, 'error'); }
  });
  el.exportZip.addEventListener('click', async () => {
    try {
      await exportZip(datasetName(), faces);
    } catch (err) { report(`The export failed: ${err.message}`, 'error'); }
  });
  el.import.addEventListener('change', async () => {
    const file = el.import.files[0];
    el.import.value = '';
    if (!file) return;
    report('');
    status(`Reading ${file.name}…`);
    try {
      const { dataset, count } = await importFile(file, { detector });
      status(`Imported ${count} face${count === 1 ? '' : 's'} from ${file.name} as “${dataset.name}”.`);
      await reload(dataset.id);
    } catch (err) {
      status('');
      report(err.message, 'error');
    }
  });

  reload(Number(localStorage.getItem(CHOSEN)) || null).catch((err) => report(err.message, 'error'));
}
