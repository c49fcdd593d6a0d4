// The training worker: runs the CLI's training loop in the CPU engine on faces handed over
// by the page, reports every event, and answers pause / resume / stop between batches
// (the engine asks `control()` after each one and waits while it is paused).
import init, { trainModel } from '../../../pkg/cpu/facepoints.js';
import { serveRequests, transferring, emit } from '../worker-client.js';

const engine = init();
let paused = false;
let stopping = false;
let waiting = null; // resolves the paused run's control promise

/** Lets the worker take its messages (pause, stop) before the next batch. */
function nextTask(callback) {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => callback();
  channel.port2.postMessage(0);
}

function control() {
  return new Promise((resolve) => {
    const answer = () => resolve(stopping ? 'stop' : 'go');
    nextTask(() => {
      if (paused && !stopping) waiting = answer;
      else answer();
    });
  });
}

function release() {
  const go = waiting;
  waiting = null;
  go?.();
}

serveRequests({
  async train({ images, coords, ids, train, valid, split, data, config, backend }) {
    await engine;
    paused = false;
    stopping = false;
    const result = await trainModel(
      images, coords, ids, Uint32Array.from(train), Uint32Array.from(valid),
      split, data, JSON.stringify(config), backend,
      (event) => emit(event), control,
    );
    return transferring(result, [result.checkpoint.buffer]);
  },
}, {
  pause() { paused = true; emit({ type: 'paused' }); },
  resume() { paused = false; emit({ type: 'resumed' }); release(); },
  stop() { stopping = true; release(); },
});
