// The One Euro filter (Casiez, Roussel & Vogel, CHI 2012): a low-pass filter whose cutoff
// rises with speed, so still keypoints stop jittering and moving ones do not lag. Speeds are
// measured in face sizes per second (the caller gives the size), so one setting fits a face
// near the camera and one far from it.

function alpha(cutoff, dt) {
  const tau = 1 / (2 * Math.PI * cutoff);
  return 1 / (1 + tau / dt);
}

export class OneEuroFilter {
  /** @param {{minCutoff?: number, beta?: number, dCutoff?: number}} [options] (Hz, s per face size, Hz) */
  constructor({ minCutoff = 1.0, beta = 0.05, dCutoff = 1.0 } = {}) {
    Object.assign(this, { minCutoff, beta, dCutoff });
    this.reset();
  }

  reset() {
    this.x = null;
    this.dx = 0;
    this.t = null;
  }

  /** Filters value `x` observed at time `t` (seconds); `scale`: the size speeds are measured in. */
  filter(x, t, scale = 1) {
    if (this.x === null || t <= this.t) {
      [this.x, this.t] = [x, t];
      return x;
    }
    const dt = t - this.t;
    const dx = (x - this.x) / dt;
    this.dx += alpha(this.dCutoff, dt) * (dx - this.dx);
    const cutoff = this.minCutoff + (this.beta * Math.abs(this.dx)) / scale;
    this.x += alpha(cutoff, dt) * (x - this.x);
    this.t = t;
    return this.x;
  }
}

/** One filter per coordinate of every keypoint of one face. */
export class KeypointSmoother {
  constructor(options) {
    this.options = options;
    this.filters = [];
  }

  reset() {
    this.filters = [];
  }

  /** Smoothed copy of `face` (keypoints filtered in place order) at time `t` seconds. */
  smooth(face, t) {
    const values = face.keypoints.flatMap((k) => [k.x, k.y]);
    if (this.filters.length !== values.length) {
      this.filters = values.map(() => new OneEuroFilter(this.options));
    }
    const size = face.box?.width || 1;
    const out = values.map((v, i) => this.filters[i].filter(v, t, size));
    return {
      ...face,
      keypoints: face.keypoints.map((k, i) => ({ ...k, x: out[2 * i], y: out[2 * i + 1] })),
    };
  }
}
