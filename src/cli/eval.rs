//! `facepoints eval`.

use std::path::{Path, PathBuf};

use clap::Args;
use facepoints::backend::{Backend, BackendKind};
use facepoints::checkpoint::{Checkpoint, CheckpointMeta};
use facepoints::data::read_faces_file;
use facepoints::eval::Rmse;
use facepoints::model::KeypointCnn;
use facepoints::predict::predict;

use super::dataset::DataArgs;

#[derive(Args, Debug)]
pub struct EvalArgs {
    /// A .fpk model file.
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

/// Reads a model file onto `backend`.
pub fn load_model(path: &Path, backend: &Backend) -> Result<(KeypointCnn, CheckpointMeta), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let checkpoint =
        Checkpoint::from_bytes(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    let meta = checkpoint.meta.clone();
    let model = checkpoint
        .into_model(&backend.device)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok((model, meta))
}

pub fn run(args: EvalArgs) -> Result<(), String> {
    let backend = Backend::of(args.backend)?;
    let (model, meta) = load_model(&args.model, &backend)?;
    let (faces, source) = if args.all {
        let faces = read_faces_file(&args.data.data)
            .map_err(|e| format!("{}: {e}", args.data.data.display()))?;
        (faces, format!("all rows of {}", args.data.data.display()))
    } else {
        let data = args.data.load()?;
        (
            data.valid(),
            format!("validation side: {}", data.split.info),
        )
    };
    let preds = pollster::block_on(predict(
        &model,
        &faces,
        &meta.normalization,
        128,
        &backend.device,
    ))?;
    let rmse = Rmse::score(&preds, &faces);
    println!("{}", rmse.per_keypoint_table());
    println!(
        "{}: RMSE {:.4} px over {} coordinates ({source})",
        meta.model.name, rmse.overall, rmse.count
    );
    Ok(())
}
