#!/usr/bin/env bash
# The main job: the page, served on this machine until Ctrl-C (open the URL it prints). Extra
# arguments go to the server (e.g. --port 8080, --open, --host 0.0.0.0).
#
# The page's two engines are committed in pkg/ with the stamp of the sources they were built
# from (docs/performance.md says why), so a fresh clone builds only the small server
# (facepoints-serve: no burn) and serves them. When the sources differ from the stamp (you
# changed the Rust code), the engines are rebuilt first (scripts/build-web.sh). Nothing else
# is built: the tests build in scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/steps.sh

if ! command -v cargo >/dev/null; then
  echo "error: cargo is not installed: install rustup (https://rustup.rs), then run this again" >&2
  exit 1
fi
step "checking the Rust toolchain pinned in rust-toolchain.toml (seconds; a download the first time)"
rustup show active-toolchain >/dev/null 2>&1 || rustup toolchain install

if ! why=$(bash scripts/engine-stamp.sh --check 2>&1); then
  step "rebuilding the page's engines: $why (about 15 min cold, a few minutes after a change)"
  bash scripts/build-web.sh
fi
step "compressing the engines where needed (about 30 s the first time, seconds after)"
bash scripts/precompress.sh
step "building the server, facepoints-serve (about 2 min the first time, seconds after)"
cargo build --quiet --package facepoints-serve
done_steps
exec "${CARGO_TARGET_DIR:-target}/debug/facepoints-serve" "$@"
