// Pure front-end logic, tested in Node: backend choice, the One Euro filter, video planes
// to RGBA, the same-faces rule, the labelling's mirrored names and the stored faces' checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseBackend, isSoftware } from '../../www/js/backend-choice.js';
import { OneEuroFilter, KeypointSmoother } from '../../www/js/one-euro.js';
import { side } from '../../www/js/draw.js';
import { toFrame } from '../../www/js/frame-pixels.js';
import { sameFaces } from '../../www/js/follow.js';
import { chooseSimd, hasRelaxedSimd, hasWasmSimd, NO_SIMD, simdRefused, workerUrl } from '../../www/js/wasm-features.js';
import { mirroredName } from '../../www/js/studio/label-canvas.js';
import { damage, uniqueName } from '../../www/js/studio/face-store.js';
import { chooseThreads, engineFor, threadFacts, requestedThreads, threadedEngine, withoutThreads, MAX_THREADS } from '../../www/js/threads.js';

const swiftshader = { vendor: 'google', architecture: 'swiftshader', device: '', description: '', isFallbackAdapter: true };
const nvidia = { vendor: 'nvidia', architecture: 'hopper', device: '', description: '', isFallbackAdapter: false };

test('auto picks WebGPU only on a hardware adapter', () => {
  assert.equal(chooseBackend(swiftshader).backend, 'cpu');
  assert.match(chooseBackend(swiftshader).reason, /software fallback/);
  assert.equal(chooseBackend({ ...swiftshader, isFallbackAdapter: false }).backend, 'cpu');
  assert.equal(chooseBackend(nvidia).backend, 'webgpu');
  assert.equal(chooseBackend(null).backend, 'cpu');
  assert.ok(!isSoftware(nvidia));
});

test('overrides win where they can', () => {
  assert.equal(chooseBackend(nvidia, 'cpu').backend, 'cpu');
  assert.equal(chooseBackend(swiftshader, 'webgpu').backend, 'webgpu');
  const none = chooseBackend(null, 'webgpu');
  assert.equal(none.backend, 'cpu');
  assert.match(none.reason, /no WebGPU adapter/);
});

test('One Euro: a constant passes unchanged, jitter is damped, a step is followed', () => {
  const f = new OneEuroFilter({ minCutoff: 1, beta: 0 });
  for (let i = 0; i < 30; i++) assert.equal(f.filter(5, i / 30), 5);
  const g = new OneEuroFilter({ minCutoff: 1, beta: 0 });
  let out = [];
  for (let i = 0; i < 60; i++) out.push(g.filter(i % 2 ? 11 : 9, i / 30));
  const spread = Math.max(...out.slice(30)) - Math.min(...out.slice(30));
  assert.ok(spread < 1, `jitter of ±1 became ${spread}`);
  const h = new OneEuroFilter({ minCutoff: 1, beta: 0.5 });
  let last = 0;
  for (let i = 0; i < 30; i++) last = h.filter(i < 5 ? 0 : 100, i / 30);
  assert.ok(last > 95, `after the step: ${last}`);
  // Speeds are in face sizes: the same motion of a face twice as large filters the same.
  const [small, large] = [new OneEuroFilter({ minCutoff: 1, beta: 5 }), new OneEuroFilter({ minCutoff: 1, beta: 5 })];
  for (let i = 0; i < 30; i++) {
    const [a, b] = [small.filter(i * 2, i / 30, 100), large.filter(i * 4, i / 30, 200)];
    assert.ok(Math.abs(2 * a - b) < 1e-9, `frame ${i}: ${a} vs ${b}`);
  }
});

test('the smoother keeps names, smooths a jump, and starts afresh on reset or another keypoint count', () => {
  const s = new KeypointSmoother({ minCutoff: 1, beta: 0 });
  const at = (x, names = ['nose_tip']) => ({ score: 0.9, keypoints: names.map((name) => ({ name, x, y: 2 })) });
  const out = s.smooth(at(1), 0);
  assert.deepEqual(out.keypoints, at(1).keypoints, 'the first frame passes unchanged');
  const jumped = s.smooth(at(11), 1 / 30).keypoints[0];
  assert.ok(jumped.x > 1 && jumped.x < 11, `a jump of 10 px is smoothed: ${jumped.x}`);
  assert.equal(jumped.name, 'nose_tip');
  // Two keypoints instead of one: new filters, so the frame passes unchanged.
  const two = at(50, ['nose_tip', 'left_eye_center']);
  assert.deepEqual(s.smooth(two, 2 / 30).keypoints, two.keypoints);
  s.reset();
  assert.deepEqual(s.smooth(at(90), 3 / 30).keypoints, at(90).keypoints, 'after reset');
  assert.equal(side('left_eye_center'), 'left');
  assert.equal(side('mouth_right_corner'), 'right');
  assert.equal(side('nose_tip'), 'centre');
});

/** A 4×2 frame's planes: luma `y` (8 values), chroma `u`, `v` (2 each: one per 2×2 block),
 *  as NV12 (interleaved chroma) or I420 (separate planes), rows padded to `stride`. */
function planes(format, y, u, v, stride = 6) {
  const luma = new Array(2 * stride).fill(0);
  y.forEach((value, i) => { luma[Math.floor(i / 4) * stride + (i % 4)] = value; });
  const chroma = format === 'NV12' ? [u[0], v[0], u[1], v[1], 0, 0] : [...u, 0, 0, 0, 0, ...v, 0, 0, 0, 0];
  const layout = format === 'NV12'
    ? [{ offset: 0, stride }, { offset: 2 * stride, stride }]
    : [{ offset: 0, stride }, { offset: 2 * stride, stride }, { offset: 2 * stride + stride, stride }];
  return { planes: new Uint8Array([...luma, ...chroma]), layout, format, matrix: 'bt709', fullRange: false, width: 4, height: 2, window: { x: 2, y: 4, width: 4, height: 2 } };
}

test('video planes to RGBA: limited-range black, white and grey, colours by BT.709, NV12 and I420 alike', () => {
  const y = [16, 235, 126, 126, 16, 235, 126, 126];
  const nv12 = toFrame(planes('NV12', y, [128, 128], [128, 240]));
  const i420 = toFrame(planes('I420', y, [128, 128], [128, 240]));
  assert.deepEqual(nv12, i420);
  assert.deepEqual(nv12.window, { x: 2, y: 4, width: 4, height: 2 });
  const px = (i) => [...nv12.rgba.slice(4 * i, 4 * i + 4)];
  assert.deepEqual(px(0), [0, 0, 0, 255]); // Y 16: black
  assert.deepEqual(px(1), [255, 255, 255, 255]); // Y 235: white
  assert.deepEqual(px(4), [0, 0, 0, 255]);
  // Y 126 (mid grey, 128 after the range is stretched) with Cr 240 (the top): red clamps to
  // 255, green drops by 0.4681 × 127.5, blue stays.
  const [r, g, b] = px(2);
  assert.equal(r, 255);
  assert.ok(Math.abs(g - (128 - 0.4681 * 127.5)) <= 1, `green ${g}`);
  assert.ok(Math.abs(b - 128) <= 1, `blue ${b}`);
  // Full range: Y is the grey level itself.
  const full = toFrame({ ...planes('NV12', y, [128, 128], [128, 128]), fullRange: true });
  assert.deepEqual([...full.rgba.slice(8, 12)], [126, 126, 126, 255]);
  // A frame that is RGBA already passes through.
  const rgba = { rgba: new Uint8Array(4), width: 1, height: 1 };
  assert.equal(toFrame(rgba), rgba);
});

test('a detection finds the faces being followed when as many overlap them', () => {
  const face = (x) => ({ box: { x, y: 10, width: 100, height: 100 } });
  assert.ok(sameFaces([face(12)], [face(10)]));
  assert.ok(!sameFaces([face(80)], [face(10)]), 'moved too far: another face');
  assert.ok(!sameFaces([face(10), face(300)], [face(10)]), 'a new face');
  assert.ok(!sameFaces([], [face(10)]), 'the face is gone');
});

test('threads: one per core where the page is isolated and wasm has threads, else one, with the reason', () => {
  const able = { isolated: true, sharedMemory: true, cores: 2 };
  assert.deepEqual(chooseThreads('auto', able), { threads: 2, reason: '2 threads' });
  assert.equal(chooseThreads('auto', { ...able, cores: 64 }).threads, MAX_THREADS);
  assert.equal(chooseThreads(3, { ...able, cores: 64 }).threads, 3);
  assert.deepEqual(chooseThreads('auto', { ...able, cores: 1 }), { threads: 1, reason: 'one CPU core' });
  assert.deepEqual(chooseThreads(1, able), { threads: 1, reason: 'one thread requested' });
  assert.match(chooseThreads('auto', { ...able, isolated: false }).reason, /not cross-origin isolated/);
  assert.equal(chooseThreads(2, { ...able, sharedMemory: false }).threads, 1);
  assert.match(chooseThreads(2, { ...able, sharedMemory: false }).reason, /no WebAssembly threads/);
  assert.throws(() => chooseThreads(0, able), /whole number/);
  assert.throws(() => chooseThreads('2', able), /whole number/);
  assert.deepEqual([engineFor('cpu', 2), engineFor('cpu', 1), engineFor('webgpu', 2)], ['cpu-mt', 'cpu', 'gpu']);
  assert.deepEqual(
    [engineFor('cpu', 2, true, true), engineFor('cpu', 1, true, true), engineFor('webgpu', 2, true, true), engineFor('cpu', 2, false, true)],
    ['cpu-mt-relaxed', 'cpu-relaxed', 'gpu', 'cpu-nosimd'],
  );
  assert.deepEqual(['cpu-mt', 'cpu-mt-relaxed', 'cpu', 'cpu-relaxed'].map(threadedEngine), [true, true, false, false]);
  assert.deepEqual(withoutThreads('crashed'), { threads: 1, reason: 'one thread: the threaded engine crashed' });
});

test('thread facts: Node has shared wasm memory; a scope without SharedArrayBuffer or isolation has neither', () => {
  assert.equal(threadFacts(globalThis).sharedMemory, true);
  const bare = threadFacts({ navigator: { hardwareConcurrency: 8 } });
  assert.deepEqual(bare, { isolated: false, sharedMemory: false, cores: 8 });
});

test('the page address asks for threads with ?threads=N, a whole number from 1; anything else is auto', () => {
  assert.equal(requestedThreads('?threads=1'), 1);
  assert.equal(requestedThreads('?backend=cpu&threads=3'), 3);
  for (const search of ['', '?threads=0', '?threads=-2', '?threads=1.5', '?threads=two', '?threads=']) {
    assert.equal(requestedThreads(search), 'auto', search);
  }
});

test('wasm SIMD: found where the runtime validates its probe; without it (or with ?simd=0) the engine without SIMD runs, and why is said', () => {
  assert.equal(hasWasmSimd(), true, 'Node (V8) has wasm SIMD');
  const without = { validate: (bytes) => !bytes.includes(253) }; // a runtime that knows no SIMD opcode
  assert.equal(hasWasmSimd(without), false);
  assert.equal(hasWasmSimd(null), false, 'no WebAssembly at all');
  // This Node's V8 may or may not have relaxed SIMD: a browser that has it is told apart by
  // the module it validates.
  const relaxedHere = hasRelaxedSimd(WebAssembly);
  assert.deepEqual(chooseSimd('', WebAssembly), { simd: true, relaxed: relaxedHere, reason: '' });
  assert.deepEqual(chooseSimd('?simd=1&threads=2', WebAssembly), { simd: true, relaxed: relaxedHere, reason: '' });
  const relaxedBrowser = { validate: (bytes) => WebAssembly.validate(bytes) || bytes.includes(133) }; // knows relaxed_madd (0xfd 0x85 0x02)
  assert.equal(hasRelaxedSimd(relaxedBrowser), true);
  assert.deepEqual(chooseSimd('', relaxedBrowser), { simd: true, relaxed: true, reason: '' });
  assert.deepEqual(chooseSimd('?relaxed=0', relaxedBrowser), { simd: true, relaxed: false, reason: '' });
  assert.equal(chooseSimd('?simd=0', relaxedBrowser).relaxed, false);
  assert.equal(hasRelaxedSimd(without), false);
  assert.equal(hasRelaxedSimd(null), false);
  const missing = chooseSimd('', without);
  assert.equal(missing.simd, false);
  assert.ok(missing.reason.includes(NO_SIMD), missing.reason);
  assert.match(missing.reason, /without it runs, on one thread/);
  assert.match(chooseSimd('?backend=cpu&simd=0', WebAssembly).reason, /asks for none \(\?simd=0\)/);
  assert.equal(simdRefused('?simd=0'), true);
  assert.equal(simdRefused('?simd=false'), false);
  assert.deepEqual([engineFor('cpu', 2, false), engineFor('webgpu', 1, false), engineFor('cpu', 1, true)], ['cpu-nosimd', 'cpu-nosimd', 'cpu']);
  // Workers carry the page's choice in their own address, and nothing else of it.
  const url = 'https://example.test/www/js/worker.js';
  assert.equal(workerUrl(url, '?simd=0&threads=1').href, `${url}?simd=0`);
  assert.equal(workerUrl(url, '?relaxed=0&threads=1').href, `${url}?relaxed=0`);
  assert.equal(workerUrl(url, '?threads=1').href, url);
});

test('the mirrored image names each point after the other side; centre points keep their names', () => {
  assert.equal(mirroredName('left_eye_center'), 'right_eye_center');
  assert.equal(mirroredName('right_eyebrow_outer_end'), 'left_eyebrow_outer_end');
  assert.equal(mirroredName('mouth_left_corner'), 'mouth_right_corner');
  assert.equal(mirroredName('nose_tip'), 'nose_tip');
  assert.equal(side(mirroredName('left_eye_inner_corner')), 'right');
});

test('a stored face is checked field by field; a name already taken gets a number', () => {
  const good = { image: new Blob(['x']), width: 640, height: 480, box: [1, 2, 30, 30, 0], prelabel: Array(30).fill(5), label: [null, null, ...Array(28).fill(5)] };
  assert.equal(damage(good), null);
  assert.match(damage({ ...good, image: 'x' }), /image is missing/);
  assert.match(damage({ ...good, box: [1, 2, 0, 30, 0] }), /positive size/);
  assert.match(damage({ ...good, box: [1, 2, NaN, 30, 0] }), /5 numbers/);
  assert.match(damage({ ...good, label: Array(29).fill(1) }), /label is not 30 numbers/);
  assert.match(damage({ ...good, label: [...Array(29).fill(1), 'x'] }), /label is not 30 numbers/);
  assert.match(damage({ ...good, width: 0 }), /size is missing/);
  assert.equal(uniqueName('My faces', new Set()), 'My faces');
  assert.equal(uniqueName('My faces', new Set(['My faces', 'My faces (2)'])), 'My faces (3)');
});
