//! A search or an ablation written down as a plan: every trial's settings, the split and the
//! training file's fingerprint. Its trials can then run one per process — on the machines of a
//! Kubernetes Indexed Job or a Slurm array (deploy/) — each writing its record into the plan's
//! folder, and `facepoints runs merge` prints the table the single-machine command prints.
//!
//! A plan's folder, shared by every machine:
//!
//! ```text
//! plan.json                the plan (written once)
//! trials/trial-0003.json   trial 3's record (trial.rs; written whole, then renamed)
//! trials/trial-0003.fpk    its model
//! ```

use std::path::{Path, PathBuf};

use clap::Args;
use facepoints::train::{SearchSpace, TrainingConfig};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::atomic_file;
use super::dataset::{DataArgs, SplitArgs, SplitData, SplitKind};

/// `format` of a plan file.
pub const PLAN_FORMAT: &str = "facepoints-plan/1";

/// The flags that write a plan or run one of its trials (search and ablate alike).
#[derive(Args, Debug, Clone)]
pub struct PlanArgs {
    /// Write the plan (every trial's settings, the split, the data's sha256) into this folder
    /// and train nothing; its trials then run anywhere with --plan and --trial.
    #[arg(long, value_name = "DIR", conflicts_with = "plan")]
    pub write_plan: Option<PathBuf>,
    /// Run one trial of a plan (its folder or its plan.json) and write its record there; the
    /// settings are the plan's, so only --data, --groups and --backend go with it.
    #[arg(
        long,
        value_name = "DIR",
        requires = "trial",
        conflicts_with_all = ["HyperArgs", "split", "valid_fraction", "split_seed"]
    )]
    pub plan: Option<PathBuf>,
    /// Which trial of --plan: 0 to trials − 1 (a Kubernetes Indexed Job's completion index,
    /// a Slurm array's task id). A trial with a record already does nothing.
    #[arg(long, value_name = "N", requires = "plan")]
    pub trial: Option<usize>,
}

/// What a plan studies, and how its table is printed.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Study {
    /// `facepoints search`: the trials drawn from `space` with `search_seed`.
    Search {
        space: SearchSpace,
        search_seed: u64,
    },
    /// `facepoints ablate`: each variant (`none`, `all seven`, `all but …`) once per seed;
    /// trial `i` is variant `i / seeds` with seed `i % seeds`.
    Ablation { variants: Vec<String>, seeds: u64 },
}

impl Study {
    /// The command that runs this study's trials.
    pub fn command(&self) -> &'static str {
        match self {
            Study::Search { .. } => "search",
            Study::Ablation { .. } => "ablate",
        }
    }
}

/// The training file and its split, as every trial must see them.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PlannedData {
    /// The file the plan was made from (messages only: each machine names its own --data).
    pub file: String,
    /// sha256 of that file's bytes: a trial refuses any other file.
    pub sha256: String,
    pub split: SplitKind,
    pub valid_fraction: f64,
    pub split_seed: u64,
    /// The split as made then (kind, seed, rows on each side): a trial checks its own.
    pub split_info: String,
}

/// Every trial of a study, fixed in advance.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Plan {
    /// [`PLAN_FORMAT`].
    pub format: String,
    pub study: Study,
    pub data: PlannedData,
    /// Each trial's complete settings (seed included), in the single-machine command's order.
    pub trials: Vec<TrainingConfig>,
}

impl Plan {
    /// The plan of `trials` for `study` on the data `args` loaded as `data`.
    pub fn new(
        study: Study,
        args: &DataArgs,
        data: &SplitData,
        mut trials: Vec<TrainingConfig>,
    ) -> Plan {
        for config in &mut trials {
            // A model to start from is read by every machine: name it by its full path.
            if let Some(init) = &mut config.init
                && let Ok(full) = std::fs::canonicalize(&init.from)
            {
                init.from = full.display().to_string();
            }
        }
        Plan {
            format: PLAN_FORMAT.into(),
            study,
            data: PlannedData {
                file: args.data.display().to_string(),
                sha256: data.sha256.clone(),
                split: args.split_kind(),
                valid_fraction: args.holdout.valid_fraction,
                split_seed: args.holdout.split_seed,
                split_info: data.split.info.to_string(),
            },
            trials,
        }
    }

    /// sha256 of the plan as written: each record names the plan it belongs to.
    pub fn digest(&self) -> String {
        let bytes = serde_json::to_vec(self).expect("a plan serialises");
        format!("{:x}", Sha256::digest(bytes))
    }

    /// Writes the plan into `folder` (made if missing) with its `trials/` folder. Writing
    /// the same plan again is a no-op; a folder holding another plan is refused.
    pub fn write(&self, folder: &Path) -> Result<(), String> {
        let trials = folder.join("trials");
        std::fs::create_dir_all(&trials).map_err(|e| format!("{}: {e}", trials.display()))?;
        let path = folder.join("plan.json");
        let json = serde_json::to_string_pretty(self).map_err(|e| e.to_string())? + "\n";
        if atomic_file::create(&path, json.as_bytes())? {
            return Ok(());
        }
        let (there, _) = Plan::read(&path)?;
        if there.digest() == self.digest() {
            Ok(())
        } else {
            Err(format!(
                "{} holds another plan already: write this one into a new folder",
                path.display()
            ))
        }
    }

    /// The plan at `path` (a plan's folder or its plan.json), and its folder.
    pub fn read(path: &Path) -> Result<(Plan, PathBuf), String> {
        let file = if path.is_dir() {
            path.join("plan.json")
        } else {
            path.to_path_buf()
        };
        let text = std::fs::read_to_string(&file).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => format!(
                "{}: no plan there (`facepoints search` or `ablate` … --write-plan DIR writes one)",
                file.display()
            ),
            _ => format!("{}: {e}", file.display()),
        })?;
        let plan: Plan = facepoints::strict_json::from_str(&text)
            .map_err(|e| format!("{}: not a plan: {e}", file.display()))?;
        if plan.format != PLAN_FORMAT {
            return Err(format!(
                "{}: a plan of format {:?}; this facepoints reads {PLAN_FORMAT:?}",
                file.display(),
                plan.format
            ));
        }
        if plan.trials.is_empty() {
            return Err(format!("{}: the plan has no trials", file.display()));
        }
        for (i, config) in plan.trials.iter().enumerate() {
            config
                .validate()
                .map_err(|e| format!("{}: trial {i}: {e}", file.display()))?;
        }
        if let Study::Ablation { variants, seeds } = &plan.study
            && variants.len() as u64 * seeds != plan.trials.len() as u64
        {
            return Err(format!(
                "{}: {} variants × {seeds} seeds is not its {} trials",
                file.display(),
                variants.len(),
                plan.trials.len()
            ));
        }
        let folder = file
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf();
        Ok((plan, folder))
    }

    /// How `data` must be split for this plan: the plan's split of the file `data` names.
    pub fn data_args(&self, data: &DataArgs) -> DataArgs {
        DataArgs {
            data: data.data.clone(),
            holdout: SplitArgs {
                groups: data.holdout.groups.clone(),
                split: Some(self.data.split),
                valid_fraction: self.data.valid_fraction,
                split_seed: self.data.split_seed,
            },
        }
    }

    /// Whether `loaded` (from `file`) is the data the plan was made from, split the same way.
    pub fn check_data(&self, file: &Path, loaded: &SplitData) -> Result<(), String> {
        if loaded.sha256 != self.data.sha256 {
            return Err(format!(
                "{} is not the file the plan was made from ({}, sha256 {}; this one has {}): every trial must train on the same data",
                file.display(),
                self.data.file,
                self.data.sha256,
                loaded.sha256
            ));
        }
        let split = loaded.split.info.to_string();
        if split != self.data.split_info {
            return Err(format!(
                "the split differs from the plan's ({split}, the plan: {}): pass the same --groups file",
                self.data.split_info
            ));
        }
        Ok(())
    }

    /// What trial `index` is, for progress lines.
    pub fn label(&self, index: usize) -> String {
        match &self.study {
            Study::Search { .. } => format!("trial {} of {}", index + 1, self.trials.len()),
            Study::Ablation { variants, seeds } => {
                let config = &self.trials[index];
                format!(
                    "{} [{}] seed {}",
                    config.model.name,
                    variants[index / *seeds as usize],
                    config.seed
                )
            }
        }
    }
}

/// `--write-plan DIR`: writes `plan` there and says how to run and merge its trials.
pub fn write_plan(plan: &Plan, folder: &Path, data: &DataArgs) -> Result<(), super::Failure> {
    plan.write(folder)?;
    let n = plan.trials.len();
    super::output::print(format!(
        "wrote {}: {n} trials, 0 to {}. Run each, on any machine that sees this folder:\n  facepoints {} --plan {} --trial N --data {}\nthen print the table:\n  facepoints runs merge {}",
        folder.join("plan.json").display(),
        n - 1,
        plan.study.command(),
        folder.display(),
        data.data.display(),
        folder.display()
    ))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use facepoints::model::ModelConfig;

    fn plan() -> Plan {
        let config = TrainingConfig::new(ModelConfig::preset("model0").unwrap());
        Plan {
            format: PLAN_FORMAT.into(),
            study: Study::Ablation {
                variants: vec!["none".into(), "all seven".into()],
                seeds: 1,
            },
            data: PlannedData {
                file: "training.csv".into(),
                sha256: "ab".into(),
                split: SplitKind::Random,
                valid_fraction: 0.2,
                split_seed: 7,
                split_info: "random".into(),
            },
            trials: vec![config.clone(), config],
        }
    }

    #[test]
    fn a_plan_round_trips_and_keeps_its_digest() {
        let dir = tempfile::tempdir().unwrap();
        let plan = plan();
        plan.write(dir.path()).unwrap();
        assert!(dir.path().join("trials").is_dir());
        let (back, folder) = Plan::read(dir.path()).unwrap();
        assert_eq!(back.digest(), plan.digest());
        assert_eq!(folder, dir.path());
        let (_, folder) = Plan::read(&dir.path().join("plan.json")).unwrap();
        assert_eq!(folder, dir.path());
        // The same plan again: a no-op. Another one: refused, the first kept.
        plan.write(dir.path()).unwrap();
        let mut other = plan.clone();
        other.trials[1].seed = 99;
        assert_ne!(other.digest(), plan.digest());
        let err = other.write(dir.path()).unwrap_err();
        assert!(err.contains("another plan"), "{err}");
        assert_eq!(Plan::read(dir.path()).unwrap().0.digest(), plan.digest());
    }

    #[test]
    fn a_damaged_plan_says_what_is_wrong() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.json");
        let write = |plan: &Plan| std::fs::write(&path, serde_json::to_string(plan).unwrap());
        let mut wrong = plan();
        wrong.trials.pop();
        write(&wrong).unwrap();
        let err = Plan::read(&path).unwrap_err();
        assert!(
            err.contains("2 variants × 1 seeds is not its 1 trials"),
            "{err}"
        );
        let mut wrong = plan();
        wrong.format = "facepoints-plan/9".into();
        write(&wrong).unwrap();
        assert!(Plan::read(&path).unwrap_err().contains("format"));
        let mut text = serde_json::to_value(plan()).unwrap();
        text["trials"][0]["epochs"] = 0.into();
        std::fs::write(&path, text.to_string()).unwrap();
        assert!(Plan::read(&path).unwrap_err().contains("trial 0"));
        text["surprise"] = 1.into();
        std::fs::write(&path, text.to_string()).unwrap();
        assert!(
            Plan::read(&path)
                .unwrap_err()
                .contains("unknown field `surprise`")
        );
    }
}
