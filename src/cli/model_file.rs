//! A saved model opened on a backend, and reading a face file, as the commands need them.

use std::path::Path;

use facepoints::backend::{Backend, BackendKind};
use facepoints::data::{DataError, FaceSet, read_faces_file, read_test_faces_file};
use facepoints::ensemble::Ensemble;
use facepoints::predict::INFERENCE_BATCH;

/// A `.fpk` model file (one model or an ensemble) ready to predict.
pub struct ModelFile {
    pub models: Ensemble,
}

impl ModelFile {
    /// Reads the model file at `path` onto the backend of `kind`.
    pub fn open(path: &Path, kind: BackendKind) -> Result<Self, String> {
        let backend = Backend::of(kind).map_err(|e| e.to_string())?;
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let models = Ensemble::from_bytes(&bytes, &backend.device)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(ModelFile { models })
    }

    /// The same models computing with the same rounding on every CPU.
    pub fn portable(self) -> Self {
        ModelFile {
            models: self.models.portable(),
        }
    }

    /// Predicted coordinates in pixels, `faces.len() * 30` (an ensemble's mean, with its
    /// test-time flip when it was saved with one).
    pub fn predict(&self, faces: &FaceSet) -> Result<Vec<f32>, String> {
        pollster::block_on(self.models.predict_as_saved(faces, INFERENCE_BATCH))
            .map_err(|e| e.to_string())
    }
}

/// Reads a Kaggle-format face file, naming it once in any error.
pub fn read_data(path: &Path) -> Result<FaceSet, String> {
    read_faces_file(path).map_err(|e| file_error(path, e))
}

/// Reads a Kaggle `test.csv` (it must have `ImageId`), naming it once in any error.
pub fn read_test_data(path: &Path) -> Result<FaceSet, String> {
    read_test_faces_file(path).map_err(|e| file_error(path, e))
}

/// `e` about the file at `path`: an I/O error names the file already.
fn file_error(path: &Path, e: DataError) -> String {
    match e {
        DataError::Io { .. } => e.to_string(),
        other => format!("{}: {other}", path.display()),
    }
}
