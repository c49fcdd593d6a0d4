#!/usr/bin/env bash
# Builds the page's two engines for wasm32 (release, SIMD128 from .cargo/config.toml):
#   www/pkg/cpu  burn `flex` only (profile release): browsers without WebGPU or with a
#                software adapter
#   www/pkg/gpu  WebGPU (with fusion) only (profile release-small): hardware adapters
# each with wasm-bindgen's ES-module glue. The worker loads one of them. Installs
# wasm-bindgen-cli at the version Cargo.lock pins when it is missing or different.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET_DIR="${CARGO_TARGET_DIR:-target}"

version=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')
if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $version" ]]; then
  cargo install wasm-bindgen-cli --version "$version"
fi

rm -rf www/pkg
for engine in cpu:release gpu:release-small; do
  name=${engine%%:*} profile=${engine#*:}
  cargo build --profile "$profile" --lib --target wasm32-unknown-unknown --no-default-features --features "web-$name"
  wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
    --out-dir "www/pkg/$name" \
    "$TARGET_DIR/wasm32-unknown-unknown/$profile/facepoints.wasm"
done
ls -l www/pkg/*
