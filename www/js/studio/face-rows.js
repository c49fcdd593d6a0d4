// The data worker's requests for the user's own faces (Your faces view): their training rows
// in Kaggle's CSV layout (the engine's `kaggleRow`, which `facepoints crops` writes too), a
// label's NME against the model's, and Kaggle CSV files read as faces to label. `engine()`
// resolves to the loaded engine module; `textStream(file)` is a file's text (gzip or not).

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
  return {
    /** training.csv's text for `faces` ({image, box, label, name}). */
    async kaggleCsv({ faces }) {
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
    },
    /** The NME of `predicted` against `truth` over the points both have (null: no scale). */
    async labelledNme({ predicted, truth }) {
      const { labelledNme } = await engine();
      return labelledNme(coords(predicted), coords(truth)) ?? null;
    },
    /** A Kaggle training CSV (plain or gzip) as faces: `{images (9,216 bytes each), coords
     *  (30 each, NaN: empty), box}` with `box` the frame box of such a face
     *  (`kaggleFaceBox`). The data the studio has loaded is not touched. */
    async readKaggleFaces({ file }) {
      const { CsvLoader, kaggleFaceBox } = await engine();
      const loader = new CsvLoader(file.size);
      let faces;
      try {
        const reader = (await textStream(file)).getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          loader.push(value);
        }
        faces = loader.finish();
      } catch (err) {
        throw new Error(`${file.name}: ${err.message ?? err}`);
      } finally {
        loader.free();
      }
      try {
        return { images: faces.images(), coords: faces.coords(), box: Array.from(kaggleFaceBox()) };
      } finally {
        faces.free();
      }
    },
  };
}
