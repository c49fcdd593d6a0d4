//! `facepoints detect`: faces and their 15 keypoints in photos, as JSON (the same shape and
//! coordinates as the page's `detect`).

use super::Failure;
use super::output;
use std::path::PathBuf;

use clap::Args;
use facepoints::backend::{Backend, BackendKind};
use facepoints::detect::DetectorWeights;
use facepoints::face::{FacePipeline, FaceView};
use serde::Serialize;

use super::photo::read_photo;

#[derive(Args, Debug)]
pub struct DetectArgs {
    /// Photos (JPEG, PNG or WebP).
    #[arg(required = true)]
    pub photos: Vec<PathBuf>,
    /// The keypoint model (.fpk).
    #[arg(long, default_value = "www/models/default.fpk")]
    pub model: PathBuf,
    #[arg(long, value_enum, default_value_t = BackendKind::Flex)]
    pub backend: BackendKind,
}

#[derive(Serialize)]
struct PhotoFaces {
    image: String,
    width: usize,
    height: usize,
    faces: Vec<FaceView>,
}

pub fn run(args: DetectArgs) -> Result<(), Failure> {
    let backend = Backend::of(args.backend)?;
    let bytes = std::fs::read(&args.model).map_err(|e| format!("{}: {e}", args.model.display()))?;
    let pipeline = FacePipeline::new(&backend.device, &bytes, &DetectorWeights::bundled())
        .map_err(|e| format!("{}: {e}", args.model.display()))?;
    let mut out = Vec::new();
    for path in &args.photos {
        let photo = read_photo(path)?;
        let (faces, _) = pollster::block_on(pipeline.detect(&photo.image()?))?;
        out.push(PhotoFaces {
            image: path.display().to_string(),
            width: photo.width,
            height: photo.height,
            faces: faces.iter().map(FaceView::from).collect(),
        });
    }
    output::print(serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?)?;
    Ok(())
}
