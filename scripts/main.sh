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
# The CLI exactly as scripts/test.sh builds it (with the tests, whose dev-dependencies change
# the dependencies' features, and clippy's lints), so the two scripts build nothing twice.
source scripts/clippy-env.sh
cargo test --all-targets --no-run
exec "${CARGO_TARGET_DIR:-target}/debug/facepoints" serve "$@"
