//! The command line as a person uses it: train on the sample, evaluate, predict, KNN, and
//! clear errors for bad input.

mod common;

use std::path::Path;

use common::{facepoints, sample, text};

#[test]
fn train_eval_predict_on_the_sample() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("m.fpk");
    let data = sample();
    let data = data.to_str().unwrap();
    let out = facepoints(&[
        "train",
        "--data",
        data,
        "--model",
        "model2",
        "--epochs",
        "1",
        "--batch-size",
        "32",
        "--out",
        model.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("| nose_tip |"), "{stdout}");
    assert!(
        stdout.contains(
            "grouped split, 20% held out, seed 7: 228 train / 54 validation rows (23 / 6 people)"
        ),
        "{stdout}"
    );

    let out = facepoints(&["eval", "--model", model.to_str().unwrap(), "--data", data]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("model2: RMSE") && stdout.contains("over 1620 coordinates"),
        "{stdout}"
    );

    let csv = dir.path().join("p.csv");
    let out = facepoints(&[
        "predict",
        "--model",
        model.to_str().unwrap(),
        "--data",
        data,
        "--out",
        csv.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let written = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(written.lines().count(), 283);
    assert!(written.starts_with("ImageId,left_eye_center_x,"));

    // Kaggle's lookup table cut to the 770 ids of ytf_kaggle96's test.csv, then the whole
    // table (ids past 770 have no prediction: an error, and no half-written submission).
    let test_csv = common::shared_data().join("ytf_kaggle96/test.csv.gz");
    let full = common::shared_data().join("kaggle_fkd/IdLookupTable.csv");
    let table = std::fs::read_to_string(&full).unwrap();
    let cut: Vec<&str> = table
        .lines()
        .enumerate()
        .filter(|(i, l)| *i == 0 || l.split(',').nth(1).unwrap().parse::<u32>().unwrap() <= 770)
        .map(|(_, l)| l)
        .collect();
    let lookup = dir.path().join("lookup.csv");
    std::fs::write(&lookup, cut.join("\n") + "\n").unwrap();
    let submit = |lookup: &Path, out: &Path| {
        facepoints(&[
            "submit",
            "--model",
            model.to_str().unwrap(),
            "--test",
            test_csv.to_str().unwrap(),
            "--lookup",
            lookup.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
    };
    let sub = dir.path().join("submission.csv");
    let out = submit(&lookup, &sub);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let submission = std::fs::read_to_string(&sub).unwrap();
    assert_eq!(submission.lines().count(), cut.len());
    assert!(submission.starts_with("RowId,Location\n1,"));
    let failed = dir.path().join("failed.csv");
    let out = submit(&full, &failed);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("no prediction for image 771"),
        "{}",
        text(&out.stderr)
    );
    assert!(!failed.exists());
}

#[test]
fn knn_search_prints_a_table() {
    let data = sample();
    let out = facepoints(&["knn", "--data", data.to_str().unwrap(), "--k", "1,5"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("| 5 |") && stdout.contains("best k ="),
        "{stdout}"
    );
}

#[test]
fn bad_inputs_fail_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let bad_csv = dir.path().join("bad.csv");
    std::fs::write(&bad_csv, "ImageId,Image\n1,1 2 3\n").unwrap();
    let out = facepoints(&["knn", "--data", bad_csv.to_str().unwrap()]);
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(stderr.contains("row 1, line 2, column `Image`: the last row is truncated or malformed: the image has 3 pixels"), "{stderr}");

    let not_model = dir.path().join("x.fpk");
    std::fs::write(&not_model, b"hello").unwrap();
    let out = facepoints(&[
        "eval",
        "--model",
        not_model.to_str().unwrap(),
        "--data",
        sample().to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("not a facepoints model file"),
        "{}",
        text(&out.stderr)
    );

    let out = facepoints(&["train", "--data", "/nonexistent.csv"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("/nonexistent.csv"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn ablate_prints_every_variant() {
    let data = sample();
    let out = facepoints(&[
        "ablate",
        "--data",
        data.to_str().unwrap(),
        "--model",
        "model2",
        "--epochs",
        "1",
        "--batch-size",
        "32",
        "--seeds",
        "1",
        "--augment-mode",
        "on-the-fly",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    // The mode applies to the augmented variants although --augment is not given.
    assert!(stdout.contains("mode OnTheFly"), "{stdout}");
    let rows: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| augmentation"))
        .collect();
    assert_eq!(rows.len(), 9, "{stdout}");
    assert!(
        rows[0].starts_with("| none |") && rows[1].starts_with("| all seven |"),
        "{stdout}"
    );
    assert!(rows[1].ends_with("| +0.0000 |"), "{stdout}");
    assert!(
        stdout.contains("| all but clahe |") && stdout.contains("| all but flip |"),
        "{stdout}"
    );
}

#[test]
fn report_prints_the_studys_table() {
    let data = sample();
    let out = facepoints(&[
        "report",
        "--data",
        data.to_str().unwrap(),
        "--models",
        "model2",
        "--augmented",
        "no",
        "--epochs",
        "1",
        "--batch-size",
        "32",
        "--k",
        "1,5",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let rows: Vec<&str> = stdout.lines().filter(|l| l.starts_with("| ")).collect();
    assert!(rows[0].starts_with("| model | augmented |"), "{stdout}");
    assert!(rows.iter().any(|r| r.starts_with("| KNN (k=")), "{stdout}");
    let model2 = rows
        .iter()
        .find(|r| r.starts_with("| model2 | no |"))
        .unwrap_or_else(|| panic!("a model2 row: {stdout}"));
    // The row's RMSE cell is a number, beside the study's 3.1621.
    let cells: Vec<&str> = model2.split('|').map(str::trim).collect();
    assert!(
        cells.iter().any(|c| c
            .trim_matches('*')
            .parse::<f64>()
            .is_ok_and(|v| v > 0.0 && v < 50.0)),
        "{model2}"
    );
    assert!(model2.contains("3.1621"), "{model2}");
}
