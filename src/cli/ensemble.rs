//! `facepoints ensemble`: several model files saved as one, which predicts the mean of their
//! keypoints (optionally with the test-time flip); scored on a split when data is given.

use std::path::PathBuf;

use clap::Args;
use facepoints::backend::BackendKind;
use facepoints::ensemble::Ensemble;
use facepoints::eval::Rmse;
use facepoints::model_file::{EnsembleInfo, ensemble_to_bytes};
use facepoints::predict::INFERENCE_BATCH;

use super::Failure;
use super::dataset::{DataArgs, SplitArgs};
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
    pub holdout: SplitArgs,
}

/// The path a file is reached by, links resolved (for a file not there yet: its folder's).
fn resolved(path: &std::path::Path) -> Option<PathBuf> {
    std::fs::canonicalize(path).ok().or_else(|| {
        let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
        let folder = std::fs::canonicalize(parent.unwrap_or(std::path::Path::new("."))).ok()?;
        Some(folder.join(path.file_name()?))
    })
}

pub fn run(args: EnsembleArgs) -> Result<(), Failure> {
    // Writing over a member (by its name or through a link) would lose it.
    if let Some(out) = resolved(&args.out) {
        for model in &args.models {
            if resolved(model).as_ref() == Some(&out) {
                return Err(format!(
                    "--out {} is {}, one of the models to combine: writing the ensemble there would lose it; choose another file",
                    args.out.display(),
                    model.display()
                )
                .into());
            }
        }
    }
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
    // Every member checked and loaded once; the description (its score) does not change it.
    let ensemble = Ensemble::from_bytes(
        &ensemble_to_bytes(&slices, &info)?,
        &facepoints::backend::Backend::flex().device,
    )?;
    if let Some(data) = &args.data {
        let data = DataArgs {
            data: data.clone(),
            holdout: args.holdout.clone(),
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
    output::print(format!(
        "wrote {} ({} models, {} bytes) to {}",
        ensemble.name(),
        ensemble.len(),
        bytes.len(),
        args.out.display()
    ))?;
    Ok(())
}
