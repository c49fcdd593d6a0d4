#!/usr/bin/env bash
# Builds the page's two engines for wasm32 (release, SIMD128 from .cargo/config.toml):
#   pkg/cpu  burn `flex` only (profile release): browsers without WebGPU or with a
#            software adapter
#   pkg/gpu  WebGPU (with fusion) only (profile release-small): hardware adapters
# each with wasm-bindgen's ES-module glue and TypeScript declarations (facepoints.d.ts: the
# JS API, typed), then pkg/STAMP (scripts/engine-stamp.sh: the
# sources they came from) and the precompressed copies (scripts/precompress.sh). The built
# engines and STAMP are committed, so a clone serves the page without building them: after
# changing what goes into them, run this and commit pkg/ (the tests say when it is stale).
# Installs wasm-bindgen-cli at the version Cargo.lock pins when it is missing or different.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/steps.sh
TARGET_DIR="${CARGO_TARGET_DIR:-target}"

step "adding the wasm32 target to the pinned Rust (seconds)"
rustup target add wasm32-unknown-unknown >/dev/null
version=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')
if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $version" ]]; then
  step "installing wasm-bindgen-cli $version (about 3 min, once)"
  cargo install --quiet wasm-bindgen-cli --version "$version"
fi

# Each engine's build lints its web-only code too (no separate clippy check for wasm32).
source scripts/clippy-env.sh

for engine in cpu:release gpu:release-small; do
  name=${engine%%:*} profile=${engine#*:}
  step "building the ${name^^} engine (about 7 min cold, 1–3 min after a change)"
  cargo build --quiet --profile "$profile" --lib --target wasm32-unknown-unknown --no-default-features --features "web-$name"
  rm -rf "pkg/$name"
  wasm-bindgen --target web --remove-name-section --remove-producers-section \
    --out-dir "pkg/$name" \
    "$TARGET_DIR/wasm32-unknown-unknown/$profile/facepoints.wasm"
done
bash scripts/engine-stamp.sh > pkg/STAMP
step "compressing the engines (.gz, .br; under a minute)"
bash scripts/precompress.sh
done_steps
ls -l pkg/*
