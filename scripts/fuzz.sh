#!/usr/bin/env bash
# Coverage-guided fuzzing of what reads outside input (libFuzzer through libfuzzer-sys; the
# targets are in fuzz/fuzz_targets, their seed corpora in fuzz/corpus):
#   kaggle_csv   the CSV reader, pulled (CLI) and pushed in chunks (page); the two must agree
#   model_file   .fpk files, one model or an ensemble, loaded as the page and the CLI load them
#   photo_crop   a photo's bytes → the CLI's decoder → a face crop and the detector's square
#   configs      training / augmentation / model JSON, read strictly, round-tripped
#
#   bash scripts/fuzz.sh                          every target for 60 s (CI's smoke)
#   bash scripts/fuzz.sh --seconds 900 configs    one target, longer
#   bash scripts/fuzz.sh --runs 10000000 configs  a number of executions
#   bash scripts/fuzz.sh --jobs 2 ...             parallel workers per target (-fork; --runs
#                                                 counts their executions together)
#   bash scripts/fuzz.sh --timeout 120 ...        seconds one input may take (default 10);
#                                                 libFuzzer's clock is the wall's, so a run
#                                                 beside a build (nice) wants more
#
# A crash, panic, leak-free abort or input slower than the timeout fails the script and is kept in
# $CARGO_TARGET_DIR/fuzz-artifacts/<target>/ with the command that replays it. Inputs that
# reach new code are kept in $CARGO_TARGET_DIR/fuzz-corpus/<target> (copy the useful ones
# into fuzz/corpus/<target>). Prints one line per target: executions, rate, coverage.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/facepoints/target}"

seconds=60
runs=
jobs=1
timeout=10
targets=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    --timeout) timeout="$2"; shift 2 ;;
    -h | --help) sed -n '2,22p' "$0"; exit 0 ;;
    -*) echo "error: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
all=(kaggle_csv model_file photo_crop configs)
[[ ${#targets[@]} -gt 0 ]] || targets=("${all[@]}")
for t in "${targets[@]}"; do
  [[ " ${all[*]} " == *" $t "* ]] || { echo "error: no fuzz target $t (there are: ${all[*]})" >&2; exit 2; }
done

# Each input's longest length: a CSV face row is ~35 kB of text (0x01 expands to one, see
# the target), photos are small files, configs and model files a few kB.
declare -A max_len=([kaggle_csv]=8192 [model_file]=65536 [photo_crop]=65536 [configs]=4096)

# The instrumentation goes on through the wrapper, not RUSTFLAGS: only the crates under test
# get it, and the main build's artifacts are never touched (this workspace has its own profile).
unset RUSTC_WORKSPACE_WRAPPER RUSTFLAGS
export RUSTC_WRAPPER="$PWD/fuzz/instrument.sh"
echo "==> building the fuzz targets (about 30 min cold on 2 cores, seconds after)"
cargo build --quiet --manifest-path fuzz/Cargo.toml --profile fuzz --locked --bins
unset RUSTC_WRAPPER

failed=0
for t in "${targets[@]}"; do
  corpus="$CARGO_TARGET_DIR/fuzz-corpus/$t"
  artifacts="$CARGO_TARGET_DIR/fuzz-artifacts/$t"
  mkdir -p "$corpus" "$artifacts"
  log="$CARGO_TARGET_DIR/fuzz-artifacts/$t.log"
  limit=(-max_total_time="$seconds")
  # With -fork, -runs counts the executions of all workers together.
  [[ -n "$runs" ]] && limit=(-runs="$runs")
  flags=("${limit[@]}" -max_len="${max_len[$t]}" -timeout="$timeout" -rss_limit_mb=4096
    -artifact_prefix="$artifacts/" -print_final_stats=1)
  [[ "$jobs" -gt 1 ]] && flags+=(-fork="$jobs" -ignore_crashes=0)
  started=$SECONDS
  if "$CARGO_TARGET_DIR/fuzz/$t" "${flags[@]}" "$corpus" "fuzz/corpus/$t" >"$log" 2>&1; then
    status=ok
  else
    status=FAILED
    failed=1
  fi
  # -a: a log with a stray binary byte (an input echoed) is still read as text.
  execs=$(grep -ao 'stat::number_of_executed_units: *[0-9]*' "$log" | awk '{s+=$2} END {print s+0}')
  if [[ "$execs" == 0 ]]; then
    # -fork prints no final stats: the last status line's #N is the count.
    execs=$(grep -ao '^#[0-9]*' "$log" | tail -1 | tr -d '#')
  fi
  cov=$(grep -ao 'cov: [0-9]*' "$log" | tail -1 | awk '{print $2}')
  took=$(( SECONDS - started ))
  if [[ "$status" == ok && "${execs:-0}" == 0 ]]; then
    # A target that ran nothing tested nothing.
    status=FAILED
    failed=1
    echo "$t: no executions counted in $log" >&2
  fi
  printf '%-11s %s  %s executions in %s s (%s/s), coverage %s edges\n' "$t" "$status" \
    "${execs:-0}" "$took" "$(( ${execs:-0} / (took > 0 ? took : 1) ))" "${cov:-?}"
  if [[ "$status" != ok ]]; then
    grep -E 'panicked|ERROR|SUMMARY|Test unit written|deadly signal|timeout' "$log" | head -20 >&2 || true
    echo "  log: $log; replay: $CARGO_TARGET_DIR/fuzz/$t <the file above>" >&2
  fi
done
exit "$failed"
