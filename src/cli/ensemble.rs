//! `facepoints ensemble`: several model files saved as one, which predicts the mean of their
//! keypoints (optionally with the test-time flip); scored on a split when data is given.

use std::path::PathBuf;

use clap::Args;
use facepoints::backend::BackendKind;
use facepoints::ensemble::{Ensemble, EnsembleInfo, ensemble_to_bytes};
use facepoints::eval::Rmse;
use facepoints::predict::INFERENCE_BATCH;

use super::Failure;
use super::dataset::DataArgs;
use super::model_file::ModelFile;
use super::output;

#[derive(Args, Debug)]
pub struct EnsembleArgs {
    /// The model files (single models or ensembles, whose members are taken one by one).
    #[arg(required = true, num_args = 1..)]
    pub models: Vec<PathBuf>,
    /// Where to write the ensemble.
    #[arg(long)]
    pub out: PathBuf,
    /// Test-time flip: predict each face and its mirror image and average the two.
    #[arg(long)]
    pub flip: bool,
    /// Score every member and the ensemble on the validation side of this data's split, and
    /// keep the ensemble's RMSE in the file.
    #[arg(long)]
    pub data: Option<PathBuf>,
    #[command(flatten)]
    pub split: SplitOnly,
}

/// The split options of [`DataArgs`] without its required `--data`.
#[derive(Args, Debug)]
pub struct SplitOnly {
    /// meta.csv(.gz) naming each row's source image, for person-grouped splits.
    #[arg(long)]
    pub groups: Option<PathBuf>,
    #[arg(long, value_enum)]
    pub split: Option<super::dataset::SplitKind>,
    #[arg(long, default_value_t = 0.2)]
    pub valid_fraction: f64,
    #[arg(long, default_value_t = 7)]
    pub split_seed: u64,
}

pub fn run(args: EnsembleArgs) -> Result<(), Failure> {
    let files: Vec<Vec<u8>> = args
        .models
        .iter()
        .map(|p| std::fs::read(p).map_err(|e| format!("{}: {e}", p.display())))
        .collect::<Result<_, _>>()?;
    let mut info = EnsembleInfo {
        flip: args.flip,
        ..EnsembleInfo::default()
    };
    let slices: Vec<&[u8]> = files.iter().map(Vec::as_slice).collect();
    if let Some(data) = &args.data {
        let data = DataArgs {
            data: data.clone(),
            groups: args.split.groups.clone(),
            split: args.split.split,
            valid_fraction: args.split.valid_fraction,
            split_seed: args.split.split_seed,
        }
        .load()?;
        let valid = data.valid();
        output::print("| model | validation RMSE (px) |")?;
        output::print("|---|---|")?;
        for path in &args.models {
            let model = ModelFile::open(path, BackendKind::Flex)?;
            let rmse = Rmse::score(&model.predict(&valid)?, &valid)?;
            output::print(format!("| {} | {:.4} |", path.display(), rmse.overall))?;
        }
        let unscored = ensemble_to_bytes(&slices, &info)?;
        let ensemble =
            Ensemble::from_bytes(&unscored, &facepoints::backend::Backend::flex().device)?;
        let preds = pollster::block_on(ensemble.predict_as_saved(&valid, INFERENCE_BATCH))?;
        let rmse = Rmse::score(&preds, &valid)?;
        output::print(format!(
            "| **{}** | **{:.4}** |",
            ensemble.name(),
            rmse.overall
        ))?;
        info.valid_rmse = Some(rmse.overall);
        info.split = data.split.info.to_string();
    }
    let bytes = ensemble_to_bytes(&slices, &info)?;
    std::fs::write(&args.out, &bytes).map_err(|e| format!("{}: {e}", args.out.display()))?;
    let ensemble = Ensemble::from_bytes(&bytes, &facepoints::backend::Backend::flex().device)?;
    output::print(format!(
        "wrote {} ({} models, {} bytes) to {}",
        ensemble.name(),
        ensemble.len(),
        bytes.len(),
        args.out.display()
    ))?;
    Ok(())
}
