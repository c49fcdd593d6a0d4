#!/usr/bin/env bash
# Sets up what the tests need on a fresh Debian machine (run as root, or with sudo), then runs
# every check: rustfmt, clippy -D warnings (native and wasm32), and all tests.
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

# The toolchain, components and wasm32 target pinned in rust-toolchain.toml.
rustup show active-toolchain >/dev/null 2>&1 || rustup toolchain install
rustup component add rustfmt clippy >/dev/null
rustup target add wasm32-unknown-unknown >/dev/null

cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
cargo test
