#!/usr/bin/env bash
# Builds the page's engines for wasm32 (release, SIMD128 from .cargo/config.toml):
#   pkg/cpu  burn `flex` only (profile release): browsers without WebGPU or with a
#            software adapter
#   pkg/gpu  WebGPU (with fusion) only (profile release-small): hardware adapters
#   pkg/cpu-mt  the CPU engine with threads (wasm atomics, a rayon pool of Web Workers):
#            what a cross-origin isolated page runs on a CPU with more than one core; built
#            by the pinned nightly below (`-Z build-std`: the standard library with atomics)
#   pkg/cpu-relaxed, pkg/cpu-mt-relaxed  pkg/cpu and pkg/cpu-mt with the `relaxed-simd`
#            feature: their matrix products and convolutions use wasm relaxed-simd's fused
#            multiply-add (src/cpu/fma.rs), so they load only where the browser has relaxed
#            SIMD (Chromium 114+); the page picks them there (www/js/wasm-features.js)
#   pkg/cpu-nosimd  the CPU engine without SIMD, one thread: browsers without wasm SIMD
#            (built without simd128, then gemm's unused simd128 kernels cut out: wasm-nosimd/)
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

# name:profile:features. The relaxed engine differs from the CPU one by a feature that no
# dependency sees: it reuses that build's libraries and recompiles only this crate.
for engine in cpu:release:web-cpu cpu-relaxed:release:web-cpu,relaxed-simd gpu:release-small:web-gpu; do
  IFS=: read -r name profile features <<<"$engine"
  step "building the engine $name (about 7 min cold, 1–3 min after a change)"
  cargo build --quiet --profile "$profile" --lib --target wasm32-unknown-unknown --no-default-features --features "$features"
  rm -rf "pkg/$name"
  wasm-bindgen --target web --remove-name-section --remove-producers-section \
    --out-dir "pkg/$name" \
    "$TARGET_DIR/wasm32-unknown-unknown/$profile/facepoints.wasm"
done
# The engine for browsers without wasm SIMD: the stable toolchain without simd128 (RUSTFLAGS
# replaces .cargo/config.toml's), burn without its `simd` feature (so gemm never picks its
# simd128 kernels), its own build folder. gemm's kernels still carry SIMD, and LLVM's wasm
# backend lets the code built beside them use SIMD too when it merges stores into 16-byte ones
# (gemm's operand packing, shared by its scalar path, did): store merging is off here. Then
# wasm-nosimd turns the functions that still use SIMD into traps, refuses the engine unless
# they are all gemm's simd128 kernels (it reads the names the build keeps, then drops them),
# and checks the result as a browser without SIMD would.
step "building the CPU engine without SIMD (about 6 min cold, 1–3 min after a change)"
RUSTFLAGS="-C target-feature=-simd128 -C llvm-args=-combiner-store-merging=false" \
  CARGO_PROFILE_RELEASE_STRIP=debuginfo CARGO_TARGET_DIR="$TARGET_DIR/nosimd" \
  cargo build --quiet --profile release --lib --target wasm32-unknown-unknown --no-default-features --features web-cpu-nosimd
rm -rf pkg/cpu-nosimd
wasm-bindgen --target web --remove-producers-section --out-dir pkg/cpu-nosimd \
  "$TARGET_DIR/nosimd/wasm32-unknown-unknown/release/facepoints.wasm"
RUSTFLAGS= RUSTC_WORKSPACE_WRAPPER= cargo run --quiet --release --package wasm-nosimd -- \
  pkg/cpu-nosimd/facepoints_bg.wasm pkg/cpu-nosimd/facepoints_bg.wasm --only-in "::microkernel::simd128::"

# The threaded engine: the standard library rebuilt with atomics (so the nightly, pinned
# here, and its rust-src); one shared memory that the page gives each pool worker, up to
# 4 GiB (the studio's largest CSV and training), with the thread-local storage exports
# wasm-bindgen's thread start needs; symbols kept until wasm-bindgen (it reads the features
# section to emit the threads' glue, then drops the names); its own build folder.
NIGHTLY=nightly-2026-05-20
step "adding $NIGHTLY with rust-src for the threaded CPU engine (seconds; a minute once)"
rustup toolchain install "$NIGHTLY" --profile minimal --component rust-src,clippy --target wasm32-unknown-unknown >/dev/null 2>&1
# Linted by that toolchain's clippy (its code under `cfg(wasm_threads)` is built nowhere else).
[[ -z "${RUSTC_WORKSPACE_WRAPPER:-}" ]] || RUSTC_WORKSPACE_WRAPPER="$(rustup which --toolchain "$NIGHTLY" clippy-driver)"
threads_flags=(-C target-feature=+atomics,+bulk-memory,+mutable-globals,+simd128
  -C link-arg=--shared-memory -C link-arg=--import-memory -C link-arg=--max-memory=4294967296)
for symbol in __wasm_init_tls __tls_size __tls_align __tls_base; do
  threads_flags+=(-C "link-arg=--export=$symbol")
done
for engine in cpu-mt:web-cpu-threads cpu-mt-relaxed:web-cpu-threads,relaxed-simd; do
  IFS=: read -r name features <<<"$engine"
  step "building the threaded engine $name (about 8 min cold, 1–3 min after a change)"
  RUSTFLAGS="${threads_flags[*]}" CARGO_PROFILE_RELEASE_STRIP=debuginfo CARGO_TARGET_DIR="$TARGET_DIR/threads" \
    cargo "+$NIGHTLY" build --quiet -Z build-std=std,panic_abort --profile release --lib \
    --target wasm32-unknown-unknown --no-default-features --features "$features"
  rm -rf "pkg/$name"
  wasm-bindgen --target web --remove-name-section --remove-producers-section --out-dir "pkg/$name" \
    "$TARGET_DIR/threads/wasm32-unknown-unknown/release/facepoints.wasm"
  # The pool's workers import the engine's glue by its folder (`../../..`), which a bundler
  # resolves and a browser does not: name the file.
  helpers=("pkg/$name"/snippets/wasm-bindgen-rayon-*/src/workerHelpers.js)
  grep -q "import('../../..')" "${helpers[@]}" || { echo "wasm-bindgen-rayon's worker script changed: check pkg/$name/snippets" >&2; exit 1; }
  sed -i "s|import('../../..')|import('../../../facepoints.js')|" "${helpers[@]}"
done

bash scripts/engine-stamp.sh > pkg/STAMP
step "compressing the engines (.gz, .br; under a minute)"
bash scripts/precompress.sh
done_steps
ls -l pkg/*
