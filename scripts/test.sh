#!/usr/bin/env bash
# Every check, in tiers that stop at the first failure: set-up (what a fresh Debian machine
# lacks; root or sudo), formatting, the build (each kind once, linted by clippy -D warnings as
# it builds), the unit tests next to the code, the integration tests (one binary), the
# generated detector code against burn-onnx, then the browser tests in headless Chromium
# against the committed engines (pkg/, checked against the sources' stamp).
#
# With FACEPOINTS_CI=1 (.ci/run) stale engines are an error: they must be rebuilt
# (scripts/build-web.sh) and committed. Without it they are rebuilt here.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/steps.sh

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=
apt_install() {
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

step "set-up: what this machine lacks (Mesa Vulkan, Chromium, Node.js, the pinned Rust; minutes the first time, seconds after)"
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

step "formatting (cargo fmt --check; seconds)"
cargo fmt --all --check

step "the page's engines against their sources (pkg/STAMP; seconds, or a rebuild)"
if ! why=$(bash scripts/engine-stamp.sh --check 2>&1); then
  if [[ "${FACEPOINTS_CI:-0}" == 1 ]]; then
    echo "error: $why: run \`bash scripts/build-web.sh\` and commit pkg/" >&2
    false
  fi
  echo "$why: rebuilding them (commit pkg/ afterwards)"
  bash scripts/build-web.sh
fi

step "lint: the engines' web-only code for wasm32 (clippy, check only; about 4 min cold, seconds after)"
for engine in cpu gpu; do
  cargo clippy --quiet --lib --target wasm32-unknown-unknown --no-default-features \
    --features "web-$engine" -- -D warnings
done
# Clippy runs as the workspace's rustc wrapper (scripts/clippy-env.sh): every target is
# linted in the build that the tests use, so nothing is built twice.
source scripts/clippy-env.sh
step "build: library, command line, tests and benches, linted (about 30 min cold, 1–3 min after a change)"
cargo test --quiet --all-targets --no-run
cargo test --quiet --package facepoints-serve --no-run

step "tier 1: unit tests next to the code (about 1 min)"
cargo test --quiet --lib --bins
cargo test --quiet --package facepoints-serve

step "tier 2: integration tests, one binary (about 3 min)"
cargo test --quiet --test integration

step "tier 2: the committed detector code against its ONNX files and burn-onnx (about 4 min cold, seconds after)"
cargo test --quiet --package xtask

step "tier 3: browser tests, headless Chromium (about 2 min)"
bash scripts/precompress.sh
npm ci --no-audit --no-fund --prefer-offline
FACEPOINTS_BIN="${CARGO_TARGET_DIR:-target}/debug/facepoints" npm test
done_steps
