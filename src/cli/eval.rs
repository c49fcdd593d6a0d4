//! `facepoints eval`.

use super::Failure;
use super::output;
use std::path::PathBuf;

use clap::Args;
use facepoints::backend::BackendKind;
use facepoints::eval::Rmse;

use super::dataset::DataArgs;
use super::model_file::{ModelFile, read_data};

#[derive(Args, Debug)]
pub struct EvalArgs {
    /// A .fpk model file (one model or an ensemble).
    #[arg(long)]
    pub model: PathBuf,
    #[command(flatten)]
    pub data: DataArgs,
    /// Score every labelled row of --data instead of the validation side of the split.
    #[arg(long)]
    pub all: bool,
    #[arg(long, value_enum, default_value_t = BackendKind::Flex)]
    pub backend: BackendKind,
}

pub fn run(args: EvalArgs) -> Result<(), Failure> {
    let model = ModelFile::open(&args.model, args.backend)?;
    let (faces, source) = if args.all {
        let faces = read_data(&args.data.data)?;
        (faces, format!("all rows of {}", args.data.data.display()))
    } else {
        let data = args.data.load()?;
        (
            data.valid(),
            format!("validation side: {}", data.split.info),
        )
    };
    let preds = model.predict(&faces)?;
    let rmse =
        Rmse::score(&preds, &faces).map_err(|e| format!("{}: {e}", args.data.data.display()))?;
    output::print(rmse.per_keypoint_table())?;
    output::print(format!(
        "{}: RMSE {:.4} px over {} coordinates ({source})",
        model.models.name(),
        rmse.overall,
        rmse.count
    ))?;
    Ok(())
}
