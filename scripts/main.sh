#!/usr/bin/env bash
# The main job: the page. Sets up the toolchain (rust-toolchain.toml: the pinned Rust, the
# wasm32 target), builds the page's two engines (scripts/build-web.sh, which installs
# wasm-bindgen-cli at Cargo.lock's version) and the facepoints CLI, then serves the page on
# this machine until Ctrl-C, printing the URL to open. Extra arguments go to
# `facepoints serve` (e.g. --port 8080, --open, --host 0.0.0.0).
set -euo pipefail
cd "$(dirname "$0")/.."

rustup show active-toolchain >/dev/null 2>&1 || rustup toolchain install
bash scripts/build-web.sh
source scripts/clippy-env.sh   # the same build as scripts/test.sh's: nothing is built twice
cargo build --bin facepoints
exec "${CARGO_TARGET_DIR:-target}/debug/facepoints" serve "$@"
