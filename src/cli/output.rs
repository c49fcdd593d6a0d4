//! Writing results to stdout without a panic: a reader that went away (`| head -1`) ends the
//! command quietly, a write that fails (`> /dev/full`) is an error with the reason. Notes on
//! stderr (progress, the final error) never panic either.

use std::io::Write;

/// Writes `text` and a line break to stdout, flushed.
///
/// When stdout is a closed pipe, the command's output is no longer wanted: the process ends
/// here with success and no message, as `cat` or `grep` would. Any other failure is returned.
pub fn print(text: impl std::fmt::Display) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    let written = writeln!(out, "{text}").and_then(|()| out.flush());
    match written {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => Err(format!("could not write the output: {e}")),
    }
}

/// Writes a note (progress, a warning, the final error) and a line break to stderr. A note
/// that cannot be written is dropped: the command's result does not depend on it.
pub fn note(text: impl std::fmt::Display) {
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}
