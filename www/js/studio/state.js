// What the studio's views share: the data worker, the loaded data's summary, the
// augmentation settings (the Augment view edits them, the Train view trains with them) and
// events between views (`data`: new data loaded; `augment`: settings changed; `models`: the
// model list changed; `runs`: the Runs view listed them anew (the records); `use-model`: a
// model is to be used in Try it).
import { WorkerClient } from '../worker-client.js';
import { workerUrl } from '../wasm-features.js';

class Studio extends EventTarget {
  /** @type {WorkerClient} */
  #data = null;
  /** @type {{name: string, stats: object, split: object, people: number}|null} */
  dataset = null;
  /** The AugmentConfig (the CLI's JSON) the Train view uses. */
  augment = null;
  /** The page's detector (whichever model Try it uses), once it runs; Your faces captures
   *  with it. `detectorError`: why it could not start. */
  detector = null;
  detectorError = null;

  /** The data worker, started on first use; `progress` events are re-sent as `progress`. */
  get data() {
    if (!this.#data) {
      this.#data = new WorkerClient(workerUrl(new URL('./data-worker.js', import.meta.url)), (event) => {
        this.dispatchEvent(new CustomEvent(event.type, { detail: event }));
      });
    }
    return this.#data;
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}

export const studio = new Studio();
