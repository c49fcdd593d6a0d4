// A module Worker behind promises: `request(type, args, transfer)` resolves with the
// worker's result or rejects with its message; messages the worker sends without an id
// (progress, training events) go to `onEvent`; a failure marked `crashed` also goes to
// `onCrash` (the engine in the worker is not to be trusted again).
//
// Worker side protocol: {id, type, ...args} in; {id, ok: true, result} or
// {id, ok: false, error, crashed?} out; {event: {...}} for events.

export class WorkerClient {
  #worker;
  #next = 1;
  #pending = new Map();

  /**
   * @param {URL} url  the worker module
   * @param {(event: object) => void} [onEvent]
   * @param {{name?: string, onCrash?: (message: string) => void}} [options]  `name` says
   *   which worker failed in messages
   */
  constructor(url, onEvent = () => {}, { name = 'the', onCrash = () => {} } = {}) {
    this.#worker = new Worker(url, { type: 'module' });
    this.#worker.onmessage = ({ data }) => {
      // The engine crashed outside a request's own answer (a trap in an async call's task):
      // what is pending fails with the crash, as a crashed request would.
      if (data.event?.type === 'crashed') {
        this.#rejectAll(data.event.error);
        return onCrash(data.event.error);
      }
      if (data.event) return onEvent(data.event);
      const request = this.#pending.get(data.id);
      if (!request) return;
      this.#pending.delete(data.id);
      if (data.ok) return request.resolve(data.result);
      request.reject(new Error(data.error));
      if (data.crashed) onCrash(data.error);
    };
    this.#worker.onerror = (event) => {
      this.#rejectAll(`${name} worker failed: ${event.message || 'could not start'}`);
    };
  }

  #rejectAll(message) {
    for (const request of this.#pending.values()) request.reject(new Error(message));
    this.#pending.clear();
  }

  request(type, args = {}, transfer = []) {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, type, ...args }, transfer);
    });
  }

  /** A message that expects no answer (pause, resume, stop, cancel). */
  signal(type, args = {}) {
    this.#worker.postMessage({ type, ...args });
  }

  /** Stops the worker; requests still waiting reject with `message`. */
  terminate(message = 'the worker was stopped') {
    this.#worker.terminate();
    this.#rejectAll(message);
  }
}

/** The worker side: answers requests with `handlers[type](args)`; `signals[type](args)`
 *  handle messages without an id; `explain(err)` turns a failure into `{error, crashed?}`
 *  (by default its message). */
export function serveRequests(handlers, signals = {}, { explain = message } = {}) {
  self.onmessage = async ({ data: { id, type, ...args } }) => {
    if (id === undefined) return signals[type]?.(args);
    try {
      const handler = handlers[type];
      if (!handler) throw new Error(`unknown request "${type}"`);
      const { result, transfer = [] } = wrap(await handler(args));
      self.postMessage({ id, ok: true, result }, transfer);
    } catch (err) {
      self.postMessage({ id, ok: false, ...explain(err) });
    }
  };
}

function message(err) {
  return { error: err instanceof Error ? err.message : String(err) };
}

/** A handler may return `{result, transfer}` to hand buffers over instead of copying. */
export function transferring(result, transfer) {
  return { [TRANSFER]: true, result, transfer };
}
const TRANSFER = Symbol('transfer');
function wrap(value) {
  return value && value[TRANSFER] ? value : { result: value };
}

/** Sends an event (no id) to the page. */
export function emit(event, transfer = []) {
  self.postMessage({ event }, transfer);
}
