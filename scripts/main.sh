#!/usr/bin/env bash
# Sets up the toolchain, builds the facepoints CLI and runs the main job: train the study's
# best model (Model 3) on ytf_kaggle96 with a person-grouped holdout, save it, evaluate it.
# Extra arguments go to `facepoints train` (e.g. --epochs 5, --max-minutes 20, --backend wgpu).
set -euo pipefail
cd "$(dirname "$0")/.."
data=${FACEPOINTS_DATA:-../shared/data/ytf_kaggle96}

rustup show active-toolchain >/dev/null 2>&1 || rustup toolchain install
fp() { cargo run --quiet --bin facepoints -- "$@"; }
mkdir -p runs
fp train --data "$data/training.csv.gz" --groups "$data/meta.csv.gz" \
  --model model3 --out runs/model3.fpk "$@"
fp eval --model runs/model3.fpk \
  --data "$data/training.csv.gz" --groups "$data/meta.csv.gz"
