#!/usr/bin/env bash
# Sets up what the tests need on a fresh Debian machine (run as root, or with sudo), then runs
# every check: rustfmt, clippy -D warnings (native and both wasm32 engines), all Rust tests,
# then the page's two engines (wasm) and the browser tests in headless Chromium, against
# `facepoints serve`.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=
apt_install() {
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Each piece is installed on its own, only when it is missing, so what a machine already has
# (a Node.js from another source, say) is never fought with.
# lavapipe (Mesa's software Vulkan) gives wgpu an adapter on machines without a GPU, so the
# flex-vs-wgpu agreement test really runs.
if ! ls /usr/share/vulkan/icd.d/lvp_icd*.json >/dev/null 2>&1; then
  apt_install mesa-vulkan-drivers libvulkan1
fi
export FACEPOINTS_REQUIRE_WGPU=1
# Chromium and ChromeDriver (Debian) for the browser tests.
if ! command -v chromium >/dev/null; then
  apt_install chromium chromium-driver
fi
# Node.js and npm for playwright-core: Debian's only when there is no Node.js at all (a
# Node.js from NodeSource bundles its npm and conflicts with Debian's npm package).
if ! command -v node >/dev/null; then
  apt_install nodejs npm
elif ! command -v npm >/dev/null; then
  echo "error: Node.js is installed ($(command -v node)) but npm is not: install the npm that goes with it" >&2
  exit 1
fi

# The toolchain, components and wasm32 target pinned in rust-toolchain.toml.
rustup show active-toolchain >/dev/null 2>&1 || rustup toolchain install
rustup component add rustfmt clippy >/dev/null
rustup target add wasm32-unknown-unknown >/dev/null

cargo fmt --check
# Clippy runs while the tests build (scripts/clippy-env.sh): every target — library, binary,
# tests, benches — is linted with -D warnings and built in one pass over the dependencies.
source scripts/clippy-env.sh
cargo test --all-targets --no-run
cargo test

# The page: its two wasm engines into pkg/ (linted by clippy as they build), then the browser
# tests, which serve the page with the `facepoints` binary that `cargo test` just built.
bash scripts/build-web.sh
npm ci --no-audit --no-fund --prefer-offline
FACEPOINTS_BIN="${CARGO_TARGET_DIR:-target}/debug/facepoints" npm test
