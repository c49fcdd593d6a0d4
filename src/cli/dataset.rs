//! Arguments shared by commands that read a training file and split it.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use facepoints::data::groups::read_person_groups;
use facepoints::data::source::open_file;
use facepoints::data::{FaceSet, Split, SplitError, check_fraction, holdout};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::model_file::read_data;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SplitKind {
    /// By person (needs --groups, or a meta.csv.gz beside the data).
    Grouped,
    /// By row.
    Random,
}

/// The training file and how to split it.
#[derive(Args, Debug, Clone)]
pub struct DataArgs {
    /// Kaggle-format training.csv (plain or gzip).
    #[arg(long)]
    pub data: PathBuf,
    #[command(flatten)]
    pub holdout: SplitArgs,
}

/// How a training file is split into training and validation rows.
#[derive(Args, Debug, Clone)]
pub struct SplitArgs {
    /// meta.csv(.gz) naming each row's source image, for person-grouped splits
    /// [default: meta.csv.gz beside --data, when present].
    #[arg(long)]
    pub groups: Option<PathBuf>,
    /// How to hold out validation rows [default: grouped when groups are known, else random].
    #[arg(long, value_enum)]
    pub split: Option<SplitKind>,
    /// Fraction held out for validation (of people for a grouped split, else of rows).
    #[arg(long, default_value_t = 0.2)]
    pub valid_fraction: f64,
    /// Seed of the split.
    #[arg(long, default_value_t = 7)]
    pub split_seed: u64,
}

/// Loaded faces and their split.
pub struct SplitData {
    pub faces: FaceSet,
    pub split: Split,
    pub sha256: String,
}

impl SplitData {
    pub fn train(&self) -> FaceSet {
        self.faces.subset(&self.split.train)
    }
    pub fn valid(&self) -> FaceSet {
        self.faces.subset(&self.split.valid)
    }
}

/// sha256 of a file, hex.
pub fn sha256_file(path: &Path) -> Result<String, String> {
    let mut file = open_file(path).map_err(|e| e.to_string())?;
    let mut hasher = Sha256::new();
    std::io::copy(&mut file, &mut hasher).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(format!("{:x}", hasher.finalize()))
}

impl DataArgs {
    /// `--groups`, or the meta.csv.gz beside the data when there is one.
    pub fn groups_path(&self) -> Option<PathBuf> {
        self.holdout.groups.clone().or_else(|| {
            let beside = self.data.with_file_name("meta.csv.gz");
            beside.exists().then_some(beside)
        })
    }

    /// `--split`, or what it defaults to: grouped when groups are known.
    pub fn split_kind(&self) -> SplitKind {
        self.holdout.split.unwrap_or(match self.groups_path() {
            Some(_) => SplitKind::Grouped,
            None => SplitKind::Random,
        })
    }

    /// Reads the file and splits it.
    pub fn load(&self) -> Result<SplitData, String> {
        let SplitArgs {
            valid_fraction,
            split_seed,
            ..
        } = &self.holdout;
        let (valid_fraction, split_seed) = (*valid_fraction, *split_seed);
        check_fraction(valid_fraction)
            .map_err(|_| format!("--valid-fraction {valid_fraction} must be between 0 and 1"))?;
        let faces = read_data(&self.data)?;
        if faces.is_empty() {
            return Err(format!("{}: no faces", self.data.display()));
        }
        let groups_path = self.groups_path();
        let people = match self.split_kind() {
            SplitKind::Random => None,
            SplitKind::Grouped => {
                let path = groups_path.ok_or("a grouped split needs --groups meta.csv.gz")?;
                let file = open_file(&path).map_err(|e| e.to_string())?;
                let people = read_person_groups(file, "training")
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                Some((path, people))
            }
        };
        let split = holdout(
            faces.len(),
            people.as_ref().map(|(_, p)| p.as_slice()),
            valid_fraction,
            split_seed,
        )
        .map_err(|e| match (e, &people) {
            (SplitError::People { .. }, Some((path, p))) => format!(
                "{} names {} rows, {} has {}",
                path.display(),
                p.len(),
                self.data.display(),
                faces.len()
            ),
            (e, _) => e.to_string(),
        })?;
        Ok(SplitData {
            faces,
            split,
            sha256: sha256_file(&self.data)?,
        })
    }
}
