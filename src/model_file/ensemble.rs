//! The ensemble file: one `.fpk` holding several single-model checkpoints.
//!
//! Layout (little-endian), format version 2:
//! `b"FPKM"` · `2u32` · CRC-32 of everything after it `u32` · description length `u32` ·
//! description JSON ([`EnsembleInfo`]) · member count `u32` · per member: length `u64` and a
//! whole version-1 checkpoint (with its own checksum). A version-1 file is an ensemble of one.

use serde::{Deserialize, Serialize};

use super::checkpoint::{CheckpointError, FORMAT_VERSION, MAGIC, framed, take};

/// The format version of a file holding several models.
pub const ENSEMBLE_VERSION: u32 = 2;

/// The most models one ensemble file may hold.
pub const MAX_MEMBERS: usize = 64;

/// What an ensemble file says about itself besides its members.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EnsembleInfo {
    /// Test-time flip: predict each face and its mirror image and average the two.
    #[serde(default)]
    pub flip: bool,
    /// Validation RMSE (pixels) of the whole ensemble, when it was scored.
    #[serde(default)]
    pub valid_rmse: Option<f64>,
    /// The split that RMSE comes from.
    #[serde(default)]
    pub split: String,
}

fn u32_at(bytes: &[u8], at: &mut usize, what: &str) -> Result<u32, CheckpointError> {
    let b = take(bytes, at, 4, what)?;
    Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// The description and the member checkpoints (each a whole version-1 file, not yet
/// checked) of a model file of either version: a version-1 file is its own only member.
pub fn member_files(bytes: &[u8]) -> Result<(EnsembleInfo, Vec<&[u8]>), CheckpointError> {
    if bytes.len() < 4 || &bytes[..4] != MAGIC {
        return Err(CheckpointError::NotACheckpoint);
    }
    let mut at = 4;
    match u32_at(bytes, &mut at, "the version")? {
        FORMAT_VERSION => return Ok((EnsembleInfo::default(), vec![bytes])),
        ENSEMBLE_VERSION => {}
        found => return Err(CheckpointError::Version { found }),
    }
    let crc = u32_at(bytes, &mut at, "the checksum")?;
    if crc32fast::hash(&bytes[at..]) != crc {
        return Err(CheckpointError::Corrupt);
    }
    let json_len = u32_at(bytes, &mut at, "the description length")? as usize;
    let json = take(bytes, &mut at, json_len, "the description")?;
    let info: EnsembleInfo = serde_json::from_slice(json)
        .map_err(|e| CheckpointError::Meta(format!("the ensemble's description: {e}")))?;
    let count = u32_at(bytes, &mut at, "the member count")? as usize;
    if count == 0 || count > MAX_MEMBERS {
        return Err(CheckpointError::Meta(format!(
            "an ensemble holds 1 to {MAX_MEMBERS} models, this one says {count}"
        )));
    }
    let mut members = Vec::with_capacity(count);
    for i in 0..count {
        let what = format!("model {} of {count}", i + 1);
        let len = take(bytes, &mut at, 8, &what)?;
        let len = usize::try_from(u64::from_le_bytes(len.try_into().expect("8 bytes")))
            .map_err(|_| CheckpointError::Truncated(format!("{what}: impossible length")))?;
        let member = take(bytes, &mut at, len, &what)?;
        if member.len() < 8 || member[4..8] != FORMAT_VERSION.to_le_bytes() {
            return Err(CheckpointError::Meta(format!(
                "{what} is not a single-model checkpoint (version {FORMAT_VERSION})"
            )));
        }
        members.push(member);
    }
    if at != bytes.len() {
        return Err(CheckpointError::Meta(format!(
            "{} unexpected bytes after the last model",
            bytes.len() - at
        )));
    }
    Ok((info, members))
}

/// One ensemble file of the models in `files` (each a single model or an ensemble, whose
/// members are taken one by one), described by `info`. Every member is checked to load.
pub fn ensemble_to_bytes(files: &[&[u8]], info: &EnsembleInfo) -> Result<Vec<u8>, CheckpointError> {
    let mut members = Vec::new();
    for (i, file) in files.iter().enumerate() {
        let (_, inner) = member_files(file).map_err(|e| in_file(i, files.len(), e))?;
        for member in inner {
            crate::model_file::Checkpoint::from_bytes(member)
                .map_err(|e| in_file(i, files.len(), e))?;
            members.push(member);
        }
    }
    if members.is_empty() || members.len() > MAX_MEMBERS {
        return Err(CheckpointError::Write(format!(
            "an ensemble holds 1 to {MAX_MEMBERS} models, not {}",
            members.len()
        )));
    }
    let json = serde_json::to_vec(info).map_err(|e| CheckpointError::Write(e.to_string()))?;
    let mut body = Vec::new();
    body.extend_from_slice(&(json.len() as u32).to_le_bytes());
    body.extend_from_slice(&json);
    body.extend_from_slice(&(members.len() as u32).to_le_bytes());
    for member in members {
        body.extend_from_slice(&(member.len() as u64).to_le_bytes());
        body.extend_from_slice(member);
    }
    Ok(framed(ENSEMBLE_VERSION, &body))
}

/// `e` about the `i`-th of `n` files given.
fn in_file(i: usize, n: usize, e: CheckpointError) -> CheckpointError {
    if n == 1 {
        return e;
    }
    CheckpointError::Meta(format!("model file {} of {n}: {e}", i + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LayerSpec, ModelConfig};
    use crate::model_file::{CheckpointMeta, save_to_bytes};
    use crate::normalize::Normalization;
    use burn::tensor::Device;

    fn single(filters: usize) -> Vec<u8> {
        let config = ModelConfig::new(
            format!("tiny{filters}"),
            vec![
                LayerSpec::Conv { filters, kernel: 3 },
                LayerSpec::MaxPool,
                LayerSpec::Flatten,
                LayerSpec::Dense { units: 30 },
            ],
        );
        let meta = CheckpointMeta {
            model: config.clone(),
            normalization: Normalization::default(),
            summary: None,
        };
        save_to_bytes(config.init(&Device::flex()).unwrap(), &meta).unwrap()
    }

    #[test]
    fn a_single_model_file_is_an_ensemble_of_one() {
        let one = single(2);
        let (info, members) = member_files(&one).unwrap();
        assert_eq!(info, EnsembleInfo::default());
        assert_eq!(members, vec![&one[..]]);
    }

    #[test]
    fn members_come_back_byte_for_byte_and_ensembles_flatten() {
        let (a, b, c) = (single(2), single(3), single(4));
        let info = EnsembleInfo {
            flip: true,
            valid_rmse: Some(2.5),
            split: "by person".into(),
        };
        let ab = ensemble_to_bytes(&[&a, &b], &info).unwrap();
        let (read, members) = member_files(&ab).unwrap();
        assert_eq!(read, info);
        assert_eq!(members, vec![&a[..], &b[..]]);
        let abc = ensemble_to_bytes(&[&ab, &c], &EnsembleInfo::default()).unwrap();
        let (read, members) = member_files(&abc).unwrap();
        assert!(!read.flip);
        assert_eq!(members, vec![&a[..], &b[..], &c[..]]);
    }

    #[test]
    fn damaged_ensembles_are_refused_clearly() {
        let (a, b) = (single(2), single(3));
        let ab = ensemble_to_bytes(&[&a, &b], &EnsembleInfo::default()).unwrap();
        let err = |bytes: &[u8]| member_files(bytes).expect_err("must fail");
        let mut flipped = ab.clone();
        let last = flipped.len() - 5;
        flipped[last] ^= 1;
        assert_eq!(err(&flipped), CheckpointError::Corrupt);
        assert!(matches!(err(&ab[..ab.len() - 3]), CheckpointError::Corrupt));
        let mut version = ab.clone();
        version[4] = 7;
        assert_eq!(err(&version), CheckpointError::Version { found: 7 });
        let mut broken = a.clone();
        let at = broken.len() - 2;
        broken[at] ^= 1;
        let message = ensemble_to_bytes(&[&b, &broken], &EnsembleInfo::default())
            .err()
            .unwrap()
            .to_string();
        assert!(
            message.contains("model file 2 of 2: the model file is corrupt"),
            "{message}"
        );
        assert!(ensemble_to_bytes(&[], &EnsembleInfo::default()).is_err());
    }

    #[test]
    fn ensembles_hold_one_to_sixty_four_models() {
        let a = single(2);
        let info = EnsembleInfo::default();
        let many = |n: usize| vec![a.as_slice(); n];
        let full = ensemble_to_bytes(&many(MAX_MEMBERS), &info).unwrap();
        assert_eq!(member_files(&full).unwrap().1.len(), MAX_MEMBERS);
        for n in [0, MAX_MEMBERS + 1] {
            let e = ensemble_to_bytes(&many(n), &info).unwrap_err().to_string();
            assert!(
                e.contains(&format!("1 to {MAX_MEMBERS} models, not {n}")),
                "{e}"
            );
        }
        // A file that claims 0 or 65 members (checksum fixed up) is refused by its count.
        for claimed in [0u32, MAX_MEMBERS as u32 + 1] {
            let mut forged = ensemble_to_bytes(&[&a], &info).unwrap();
            let json_len = u32::from_le_bytes(forged[12..16].try_into().unwrap()) as usize;
            let count_at = 16 + json_len;
            forged[count_at..count_at + 4].copy_from_slice(&claimed.to_le_bytes());
            let crc = crc32fast::hash(&forged[12..]);
            forged[8..12].copy_from_slice(&crc.to_le_bytes());
            let e = member_files(&forged).unwrap_err().to_string();
            assert!(e.contains(&format!("this one says {claimed}")), "{e}");
        }
    }
}
