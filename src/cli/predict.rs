//! `facepoints predict`.

use std::path::PathBuf;

use clap::Args;
use facepoints::backend::{Backend, BackendKind};
use facepoints::data::read_faces_file;
use facepoints::keypoints::{NUM_COORDS, coord_name};
use facepoints::predict::predict;

use super::eval::load_model;

#[derive(Args, Debug)]
pub struct PredictArgs {
    /// A .fpk model file.
    #[arg(long)]
    pub model: PathBuf,
    /// Kaggle-format CSV of faces (test.csv or training.csv, plain or gzip).
    #[arg(long)]
    pub data: PathBuf,
    /// Output CSV: ImageId and the 30 coordinates.
    #[arg(long, default_value = "predictions.csv")]
    pub out: PathBuf,
    #[arg(long, value_enum, default_value_t = BackendKind::Flex)]
    pub backend: BackendKind,
}

pub fn run(args: PredictArgs) -> Result<(), String> {
    let backend = Backend::of(args.backend)?;
    let (model, meta) = load_model(&args.model, &backend)?;
    let faces = read_faces_file(&args.data).map_err(|e| format!("{}: {e}", args.data.display()))?;
    let preds = pollster::block_on(predict(
        &model,
        &faces,
        &meta.normalization,
        128,
        &backend.device,
    ))?;
    let mut out = String::from("ImageId");
    for c in 0..NUM_COORDS {
        out.push(',');
        out.push_str(&coord_name(c));
    }
    out.push('\n');
    for (id, row) in faces.ids.iter().zip(preds.chunks(NUM_COORDS)) {
        out.push_str(&id.to_string());
        for v in row {
            out.push_str(&format!(",{v:.4}"));
        }
        out.push('\n');
    }
    std::fs::write(&args.out, out).map_err(|e| format!("{}: {e}", args.out.display()))?;
    println!(
        "wrote {} predictions to {}",
        faces.len(),
        args.out.display()
    );
    Ok(())
}
