//! The command line against hostile input: every case ends in a clear message (or, for a
//! reader that went away, quietly), never in a panic, an abort or a wrong answer with exit 0.

use crate::common;

use std::io::Cursor;
use std::process::{Command, Stdio};

use common::{facepoints, text};

/// Runs `facepoints args` and returns its stderr, which must say `expected`; the command must
/// fail without a panic.
fn refused(args: &[&str], expected: &str) -> String {
    let out = facepoints(args);
    let stderr = text(&out.stderr);
    assert!(!out.status.success(), "{args:?} must fail: {stderr}");
    assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    assert!(stderr.contains(expected), "{args:?}: {stderr}");
    stderr
}

fn path(p: &std::path::Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader); // every write to stdout now fails with a broken pipe
    let sample = common::sample();
    let out = Command::new(env!("CARGO_BIN_EXE_facepoints"))
        .args(["knn", "--data", path(&sample), "--k", "1,2"])
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn a_full_disk_is_an_error() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_facepoints"))
        .args(["detect", path(&common::photo("grace_hopper.jpg"))])
        .stdout(full)
        .output()
        .unwrap();
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        stderr.contains("could not write the output: No space left on device"),
        "{stderr}"
    );
    // A full stderr loses the message but not the exit status (a panic would exit with 101).
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_facepoints"))
        .args(["knn", "--data", "/dev/zero"])
        .stderr(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn photos_too_large_or_cut_short_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    // A 16×16 JPEG whose header then claims 65,500×65,500 pixels.
    let mut jpeg = Cursor::new(Vec::new());
    image::RgbImage::new(16, 16)
        .write_to(&mut jpeg, image::ImageFormat::Jpeg)
        .unwrap();
    let mut jpeg = jpeg.into_inner();
    let sof = jpeg.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    jpeg[sof + 5..sof + 9].copy_from_slice(&[0xFF, 0xDC, 0xFF, 0xDC]);
    let huge = dir.path().join("huge.jpg");
    std::fs::write(&huge, &jpeg).unwrap();
    refused(&["detect", path(&huge)], "the image is too large");

    let photo = std::fs::read(common::photo("grace_hopper.jpg")).unwrap();
    let cut = dir.path().join("cut.jpg");
    std::fs::write(&cut, &photo[..1000]).unwrap();
    refused(&["detect", path(&cut)], "the JPEG is cut short");
}

#[test]
fn networks_too_small_or_too_large_are_refused_before_building() {
    let dir = tempfile::tempdir().unwrap();
    let config = |units: u64| {
        let file = dir.path().join(format!("dense{units}.json"));
        let json = format!(
            r#"{{"name":"x","layers":[{{"type":"max_pool"}},{{"type":"flatten"}},{{"type":"dense","units":{units}}},{{"type":"dense","units":30}}]}}"#
        );
        std::fs::write(&file, json).unwrap();
        file
    };
    let sample = common::sample();
    let train = |model: &std::path::Path| {
        vec![
            "train".to_string(),
            "--data".into(),
            path(&sample).into(),
            "--model".into(),
            path(model).into(),
        ]
    };
    let args = train(&config(0));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    refused(&args, "layer 2: a dense layer needs at least 1 unit");
    let args = train(&config(4_000_000_000));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    refused(&args, "takes the network over 64 million parameters");
}

#[test]
fn files_that_are_not_csv_are_named_and_paths_said_once() {
    refused(&["knn", "--data", "/dev/zero"], "binary data");
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("training.zip");
    std::fs::write(&zip, b"PK\x03\x04\x14\x00\x00\x00\x08\x00training.csv").unwrap();
    refused(&["knn", "--data", path(&zip)], "this is a zip archive");

    let missing = dir.path().join("nowhere.csv");
    let stderr = refused(&["knn", "--data", path(&missing)], "No such file");
    assert_eq!(stderr.matches("nowhere.csv").count(), 1, "{stderr}");

    let groups = dir.path().join("meta.csv");
    std::fs::write(&groups, "split,row,source_image\ntraining,1\n").unwrap();
    let sample = common::sample();
    let stderr = refused(
        &["knn", "--data", path(&sample), "--groups", path(&groups)],
        "malformed CSV at row 1, line 2: the row has 2 fields, the header has 3",
    );
    assert!(!stderr.contains("at :"), "{stderr}");
}

#[test]
fn nothing_to_score_is_refused_not_scored_zero() {
    let test_csv = common::shared_data().join("ytf_kaggle96/test.csv.gz");
    let model = common::default_model();
    refused(
        &[
            "eval",
            "--model",
            path(&model),
            "--data",
            path(&test_csv),
            "--all",
        ],
        "no face has a labelled keypoint",
    );
    refused(
        &[
            "knn",
            "--data",
            path(&test_csv),
            "--k",
            "1",
            "--split",
            "random",
        ],
        "has a labelled keypoint",
    );
    let sample = common::sample();
    refused(
        &[
            "report",
            "--data",
            path(&sample),
            "--k",
            "0",
            "--epochs",
            "1",
        ],
        "k must be at least 1",
    );
}

#[test]
fn every_numeric_flag_is_checked() {
    let sample = common::sample();
    let train = |extra: &[&str], expected: &str| {
        let mut args = vec!["train", "--data", path(&sample), "--model", "model2"];
        args.extend_from_slice(extra);
        refused(&args, expected);
    };
    train(
        &["--optimizer", "sgd", "--momentum=-5"],
        "momentum -5 must be in [0, 1)",
    );
    train(
        &["--optimizer", "sgd", "--momentum", "nan"],
        "momentum NaN must be in [0, 1)",
    );
    train(
        &["--momentum", "0.5"],
        "--momentum applies to --optimizer sgd",
    );
    train(&["--max-minutes", "nan"], "the time limit NaN");
    train(&["--max-minutes=-1"], "the time limit -60");
    train(&["--lr", "nan"], "learning rate NaN");
    train(&["--valid-fraction", "nan"], "--valid-fraction NaN");
}

#[test]
fn a_submission_needs_the_test_layout() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("submission.csv");
    let lookup = common::shared_data().join("kaggle_fkd/IdLookupTable.csv");
    let sample = common::sample();
    let model = common::default_model();
    refused(
        &[
            "submit",
            "--model",
            path(&model),
            "--test",
            path(&sample),
            "--lookup",
            path(&lookup),
            "--out",
            path(&out),
        ],
        "no `ImageId` column: this is not Kaggle's test.csv",
    );
    let twice = dir.path().join("test.csv");
    let image = vec!["9"; 96 * 96].join(" ");
    std::fs::write(&twice, format!("ImageId,Image\n1,{image}\n1,{image}\n")).unwrap();
    refused(
        &[
            "submit",
            "--model",
            path(&model),
            "--test",
            path(&twice),
            "--lookup",
            path(&lookup),
            "--out",
            path(&out),
        ],
        "ImageId 1 appears twice",
    );
    assert!(!out.exists());
}

/// An argument clap refuses: exit status 2 (a usage error), the reason said, no panic.
fn refused_argument(args: &[&str], expected: &str) {
    let out = facepoints(args);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    assert!(stderr.contains(expected), "{args:?}: {stderr}");
}

#[test]
fn search_refuses_no_trials_too_many_and_a_budget_that_is_not_a_positive_number() {
    let data = common::sample();
    let data = path(&data);
    refused_argument(
        &["search", "--data", data, "--trials", "0"],
        "a search needs at least 1 trial",
    );
    refused_argument(
        &["search", "--data", data, "--trials", "1000000000000"],
        "1000000000000 trials is more than a search runs (10000",
    );
    for budget in ["NaN", "-1", "0", "inf"] {
        refused_argument(
            &["search", "--data", data, "--budget-minutes", budget],
            "the budget must be a positive number of minutes",
        );
    }
}

#[test]
fn ensemble_never_writes_over_one_of_its_models() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.fpk");
    let b = dir.path().join("b.fpk");
    std::fs::copy(common::default_model(), &a).unwrap();
    std::fs::copy(common::default_model(), &b).unwrap();
    let before = std::fs::read(&a).unwrap();
    refused(
        &["ensemble", path(&a), path(&b), "--out", path(&a)],
        "one of the models to combine",
    );
    #[cfg(unix)]
    {
        let link = dir.path().join("link.fpk");
        std::os::unix::fs::symlink(&a, &link).unwrap();
        refused(
            &["ensemble", path(&a), path(&b), "--out", path(&link)],
            "one of the models to combine",
        );
    }
    assert_eq!(std::fs::read(&a).unwrap(), before, "a.fpk untouched");
    // Elsewhere it is written.
    let out = dir.path().join("both.fpk");
    let done = facepoints(&["ensemble", path(&a), path(&b), "--out", path(&out)]);
    assert!(done.status.success(), "{}", text(&done.stderr));
    assert!(out.exists());
}

#[test]
fn a_configuration_with_a_field_it_does_not_have_is_refused_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = common::sample();
    let augment = dir.path().join("augment.json");
    let mut json: serde_json::Value =
        serde_json::to_value(facepoints::augment::AugmentConfig::default()).unwrap();
    json["rotaton"] = 10.into();
    std::fs::write(&augment, json.to_string()).unwrap();
    refused(
        &[
            "train",
            "--data",
            path(&data),
            "--augment-config",
            path(&augment),
            "--epochs",
            "1",
        ],
        "unknown field `rotaton`",
    );
    let config = dir.path().join("config.json");
    let mut json = serde_json::to_value(facepoints::train::TrainingConfig::new(
        facepoints::model::ModelConfig::preset("model2").unwrap(),
    ))
    .unwrap();
    json["epoch"] = 3.into();
    std::fs::write(&config, json.to_string()).unwrap();
    refused(
        &["train", "--data", path(&data), "--config", path(&config)],
        "unknown field `epoch`",
    );
}
