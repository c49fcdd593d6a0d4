//! A saved model opened on a backend, and reading a face file, as the commands need them.

use std::path::Path;

use facepoints::backend::{Backend, BackendKind};
use facepoints::checkpoint::{Checkpoint, CheckpointMeta};
use facepoints::data::{FaceSet, read_faces_file};
use facepoints::model::KeypointCnn;
use facepoints::predict::predict;

/// Faces per inference batch.
const BATCH: usize = 128;

/// A `.fpk` model ready to predict.
pub struct ModelFile {
    pub model: KeypointCnn,
    pub meta: CheckpointMeta,
    pub backend: Backend,
}

impl ModelFile {
    /// Reads the model at `path` onto the backend of `kind`.
    pub fn open(path: &Path, kind: BackendKind) -> Result<Self, String> {
        let backend = Backend::of(kind)?;
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let checkpoint =
            Checkpoint::from_bytes(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        let meta = checkpoint.meta.clone();
        let model = checkpoint
            .into_model(&backend.device)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(ModelFile {
            model,
            meta,
            backend,
        })
    }

    /// Predicted coordinates in pixels, `faces.len() * 30`.
    pub fn predict(&self, faces: &FaceSet) -> Result<Vec<f32>, String> {
        pollster::block_on(predict(
            &self.model,
            faces,
            &self.meta.normalization,
            BATCH,
            &self.backend.device,
        ))
    }
}

/// Reads a Kaggle-format face file, naming it in any error.
pub fn read_data(path: &Path) -> Result<FaceSet, String> {
    read_faces_file(path).map_err(|e| format!("{}: {e}", path.display()))
}
