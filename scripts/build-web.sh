#!/usr/bin/env bash
# Builds the page's two engines for wasm32 (release, SIMD128 from .cargo/config.toml):
#   pkg/cpu  burn `flex` only (profile release): browsers without WebGPU or with a
#            software adapter
#   pkg/gpu  WebGPU (with fusion) only (profile release-small): hardware adapters
# each with wasm-bindgen's ES-module glue, plus precompressed .gz and .br (with `brotli` or
# Node.js) copies that `facepoints serve` sends to browsers that accept them.
# The worker loads one engine. Installs wasm-bindgen-cli at the version Cargo.lock pins when
# it is missing or different.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET_DIR="${CARGO_TARGET_DIR:-target}"

rustup target add wasm32-unknown-unknown >/dev/null
version=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')
if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $version" ]]; then
  cargo install wasm-bindgen-cli --version "$version"
fi

# Each engine's build lints its web-only code too (no separate clippy check for wasm32).
source scripts/clippy-env.sh

rm -rf pkg
for engine in cpu:release gpu:release-small; do
  name=${engine%%:*} profile=${engine#*:}
  cargo build --profile "$profile" --lib --target wasm32-unknown-unknown --no-default-features --features "web-$name"
  wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
    --out-dir "pkg/$name" \
    "$TARGET_DIR/wasm32-unknown-unknown/$profile/facepoints.wasm"
done
for file in pkg/*/*.wasm pkg/*/*.js; do
  gzip -9 -k -f "$file"
  if command -v brotli >/dev/null; then
    brotli -q 11 -k -f "$file"
  elif command -v node >/dev/null; then
    node -e 'const z = require("zlib"), fs = require("fs"), f = process.argv[1];
      fs.writeFileSync(f + ".br", z.brotliCompressSync(fs.readFileSync(f), { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11 } }));' "$file"
  fi
done
ls -l pkg/*
