// Pure front-end logic, tested in Node: backend choice and the One Euro filter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseBackend, isSoftware } from '../../www/js/backend-choice.js';
import { OneEuroFilter, KeypointSmoother } from '../../www/js/one-euro.js';
import { side } from '../../www/js/draw.js';

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
