//! The `facepoints` command line: train, evaluate, predict, KNN, Kaggle submission and the
//! study's report table.

mod cli;

use clap::Parser;

fn main() -> std::process::ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(cli::Failure(message)) => {
            cli::output::note(format_args!("error: {message}"));
            std::process::ExitCode::FAILURE
        }
    }
}
