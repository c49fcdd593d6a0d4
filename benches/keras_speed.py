"""The study's Model 2 and Model 3 in Keras 3 on TensorFlow's CPU build: what a user would run
instead of facepoints. Prints one JSON object per line, in benches/native_speed.rs's format,
for benches/native_vs_keras.sh.

The layers come from facepoints' own model presets (`native_speed -- --layers`, on standard
input), so both sides build the same network: batch norm, "same" convolutions with
ReLU, 2x2 max pools, dropout, flatten, dense layers with ReLU but the last.

    python3 -m venv /tmp/tf && /tmp/tf/bin/pip install tensorflow-cpu==2.21.0
    /tmp/tf/bin/python benches/keras_speed.py < layers.json
"""

import json
import os
import statistics
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import numpy as np  # noqa: E402
import keras  # noqa: E402

WARM_STEPS = 2
MIN_STEPS = 4
MIN_SECONDS = 8.0
LATENCY_CALLS = 200


def build(layers):
    """A keras.Sequential for facepoints' ModelConfig layer list, input [B, 96, 96, 1]."""
    last_dense = max(i for i, l in enumerate(layers) if l["type"] == "dense")
    out = [keras.Input((96, 96, 1))]
    for i, layer in enumerate(layers):
        kind = layer["type"]
        if kind == "batch_norm":
            out.append(keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9))
        elif kind == "conv":
            out.append(keras.layers.Conv2D(layer["filters"], layer["kernel"], padding="same", activation="relu"))
        elif kind == "max_pool":
            out.append(keras.layers.MaxPooling2D(2))
        elif kind == "dropout":
            out.append(keras.layers.Dropout(layer["prob"]))
        elif kind == "flatten":
            out.append(keras.layers.Flatten())
        elif kind == "dense":
            out.append(keras.layers.Dense(layer["units"], activation=None if i == last_dense else "relu"))
        else:
            raise ValueError(f"no Keras layer for {kind}")
    return keras.Sequential(out)


def faces(n):
    p = np.arange(96 * 96 * n)
    images = ((p * 7 + (p >> 7)) % 251).astype(np.float32).reshape(n, 96, 96, 1) / 255.0
    coords = (20 + (np.arange(n * 30) * 13) % 56).astype(np.float32).reshape(n, 30)
    return images, coords


def training(name, layers, batch):
    model = build(layers)
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="mse")
    x, y = faces(batch)
    started = time.perf_counter()
    for _ in range(WARM_STEPS):
        model.train_on_batch(x, y)
    warm_up = time.perf_counter() - started
    timed = time.perf_counter()
    steps = 0
    while steps < MIN_STEPS or time.perf_counter() - timed < MIN_SECONDS:
        model.train_on_batch(x, y)  # returns the loss as a number: the step is done
        steps += 1
    seconds = time.perf_counter() - timed
    return {"engine": "keras", "model": name, "what": "training", "batch": batch,
            "images_per_s": round(steps * batch / seconds, 2), "warmup_s": round(warm_up, 2), "steps": steps,
            "params": model.count_params()}


def inference(name, layers):
    """Batch-1 latency, bytes in → keypoints out, the best of Keras's two fast paths: a
    tf.function-compiled call and predict_on_batch (an eager call is ~10x slower)."""
    import tensorflow as tf

    model = build(layers)
    x, _ = faces(1)
    raw = (x * 255).astype(np.uint8)
    compiled = tf.function(lambda t: model(t, training=False))
    paths = {
        "tf.function": lambda: np.asarray(compiled(raw.astype(np.float32) / 255.0)),
        "predict_on_batch": lambda: np.asarray(model.predict_on_batch(raw.astype(np.float32) / 255.0)),
    }
    best = None
    for path, call in paths.items():
        for _ in range(10):
            call()
        ms = []
        for _ in range(LATENCY_CALLS):
            t = time.perf_counter()
            call()
            ms.append((time.perf_counter() - t) * 1e3)
        ms.sort()
        row = {"engine": "keras", "model": name, "what": "inference", "batch": 1, "path": path,
               "median_ms": round(statistics.median(ms), 3), "p95_ms": round(ms[len(ms) * 95 // 100], 3),
               "calls": LATENCY_CALLS}
        if best is None or row["median_ms"] < best["median_ms"]:
            best = row
    return best


def main():
    models = json.load(sys.stdin)
    for name, layers in models.items():
        print(json.dumps(inference(name, layers)), flush=True)
        for batch in (32, 128):
            print(json.dumps(training(name, layers, batch)), flush=True)


if __name__ == "__main__":
    main()
