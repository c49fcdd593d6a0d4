// The data worker's requests for the user's own faces (Your faces view, fine-tuning): their
// training rows in Kaggle's CSV layout (the engine's `kaggleRow`, which `facepoints crops`
// writes too) and those rows as faces to train on or to score models with, a label's errors
// against the model's, and Kaggle CSV files read as faces to label. `engine()` resolves to
// the loaded engine module; `textStream(file)` is a file's text (gzip or not).

/** A stored label (null: not visible) as the engine takes it (NaN). */
const coords = (label) => Float32Array.from(label, (v) => (v === null ? NaN : v));

/** The RGBA pixels of an image Blob. */
async function rgbaOf(blob) {
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  return ctx.getImageData(0, 0, canvas.width, canvas.height);
}

export function faceHandlers({ engine, textStream }) {
  /** training.csv's text for `faces` ({image, box, label, name}). */
  async function csvOf(faces) {
    const { kaggleHeader, kaggleRow } = await engine();
    const lines = [kaggleHeader()];
    for (const face of faces) {
      let pixels;
      try {
        pixels = await rgbaOf(face.image);
      } catch {
        throw new Error(`the frame of ${face.name || 'a face'} could not be read back: delete that face and capture it again`);
      }
      lines.push(kaggleRow(new Uint8Array(pixels.data.buffer), pixels.width, pixels.height, Float32Array.from(face.box), coords(face.label)));
    }
    return `${lines.join('\n')}\n`;
  }

  /** Faces read from training.csv text or a stream of it, by the CLI's parser (a
   *  `Dataset`, to be freed). */
  async function parse(chunks, size, name) {
    const { CsvLoader } = await engine();
    const loader = new CsvLoader(size);
    try {
      for await (const chunk of chunks) loader.push(chunk);
      return loader.finish();
    } catch (err) {
      throw new Error(`${name}: ${err.message ?? err}`);
    } finally {
      loader.free();
    }
  }

  /** `faces` as the 96×96 crops and crop coordinates their training.csv rows hold. */
  async function cropsOf(faces) {
    const text = new TextEncoder().encode(await csvOf(faces));
    return parse([text], text.length, 'your faces');
  }

  return {
    kaggleCsv({ faces }) {
      return csvOf(faces);
    },
    /** The faces' crops to train on: `{images (9,216 bytes each), coords (30 each, NaN:
     *  not visible)}`, exactly the rows their training.csv export holds. */
    async faceCrops({ faces }) {
      const set = await cropsOf(faces);
      try {
        return { images: set.images(), coords: set.coords() };
      } finally {
        set.free();
      }
    },
    /** Each model (.fpk bytes) on `faces`' crops: `[{predictions (30 per face, crop
     *  pixels), nme (per face; null without an outer eye corner), points (each keypoint's
     *  mean error over the eye corners' distance, NaN where never labelled), mean (the mean
     *  NME)}]`, scored as `labelledErrors` scores. */
    async scoreFaces({ faces, models }) {
      const { labelledErrors } = await engine();
      const set = await cropsOf(faces);
      try {
        const truth = set.coords();
        const rows = Uint32Array.from(faces.keys());
        const scores = [];
        for (const bytes of models) {
          const { predictions } = await set.evaluate({ model: new Uint8Array(bytes), rows, flip: false });
          const sums = new Float64Array(15);
          const counts = new Uint32Array(15);
          const nme = [];
          for (let i = 0; i < faces.length; i++) {
            const errors = labelledErrors(predictions.subarray(30 * i, 30 * i + 30), truth.subarray(30 * i, 30 * i + 30));
            nme.push(errors?.nme ?? null);
            errors?.points.forEach((e, k) => { if (!Number.isNaN(e)) { sums[k] += e; counts[k]++; } });
          }
          const scored = nme.filter((v) => v !== null);
          scores.push({
            predictions: Array.from(predictions),
            nme,
            points: Array.from(sums, (s, k) => (counts[k] ? s / counts[k] : NaN)),
            mean: scored.length ? scored.reduce((a, b) => a + b, 0) / scored.length : null,
          });
        }
        return { scores, truth: Array.from(truth), images: set.images() };
      } finally {
        set.free();
      }
    },
    /** How far the model's points are from a label: `{nme, points}` (labelledErrors), or
     *  null without an outer eye corner. */
    async labelledErrors({ predicted, truth }) {
      const { labelledErrors } = await engine();
      const errors = labelledErrors(coords(predicted), coords(truth));
      return errors ? { nme: errors.nme, points: Array.from(errors.points) } : null;
    },
    /** A Kaggle training CSV (plain or gzip) as faces: `{images (9,216 bytes each), coords
     *  (30 each, NaN: empty), box}` with `box` the frame box of such a face
     *  (`kaggleFaceBox`). The data the studio has loaded is not touched. */
    async readKaggleFaces({ file }) {
      const { kaggleFaceBox } = await engine();
      const reader = (await textStream(file)).getReader();
      const chunks = {
        async *[Symbol.asyncIterator]() {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) return;
            yield value;
          }
        },
      };
      const faces = await parse(chunks, file.size, file.name);
      try {
        return { images: faces.images(), coords: faces.coords(), box: Array.from(kaggleFaceBox()) };
      } finally {
        faces.free();
      }
    },
  };
}
