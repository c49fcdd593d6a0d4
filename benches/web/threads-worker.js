// bench-tfjs.mjs --threads: facepoints' threaded CPU engine in a worker (wasm threads block
// the thread that waits for them, which a page's main thread may not do), timing
// predictFaces there as the page's main thread times TF.js.
let engine = null;

async function start({ engine: name, threads, model, detector }) {
  const fp = await import(`/pkg/${name}/facepoints.js`);
  await fp.default();
  const running = await fp.startThreads(threads);
  engine = await fp.Facepoints.create({ model, detector, backend: 'cpu' });
  return { threads: running };
}

/** `calls` timed calls on `input` (faces of 96×96 bytes) after 3 untimed ones. */
async function time({ input, calls }) {
  for (let i = 0; i < 3; i++) await engine.predictFaces(input);
  const ms = [];
  for (let i = 0; i < calls; i++) {
    const t = performance.now();
    await engine.predictFaces(input);
    ms.push(performance.now() - t);
  }
  return { ms };
}

self.onmessage = async ({ data }) => {
  try {
    postMessage(data.type === 'start' ? await start(data) : await time(data));
  } catch (err) {
    postMessage({ error: String(err?.message ?? err) });
  }
};
