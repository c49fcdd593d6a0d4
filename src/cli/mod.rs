//! Command-line arguments and dispatch to one module per command.

mod ablate;
mod atomic_file;
mod bench_e2e;
mod calibrate;
mod crops;
mod dataset;
mod detect;
mod ensemble;
mod eval;
mod knn;
mod model_file;
pub mod output;
mod photo;
mod plan;
mod predict;
mod progress;
mod report;
mod runs;
mod search;
mod submit;
mod summary;
mod train;
mod trial;

use clap::{Parser, Subcommand};

/// Facial keypoint detection: train, evaluate and use the study's models.
#[derive(Parser, Debug)]
#[command(name = "facepoints", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// What a training file holds: faces, complete faces, labels per keypoint, the split.
    Summary(summary::SummaryArgs),
    /// Train a model on a Kaggle-format training.csv and save it as a .fpk file.
    Train(train::TrainArgs),
    /// RMSE of a saved model on the validation side of a split (or a whole file).
    Eval(eval::EvalArgs),
    /// Predict keypoints for every face of a Kaggle-format CSV.
    Predict(predict::PredictArgs),
    /// The KNN baseline: search k on the validation side of a split.
    Knn(knn::KnnArgs),
    /// Write a Kaggle submission.csv from a model, test.csv and IdLookupTable.csv.
    Submit(submit::SubmitArgs),
    /// Re-run the study's table (KNN and Models 0–3, with and without augmentation).
    Report(report::ReportArgs),
    /// Train one model with no augmentation, all seven, and each one left out.
    Ablate(ablate::AblateArgs),
    /// Save several model files as one ensemble (the mean of their keypoints).
    Ensemble(ensemble::EnsembleArgs),
    /// Random hyper-parameter search over a search space file: one run per trial.
    Search(search::SearchArgs),
    /// Plans whose trials ran apart (`search` / `ablate --plan … --trial N`): their table.
    Runs(runs::RunsArgs),
    /// Faces and their 15 keypoints in photos (JPEG, PNG, WebP), as JSON.
    Detect(detect::DetectArgs),
    /// Measure the face detector on ytf_kaggle96's source frames and fit the box-to-crop rule.
    Calibrate(calibrate::CalibrateArgs),
    /// Training faces framed as the photo pipeline frames them (detector → levelled crop),
    /// from ytf68_udacity's source frames.
    Crops(crops::CropsArgs),
    /// Keypoint accuracy end to end (detect → crop → predict) on held-out people's frames,
    /// turned and shrunk, and on labelled photos.
    BenchE2e(bench_e2e::BenchE2eArgs),
    /// Serve the page (index.html, www/, pkg/) on this machine, with the headers it needs.
    Serve(facepoints_serve::ServeArgs),
}

/// Why a command failed: the message the user sees after `error: `. Any error that can be
/// displayed converts into it, so `?` works on every error type the commands meet.
#[derive(Debug)]
pub struct Failure(pub String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure(e.to_string())
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Summary(args) => summary::run(args),
        Command::Train(args) => train::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Predict(args) => predict::run(args),
        Command::Knn(args) => knn::run(args),
        Command::Submit(args) => submit::run(args),
        Command::Report(args) => report::run(args),
        Command::Ablate(args) => ablate::run(args),
        Command::Ensemble(args) => ensemble::run(args),
        Command::Search(args) => search::run(args),
        Command::Runs(args) => runs::run(args),
        Command::Detect(args) => detect::run(args),
        Command::Calibrate(args) => calibrate::run(args),
        Command::Crops(args) => crops::run(args),
        Command::BenchE2e(args) => bench_e2e::run(args),
        Command::Serve(args) => facepoints_serve::run(args).map_err(Failure),
    }
}
