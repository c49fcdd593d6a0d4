#!/usr/bin/env bash
# Prints the stamp of the sources the page's engines (pkg/) are built from: one sha256 over
# every file that goes into a wasm build, by content (the same in any clone). The built
# engines are committed with the stamp they came from in pkg/STAMP, so the page can be
# served without building them; `scripts/build-web.sh` writes it, `scripts/main.sh` rebuilds
# when it differs, and the tests fail when it differs (the committed engines are stale).
#   engine-stamp.sh           the stamp of the sources as they are
#   engine-stamp.sh --check   exit 0 when pkg/STAMP is that stamp, 1 (with why) when not
set -euo pipefail
cd "$(dirname "$0")/.."

stamp() {
  # src/cli is never compiled for wasm32: editing the command line leaves the engines valid.
  find src build.rs Cargo.toml Cargo.lock .cargo/config.toml rust-toolchain.toml \
    scripts/build-web.sh wasm-nosimd/src wasm-nosimd/Cargo.toml -type f ! -path 'src/cli/*' -print0 \
    | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1
}

if [[ "${1:-}" == --check ]]; then
  want=$(stamp)
  if [[ ! -f pkg/STAMP ]]; then
    echo "pkg/ has no built engines (no pkg/STAMP)" >&2
    exit 1
  fi
  have=$(cat pkg/STAMP)
  if [[ "$have" != "$want" ]]; then
    echo "the engines in pkg/ were built from other sources (pkg/STAMP $have, sources $want)" >&2
    exit 1
  fi
else
  stamp
fi
