#!/usr/bin/env bash
# Sets up what the tests need on a fresh Debian machine (run as root, or with sudo), then runs
# every check: rustfmt, clippy -D warnings (native and wasm32), all Rust tests, then the page's
# engine (wasm) and the browser tests in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# lavapipe (Mesa's software Vulkan) gives wgpu an adapter on machines without a GPU, so the
# flex-vs-wgpu agreement test really runs.
if ! ls /usr/share/vulkan/icd.d/lvp_icd*.json >/dev/null 2>&1; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mesa-vulkan-drivers libvulkan1 >/dev/null
fi
export FACEPOINTS_REQUIRE_WGPU=1

# Chromium and ChromeDriver (Debian) for the browser tests, Node.js for playwright-core.
if ! command -v chromium >/dev/null || ! command -v node >/dev/null; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver nodejs npm >/dev/null
fi

# The toolchain, components and wasm32 target pinned in rust-toolchain.toml.
rustup show active-toolchain >/dev/null 2>&1 || rustup toolchain install
rustup component add rustfmt clippy >/dev/null
rustup target add wasm32-unknown-unknown >/dev/null

cargo fmt --check
cargo clippy --all-targets -- -D warnings
# Both web backends at once: one check covers the CPU and the GPU engine's code.
cargo clippy --lib --target wasm32-unknown-unknown --no-default-features --features web-cpu,web-gpu -- -D warnings
cargo test

# The page: its two wasm engines into www/pkg, then the browser tests, which compare the
# page's keypoints with the CLI binary that `cargo test` just built.
bash scripts/build-web.sh
npm ci --no-audit --no-fund
FACEPOINTS_BIN="${CARGO_TARGET_DIR:-target}/debug/facepoints" npm test
