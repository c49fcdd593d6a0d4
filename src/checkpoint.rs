//! The `.fpk` checkpoint: one file holding everything needed to use a trained model.
//!
//! Layout (little-endian):
//! `b"FPKM"` · format version `u32` · CRC-32 of everything after it `u32` ·
//! metadata length `u32` · metadata JSON (model config, normalisation, training summary) ·
//! record length `u64` · burn record bytes (burnpack).

use burn::module::Module;
use burn::store::ModuleRecord;
use burn::tensor::{Bytes, Device};
use serde::{Deserialize, Serialize};

use crate::model::{KeypointCnn, ModelConfig};
use crate::normalize::Normalization;

/// First bytes of every checkpoint.
pub const MAGIC: &[u8; 4] = b"FPKM";
/// The format version this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// How the weights were obtained (shown on model cards and in the page).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct TrainingSummary {
    /// The training settings, as JSON.
    pub training: serde_json::Value,
    /// The split the validation RMSE comes from.
    pub split: String,
    /// Epochs run.
    pub epochs_run: usize,
    /// 0-based epoch of the kept weights.
    pub best_epoch: usize,
    /// Validation RMSE of the kept weights, in pixels.
    pub valid_rmse: f64,
    /// sha256 (or other identifier) of the training data, when known.
    pub data: String,
}

/// Everything in a checkpoint but the weights.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckpointMeta {
    /// The architecture.
    pub model: ModelConfig,
    /// How inputs and outputs are scaled.
    pub normalization: Normalization,
    /// How it was trained, when it was.
    pub summary: Option<TrainingSummary>,
}

/// Why a checkpoint cannot be used.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum CheckpointError {
    /// Not a facepoints checkpoint at all.
    #[error("not a facepoints model file (it does not start with FPKM)")]
    NotACheckpoint,
    /// Written by another format version.
    #[error(
        "model file format version {found} is not supported (this build reads version {FORMAT_VERSION})"
    )]
    Version {
        /// The version in the file.
        found: u32,
    },
    /// Cut short.
    #[error("the model file is truncated: {0}")]
    Truncated(String),
    /// Bytes changed since it was written.
    #[error("the model file is corrupt (checksum mismatch)")]
    Corrupt,
    /// The metadata is not valid.
    #[error("the model file's description is invalid: {0}")]
    Meta(String),
    /// The weights do not fit the architecture the file describes.
    #[error("the weights do not fit the model `{model}`: {message}")]
    Architecture {
        /// The model name.
        model: String,
        /// burn's message.
        message: String,
    },
    /// Serialising failed.
    #[error("could not write the model: {0}")]
    Write(String),
}

/// A loaded checkpoint: its description and its weights, not yet on a device.
pub struct Checkpoint {
    /// The description.
    pub meta: CheckpointMeta,
    record: ModuleRecord,
}

/// Serialises `model` (its parameters are read back synchronously: native or CPU only).
pub fn save_to_bytes(
    model: KeypointCnn,
    meta: &CheckpointMeta,
) -> Result<Vec<u8>, CheckpointError> {
    let json = serde_json::to_vec(meta).map_err(|e| CheckpointError::Write(e.to_string()))?;
    let record = model
        .into_record()
        .into_bytes()
        .map_err(|e| CheckpointError::Write(e.to_string()))?;
    let mut body = Vec::with_capacity(json.len() + record.len() + 12);
    body.extend_from_slice(&(json.len() as u32).to_le_bytes());
    body.extend_from_slice(&json);
    body.extend_from_slice(&(record.len() as u64).to_le_bytes());
    body.extend_from_slice(&record);
    let mut out = Vec::with_capacity(body.len() + 12);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(&body).to_le_bytes());
    out.extend_from_slice(&body);
    Ok(out)
}

/// Reads `n` bytes at `*at`, advancing it.
fn take<'a>(
    bytes: &'a [u8],
    at: &mut usize,
    n: usize,
    what: &str,
) -> Result<&'a [u8], CheckpointError> {
    let end = at
        .checked_add(n)
        .filter(|&e| e <= bytes.len())
        .ok_or_else(|| {
            CheckpointError::Truncated(format!(
                "{what} needs {n} bytes at offset {at}, the file has {}",
                bytes.len()
            ))
        })?;
    let out = &bytes[*at..end];
    *at = end;
    Ok(out)
}

impl Checkpoint {
    /// Parses and checks a checkpoint.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, CheckpointError> {
        if bytes.len() < 4 || &bytes[..4] != MAGIC {
            return Err(CheckpointError::NotACheckpoint);
        }
        let mut at = 4;
        let u32_at = |at: &mut usize, what| -> Result<u32, CheckpointError> {
            let b = take(bytes, at, 4, what)?;
            Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        };
        let version = u32_at(&mut at, "the version")?;
        if version != FORMAT_VERSION {
            return Err(CheckpointError::Version { found: version });
        }
        let crc = u32_at(&mut at, "the checksum")?;
        let body_start = at;
        let json_len = u32_at(&mut at, "the description length")? as usize;
        let json = take(bytes, &mut at, json_len, "the description")?;
        let len = take(bytes, &mut at, 8, "the weights length")?;
        let record_len = u64::from_le_bytes(len.try_into().expect("8 bytes"));
        let record_len = usize::try_from(record_len)
            .map_err(|_| CheckpointError::Truncated("impossible weights length".into()))?;
        let record = take(bytes, &mut at, record_len, "the weights")?;
        if at != bytes.len() {
            return Err(CheckpointError::Meta(format!(
                "{} unexpected bytes after the weights",
                bytes.len() - at
            )));
        }
        if crc32fast::hash(&bytes[body_start..]) != crc {
            return Err(CheckpointError::Corrupt);
        }
        let meta: CheckpointMeta =
            serde_json::from_slice(json).map_err(|e| CheckpointError::Meta(e.to_string()))?;
        meta.model.validate().map_err(CheckpointError::Meta)?;
        let record = ModuleRecord::from_bytes(Bytes::from_bytes_vec(record.to_vec()))
            .map_err(|e| CheckpointError::Meta(format!("unreadable weights: {e}")))?;
        Ok(Checkpoint { meta, record })
    }

    /// Builds the model on `device` with the checkpoint's weights, in validation mode.
    pub fn into_model(self, device: &Device) -> Result<KeypointCnn, CheckpointError> {
        let architecture = |message: String| CheckpointError::Architecture {
            model: self.meta.model.name.clone(),
            message,
        };
        let model = self
            .meta
            .model
            .init(device)
            .map_err(CheckpointError::Meta)?;
        let model = model
            .try_load_record(self.record.clone())
            .map_err(|e| architecture(e.to_string()))?;
        Ok(model.valid())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LayerSpec;

    fn tiny() -> ModelConfig {
        ModelConfig::new(
            "tiny".into(),
            vec![
                LayerSpec::Conv {
                    filters: 2,
                    kernel: 3,
                },
                LayerSpec::MaxPool,
                LayerSpec::Flatten,
                LayerSpec::Dense { units: 30 },
            ],
        )
    }

    fn saved() -> Vec<u8> {
        let device = Device::flex();
        let meta = CheckpointMeta {
            model: tiny(),
            normalization: Normalization::default(),
            summary: None,
        };
        save_to_bytes(tiny().init(&device).unwrap(), &meta).unwrap()
    }

    #[test]
    fn round_trips() {
        let bytes = saved();
        let ckpt = Checkpoint::from_bytes(&bytes).unwrap();
        assert_eq!(ckpt.meta.model, tiny());
        ckpt.into_model(&Device::flex()).unwrap();
    }

    #[test]
    fn refuses_bad_files_clearly() {
        let bytes = saved();
        let err = |b: &[u8]| Checkpoint::from_bytes(b).err().expect("must fail");
        assert_eq!(err(b"PNG whatever"), CheckpointError::NotACheckpoint);
        assert_eq!(err(&[]), CheckpointError::NotACheckpoint);
        assert!(matches!(
            err(&bytes[..bytes.len() - 10]),
            CheckpointError::Truncated(_)
        ));
        assert!(matches!(err(&bytes[..9]), CheckpointError::Truncated(_)));
        let mut flipped = bytes.clone();
        let last = flipped.len() - 3;
        flipped[last] ^= 0x40;
        assert_eq!(err(&flipped), CheckpointError::Corrupt);
        let mut version = bytes.clone();
        version[4] = 9;
        assert_eq!(err(&version), CheckpointError::Version { found: 9 });
    }
}
