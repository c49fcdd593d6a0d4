#!/usr/bin/env bash
# Builds the page's engine: the crate for wasm32 (release, SIMD128 from .cargo/config.toml),
# then wasm-bindgen's ES-module glue into www/pkg. Installs wasm-bindgen-cli at the version
# Cargo.lock pins when it is missing or different.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET_DIR="${CARGO_TARGET_DIR:-target}"

version=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')
if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $version" ]]; then
  cargo install wasm-bindgen-cli --version "$version"
fi

cargo build --release --lib --target wasm32-unknown-unknown
rm -rf www/pkg
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
  --out-dir www/pkg \
  "$TARGET_DIR/wasm32-unknown-unknown/release/facepoints.wasm"
ls -l www/pkg
