#!/usr/bin/env bash
# facepoints (flex CPU backend, the CLI's build) beside Keras 3 on TensorFlow's CPU build, the
# study's Model 2 and Model 3, on this machine in one run: training images/s at batch 32 and
# 128 (Adam, after warm-up steps) and batch-1 inference ms. Run by hand, not in CI:
#   python3 -m venv /tmp/tf && /tmp/tf/bin/pip install tensorflow-cpu==2.21.0
#   PYTHON=/tmp/tf/bin/python bash benches/native_vs_keras.sh
# Prints a markdown table (ratio > 1: facepoints faster) and leaves the JSON lines in
# ${OUT:-native-vs-keras.jsonl}.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
OUT="${OUT:-native-vs-keras.jsonl}"
bench() { cargo bench --profile dev --bench native_speed -q -- "$@" 2>/dev/null; }
cargo bench --profile dev --bench native_speed --no-run -q
bench --layers > "$OUT.layers"
{
  bench model2 model3
  "$PYTHON" benches/keras_speed.py < "$OUT.layers"
} | tee "$OUT"
rm -f "$OUT.layers"
"$PYTHON" - "$OUT" <<'PY'
import json, os, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
key = lambda r: (r["model"], r["what"], r["batch"])
fp = {key(r): r for r in rows if r["engine"] == "facepoints"}
ks = {key(r): r for r in rows if r["engine"] == "keras"}
before = {key(r): r for r in rows if r["engine"] == "facepoints-burn-modules"}
print(f"\nnative, {os.cpu_count()} cores; ratio > 1: facepoints faster\n")
print("| model | measure | batch | facepoints | Keras 3 / TF 2.21 | ratio |")
print("|---|---|---|---|---|---|")
for k in sorted(fp):
    a, b = fp[k], ks.get(k)
    if b is None:
        continue
    if k[1] == "training":
        print(f"| {k[0]} | training, images/s (warm-up {a['warmup_s']} s / {b['warmup_s']} s) | {k[2]} | {a['images_per_s']:.1f} | {b['images_per_s']:.1f} | **{a['images_per_s'] / b['images_per_s']:.2f}×** |")
    else:
        for q in ("median_ms", "p95_ms"):
            was = f" (through burn's modules: {before[k][q]:.2f})" if k in before else ""
            print(f"| {k[0]} | inference, {q.replace('_ms', '')} ms, Keras: {b.get('path', '?')} | {k[2]} | {a[q]:.2f}{was} | {b[q]:.2f} | **{b[q] / a[q]:.2f}×** |")
PY
