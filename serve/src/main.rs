//! `facepoints-serve`: the page on this machine, without the rest of the command line (what
//! `scripts/main.sh` runs). The same server as `facepoints serve`.

use clap::Parser;

/// Serve the facepoints page (index.html, www/, pkg/) on this machine until Ctrl-C.
#[derive(Parser, Debug)]
#[command(name = "facepoints-serve", version, about)]
struct Cli {
    #[command(flatten)]
    serve: facepoints_serve::ServeArgs,
}

fn main() -> std::process::ExitCode {
    match facepoints_serve::run(Cli::parse().serve) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            facepoints_serve::note(format_args!("error: {message}"));
            std::process::ExitCode::FAILURE
        }
    }
}
