//! `facepoints knn`.

use super::Failure;
use super::output;
use clap::Args;
use facepoints::model::knn::{KnnScore, SEARCH_KS, search_k};

use super::dataset::DataArgs;

#[derive(Args, Debug)]
pub struct KnnArgs {
    #[command(flatten)]
    pub data: DataArgs,
    /// Values of k to try.
    #[arg(long, value_delimiter = ',', default_values_t = SEARCH_KS)]
    pub k: Vec<usize>,
}

/// The best k of a search.
pub fn best(scores: &[KnnScore]) -> Option<&KnnScore> {
    scores
        .iter()
        .min_by(|a, b| a.rmse.overall.total_cmp(&b.rmse.overall))
}

pub fn run(args: KnnArgs) -> Result<(), Failure> {
    let data = args.data.load()?;
    let scores = search_k(&data.train(), &data.valid(), &args.k)?;
    output::print("| k | validation RMSE (px) |\n|---|---|")?;
    for s in &scores {
        output::print(format!("| {} | {:.4} |", s.k, s.rmse.overall))?;
    }
    let best = best(&scores).ok_or("no k given")?;
    output::print(format!(
        "\nbest k = {} (RMSE {:.4} px; {})",
        best.k, best.rmse.overall, data.split.info
    ))?;
    Ok(())
}
