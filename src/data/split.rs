//! Seeded, reproducible train/validation splits: random, or grouped so that no group (a person)
//! lands on both sides.

use std::collections::BTreeMap;

use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use serde::{Deserialize, Serialize};

/// How a split was made; printed beside every RMSE so each figure says where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SplitInfo {
    /// `random` or `grouped`.
    pub kind: String,
    /// Fraction of rows (random) or of groups (grouped) held out.
    pub fraction: f64,
    /// The seed.
    pub seed: u64,
    /// Rows on the training side.
    pub train_rows: usize,
    /// Rows held out for validation.
    pub valid_rows: usize,
    /// Groups on each side (grouped splits only).
    pub groups: Option<(usize, usize)>,
}

impl std::fmt::Display for SplitInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} split, {:.0}% held out, seed {}: {} train / {} validation rows",
            self.kind,
            self.fraction * 100.0,
            self.seed,
            self.train_rows,
            self.valid_rows
        )?;
        if let Some((train, valid)) = self.groups {
            write!(f, " ({train} / {valid} people)")?;
        }
        Ok(())
    }
}

/// Row indices of both sides of a split, sorted.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    /// Training rows.
    pub train: Vec<usize>,
    /// Validation rows.
    pub valid: Vec<usize>,
    /// How it was made.
    pub info: SplitInfo,
}

/// Why a holdout cannot be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SplitError {
    /// The fraction is not strictly between 0 and 1.
    #[error("the validation fraction {0} must be between 0 and 1")]
    Fraction(f64),
    /// The people list does not have one entry per face.
    #[error("the people file names {people} rows, the faces file has {faces}")]
    People {
        /// Rows the people file names.
        people: usize,
        /// Faces.
        faces: usize,
    },
    /// One side would hold no face.
    #[error("the split leaves a side empty: {0}")]
    EmptySide(SplitInfo),
}

/// Whether `fraction` can be held out: strictly between 0 and 1 (checked before a file is
/// read, so a wrong setting fails at once).
pub fn check_fraction(fraction: f64) -> Result<(), SplitError> {
    if fraction > 0.0 && fraction < 1.0 {
        Ok(())
    } else {
        Err(SplitError::Fraction(fraction))
    }
}

/// The holdout the command line and the page make of `rows` faces: person-grouped when
/// `people` names each row's person, else random by row; `fraction` strictly between 0 and
/// 1, and both sides non-empty.
pub fn holdout<S: AsRef<str>>(
    rows: usize,
    people: Option<&[S]>,
    fraction: f64,
    seed: u64,
) -> Result<Split, SplitError> {
    check_fraction(fraction)?;
    let split = match people {
        Some(people) if people.len() != rows => {
            return Err(SplitError::People {
                people: people.len(),
                faces: rows,
            });
        }
        Some(people) => grouped_split(people, fraction, seed),
        None => random_split(rows, fraction, seed),
    };
    if split.train.is_empty() || split.valid.is_empty() {
        return Err(SplitError::EmptySide(split.info));
    }
    Ok(split)
}

/// Holds out `round(fraction · n)` random rows of `n`.
pub fn random_split(n: usize, fraction: f64, seed: u64) -> Split {
    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(&mut StdRng::seed_from_u64(seed));
    let n_valid = ((n as f64) * fraction).round() as usize;
    let (mut valid, mut train) = (order[..n_valid].to_vec(), order[n_valid..].to_vec());
    valid.sort_unstable();
    train.sort_unstable();
    Split {
        info: SplitInfo {
            kind: "random".into(),
            fraction,
            seed,
            train_rows: train.len(),
            valid_rows: valid.len(),
            groups: None,
        },
        train,
        valid,
    }
}

/// Holds out `round(fraction · groups)` random groups: every row of a group is on one side.
///
/// `groups[i]` names the group of row `i`.
pub fn grouped_split<S: AsRef<str>>(groups: &[S], fraction: f64, seed: u64) -> Split {
    let mut members: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, g) in groups.iter().enumerate() {
        members.entry(g.as_ref()).or_default().push(i);
    }
    let mut names: Vec<&str> = members.keys().copied().collect();
    names.shuffle(&mut StdRng::seed_from_u64(seed));
    let n_valid_groups = ((names.len() as f64) * fraction).round() as usize;
    let mut valid = Vec::new();
    let mut train = Vec::new();
    for (k, name) in names.iter().enumerate() {
        let side = if k < n_valid_groups {
            &mut valid
        } else {
            &mut train
        };
        side.extend_from_slice(&members[name]);
    }
    valid.sort_unstable();
    train.sort_unstable();
    Split {
        info: SplitInfo {
            kind: "grouped".into(),
            fraction,
            seed,
            train_rows: train.len(),
            valid_rows: valid.len(),
            groups: Some((names.len() - n_valid_groups, n_valid_groups)),
        },
        train,
        valid,
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn holdout_is_grouped_with_people_random_without_and_checked() {
        let people: Vec<String> = (0..40).map(|i| format!("p{}", i / 4)).collect();
        let grouped = holdout(40, Some(&people), 0.2, 7).unwrap();
        assert_eq!(grouped, grouped_split(&people, 0.2, 7));
        let none: Option<&[String]> = None;
        assert_eq!(holdout(40, none, 0.2, 7).unwrap(), random_split(40, 0.2, 7));
        for bad in [0.0, 1.0, -0.1, f64::NAN] {
            assert!(matches!(
                holdout(40, none, bad, 7),
                Err(SplitError::Fraction(_))
            ));
        }
        assert_eq!(
            holdout(39, Some(&people), 0.2, 7),
            Err(SplitError::People {
                people: 40,
                faces: 39
            })
        );
        let e = holdout(1, none, 0.2, 7).unwrap_err();
        assert!(
            e.to_string().starts_with("the split leaves a side empty"),
            "{e}"
        );
    }

    use super::*;
    use std::collections::HashSet;

    #[test]
    fn random_split_is_seeded_and_complete() {
        let a = random_split(100, 0.2, 7);
        assert_eq!(a, random_split(100, 0.2, 7));
        assert_ne!(a.valid, random_split(100, 0.2, 8).valid);
        assert_eq!(a.valid.len(), 20);
        let all: HashSet<usize> = a.train.iter().chain(&a.valid).copied().collect();
        assert_eq!(all.len(), 100);
    }

    #[test]
    fn grouped_split_keeps_groups_together() {
        let groups: Vec<String> = (0..200).map(|i| format!("person{}", i % 23)).collect();
        let s = grouped_split(&groups, 0.25, 3);
        assert_eq!(s, grouped_split(&groups, 0.25, 3));
        let train: HashSet<&str> = s.train.iter().map(|&i| groups[i].as_str()).collect();
        let valid: HashSet<&str> = s.valid.iter().map(|&i| groups[i].as_str()).collect();
        assert!(train.is_disjoint(&valid));
        assert_eq!(valid.len(), 6);
        assert_eq!(s.train.len() + s.valid.len(), 200);
        assert_eq!(s.info.groups, Some((17, 6)));
    }
}
