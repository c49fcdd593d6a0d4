//! A saved model opened on a backend, and reading a face file, as the commands need them.

use std::path::Path;

use facepoints::backend::{Backend, BackendKind};
use facepoints::checkpoint::{Checkpoint, CheckpointMeta};
use facepoints::data::{DataError, FaceSet, read_faces_file, read_test_faces_file};
use facepoints::infer::CpuNet;
use facepoints::model::KeypointCnn;
use facepoints::predict::{INFERENCE_BATCH, predict, predict_cpu};

/// A `.fpk` model ready to predict.
pub struct ModelFile {
    pub model: KeypointCnn,
    /// The model packed for CPU inference, on the CPU backend.
    pub cpu: Option<CpuNet>,
    pub meta: CheckpointMeta,
    pub backend: Backend,
}

impl ModelFile {
    /// Reads the model at `path` onto the backend of `kind`.
    pub fn open(path: &Path, kind: BackendKind) -> Result<Self, String> {
        let backend = Backend::of(kind).map_err(|e| e.to_string())?;
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let checkpoint =
            Checkpoint::from_bytes(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        let meta = checkpoint.meta.clone();
        let model = checkpoint
            .into_model(&backend.device)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(ModelFile {
            cpu: CpuNet::for_device(&model, &backend.device, meta.normalization.pixel_scale),
            model,
            meta,
            backend,
        })
    }

    /// Predicted coordinates in pixels, `faces.len() * 30`.
    pub fn predict(&self, faces: &FaceSet) -> Result<Vec<f32>, String> {
        if let Some(net) = &self.cpu {
            return predict_cpu(net, faces, &self.meta.normalization, INFERENCE_BATCH)
                .map_err(|e| e.to_string());
        }
        pollster::block_on(predict(
            &self.model,
            faces,
            &self.meta.normalization,
            INFERENCE_BATCH,
            &self.backend.device,
        ))
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
