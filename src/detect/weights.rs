//! The detectors' weights: one file, `www/models/detectors.bin` (both networks' burnpack
//! bytes, short range then full range; written with their code by `cargo run -p xtask --
//! detectors`). The page fetches it once; native builds embed it. Its length and CRC-32 are
//! known here, so a truncated, damaged or other file is refused with the reason before burn
//! reads it.

use burn::tensor::{Bytes, Device};
use burn_store::{BurnpackStore, ModuleSnapshot};

use super::blazeface_model::Model as ShortRangeModel;
use super::full_range_model::Model as FullRangeModel;

/// The generated constants (what they were made from is read by the tests only).
#[cfg_attr(not(test), allow(dead_code))]
mod generated {
    include!("generated/weights.rs");
}

/// The weights file's name as the page serves it (under `www/models/`).
const FILE_NAME: &str = "detectors.bin";

/// The weights file this build was made with (native builds embed it).
#[cfg(not(target_arch = "wasm32"))]
static BUNDLED: &[u8] = include_bytes!("../../www/models/detectors.bin");

/// Why the detectors' weights cannot be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum WeightsError {
    /// The file is not as long as the one this build expects.
    #[error(
        "the face detector's weights ({FILE_NAME}) are {got} bytes, this build expects {expected}: \
         {}", if got < expected { "the file is truncated (an interrupted download?)" } else { "another file or another version" }
    )]
    Length { got: usize, expected: usize },
    /// The bytes differ from the ones this build was made with.
    #[error(
        "the face detector's weights ({FILE_NAME}) are damaged or another version (checksum \
         {got:#010x}, expected {expected:#010x}): reload the page, or rebuild the engines"
    )]
    Checksum { got: u32, expected: u32 },
    /// burn could not load a network's weights.
    #[error("the face detector's weights ({FILE_NAME}, part {part}) cannot be loaded: {reason}")]
    Load { part: &'static str, reason: String },
}

/// The two networks' weights, checked, on their way to a device.
#[derive(Clone)]
pub struct DetectorWeights {
    short_range: Bytes,
    full_range: Bytes,
}

impl DetectorWeights {
    /// Checks `file` (the whole weights file) and splits it into the two networks' parts.
    pub fn from_file_bytes(file: &[u8]) -> Result<Self, WeightsError> {
        if file.len() != generated::LENGTH {
            return Err(WeightsError::Length {
                got: file.len(),
                expected: generated::LENGTH,
            });
        }
        let crc = crc32fast::hash(file);
        if crc != generated::CRC32 {
            return Err(WeightsError::Checksum {
                got: crc,
                expected: generated::CRC32,
            });
        }
        let [(_, short), (_, _)] = generated::PARTS;
        let part = |bytes: &[u8]| Bytes::from_bytes_vec(bytes.to_vec());
        Ok(DetectorWeights {
            short_range: part(&file[..short]),
            full_range: part(&file[short..]),
        })
    }

    /// The weights this build was made with, embedded (native builds only: the page fetches
    /// the file instead, so its engines stay small).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn bundled() -> Self {
        Self::from_file_bytes(BUNDLED).expect("the embedded weights are the generated ones")
    }

    /// Both networks with these weights on `device`.
    pub(super) fn load(
        &self,
        device: &Device,
    ) -> Result<(ShortRangeModel, FullRangeModel), WeightsError> {
        let [(short_name, _), (full_name, _)] = generated::PARTS;
        let mut short = ShortRangeModel::new(device);
        load_into(&mut short, &self.short_range, short_name)?;
        let mut full = FullRangeModel::new(device);
        load_into(&mut full, &self.full_range, full_name)?;
        Ok((short, full))
    }
}

/// Loads burnpack `bytes` into `model`; every tensor must be there and apply.
fn load_into<M: ModuleSnapshot>(
    model: &mut M,
    bytes: &Bytes,
    part: &'static str,
) -> Result<(), WeightsError> {
    let mut store = BurnpackStore::from_bytes(Some(bytes.clone()));
    let result = model
        .load_from(&mut store)
        .map_err(|e| WeightsError::Load {
            part,
            reason: e.to_string(),
        })?;
    if !result.missing.is_empty() || !result.errors.is_empty() {
        return Err(WeightsError::Load {
            part,
            reason: format!(
                "{} tensors missing, {} not applicable",
                result.missing.len(),
                result.errors.len()
            ),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file() -> &'static [u8] {
        BUNDLED
    }

    #[test]
    fn the_committed_file_loads() {
        let weights = DetectorWeights::from_file_bytes(file()).unwrap();
        weights.load(&Device::flex()).unwrap();
    }

    #[test]
    fn truncated_damaged_and_other_files_are_refused_with_the_reason() {
        let cut = &file()[..file().len() / 2];
        let e = DetectorWeights::from_file_bytes(cut).err().unwrap();
        assert!(matches!(e, WeightsError::Length { .. }), "{e}");
        assert!(e.to_string().contains("truncated"), "{e}");

        let mut longer = file().to_vec();
        longer.push(0);
        let e = DetectorWeights::from_file_bytes(&longer).err().unwrap();
        assert!(e.to_string().contains("another file"), "{e}");

        let mut flipped = file().to_vec();
        flipped[file().len() / 3] ^= 1;
        let e = DetectorWeights::from_file_bytes(&flipped).err().unwrap();
        assert!(matches!(e, WeightsError::Checksum { .. }), "{e}");
        assert!(e.to_string().contains("damaged"), "{e}");
    }

    /// The committed code and weights were generated from the ONNX files as they are, by the
    /// burn-onnx that Cargo.lock pins, and the generated code is unedited (`cargo test -p
    /// xtask` regenerates them and compares; this notices the same changes without burn-onnx).
    #[test]
    fn the_generated_files_match_their_sources() {
        let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let regenerate = "run `cargo run -p xtask -- detectors` and commit the result";
        for (path, len, crc) in generated::SOURCES.iter().chain(&generated::CODE) {
            let bytes = std::fs::read(repo.join(path)).unwrap();
            assert!(
                bytes.len() == *len && crc32fast::hash(&bytes) == *crc,
                "{path} changed since the detectors were generated: {regenerate}"
            );
        }
        let lock = std::fs::read_to_string(repo.join("Cargo.lock")).unwrap();
        let version = generated::GENERATOR.trim_start_matches("burn-onnx ");
        assert!(
            lock.contains(&format!("name = \"burn-onnx\"\nversion = \"{version}\"")),
            "Cargo.lock no longer pins {}: {regenerate}",
            generated::GENERATOR
        );
    }

    #[test]
    fn weights_of_the_wrong_network_are_refused() {
        let weights = DetectorWeights::from_file_bytes(file()).unwrap();
        let swapped = DetectorWeights {
            short_range: weights.full_range.clone(),
            full_range: weights.short_range.clone(),
        };
        let e = swapped.load(&Device::flex()).err().unwrap();
        assert!(matches!(e, WeightsError::Load { .. }), "{e}");
    }
}
