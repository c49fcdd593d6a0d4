//! `facepoints submit`.

use std::collections::HashMap;
use std::path::PathBuf;

use clap::Args;
use facepoints::backend::{Backend, BackendKind};
use facepoints::data::read_faces_file;
use facepoints::data::source::open_file;
use facepoints::data::submission::write_submission;
use facepoints::keypoints::NUM_COORDS;
use facepoints::predict::predict;

use super::eval::load_model;

#[derive(Args, Debug)]
pub struct SubmitArgs {
    /// A .fpk model file.
    #[arg(long)]
    pub model: PathBuf,
    /// Kaggle test.csv (ImageId,Image), plain or gzip.
    #[arg(long)]
    pub test: PathBuf,
    /// Kaggle IdLookupTable.csv.
    #[arg(long)]
    pub lookup: PathBuf,
    #[arg(long, default_value = "submission.csv")]
    pub out: PathBuf,
    #[arg(long, value_enum, default_value_t = BackendKind::Flex)]
    pub backend: BackendKind,
}

pub fn run(args: SubmitArgs) -> Result<(), String> {
    let backend = Backend::of(args.backend)?;
    let (model, meta) = load_model(&args.model, &backend)?;
    let faces = read_faces_file(&args.test).map_err(|e| format!("{}: {e}", args.test.display()))?;
    let preds = pollster::block_on(predict(
        &model,
        &faces,
        &meta.normalization,
        128,
        &backend.device,
    ))?;
    let by_id: HashMap<u32, [f32; NUM_COORDS]> = faces
        .ids
        .iter()
        .zip(preds.chunks(NUM_COORDS))
        .map(|(&id, row)| (id, row.try_into().expect("30 coordinates")))
        .collect();
    let lookup = open_file(&args.lookup).map_err(|e| e.to_string())?;
    let out =
        std::fs::File::create(&args.out).map_err(|e| format!("{}: {e}", args.out.display()))?;
    let rows = write_submission(lookup, &by_id, std::io::BufWriter::new(out))
        .map_err(|e| format!("{}: {e}", args.lookup.display()))?;
    println!("wrote {rows} rows to {}", args.out.display());
    Ok(())
}
