//! `facepoints submit`.

use super::Failure;
use super::output;
use std::path::PathBuf;

use clap::Args;
use facepoints::backend::BackendKind;
use facepoints::data::source::open_file;
use facepoints::data::submission::{by_image_id, write_submission};

use super::model_file::{ModelFile, read_test_data};

#[derive(Args, Debug)]
pub struct SubmitArgs {
    /// A .fpk model file (one model or an ensemble).
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
    /// Compute backend (on `flex`, the CPU, the file is the same bytes on every machine and
    /// in the page).
    #[arg(long, value_enum, default_value_t = BackendKind::Flex)]
    pub backend: BackendKind,
}

pub fn run(args: SubmitArgs) -> Result<(), Failure> {
    // The same bytes as the page's submission for the same model: on the CPU backend,
    // predicted with the same rounding on every machine.
    let model = ModelFile::open(&args.model, args.backend)?.portable();
    let faces = read_test_data(&args.test)?;
    let preds = model.predict(&faces)?;
    let by_id = by_image_id(&faces.ids, &preds).map_err(|id| {
        format!(
            "{}: ImageId {id} appears twice: a submission could not tell the two apart",
            args.test.display()
        )
    })?;
    let lookup = open_file(&args.lookup).map_err(|e| e.to_string())?;
    // Built in memory and written only when complete: a failed run leaves no half file.
    let mut out = Vec::new();
    let rows = write_submission(lookup, &by_id, &mut out)
        .map_err(|e| format!("{}: {e}", args.lookup.display()))?;
    std::fs::write(&args.out, out).map_err(|e| format!("{}: {e}", args.out.display()))?;
    output::print(format!("wrote {rows} rows to {}", args.out.display()))?;
    Ok(())
}
