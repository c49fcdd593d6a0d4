//! The `.fpk` checkpoint: one file holding everything needed to use a trained model.
//!
//! Layout (little-endian):
//! `b"FPKM"` · format version `u32` · CRC-32 of everything after it `u32` ·
//! metadata length `u32` · metadata JSON (model config, normalisation, training summary) ·
//! record length `u64` · burn record bytes (burnpack).

use burn::module::{Module, ModuleVisitor, Param, ParamId};
use burn::store::ModuleRecord;
use burn::tensor::{Bool, Bytes, Device, Int, Tensor};
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
        "model file format version {found} is not supported (this build reads version {FORMAT_VERSION}, one model, and version 2, an ensemble)"
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
    /// The architecture the file describes is not a usable network.
    #[error("the model file's architecture is invalid: {0}")]
    Model(#[from] crate::model::ConfigError),
    /// A weight is of the wrong type or holds values that are not numbers.
    #[error("the model file's weights are unusable: {0}")]
    Weights(String),
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
    Ok(assemble(&json, &record))
}

/// Serialises `model` like [`save_to_bytes`] (the same bytes), reading every parameter back
/// asynchronously: what a browser's GPU allows.
pub async fn save_to_bytes_async(
    model: KeypointCnn,
    meta: &CheckpointMeta,
) -> Result<Vec<u8>, CheckpointError> {
    let json = serde_json::to_vec(meta).map_err(|e| CheckpointError::Write(e.to_string()))?;
    let mut parameters = Parameters::default();
    model.visit(&mut parameters);
    if let Some(path) = parameters.unsupported {
        return Err(CheckpointError::Write(format!(
            "the parameter `{path}` is not a float tensor"
        )));
    }
    let mut tensors = Vec::with_capacity(parameters.found.len());
    for (path, id, shape, flat) in parameters.found {
        let data = flat
            .into_data_async()
            .await
            .map_err(|e| CheckpointError::Write(format!("reading `{path}` back failed: {e}")))?;
        let (bytes, _, dtype) = data.into_parts();
        tensors.push(burn_pack::Tensor::new(
            path,
            dtype,
            shape,
            Some(id.val()),
            bytes,
        ));
    }
    let record = burn_pack::Writer::new(tensors)
        .into_bytes()
        .map_err(|e| CheckpointError::Write(e.to_string()))?;
    Ok(assemble(&json, &record))
}

/// A module's float parameters as burn's record collector names them (module path joined
/// with dots, in visiting order), each flattened for one asynchronous read.
#[derive(Default)]
struct Parameters {
    path: Vec<String>,
    found: Vec<(String, ParamId, Vec<usize>, Tensor<1>)>,
    unsupported: Option<String>,
}

impl ModuleVisitor for Parameters {
    fn enter_module(&mut self, name: &str, _container_type: &str) {
        self.path.push(name.to_string());
    }

    fn exit_module(&mut self, _name: &str, _container_type: &str) {
        self.path.pop();
    }

    // The saved form, as burn's collector records it.
    fn visit_float<const D: usize>(&mut self, param: &Param<Tensor<D>>) {
        let tensor = param.transform_for_save().val();
        let shape = tensor.dims().to_vec();
        let flat = tensor.reshape([shape.iter().product::<usize>()]);
        self.found
            .push((self.path.join("."), param.id, shape, flat));
    }

    fn visit_int<const D: usize>(&mut self, _param: &Param<Tensor<D, Int>>) {
        self.unsupported.get_or_insert_with(|| self.path.join("."));
    }

    fn visit_bool<const D: usize>(&mut self, _param: &Param<Tensor<D, Bool>>) {
        self.unsupported.get_or_insert_with(|| self.path.join("."));
    }
}

/// A checkpoint file of a description (JSON) and a burnpack record.
fn assemble(json: &[u8], record: &[u8]) -> Vec<u8> {
    let mut body = Vec::with_capacity(json.len() + record.len() + 12);
    body.extend_from_slice(&(json.len() as u32).to_le_bytes());
    body.extend_from_slice(json);
    body.extend_from_slice(&(record.len() as u64).to_le_bytes());
    body.extend_from_slice(record);
    framed(FORMAT_VERSION, &body)
}

/// A model file of format `version` around `body`: magic, version, the body's CRC-32, body.
pub(crate) fn framed(version: u32, body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len() + 12);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&version.to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(body).to_le_bytes());
    out.extend_from_slice(body);
    out
}

/// Reads `n` bytes at `*at`, advancing it (`what` names them in the error).
pub(crate) fn take<'a>(
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
                "{what} takes {n} bytes from offset {at}, but the file has only {} (it was \
                 cut short: copy or download it again)",
                bytes.len()
            ))
        })?;
    let out = &bytes[*at..end];
    *at = end;
    Ok(out)
}

/// Checks every weight of a burnpack record is 32-bit float and finite, before burn sees it
/// (burn panics on an integer weight; NaN weights would predict NaN for every face).
fn check_weights(record: Bytes) -> Result<(), CheckpointError> {
    let unreadable =
        |e: burn_pack::Error| CheckpointError::Meta(format!("unreadable weights: {e}"));
    let tensors = burn_pack::Reader::from_bytes(record)
        .and_then(burn_pack::Reader::into_tensors)
        .map_err(unreadable)?;
    for tensor in tensors {
        if tensor.dtype != burn_pack::DType::F32 {
            return Err(CheckpointError::Weights(format!(
                "`{}` is stored as {:?}; weights must be 32-bit floats (F32)",
                tensor.name, tensor.dtype
            )));
        }
        let name = tensor.name.clone();
        let bytes = tensor.into_bytes().map_err(unreadable)?;
        let finite = bytes
            .chunks_exact(4)
            .all(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]).is_finite());
        if !finite {
            return Err(CheckpointError::Weights(format!(
                "`{name}` holds values that are not finite numbers (NaN or infinity)"
            )));
        }
    }
    Ok(())
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
        if version == super::ensemble::ENSEMBLE_VERSION {
            return Err(CheckpointError::Meta(
                "this file holds an ensemble of models: read it as one (`Ensemble`)".into(),
            ));
        }
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
        meta.model.validate()?;
        meta.normalization
            .validate()
            .map_err(|e| CheckpointError::Meta(format!("normalization: {e}")))?;
        // One copy of the weights, shared by the check and the record (cheap to clone).
        let record = Bytes::from_bytes_vec(record.to_vec()).shared();
        check_weights(record.clone())?;
        let record = ModuleRecord::from_bytes(record)
            .map_err(|e| CheckpointError::Meta(format!("unreadable weights: {e}")))?;
        Ok(Checkpoint { meta, record })
    }

    /// Builds the model on `device` with the checkpoint's weights, in validation mode.
    pub fn into_model(self, device: &Device) -> Result<KeypointCnn, CheckpointError> {
        Ok(self.into_trainable(device)?.valid())
    }

    /// Builds the model on `device` with the checkpoint's weights, as a run trains it (an
    /// autodiff device: training goes on from these weights).
    pub fn into_trainable(self, device: &Device) -> Result<KeypointCnn, CheckpointError> {
        let architecture = |message: String| CheckpointError::Architecture {
            model: self.meta.model.name.clone(),
            message,
        };
        let model = self.meta.model.init(device)?;
        model
            .try_load_record(self.record.clone())
            .map_err(|e| architecture(e.to_string()))
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
    fn the_asynchronous_save_writes_the_same_bytes() {
        let device = Device::flex();
        let config = ModelConfig::preset("model3").unwrap();
        let model = config.init(&device).unwrap();
        let meta = CheckpointMeta {
            model: config,
            normalization: Normalization::default(),
            summary: None,
        };
        let sync = save_to_bytes(model.clone(), &meta).unwrap();
        let async_ = pollster::block_on(save_to_bytes_async(model, &meta)).unwrap();
        assert_eq!(sync.len(), async_.len());
        assert!(sync == async_, "the same file, byte for byte");
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

    /// The saved checkpoint's description and weights, rewritten by `edit` into a file with a
    /// valid checksum (what a hand-made or hostile file can be).
    fn rewritten(
        edit_meta: impl FnOnce(&mut CheckpointMeta),
        edit_tensor: impl Fn(burn_pack::Tensor) -> burn_pack::Tensor,
    ) -> Vec<u8> {
        let mut meta = CheckpointMeta {
            model: tiny(),
            normalization: Normalization::default(),
            summary: None,
        };
        edit_meta(&mut meta);
        let record = tiny()
            .init(&Device::flex())
            .unwrap()
            .into_record()
            .into_bytes()
            .unwrap();
        let tensors = burn_pack::Reader::from_bytes(record)
            .unwrap()
            .into_tensors()
            .unwrap()
            .into_iter()
            .map(edit_tensor)
            .collect();
        let record = burn_pack::Writer::new(tensors).into_bytes().unwrap();
        assemble(&serde_json::to_vec(&meta).unwrap(), &record)
    }

    #[test]
    fn unusable_weights_are_refused_on_load() {
        let same = |t: burn_pack::Tensor| t;
        Checkpoint::from_bytes(&rewritten(|_| {}, same)).expect("the unedited file loads");
        let as_int = |t: burn_pack::Tensor| {
            let (name, _, shape, id, bytes) = t.into_parts().unwrap();
            burn_pack::Tensor::new(name, burn_pack::DType::I32, shape, id, bytes)
        };
        let err = Checkpoint::from_bytes(&rewritten(|_| {}, as_int))
            .err()
            .unwrap();
        assert!(
            err.to_string()
                .contains("is stored as I32; weights must be 32-bit floats"),
            "{err}"
        );
        let nan = |t: burn_pack::Tensor| {
            let (name, dtype, shape, id, bytes) = t.into_parts().unwrap();
            let mut values = bytes.to_vec();
            values[..4].copy_from_slice(&f32::NAN.to_le_bytes());
            burn_pack::Tensor::new(name, dtype, shape, id, Bytes::from_bytes_vec(values))
        };
        let err = Checkpoint::from_bytes(&rewritten(|_| {}, nan))
            .err()
            .unwrap();
        assert!(err.to_string().contains("not finite numbers"), "{err}");
    }

    #[test]
    fn an_unusable_description_is_refused_on_load() {
        let same = |t: burn_pack::Tensor| t;
        let err = |edit: fn(&mut CheckpointMeta)| {
            Checkpoint::from_bytes(&rewritten(edit, same))
                .err()
                .unwrap()
                .to_string()
        };
        assert!(
            err(|m| m.normalization.coord_scale = 0.0).contains("coordinate scale 0"),
            "a zero scale would put every point at the centre"
        );
        assert!(err(|m| m.normalization.coord_scale = 1e30).contains("coordinate scale"));
        assert!(
            err(|m| m.model.layers[3] = LayerSpec::Dense { units: 0 })
                .contains("architecture is invalid: layer 3: a dense layer needs at least 1 unit")
        );
        assert!(
            err(|m| m.model.layers.insert(
                3,
                LayerSpec::Dense {
                    units: 4_000_000_000
                }
            ))
            .contains("million parameters")
        );
    }
}
