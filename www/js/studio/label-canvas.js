// The labelling canvas: one face of a frame drawn at a useful zoom with its 15 keypoints,
// which the user drags (mouse, pen or touch), nudges with the arrow keys (one pixel of the
// frame; Shift: ten), steps through with Tab / Shift+Tab (past the last, focus moves on), marks not visible (N, or the
// list's checkbox) and undoes (Ctrl+Z) or redoes (Ctrl+Shift+Z, Ctrl+Y). “Mirror” shows the
// image flipped with each point under its mirrored name (left ↔ right), for symmetry
// checks; dragging works there too. The model's pre-label is drawn faintly beneath.
//
// Coordinates are the frame's own pixels (canvas convention); a label is 30 numbers, null
// for a point not visible. Events: `change` (detail: the label) after each finished edit,
// `select` (detail: the point's index).
import { COLORS, side } from '../draw.js';

/** How much of the frame around the face box is shown (box sides). */
const CONTEXT = 1.7;
/** How far from a point a press still takes it, in CSS pixels. */
const REACH = 14;

/** The name a point has in the mirrored image (left and right swapped). */
export function mirroredName(name) {
  return name.replace(/left|right/, (w) => (w === 'left' ? 'right' : 'left'));
}

export class LabelCanvas extends EventTarget {
  #canvas;
  #names;
  #bitmap = null;
  #region = null; // {x, y, side}: the frame square shown
  #label = [];
  #prelabel = [];
  #selected = 0;
  #mirror = false;
  #undo = [];
  #redo = [];
  #drag = null; // {k, before}

  /** `canvas`: the element (focusable); `names`: the 15 keypoints' names in Kaggle order. */
  constructor(canvas, names) {
    super();
    this.#canvas = canvas;
    this.#names = names;
    canvas.tabIndex = 0;
    canvas.style.touchAction = 'none';
    canvas.addEventListener('pointerdown', (e) => this.#press(e));
    canvas.addEventListener('pointermove', (e) => this.#move(e));
    canvas.addEventListener('pointerup', (e) => this.#release(e));
    canvas.addEventListener('pointercancel', (e) => this.#release(e));
    canvas.addEventListener('keydown', (e) => this.#key(e));
  }

  /** Shows a face: `bitmap` its frame, `box` [x, y, width, height, roll], `label` and
   *  `prelabel` 30 numbers each (the label's null: not visible). History starts afresh. */
  show({ bitmap, box, label, prelabel }) {
    this.#bitmap = bitmap;
    const [x, y, w, h] = box;
    const side = Math.max(w, h) * CONTEXT;
    this.#region = { x: x + w / 2 - side / 2, y: y + h / 2 - side / 2, side };
    this.#label = [...label];
    this.#prelabel = [...prelabel];
    this.#undo = [];
    this.#redo = [];
    this.#selected = 0;
    this.draw();
    this.dispatchEvent(new CustomEvent('select', { detail: 0 }));
  }

  get label() {
    return [...this.#label];
  }

  get selected() {
    return this.#selected;
  }

  get canUndo() {
    return this.#undo.length > 0;
  }

  get canRedo() {
    return this.#redo.length > 0;
  }

  set mirror(on) {
    this.#mirror = Boolean(on);
    this.draw();
  }

  get mirror() {
    return this.#mirror;
  }

  select(k) {
    this.#selected = (k + this.#names.length) % this.#names.length;
    this.draw();
    this.dispatchEvent(new CustomEvent('select', { detail: this.#selected }));
  }

  /** Whether point `k` is visible. */
  visible(k) {
    return this.#label[2 * k] !== null && this.#label[2 * k + 1] !== null;
  }

  /** Marks point `k` not visible, or visible again (at the pre-label's place). */
  setVisible(k, visible) {
    if (visible === this.visible(k)) return;
    const next = [...this.#label];
    if (visible) [next[2 * k], next[2 * k + 1]] = this.#placeFor(k);
    else next[2 * k] = next[2 * k + 1] = null;
    this.#commit(next);
  }

  /** Replaces the whole label (30 numbers or nulls) as one edit. */
  setLabel(label) {
    if (label.every((v, i) => v === this.#label[i])) return;
    this.#commit([...label]);
  }

  /** Moves point `k` to frame coordinates (x, y) as one edit. */
  moveTo(k, x, y) {
    const next = [...this.#label];
    [next[2 * k], next[2 * k + 1]] = [x, y];
    this.#commit(next);
  }

  undo() {
    if (!this.#undo.length) return;
    this.#redo.push(this.#label);
    this.#label = this.#undo.pop();
    this.#changed();
  }

  redo() {
    if (!this.#redo.length) return;
    this.#undo.push(this.#label);
    this.#label = this.#redo.pop();
    this.#changed();
  }

  /** Where a point shown again goes: the model's place for it, else the region's centre. */
  #placeFor(k) {
    const [x, y] = [this.#prelabel[2 * k], this.#prelabel[2 * k + 1]];
    if (Number.isFinite(x) && Number.isFinite(y)) return [x, y];
    return [this.#region.x + this.#region.side / 2, this.#region.y + this.#region.side / 2];
  }

  #commit(next) {
    this.#undo.push(this.#label);
    this.#redo = [];
    this.#label = next;
    this.#changed();
  }

  #changed() {
    this.draw();
    this.dispatchEvent(new CustomEvent('change', { detail: this.label }));
  }

  /** Canvas pixels per frame pixel. */
  #scale() {
    return this.#canvas.width / this.#region.side;
  }

  /** Frame → canvas coordinates (mirrored when the mirror is on). */
  #toCanvas(x, y) {
    const k = this.#scale();
    const u = (x - this.#region.x) * k;
    return [this.#mirror ? this.#canvas.width - u : u, (y - this.#region.y) * k];
  }

  #toFrame(u, v) {
    const k = this.#scale();
    const x = (this.#mirror ? this.#canvas.width - u : u) / k + this.#region.x;
    return [x, v / k + this.#region.y];
  }

  /** A pointer event's canvas coordinates. */
  #at(e) {
    const rect = this.#canvas.getBoundingClientRect();
    return [(e.clientX - rect.left) * (this.#canvas.width / rect.width), (e.clientY - rect.top) * (this.#canvas.height / rect.height)];
  }

  #press(e) {
    if (!this.#bitmap) return;
    this.#canvas.focus();
    const [u, v] = this.#at(e);
    const rect = this.#canvas.getBoundingClientRect();
    const reach = REACH * (this.#canvas.width / rect.width);
    let best = null;
    for (let k = 0; k < this.#names.length; k++) {
      if (!this.visible(k)) continue;
      const [pu, pv] = this.#toCanvas(this.#label[2 * k], this.#label[2 * k + 1]);
      const d = Math.hypot(pu - u, pv - v);
      if (d <= reach && (!best || d < best.d)) best = { k, d };
    }
    // A press away from every point places the selected point there if it is not visible.
    if (!best && !this.visible(this.#selected)) best = { k: this.#selected };
    if (!best) return;
    e.preventDefault();
    this.#canvas.setPointerCapture?.(e.pointerId);
    this.#drag = { k: best.k, before: this.#label };
    if (best.k !== this.#selected) this.select(best.k);
    this.#dragTo(u, v);
  }

  #dragTo(u, v) {
    const [x, y] = this.#toFrame(u, v);
    const next = [...this.#label];
    [next[2 * this.#drag.k], next[2 * this.#drag.k + 1]] = [x, y];
    this.#label = next;
    this.draw();
  }

  #move(e) {
    if (!this.#drag) return;
    e.preventDefault();
    this.#dragTo(...this.#at(e));
  }

  #release(e) {
    if (!this.#drag) return;
    if (e.type === 'pointerup') this.#dragTo(...this.#at(e));
    const { before } = this.#drag;
    this.#drag = null;
    if (before.every((v, i) => v === this.#label[i])) return this.draw();
    this.#undo.push(before);
    this.#redo = [];
    this.#changed();
  }

  #key(e) {
    if (!this.#bitmap) return;
    const k = this.#selected;
    const step = e.shiftKey ? 10 : 1;
    const arrows = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const ctrl = e.ctrlKey || e.metaKey;
    if (e.key in arrows && !ctrl) {
      if (!this.visible(k)) return;
      let [dx, dy] = arrows[e.key];
      if (this.#mirror) dx = -dx; // the arrow moves the point the way it looks
      this.moveTo(k, this.#label[2 * k] + dx, this.#label[2 * k + 1] + dy);
    } else if (e.key === 'Tab') {
      const next = k + (e.shiftKey ? -1 : 1);
      if (next < 0 || next >= this.#names.length) return; // past the last point: leave the canvas
      this.select(next);
    } else if ((e.key === 'n' || e.key === 'N') && !ctrl) {
      this.setVisible(k, !this.visible(k));
    } else if (ctrl && (e.key === 'z' || e.key === 'Z')) {
      if (e.shiftKey) this.redo();
      else this.undo();
    } else if (ctrl && (e.key === 'y' || e.key === 'Y')) {
      this.redo();
    } else {
      return;
    }
    e.preventDefault();
  }

  draw() {
    const canvas = this.#canvas;
    const ctx = canvas.getContext('2d');
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    if (!this.#bitmap) return;
    const region = this.#region;
    ctx.save();
    if (this.#mirror) {
      ctx.translate(canvas.width, 0);
      ctx.scale(-1, 1);
    }
    ctx.imageSmoothingEnabled = this.#scale() < 4;
    ctx.drawImage(this.#bitmap, region.x, region.y, region.side, region.side, 0, 0, canvas.width, canvas.height);
    ctx.restore();
    const r = Math.max(4, canvas.width / 110);
    ctx.lineWidth = Math.max(1.5, canvas.width / 400);
    // The model's pre-label: small crosses.
    ctx.strokeStyle = 'rgba(255,255,255,0.75)';
    for (let k = 0; k < this.#names.length; k++) {
      const [px, py] = [this.#prelabel[2 * k], this.#prelabel[2 * k + 1]];
      if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
      const [u, v] = this.#toCanvas(px, py);
      ctx.beginPath();
      ctx.moveTo(u - r, v); ctx.lineTo(u + r, v);
      ctx.moveTo(u, v - r); ctx.lineTo(u, v + r);
      ctx.stroke();
    }
    ctx.font = `${Math.round(r * 2.6)}px system-ui, sans-serif`;
    for (let k = 0; k < this.#names.length; k++) {
      if (!this.visible(k)) continue;
      const name = this.#mirror ? mirroredName(this.#names[k]) : this.#names[k];
      const [u, v] = this.#toCanvas(this.#label[2 * k], this.#label[2 * k + 1]);
      ctx.fillStyle = COLORS[side(name)];
      ctx.beginPath();
      ctx.arc(u, v, r, 0, 2 * Math.PI);
      ctx.fill();
      if (k === this.#selected) {
        ctx.strokeStyle = '#ffffff';
        ctx.beginPath();
        ctx.arc(u, v, r * 2, 0, 2 * Math.PI);
        ctx.stroke();
        const text = name.replaceAll('_', ' ');
        ctx.strokeStyle = 'rgba(0,0,0,0.8)';
        ctx.lineWidth = r / 1.5;
        ctx.strokeText(text, u + r * 2.5, v - r * 1.5);
        ctx.fillText(text, u + r * 2.5, v - r * 1.5);
        ctx.lineWidth = Math.max(1.5, canvas.width / 400);
      }
    }
    canvas.dataset.selected = String(this.#selected);
    canvas.dataset.mirror = String(this.#mirror);
  }
}
