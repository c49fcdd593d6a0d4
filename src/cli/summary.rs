//! `facepoints summary`: what the page's Data view shows, on the terminal.

use clap::Args;
use facepoints::keypoints::KEYPOINT_NAMES;
use serde::Serialize;

use super::Failure;
use super::dataset::DataArgs;
use super::output;

#[derive(Args, Debug)]
pub struct SummaryArgs {
    #[command(flatten)]
    pub data: DataArgs,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct Summary {
    #[serde(flatten)]
    counts: facepoints::data::faces::LabelCounts,
    split: String,
    train_rows: usize,
    valid_rows: usize,
    /// The validation side's rows (1-based data rows, as meta.csv numbers them), so a
    /// script can name the people a split holds out.
    valid: Vec<usize>,
}

pub fn run(args: SummaryArgs) -> Result<(), Failure> {
    let data = args.data.load()?;
    let counts = data.faces.label_counts();
    if args.json {
        let summary = Summary {
            counts,
            split: data.split.info.to_string(),
            train_rows: data.split.train.len(),
            valid_rows: data.split.valid.len(),
            valid: data.split.valid.iter().map(|r| r + 1).collect(),
        };
        output::print(serde_json::to_string(&summary).map_err(|e| e.to_string())?)?;
        return Ok(());
    }
    output::print(format!(
        "{}: {} faces, {} complete ({:.0}%)\n{}\n\n| keypoint | faces labelling it |\n|---|---|",
        args.data.data.display(),
        counts.rows,
        counts.complete,
        100.0 * counts.complete as f64 / counts.rows.max(1) as f64,
        data.split.info
    ))?;
    for (name, n) in KEYPOINT_NAMES.iter().zip(&counts.per_keypoint) {
        output::print(format!("| {name} | {n} |"))?;
    }
    Ok(())
}
