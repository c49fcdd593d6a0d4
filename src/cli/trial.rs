//! One trial of a plan: trained, and its record — validation RMSE, best epoch, time, where it
//! ran — written into the plan's folder (`trials/trial-NNNN.json`, with its model beside it).
//! The single-machine `search` and `ablate` train their trials through the same function and
//! print their tables from the same records, so a merged plan and a sequential run agree.
//!
//! A trial with a record of its plan does nothing when run again; one that crashed left no
//! record (files are renamed into place whole) and runs again; two processes running the
//! same trial each write a whole record, and the last rename wins.

use std::path::{Path, PathBuf};

use facepoints::backend::{Backend, BackendKind};
use facepoints::data::FaceSet;
use facepoints::train::Trained;
use serde::{Deserialize, Serialize};
use web_time::Instant;

use super::dataset::{DataArgs, SplitData};
use super::plan::{Plan, PlanArgs};
use super::train::{fit, read_init, save_model};
use super::{Failure, atomic_file, output};

/// `format` of a trial record.
pub const RECORD_FORMAT: &str = "facepoints-trial/1";

/// The outcome of one trial of a plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrialRecord {
    /// [`RECORD_FORMAT`].
    pub format: String,
    /// The plan's digest ([`Plan::digest`]).
    pub plan: String,
    /// 0-based index in the plan.
    pub trial: usize,
    /// Validation RMSE of the kept weights, in pixels (none when it was not finite).
    pub best_rmse: Option<f64>,
    /// 0-based epoch of the kept weights.
    pub best_epoch: usize,
    /// Epochs run.
    pub epochs: usize,
    /// Wall time of the training, in seconds.
    pub seconds: f64,
    /// The backend and its device.
    pub backend: String,
    /// The machine that ran it, when known.
    pub host: Option<String>,
}

impl TrialRecord {
    /// The RMSE as the tables print it (`NaN` when it was not finite).
    pub fn rmse(&self) -> f64 {
        self.best_rmse.unwrap_or(f64::NAN)
    }
}

/// Trains trial `index` of `plan`: its record and the trained model.
pub fn train(
    plan: &Plan,
    digest: &str,
    index: usize,
    backend: &Backend,
    train_set: &FaceSet,
    valid_set: &FaceSet,
) -> Result<(TrialRecord, Trained), String> {
    let mut config = plan.trials[index].clone();
    read_init(&mut config)?;
    let began = Instant::now();
    let trained = fit(&plan.label(index), &config, backend, train_set, valid_set)?;
    let record = TrialRecord {
        format: RECORD_FORMAT.into(),
        plan: digest.into(),
        trial: index,
        best_rmse: Some(trained.best_rmse).filter(|r| r.is_finite()),
        best_epoch: trained.best_epoch,
        epochs: trained.history.len(),
        seconds: began.elapsed().as_secs_f64(),
        backend: backend.description.clone(),
        host: host(),
    };
    Ok((record, trained))
}

/// Every trial of `plan` in turn, in this process (the single-machine `search` and
/// `ablate`), on `data` as the plan split it; a budget starts no trial after its minutes.
pub fn run_all(
    plan: &Plan,
    data: &SplitData,
    backend: BackendKind,
    budget_minutes: Option<f64>,
) -> Result<Vec<TrialRecord>, Failure> {
    let backend = Backend::of(backend)?;
    let (train_set, valid_set) = (data.train(), data.valid());
    let digest = plan.digest();
    let start = Instant::now();
    let mut records = Vec::new();
    for i in 0..plan.trials.len() {
        if let Some(minutes) = budget_minutes
            && start.elapsed().as_secs_f64() >= minutes * 60.0
        {
            output::note(format_args!(
                "the budget of {minutes} min is spent: {i} of {} trials ran",
                plan.trials.len()
            ));
            break;
        }
        records.push(train(plan, &digest, i, &backend, &train_set, &valid_set)?.0);
    }
    Ok(records)
}

/// Where trial `index`'s record lives in a plan's `folder`.
pub fn record_path(folder: &Path, index: usize) -> PathBuf {
    folder.join("trials").join(format!("trial-{index:04}.json"))
}

/// Why trial `index`'s record in a plan's folder cannot be used.
#[derive(Debug, PartialEq)]
pub enum RecordError {
    /// The file is there but does not parse as a record (cut short, damaged): training the
    /// trial again replaces it.
    Damaged(String),
    /// It cannot be read, or it is whole but not this plan's trial (another format, plan or
    /// trial): left alone, as it may be someone else's work.
    Refused(String),
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecordError::Damaged(m) | RecordError::Refused(m) => f.write_str(m),
        }
    }
}

/// Trial `index`'s record in `folder`: `None` when it has none yet.
pub fn read_record(
    folder: &Path,
    index: usize,
    digest: &str,
) -> Result<Option<TrialRecord>, RecordError> {
    let path = record_path(folder, index);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(RecordError::Refused(format!("{}: {e}", path.display()))),
    };
    let record: TrialRecord = facepoints::strict_json::from_str(&text).map_err(|e| {
        RecordError::Damaged(format!("{}: not a trial record ({e})", path.display()))
    })?;
    if record.format != RECORD_FORMAT {
        return Err(RecordError::Refused(format!(
            "{}: a record of format {:?}; this facepoints reads {RECORD_FORMAT:?}",
            path.display(),
            record.format
        )));
    }
    if record.plan != digest || record.trial != index {
        return Err(RecordError::Refused(format!(
            "{} is trial {} of another plan (sha256 {}), not trial {index} of this one ({digest}): one folder holds one plan",
            path.display(),
            record.trial,
            record.plan
        )));
    }
    Ok(Some(record))
}

/// `search --plan DIR --trial N` and `ablate --plan DIR --trial N`: trains trial N of the plan
/// unless it has a record already, then writes its model and record into the plan's folder.
pub fn run_planned(
    command: &str,
    args: &PlanArgs,
    data: &DataArgs,
    backend: BackendKind,
) -> Result<(), Failure> {
    let (Some(path), Some(index)) = (&args.plan, args.trial) else {
        return Err("--plan and --trial go together".into());
    };
    let (plan, folder) = Plan::read(path)?;
    if plan.study.command() != command {
        return Err(format!(
            "{} is a plan of `facepoints {}`: run its trials with `facepoints {} --plan`",
            path.display(),
            plan.study.command(),
            plan.study.command()
        )
        .into());
    }
    let n = plan.trials.len();
    if index >= n {
        return Err(format!(
            "--trial {index} is not in the plan: it has {n} trials, 0 to {}",
            n - 1
        )
        .into());
    }
    let digest = plan.digest();
    let done = match read_record(&folder, index, &digest) {
        Ok(done) => done,
        Err(RecordError::Damaged(e)) => {
            output::note(format_args!("{e}: training the trial again"));
            None
        }
        Err(e @ RecordError::Refused(_)) => return Err(e.into()),
    };
    if let Some(done) = done {
        output::print(format!(
            "trial {index} is done already (validation RMSE {:.4} px, {}): nothing to do",
            done.rmse(),
            record_path(&folder, index).display()
        ))?;
        return Ok(());
    }
    let data_args = plan.data_args(data);
    let loaded = data_args.load()?;
    plan.check_data(&data_args.data, &loaded)?;
    let backend = Backend::of(backend)?;
    let (record, trained) = train(
        &plan,
        &digest,
        index,
        &backend,
        &loaded.train(),
        &loaded.valid(),
    )?;
    // The model first, the record last: a record means the trial is whole.
    let model = record_path(&folder, index).with_extension("fpk");
    save_model(&model, &plan.trials[index], &loaded, &trained)?;
    let json = serde_json::to_string_pretty(&record).map_err(|e| e.to_string())? + "\n";
    atomic_file::write(&record_path(&folder, index), json.as_bytes())?;
    output::print(format!(
        "trial {index}: validation RMSE {:.4} px at epoch {} of {} ({:.0} s); wrote {}",
        record.rmse(),
        record.best_epoch + 1,
        record.epochs,
        record.seconds,
        record_path(&folder, index).display()
    ))?;
    Ok(())
}

/// The trial with the lowest finite validation RMSE.
pub fn best(records: &[TrialRecord]) -> Option<&TrialRecord> {
    records
        .iter()
        .filter(|r| r.best_rmse.is_some())
        .min_by(|a, b| a.rmse().total_cmp(&b.rmse()))
}

/// The backends the trials of `records` ran on, as a table's header names them.
pub fn backends(records: &[TrialRecord]) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for record in records {
        if !seen.contains(&record.backend.as_str()) {
            seen.push(&record.backend);
        }
    }
    match seen.is_empty() {
        true => "— (no trial ran)".into(),
        false => seen.join(" / "),
    }
}

/// This machine's name (Linux), for a record to say where it ran.
fn host() -> Option<String> {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .or_else(|| std::env::var("HOSTNAME").ok())
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(trial: usize) -> TrialRecord {
        TrialRecord {
            format: RECORD_FORMAT.into(),
            plan: "aa".into(),
            trial,
            best_rmse: Some(2.5),
            best_epoch: 3,
            epochs: 5,
            seconds: 1.0,
            backend: "flex (CPU)".into(),
            host: None,
        }
    }

    #[test]
    fn records_are_read_back_only_for_their_plan_and_trial() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("trials")).unwrap();
        assert_eq!(read_record(dir.path(), 3, "aa").unwrap(), None);
        let write = |r: &TrialRecord, i: usize| {
            std::fs::write(
                record_path(dir.path(), i),
                serde_json::to_string(r).unwrap(),
            )
            .unwrap()
        };
        write(&record(3), 3);
        assert_eq!(read_record(dir.path(), 3, "aa").unwrap(), Some(record(3)));
        let refused = |r: &Result<_, _>| matches!(r, Err(RecordError::Refused(_)));
        let err = read_record(dir.path(), 3, "bb");
        assert!(refused(&err) && err.unwrap_err().to_string().contains("another plan"));
        write(&record(4), 3);
        assert!(refused(&read_record(dir.path(), 3, "aa")));
        std::fs::write(record_path(dir.path(), 5), "{\"format\": ").unwrap();
        let err = read_record(dir.path(), 5, "aa");
        assert!(
            matches!(&err, Err(RecordError::Damaged(m)) if m.contains("not a trial record")),
            "{err:?}"
        );
    }

    #[test]
    fn a_record_names_trial_files_in_order() {
        let path = record_path(Path::new("plan"), 7);
        assert_eq!(path, Path::new("plan/trials/trial-0007.json"));
        assert!(record_path(Path::new("p"), 9) < record_path(Path::new("p"), 10));
    }
}
