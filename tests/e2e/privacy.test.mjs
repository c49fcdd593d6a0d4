// Privacy: nothing a person gives the page leaves the browser. Every browser of every test
// file records its pages' and workers' requests and WebSockets (harness.mjs, watchNetwork),
// and closing it fails the test when anything but a GET of the page's own files went out:
// the photo, webcam, studio, training, export and fine-tuning tests all run under that
// check. This file shows the recorder sees what it must (a worker's fetches) and catches
// what it must (a POST with a body, a beacon, a WebSocket, a query carrying data).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, browser, openPage } from './harness.mjs';

let server;

before(async () => {
  server = await serve();
});

after(() => server?.close());

test('the recorder sees the requests of the page and of its workers, and a normal session passes', async () => {
  const chrome = await browser({ webgpu: false });
  const page = await openPage(chrome, server.url);
  const paths = chrome.network.requests.map((r) => new URL(r.url).pathname);
  // The engine is fetched by the inference worker, not the page: a recorder blind to
  // workers would miss it.
  assert.ok(paths.some((p) => /^\/pkg\/cpu(-mt)?(-relaxed)?\/facepoints_bg\.wasm$/.test(p)), paths.join(' '));
  assert.ok(paths.includes('/www/models/detectors.bin'), paths.join(' '));
  assert.deepEqual(chrome.network.problems(), []);
  await page.close();
  await chrome.close(); // would throw on a problem
});

test('anything sent out is caught: a body, a beacon, a WebSocket, data in a query', async () => {
  const chrome = await browser({ webgpu: false });
  const page = await openPage(chrome, server.url);
  await page.evaluate(async () => {
    await fetch('/www/upload', { method: 'POST', body: 'the face' }).catch(() => {});
    navigator.sendBeacon('/www/beacon', 'keypoints');
    await fetch('/www/js/page.js?points=1,2,3').catch(() => {});
    const ws = new WebSocket(location.origin.replace('http', 'ws') + '/www/socket');
    await new Promise((resolve) => { ws.onerror = resolve; ws.onclose = resolve; setTimeout(resolve, 3000); });
  });
  // The beacon is sent after the call returns: wait for it to be recorded.
  const started = Date.now();
  while (!chrome.network.requests.some((r) => r.url.endsWith('/www/beacon')) && Date.now() - started < 5000) {
    await new Promise((r) => setTimeout(r, 100));
  }
  const problems = chrome.network.problems();
  for (const expected of [/^POST .*\/www\/upload .*8 bytes of body/, /^POST .*\/www\/beacon /, /^GET .*page\.js\?points=1,2,3/, /^WebSocket ws:.*\/www\/socket/]) {
    assert.ok(problems.some((p) => expected.test(p)), `${expected} in:\n${problems.join('\n')}`);
  }
  await assert.rejects(chrome.close(), /the page sent what it must not/);
});
