//! `facepoints predict`.

use super::Failure;
use super::output;
use std::path::PathBuf;

use clap::Args;
use facepoints::backend::BackendKind;
use facepoints::keypoints::{NUM_COORDS, coord_name};

use super::model_file::{ModelFile, read_data};

#[derive(Args, Debug)]
pub struct PredictArgs {
    /// A .fpk model file (one model or an ensemble).
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

pub fn run(args: PredictArgs) -> Result<(), Failure> {
    let model = ModelFile::open(&args.model, args.backend)?;
    let faces = read_data(&args.data)?;
    let preds = model.predict(&faces)?;
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
    output::print(format!(
        "wrote {} predictions to {}",
        faces.len(),
        args.out.display()
    ))?;
    Ok(())
}
