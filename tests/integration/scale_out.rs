//! Searches and ablations run as sharded trials: a plan written once, its trials run as
//! separate processes — all at once, in a shuffled order, as a Kubernetes Indexed Job or a
//! Slurm array would start them — and `runs merge` gives the single-machine command's table.
//! Then what a shared folder meets: a trial run twice or by two processes at once, one that
//! crashed, a damaged record, a record of another plan, other data, a wrong index.

use std::path::Path;
use std::process::{Child, Command, Output, Stdio};

use crate::common::{self, facepoints, sample, text, tiny_model};

/// A search space of the tiny model that trains in a second or two per trial.
const SPACE: &str = r#"{"learning_rate": [1e-3, 1e-2], "batch_size": [16, 32], "dropout": [], "optimizer": ["sgd", "adam"], "schedule": ["constant", "cosine"], "augment": [false, true], "augment_k": [1], "epochs": 2, "patience": 1}"#;

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

fn refused(out: &Output) -> String {
    assert!(!out.status.success(), "{}", text(&out.stdout));
    text(&out.stderr)
}

/// The table's lines (header, rows), with each search row's wall time — the one figure that
/// differs between two runs of the same trials — left out.
fn table(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .filter(|l| l.starts_with('|') || l.starts_with("Search:") || l.starts_with("Model "))
        .map(|l| match l.strip_suffix(" s |") {
            Some(row) => row[..row.rfind('|').unwrap()].to_string(),
            None => l.to_string(),
        })
        .collect()
}

/// Starts `facepoints args` without waiting for it.
fn spawn(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_facepoints"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Runs trials `order` of the plan in `folder` as separate processes, all started at once.
fn run_trials(command: &str, folder: &Path, order: &[usize]) {
    let data = sample();
    let children: Vec<(usize, Child)> = order
        .iter()
        .map(|&i| {
            let i_text = i.to_string();
            let child = spawn(&[
                command,
                "--plan",
                folder.to_str().unwrap(),
                "--trial",
                &i_text,
                "--data",
                data.to_str().unwrap(),
            ]);
            (i, child)
        })
        .collect();
    for (i, child) in children {
        let stdout = ok(&child.wait_with_output().unwrap());
        assert!(
            stdout.starts_with(&format!("trial {i}: validation RMSE")),
            "{stdout}"
        );
    }
}

/// A folder with the tiny model and the space; the sample's path.
fn search_fixture() -> (tempfile::TempDir, String, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let tiny = tiny_model(dir.path());
    let space = dir.path().join("space.json");
    std::fs::write(&space, SPACE).unwrap();
    let data = sample().to_str().unwrap().to_string();
    (dir, data, tiny, space.to_str().unwrap().to_string())
}

fn search_args<'a>(data: &'a str, tiny: &'a str, space: &'a str) -> Vec<&'a str> {
    vec![
        "search",
        "--data",
        data,
        "--model",
        tiny,
        "--space",
        space,
        "--search-seed",
        "3",
        "--trials",
        "5",
    ]
}

#[test]
fn a_search_as_sharded_trials_merges_to_the_sequential_table() {
    let (dir, data, tiny, space) = search_fixture();
    let data = data.as_str();
    let args = search_args(data, &tiny, &space);
    let best = |name: &str| dir.path().join(name).to_str().unwrap().to_string();

    let sequential = ok(&facepoints(
        &[&args[..], &["--best-config", &best("sequential.json")]].concat(),
    ));
    let folder = dir.path().join("plan");
    let written = ok(&facepoints(
        &[&args[..], &["--write-plan", folder.to_str().unwrap()]].concat(),
    ));
    assert!(written.contains("5 trials, 0 to 4"), "{written}");
    assert!(!folder.join("trials/trial-0000.json").exists());
    run_trials("search", &folder, &[3, 0, 4, 1, 2]);
    let merged = ok(&facepoints(&[
        "runs",
        "merge",
        folder.to_str().unwrap(),
        "--best-config",
        &best("merged.json"),
    ]));
    assert_eq!(table(&merged), table(&sequential), "{merged}\n{sequential}");
    assert_eq!(table(&merged).len(), 3 + 5, "{merged}");
    assert_eq!(
        std::fs::read(best("merged.json")).unwrap(),
        std::fs::read(best("sequential.json")).unwrap()
    );
    // Each trial left its model beside its record: it loads and scores.
    let out = facepoints(&[
        "eval",
        "--model",
        folder.join("trials/trial-0002.fpk").to_str().unwrap(),
        "--data",
        data,
    ]);
    ok(&out);
    // Run again, a finished trial does nothing and keeps its record.
    let record = folder.join("trials/trial-0003.json");
    let before = std::fs::read(&record).unwrap();
    let again = ok(&facepoints(&[
        "search",
        "--plan",
        folder.join("plan.json").to_str().unwrap(),
        "--trial",
        "3",
        "--data",
        data,
    ]));
    assert!(again.contains("trial 3 is done already"), "{again}");
    assert_eq!(std::fs::read(&record).unwrap(), before);
}

#[test]
fn an_ablation_as_sharded_trials_merges_to_the_sequential_table() {
    let dir = tempfile::tempdir().unwrap();
    let data = sample();
    let tiny = tiny_model(dir.path());
    let args = [
        "ablate",
        "--data",
        data.to_str().unwrap(),
        "--model",
        &tiny,
        "--epochs",
        "1",
        "--batch-size",
        "32",
        "--seeds",
        "2",
    ];
    let sequential = ok(&facepoints(&args));
    let folder = dir.path().join("ablation");
    ok(&facepoints(
        &[&args[..], &["--write-plan", folder.to_str().unwrap()]].concat(),
    ));
    // Nine variants × two seeds, run backwards in two waves of nine processes.
    let order: Vec<usize> = (0..18).rev().collect();
    run_trials("ablate", &folder, &order[..9]);
    let partial = facepoints(&["runs", "merge", folder.to_str().unwrap()]);
    let err = refused(&partial);
    assert!(
        err.contains("9 of 18 trials have no record yet: 0, 1, 2, 3, 4, 5, 6, 7, 8"),
        "{err}"
    );
    let partial = ok(&facepoints(&[
        "runs",
        "merge",
        folder.to_str().unwrap(),
        "--partial",
    ]));
    assert!(
        partial.contains("| none | missing / missing |"),
        "{partial}"
    );
    run_trials("ablate", &folder, &order[9..]);
    let merged = ok(&facepoints(&["runs", "merge", folder.to_str().unwrap()]));
    assert_eq!(table(&merged), table(&sequential), "{merged}\n{sequential}");
    assert_eq!(table(&merged).len(), 3 + 9, "{merged}");
}

#[test]
fn a_plan_folder_survives_reruns_crashes_and_strangers() {
    let (dir, data, tiny, space) = search_fixture();
    let data = data.as_str();
    let folder = dir.path().join("plan");
    let f = folder.to_str().unwrap();
    let mut args = search_args(data, &tiny, &space);
    args[10] = "2";
    ok(&facepoints(&[&args[..], &["--write-plan", f]].concat()));
    let trial = |i: &str| facepoints(&["search", "--plan", f, "--trial", i, "--data", data]);

    // Two processes on the same trial: both finish, and the record is whole.
    let both = [
        spawn(&["search", "--plan", f, "--trial", "0", "--data", data]),
        spawn(&["search", "--plan", f, "--trial", "0", "--data", data]),
    ];
    for child in both {
        ok(&child.wait_with_output().unwrap());
    }
    // A trial that crashed mid-write left a hidden temporary file and no record.
    let trials = folder.join("trials");
    std::fs::write(trials.join(".trial-0001.json.Xy12.tmp"), "{\"form").unwrap();
    let err = refused(&facepoints(&["runs", "merge", f]));
    assert!(err.contains("1 of 2 trials have no record yet: 1"), "{err}");
    let out = facepoints(&["runs", "merge", f, "--partial"]);
    assert_eq!(table(&ok(&out)).len(), 3 + 1, "{}", text(&out.stdout));
    assert!(
        text(&out.stderr).contains("1 unfinished write(s)"),
        "{}",
        text(&out.stderr)
    );
    // Other data (the same faces, uncompressed) is refused before anything trains.
    let plain = dir.path().join("training.csv");
    std::fs::write(&plain, common::gunzip_text(&sample())).unwrap();
    std::fs::copy(
        common::sample_dir().join("meta.csv.gz"),
        dir.path().join("meta.csv.gz"),
    )
    .unwrap();
    let err = refused(&facepoints(&[
        "search",
        "--plan",
        f,
        "--trial",
        "1",
        "--data",
        plain.to_str().unwrap(),
    ]));
    assert!(
        err.contains("is not the file the plan was made from"),
        "{err}"
    );
    ok(&trial("1"));
    let merged = ok(&facepoints(&["runs", "merge", f]));
    assert_eq!(table(&merged).len(), 3 + 2, "{merged}");
    // A damaged record is trained again and replaced.
    let record = trials.join("trial-0001.json");
    std::fs::write(&record, "{\"format\": \"facepoints-tri").unwrap();
    let err = refused(&facepoints(&["runs", "merge", f]));
    assert!(err.contains("trial-0001.json: not a trial record"), "{err}");
    let out = trial("1");
    ok(&out);
    assert!(
        text(&out.stderr).contains("training the trial again"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        table(&ok(&facepoints(&["runs", "merge", f]))),
        table(&merged)
    );

    // A wrong index, the wrong command, settings beside --plan.
    let err = refused(&trial("2"));
    assert!(
        err.contains("--trial 2 is not in the plan: it has 2 trials, 0 to 1"),
        "{err}"
    );
    let err = refused(&facepoints(&[
        "ablate", "--plan", f, "--trial", "0", "--data", data,
    ]));
    assert!(
        err.contains("run its trials with `facepoints search --plan`"),
        "{err}"
    );
    let err = refused(&facepoints(&[
        "search", "--plan", f, "--trial", "0", "--data", data, "--epochs", "9",
    ]));
    assert!(err.contains("--epochs"), "{err}");
    let err = refused(&facepoints(&["search", "--plan", f, "--data", data]));
    assert!(err.contains("--trial"), "{err}");

    // Another plan into the same folder is refused; a record of another plan is named.
    args[8] = "4";
    let err = refused(&facepoints(&[&args[..], &["--write-plan", f]].concat()));
    assert!(err.contains("holds another plan already"), "{err}");
    let other = dir.path().join("other");
    ok(&facepoints(
        &[&args[..], &["--write-plan", other.to_str().unwrap()]].concat(),
    ));
    // A trial killed at some moment of its run leaves its record whole or absent, never
    // half written; run again, it finishes.
    let o = other.to_str().unwrap();
    let mut killed = spawn(&["search", "--plan", o, "--trial", "0", "--data", data]);
    std::thread::sleep(std::time::Duration::from_millis(700));
    killed.kill().unwrap();
    killed.wait().unwrap();
    ok(&facepoints(&["runs", "merge", o, "--partial"]));
    ok(&facepoints(&[
        "search", "--plan", o, "--trial", "0", "--data", data,
    ]));
    std::fs::copy(&record, other.join("trials/trial-0001.json")).unwrap();
    let err = refused(&facepoints(&[
        "runs",
        "merge",
        other.to_str().unwrap(),
        "--partial",
    ]));
    assert!(err.contains("of another plan"), "{err}");
}
