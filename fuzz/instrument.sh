#!/usr/bin/env bash
# rustc, with libFuzzer's coverage instrumentation (SanitizerCoverage: 8-bit edge counters,
# the PC table, comparison tracing) on the crates under test only: facepoints and the
# decoders it leans on. csv and the targets themselves are left plain (comparison tracing in
# their hot loops cost more speed than it found paths), and so are burn and the GPU stack
# (only linked), which keeps the build minutes shorter. RUSTC_WRAPPER of scripts/fuzz.sh.
rustc="$1"
shift
crate=
prev=
for arg in "$@"; do
  if [[ "$prev" == --crate-name ]]; then crate="$arg"; break; fi
  prev="$arg"
done
case "$crate" in
  facepoints | serde_json \
    | image | zune_jpeg | png | image_webp | fdeflate | miniz_oxide | flate2 | burn_pack)
    exec "$rustc" "$@" --cfg fuzzing -Cpasses=sancov-module \
      -Cllvm-args=-sanitizer-coverage-level=4 \
      -Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
      -Cllvm-args=-sanitizer-coverage-pc-table \
      -Cllvm-args=-sanitizer-coverage-trace-compares ;;
  *) exec "$rustc" "$@" ;;
esac
