/* tslint:disable */
/* eslint-disable */

/** What `Facepoints.create` loads. */
export interface CreateOptions {
    /** A `.fpk` keypoint model file (one model or an ensemble). */
    model: Uint8Array;
    /** The bytes of `www/models/detectors.bin`: the face detector's weights. */
    detector: Uint8Array;
    backend: "cpu" | "webgpu";
}
/** An image's RGBA pixels, row by row. */
export interface Frame {
    rgba: Uint8Array;
    width: number;
    height: number;
    /** Where these pixels lie in a larger image (they are its region `x, y, width, height`,
     *  read at this frame's size): faces go in and come back in that image's pixels. Absent:
     *  the pixels are the whole image. */
    window?: Region;
}
/** A region of an image, in its pixels. */
export interface Region {
    x: number;
    y: number;
    width: number;
    height: number;
}
/** A region and the size to read it at (`windowToFollow`, `windowToDetect`). */
export interface Window extends Region {
    readWidth: number;
    readHeight: number;
}
/** The faces `track` follows, in canvas coordinates, per face: 5 box numbers (x, y, width,
 *  height, roll in degrees), 30 keypoint coordinates (x/y in Kaggle order) and a score. */
export interface Tracked {
    boxes: Float32Array;
    points: Float32Array;
    scores: Float32Array;
}
/** What `trainModel` trains on and how (the faces by their parts, as `Dataset` gives them). */
export interface TrainOptions {
    /** 9,216 bytes (96×96 grayscale) per face. */
    images: Uint8Array;
    /** 30 coordinates per face (x/y in Kaggle order, NaN where missing). */
    coords: Float32Array;
    ids: Uint32Array;
    /** The rows that train and the rows that validate. */
    train: Uint32Array;
    valid: Uint32Array;
    /** The split in words, kept in the model file. */
    split: string;
    /** What the data is (its sha256), kept in the model file. */
    data: string;
    /** The `TrainingConfig` JSON that `facepoints train --config` reads (its `init.from` names
     *  the model to start from, when `init` is given). */
    config: string;
    /** A model file (`.fpk`) to start from: the run trains on from its weights, with its
     *  architecture and scaling (fine-tuning); absent: random weights. */
    init?: Uint8Array;
    backend: "cpu" | "webgpu";
    /** Called with each `TrainEvent`. */
    onEvent: (event: object) => void;
    /** Asked after every batch: resolves to "stop" to end the run; does not resolve while paused. */
    control: () => unknown;
    /** Called with the best weights so far (`.fpk` bytes), the epoch and its validation RMSE. */
    onCheckpoint: (checkpoint: Uint8Array, epoch: number, rmse: number) => void;
}
/** `Dataset.augment`: `count` variants of face `row`, drawn with `seed`. */
export interface AugmentOptions {
    row: number;
    /** The `AugmentConfig` JSON. */
    config: string;
    seed: number;
    count: number;
}
/** `Dataset.knnSearch`: the rows that train, the rows scored, the values of k. */
export interface KnnOptions {
    train: Uint32Array;
    valid: Uint32Array;
    ks: Uint32Array;
}
/** `Dataset.evaluate`: a `.fpk` scored on `rows`, with or without the test-time flip. */
export interface EvaluateOptions {
    model: Uint8Array;
    rows: Uint32Array;
    flip: boolean;
}
/** `ensembleFile`: the members (`.fpk` files) and what the ensemble file says of itself. */
export interface EnsembleOptions {
    members: Uint8Array[];
    flip: boolean;
    /** NaN: not scored. */
    validRmse: number;
    split: string;
}
/** `searchTrials`: the search space and base settings (JSON), the seed, how many trials. */
export interface TrialsOptions {
    space: string;
    base: string;
    seed: number;
    trials: number;
}
/** `submissionCsv`: the model, Kaggle's test.csv and IdLookupTable.csv (plain or gzip). */
export interface SubmissionOptions {
    model: Uint8Array;
    test: Uint8Array;
    lookup: Uint8Array;
}
/** `augmentBenchmark`: faces (9,216 bytes and 30 coordinates each), augmented `rounds` times. */
export interface BenchmarkOptions {
    gray: Uint8Array;
    coords: Float32Array;
    rounds: number;
}



/**
 * Parses a Kaggle CSV pushed in chunks of plain text (the page decompresses gzip with
 * `DecompressionStream` first). Errors are the CLI's: row, line and column.
 */
export class CsvLoader {
    free(): void;
    [Symbol.dispose](): void;
    /**
     * The end of the input: the faces, or what is wrong with the file's end.
     */
    finish(): Dataset;
    /**
     * `size_hint`: the text's length in bytes when known (a plain file's size), else 0; it
     * lets the loader reserve the faces' memory once.
     */
    constructor(size_hint: number);
    /**
     * Parses the lines `chunk` completes.
     */
    push(chunk: Uint8Array | number[]): void;
    /**
     * Faces read so far.
     */
    readonly faces: number;
}

/**
 * Loaded faces, with the people they show when a `meta.csv` says so.
 */
export class Dataset {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Augmented variants of a face through the training pipeline (`AugmentOptions`, the
     * config an `AugmentConfig` JSON); variant `v` is drawn from the seed and `v` alone, so a
     * re-roll with the same seed shows the same faces: `[{image, coords, steps, kinds,
     * pushed_out, flipped}]`.
     */
    augment(options: AugmentOptions): any;
    /**
     * The 30 coordinates of each of `rows` (`NaN`: missing).
     */
    coordsOf(rows: Uint32Array | number[]): Float32Array;
    /**
     * Every face's coordinates.
     */
    coords(): Float32Array;
    /**
     * The rows a filter keeps: `all`, `complete`, `partial`, or `missing` (rows without
     * keypoint `keypoint`, 0-based Kaggle order).
     */
    filter(kind: string, keypoint: number): Uint32Array;
    /**
     * Every face's id (`ImageId`, else its row number).
     */
    ids(): Uint32Array;
    imagesOf(rows: Uint32Array | number[]): Uint8Array;
    /**
     * Every face's pixels (for the training worker).
     */
    images(): Uint8Array;
    /**
     * The study's KNN baseline for every k of `ks`: each validation face gets the mean
     * keypoints of its k nearest training faces (pixel distance), as `facepoints knn` and
     * `report` search it. Resolves to `[{k, rmse: {overall, per_keypoint, count}}]` in the
     * order of `ks`.
     */
    knnSearch(options: KnnOptions): any;
    /**
     * The people of the faces from a `meta.csv` (plain text; the page decompresses gzip):
     * its `training` rows, one per face. Returns how many people there are.
     */
    setPeople(meta_csv: Uint8Array | number[]): number;
    /**
     * The split the CLI's `train` makes with the same settings: by person when the people
     * are known, else by row. `{kind, train, valid, info}`.
     */
    split(fraction: number, seed: bigint): any;
    /**
     * `{rows, complete, per_keypoint, names, pixel_bytes}`.
     */
    stats(): any;
    /**
     * Number of faces.
     */
    readonly length: number;
}

/**
 * Face detection and keypoints on one backend.
 */
export class Facepoints {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Loads a `.fpk` keypoint model and the face detector's weights (`CreateOptions`) on a
     * backend and warms them up with one detection on a blank frame, so the first real call
     * is not the slow one.
     */
    static create(options: CreateOptions): Promise<Facepoints>;
    /**
     * Faces in an RGBA frame → `{faces: [{box, score, keypoints}], timings}` in canvas
     * coordinates (of the larger image when the frame is a `window` of one).
     */
    detect(frame: Frame): Promise<any>;
    /**
     * Keypoints of ready 96×96 grayscale faces (`gray`: 9,216 bytes per face) → 30
     * numbers per face, in 96×96 pixels.
     */
    predictFaces(gray: Uint8Array | number[]): Promise<any>;
    /**
     * Re-crops the `previous` faces (`Tracked`, as `detect` gave them) from their keypoints
     * in a new frame and predicts again, without the detector.
     */
    track(frame: Frame, previous: Tracked): Promise<any>;
    /**
     * The window of a `width × height` video frame to look for faces in (`Window`): the
     * frame, shrunk to what the detector needs.
     */
    windowToDetect(width: number, height: number): any;
    /**
     * The region of a `width × height` frame that `track` needs to follow `previous` into
     * it, and the size to read it at (`Window`); `last`, the window read for the frame
     * before, is kept while it still serves, so a still face is read the same way.
     */
    windowToFollow(previous: Tracked, width: number, height: number, last: any): any;
    /**
     * The backend and adapter, e.g. `flex (CPU)`.
     */
    readonly backend: string;
    /**
     * The model's description (JSON: architecture, normalisation, training summary).
     */
    readonly model: string;
}

/**
 * An ablation's table from `[[variant, [rmse per seed]]]` (`NaN`: a failed run): `[{name,
 * rmses, mean, sd, delta, verdict}]`, as `facepoints ablate` prints it.
 */
export function ablationTable(results: any): any;

/**
 * The ablation's variants of an `AugmentConfig` JSON, as `facepoints ablate` trains them:
 * `[{name, augment}]` (`augment` null for "none").
 */
export function ablationVariants(augment: string): string;

/**
 * Augmented faces per second through the study's default pipeline, single-threaded, in this
 * wasm (the native figure is `cargo bench --bench augment`), from `BenchmarkOptions`: `gray`
 * 9,216 bytes per face, `coords` 30 per face, every face augmented `rounds` times.
 */
export function augmentBenchmark(options: BenchmarkOptions): number;

/**
 * Augmentation settings imported from a file, read as `facepoints train --augment-config`
 * reads them (a field the settings do not have, or a value out of range, refused by name),
 * given back whole as JSON.
 */
export function checkAugmentConfig(json: string): string;

/**
 * The study's augmentation settings (the CLI's `--augment` defaults), as JSON.
 */
export function defaultAugmentConfig(): string;

/**
 * The built-in search space, as the JSON `facepoints search --space` reads.
 */
export function defaultSearchSpace(): string;

/**
 * The backends this engine has (a page loads the CPU engine or the GPU engine).
 */
export function engineBackends(): string[];

/**
 * Whether this engine can run its kernels on several threads (the threaded CPU engine).
 */
export function engineHasThreads(): boolean;

/**
 * One model file holding every model of the members (`EnsembleOptions`: each a `.fpk`,
 * single or ensemble), as `facepoints ensemble` writes it: `flip` saves the test-time flip
 * with it; `validRmse` (NaN: not scored) and `split` say how it scored.
 */
export function ensembleFile(options: EnsembleOptions): Uint8Array;

/**
 * The box and roll (`x, y, width, height, roll°`) of the face a 96×96 Kaggle face is, as a
 * frame of its own: the box whose crop is the whole face (the inverse of `kaggleRow`'s
 * framing), so an imported training face is labelled and exported like a captured one.
 */
export function kaggleFaceBox(): Float32Array;

/**
 * training.csv's header line (no line break).
 */
export function kaggleHeader(): string;

/**
 * One training.csv row (no line break) of a face in an RGBA frame: `face_box` is the box
 * and roll the page got with the face (`x, y, width, height, roll°`), which name the crop
 * its keypoints were predicted in; `coords` are 30 canvas coordinates (x, y in Kaggle
 * order), NaN for a keypoint not visible.
 */
export function kaggleRow(rgba: Uint8Array | number[], width: number, height: number, face_box: Float32Array | number[], coords: Float32Array | number[]): string;

/**
 * The 15 keypoints' names in Kaggle column order: the page's one source for them.
 */
export function keypointNames(): string[];

/**
 * How far `predicted` is from `truth` (30 coordinates each, NaN for a keypoint not
 * labelled), as `facepoints bench-e2e` scores: `{nme, points}` (the NME over the keypoints
 * both have; each keypoint's distance over the outer eye corners' distance, NaN where
 * absent), or `undefined` when `truth` lacks an outer eye corner.
 */
export function labelledErrors(predicted: Float32Array | number[], truth: Float32Array | number[]): any;

/**
 * The message of the last panic ("panicked at src/…:12:5: …"), once: a second call gives
 * `undefined` until the next panic.
 */
export function lastPanic(): string | undefined;

/**
 * `{params, layers, activations_per_face, batch_bytes}` of a `ModelConfig` JSON (or a
 * preset name) at `batch` faces per step; an error names what is wrong with the network.
 */
export function modelSize(model: string, batch: number): any;

/**
 * Panics with `message`. The page's tests use it to check that an engine crash is shown with
 * its message and that the detector starts again.
 */
export function panicForTesting(message: string): void;

/**
 * Panics with `message` inside a future, after it has once waited: where an async call's
 * panic surfaces (the threaded engine runs futures from promise callbacks, so the trap is an
 * unhandled rejection of the worker, not a rejection of the call's promise).
 */
export function panicLaterForTesting(message: string): Promise<any>;

/**
 * The trials `facepoints search --space <space> --search-seed <seed> --trials <trials>`
 * draws from the base settings (`TrialsOptions`: the space and the base a `SearchSpace` and a
 * `TrainingConfig` JSON): `[{config, label}]`, where `config` is a `TrainingConfig` JSON and
 * `label` its drawn settings in words.
 */
export function searchTrials(options: TrialsOptions): string;

/**
 * Keeps every panic's place and message for `lastPanic()` (a panic traps the instance, and
 * the JS side sees only "unreachable"), and still logs it with its stack on the console.
 */
export function start(): void;

/**
 * Starts `threads` workers for the kernels (at most once, before the engine's first
 * operation; the page calls it right after loading the threaded engine) and returns how many
 * threads the kernels now use. Engines without threads return 1 and start nothing.
 */
export function startThreads(threads: number): Promise<number>;

/**
 * The values of k the study's table tries (`facepoints report`'s default `--k`).
 */
export function studyKs(): Uint32Array;

/**
 * The study's own results: `[{model, augmented, rmse}]`, the reference column.
 */
export function studyResults(): string;

/**
 * Trains as `facepoints train --config <config>` does, on the faces given by their parts,
 * split into the `train` / `valid` rows (`TrainOptions`). Resolves to `{checkpoint:
 * Uint8Array, best_epoch, best_rmse, epochs_run, stopped}`.
 */
export function trainModel(options: TrainOptions): Promise<any>;

/**
 * The CLI's training settings for `{model, learning_rate?, optimizer?, schedule?}` (the
 * optimizer `adam` | `sgd` and schedule `constant` | `step` | `cosine` as `facepoints
 * train` sets them) with every other field at its default, as the JSON `facepoints train
 * --config` reads: the page starts from it and changes the numbers its form sets.
 */
export function trainingConfig(options: any): string;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __wbg_csvloader_free: (a: number, b: number) => void;
    readonly __wbg_dataset_free: (a: number, b: number) => void;
    readonly __wbg_facepoints_free: (a: number, b: number) => void;
    readonly ablationTable: (a: number, b: any) => void;
    readonly ablationVariants: (a: number, b: number, c: number) => void;
    readonly augmentBenchmark: (a: number, b: any) => void;
    readonly checkAugmentConfig: (a: number, b: number, c: number) => void;
    readonly csvloader_faces: (a: number) => number;
    readonly csvloader_finish: (a: number, b: number) => void;
    readonly csvloader_new: (a: number) => number;
    readonly csvloader_push: (a: number, b: number, c: number, d: number) => void;
    readonly dataset_augment: (a: number, b: number, c: any) => void;
    readonly dataset_coords: (a: number, b: number) => void;
    readonly dataset_coordsOf: (a: number, b: number, c: number, d: number) => void;
    readonly dataset_filter: (a: number, b: number, c: number, d: number, e: number) => void;
    readonly dataset_ids: (a: number, b: number) => void;
    readonly dataset_images: (a: number, b: number) => void;
    readonly dataset_imagesOf: (a: number, b: number, c: number, d: number) => void;
    readonly dataset_knnSearch: (a: number, b: number, c: any) => void;
    readonly dataset_length: (a: number) => number;
    readonly dataset_setPeople: (a: number, b: number, c: number, d: number) => void;
    readonly dataset_split: (a: number, b: number, c: number, d: bigint) => void;
    readonly dataset_stats: (a: number, b: number) => void;
    readonly defaultAugmentConfig: (a: number) => void;
    readonly defaultSearchSpace: (a: number) => void;
    readonly engineBackends: (a: number) => void;
    readonly engineHasThreads: () => number;
    readonly ensembleFile: (a: number, b: any) => void;
    readonly facepoints_backend: (a: number, b: number) => void;
    readonly facepoints_create: (a: any) => any;
    readonly facepoints_detect: (a: number, b: number, c: any) => void;
    readonly facepoints_model: (a: number, b: number) => void;
    readonly facepoints_predictFaces: (a: number, b: number, c: number) => any;
    readonly facepoints_track: (a: number, b: number, c: any, d: any) => void;
    readonly facepoints_windowToDetect: (a: number, b: number, c: number, d: number) => void;
    readonly facepoints_windowToFollow: (a: number, b: number, c: any, d: number, e: number, f: any) => void;
    readonly kaggleFaceBox: (a: number) => void;
    readonly kaggleHeader: (a: number) => void;
    readonly kaggleRow: (a: number, b: number, c: number, d: number, e: number, f: number, g: number, h: number, i: number) => void;
    readonly keypointNames: (a: number) => void;
    readonly labelledErrors: (a: number, b: number, c: number, d: number, e: number) => void;
    readonly lastPanic: (a: number) => void;
    readonly modelSize: (a: number, b: number, c: number, d: number) => void;
    readonly panicForTesting: (a: number, b: number) => void;
    readonly panicLaterForTesting: (a: number, b: number) => any;
    readonly searchTrials: (a: number, b: any) => void;
    readonly start: () => void;
    readonly startThreads: (a: number) => any;
    readonly studyKs: (a: number) => void;
    readonly studyResults: (a: number) => void;
    readonly trainModel: (a: any) => any;
    readonly trainingConfig: (a: number, b: any) => void;
    readonly __wasm_bindgen_func_elem_57250: (a: number, b: number, c: number, d: any) => void;
    readonly __wasm_bindgen_func_elem_57250_54: (a: number, b: number, c: number, d: any) => void;
    readonly __wasm_bindgen_func_elem_57250_55: (a: number, b: number, c: number, d: any) => void;
    readonly __wasm_bindgen_func_elem_87785: (a: number, b: number, c: number, d: any) => void;
    readonly __wasm_bindgen_func_elem_87792: (a: number, b: number, c: any, d: any) => void;
    readonly __wasm_bindgen_func_elem_57251: (a: number, b: number, c: any) => void;
    readonly __wasm_bindgen_func_elem_57251_53: (a: number, b: number, c: any) => void;
    readonly __wbindgen_export: (a: number, b: number) => number;
    readonly __wbindgen_export2: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_export3: (a: number, b: number, c: number) => void;
    readonly __wbindgen_export4: (a: number) => void;
    readonly __wbindgen_export5: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __wbindgen_export6: (a: number, b: number) => void;
    readonly __wbindgen_export7: (a: number, b: number) => void;
    readonly __wbindgen_add_to_stack_pointer: (a: number) => number;
    readonly __wbindgen_export8: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
