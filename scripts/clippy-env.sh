# Sourced by the other scripts: builds run clippy as the workspace's rustc wrapper, so this
# crate is linted (-D warnings) in the same compile that builds it, the dependencies are built
# once (never checked once more for clippy), and test.sh, main.sh and build-web.sh share every
# artifact. FACEPOINTS_CLIPPY=0 builds without the lints.
if [[ "${FACEPOINTS_CLIPPY:-1}" == 1 ]]; then
  if RUSTC_WORKSPACE_WRAPPER="$(rustup which clippy-driver 2>/dev/null)"; then
    CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__"
    export RUSTC_WORKSPACE_WRAPPER CLIPPY_ARGS
  else
    echo "note: clippy is not installed (rustup component add clippy): building without its lints" >&2
    unset RUSTC_WORKSPACE_WRAPPER
  fi
fi
