//! The command line as a person uses it: train on the sample, evaluate, predict, KNN, and
//! clear errors for bad input.

use crate::common;

use std::path::Path;

use common::{facepoints, sample, text, tiny_model};

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

    let trained_rmse = rmse_after(&stdout, "validation RMSE");

    let out = facepoints(&["eval", "--model", model.to_str().unwrap(), "--data", data]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("model2: RMSE") && stdout.contains("over 1620 coordinates"),
        "{stdout}"
    );
    // eval scores the saved model on the split train held out as train said it did.
    assert!(
        (rmse_in(&stdout) - trained_rmse).abs() < 1e-3,
        "{stdout} vs {trained_rmse}"
    );

    let written = predict(&model, Path::new(data), &dir.path().join("p.csv"));
    assert_eq!(written.lines().count(), 283);
    assert!(written.starts_with("ImageId,left_eye_center_x,"));
    // The RMSE of predict's file against the labels, computed here from the two CSVs, is
    // what `eval --all` reports.
    let predicted = numbers_by_row(&written);
    let truth = numbers_by_row(&common::gunzip_text(&sample()));
    assert_eq!(predicted.len(), truth.len());
    let (mut squares, mut count) = (0.0f64, 0usize);
    for (row, (p, t)) in predicted.iter().zip(&truth).enumerate() {
        // ImageId, then the 30 coordinates; the labels' file has no id (rows count from 1).
        assert_eq!(
            p[0],
            Some(row as f64 + 1.0),
            "the same rows in the same order"
        );
        for (a, b) in p[1..].iter().zip(t) {
            if let (Some(a), Some(b)) = (a, b) {
                squares += (a - b).powi(2);
                count += 1;
            }
        }
    }
    let here = (squares / count as f64).sqrt();
    let out = facepoints(&[
        "eval",
        "--all",
        "--model",
        model.to_str().unwrap(),
        "--data",
        data,
    ]);
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(&format!("over {count} coordinates")),
        "{stdout}"
    );
    assert!((rmse_in(&stdout) - here).abs() < 1e-3, "{stdout} vs {here}");

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
    // Each row is predict's coordinate for the lookup's image and feature, within [0, 96].
    let predicted = predict(&model, &test_csv, &dir.path().join("test-p.csv"));
    let header: Vec<&str> = predicted.lines().next().unwrap().split(',').collect();
    let by_image: std::collections::HashMap<u32, Vec<Option<f64>>> = numbers_by_row(&predicted)
        .into_iter()
        .map(|row| (row[0].unwrap() as u32, row))
        .collect();
    for (asked, answered) in cut[1..].iter().zip(submission.lines().skip(1)) {
        let asked: Vec<&str> = asked.split(',').collect();
        let (row, location) = answered.split_once(',').unwrap();
        assert_eq!(row, asked[0]);
        let column = header.iter().position(|h| *h == asked[2]).unwrap();
        let expected = by_image[&asked[1].parse::<u32>().unwrap()][column]
            .unwrap()
            .clamp(0.0, 96.0);
        let location: f64 = location.parse().unwrap();
        assert!(
            (location - expected).abs() < 2e-3,
            "row {row}: {location} vs {expected}"
        );
    }
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
    // Each row's difference is its own mean minus all seven's, recomputed from the row's
    // per-seed RMSEs (printed to 4 places, so within 2e-4).
    let cell = |row: &str, i: usize| row.split('|').map(str::trim).nth(i).unwrap().to_string();
    let mean_of = |row: &str| -> f64 {
        let seeds: Vec<f64> = cell(row, 2)
            .split(" / ")
            .map(|v| v.parse().unwrap())
            .collect();
        seeds.iter().sum::<f64>() / seeds.len() as f64
    };
    let all = mean_of(rows[1]);
    for row in &rows {
        let printed_mean: f64 = cell(row, 3).split(' ').next().unwrap().parse().unwrap();
        assert!((printed_mean - mean_of(row)).abs() < 2e-4, "{row}");
        let delta: f64 = cell(row, 4).parse().unwrap();
        assert!((delta - (mean_of(row) - all)).abs() < 2e-4, "{row}");
    }
    assert!(
        rows.iter().any(|r| cell(r, 4) != "+0.0000"),
        "some variant differs from all seven: {stdout}"
    );
    assert!(
        rows[0].ends_with("| one seed: no spread to compare |"),
        "{stdout}"
    );
    assert!(
        stdout.contains("| all but clahe |") && stdout.contains("| all but flip |"),
        "{stdout}"
    );
}

/// `facepoints report` on the sample: Model 2 without augmentation for one epoch, KNN with
/// `ks`, then `extra` arguments.
fn report(ks: &str, extra: &[&str]) -> std::process::Output {
    let data = sample();
    let mut args = vec![
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
        ks,
    ];
    args.extend_from_slice(extra);
    facepoints(&args)
}

#[test]
fn report_prints_the_studys_table() {
    let out = report("1,5", &[]);
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

/// `report`'s RMSE for a model is what `eval` measures on the model it saved, on the same
/// split: the table is not its own witness.
#[test]
fn report_rmse_is_what_eval_measures_on_the_saved_model() {
    let dir = tempfile::tempdir().unwrap();
    let data = sample();
    let out = report("5", &["--out-dir", dir.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let row = stdout
        .lines()
        .find(|r| r.starts_with("| model2 | no |"))
        .unwrap_or_else(|| panic!("a model2 row: {stdout}"));
    let reported: f64 = row
        .split('|')
        .map(str::trim)
        .find_map(|c| c.strip_prefix("**").and_then(|c| c.strip_suffix("**")))
        .and_then(|c| c.parse().ok())
        .unwrap_or_else(|| panic!("a bold RMSE in {row}"));
    let saved = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "fpk"))
        .expect("report saved the model");
    let out = facepoints(&[
        "eval",
        "--model",
        saved.to_str().unwrap(),
        "--data",
        data.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let measured = rmse_in(&text(&out.stdout));
    assert!(
        (measured - reported).abs() < 1e-3,
        "report says {reported}, eval measures {measured}"
    );
}

/// `facepoints train` of the tiny model with `seed`, saved in `dir`.
fn train_tiny(dir: &Path, seed: &str) -> std::path::PathBuf {
    let out = dir.join(format!("tiny{seed}.fpk"));
    let data = sample();
    let run = facepoints(&[
        "train",
        "--data",
        data.to_str().unwrap(),
        "--model",
        &tiny_model(dir),
        "--epochs",
        "2",
        "--seed",
        seed,
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    out
}

/// `facepoints predict --model model --data data --out out`, which must succeed: the file it
/// wrote.
fn predict(model: &Path, data: &Path, out: &Path) -> String {
    let run = facepoints(&[
        "predict",
        "--model",
        model.to_str().unwrap(),
        "--data",
        data.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    std::fs::read_to_string(out).unwrap()
}

/// The number after `label` in `stdout` (e.g. `validation RMSE 2.1234 px`).
fn rmse_after(stdout: &str, label: &str) -> f64 {
    let rest = &stdout[stdout
        .find(label)
        .unwrap_or_else(|| panic!("no {label} in {stdout}"))
        + label.len()..];
    rest.split_whitespace().next().unwrap().parse().unwrap()
}

/// Each data row of a CSV whose leading columns are numbers (empty: `None`), the image column
/// (the last, if it holds pixels) left out.
fn numbers_by_row(csv: &str) -> Vec<Vec<Option<f64>>> {
    let columns = csv
        .lines()
        .next()
        .unwrap()
        .split(',')
        .filter(|c| *c != "Image")
        .count();
    csv.lines()
        .skip(1)
        .map(|line| {
            line.split(',')
                .take(columns)
                .map(|cell| (!cell.is_empty()).then(|| cell.parse().unwrap()))
                .collect()
        })
        .collect()
}

fn rmse_in(stdout: &str) -> f64 {
    let at = stdout.rfind(": RMSE ").expect("an RMSE") + 7;
    stdout[at..].split(' ').next().unwrap().parse().unwrap()
}

#[test]
fn an_ensemble_file_scores_predicts_and_submits_like_any_model_file() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (train_tiny(dir.path(), "1"), train_tiny(dir.path(), "2"));
    let data = sample();
    let data = data.to_str().unwrap();
    let e = dir.path().join("e.fpk");
    let out = facepoints(&[
        "ensemble",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--out",
        e.to_str().unwrap(),
        "--data",
        data,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("wrote ensemble of 2 (tiny, tiny) (2 models"),
        "{stdout}"
    );
    let members: Vec<f64> = stdout
        .lines()
        .filter(|l| l.contains(".fpk |"))
        .map(|l| {
            l.trim_end_matches(" |")
                .rsplit("| ")
                .next()
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect();
    let line = stdout.lines().find(|l| l.contains("**ensemble")).unwrap();
    let ensemble: f64 = line.split("**").nth(3).unwrap().parse().unwrap();
    assert_eq!(members.len(), 2, "{stdout}");
    // The error of a mean is at most the mean of the errors.
    assert!(
        ensemble <= (members[0] + members[1]) / 2.0 + 1e-6,
        "{stdout}"
    );
    // eval reads the ensemble, and the single-model files (format version 1) as before.
    let eval = |model: &Path| {
        let out = facepoints(&["eval", "--model", model.to_str().unwrap(), "--data", data]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout)
    };
    let scored = eval(&e);
    assert!(
        scored.contains("ensemble of 2 (tiny, tiny): RMSE"),
        "{scored}"
    );
    assert!((rmse_in(&scored) - ensemble).abs() < 1e-4, "{scored}");
    assert!((rmse_in(&eval(&a)) - members[0]).abs() < 1e-4);
    // With the flip, and an ensemble of an ensemble and a model: three members.
    let f = dir.path().join("f.fpk");
    let out = facepoints(&[
        "ensemble",
        e.to_str().unwrap(),
        a.to_str().unwrap(),
        "--flip",
        "--out",
        f.to_str().unwrap(),
    ]);
    assert!(
        text(&out.stdout).contains("wrote ensemble of 3 (tiny, tiny, tiny) + flip"),
        "{}",
        text(&out.stderr)
    );
    predict(&f, Path::new(data), &dir.path().join("p.csv"));
    // A damaged ensemble is refused with the reason.
    let mut bytes = std::fs::read(&e).unwrap();
    let last = bytes.len() - 9;
    bytes[last] ^= 0x10;
    let bad = dir.path().join("bad.fpk");
    std::fs::write(&bad, bytes).unwrap();
    let out = facepoints(&["eval", "--model", bad.to_str().unwrap(), "--data", data]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("corrupt"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn search_draws_the_same_trials_for_a_seed_and_writes_the_best_settings() {
    let dir = tempfile::tempdir().unwrap();
    let data = sample();
    let data = data.to_str().unwrap();
    let tiny = tiny_model(dir.path());
    let out = facepoints(&["search", "--data", data, "--print-space"]);
    let space: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(space["learning_rate"], serde_json::json!([1e-4, 1e-2]));
    let space_file = dir.path().join("space.json");
    std::fs::write(
        &space_file,
        r#"{"learning_rate": [1e-3, 1e-2], "batch_size": [16, 32], "dropout": [], "optimizer": ["sgd", "adam"], "schedule": ["constant"], "augment": [false], "augment_k": [1], "epochs": 1, "patience": 1}"#,
    )
    .unwrap();
    let list = |seed: &str, trials: &str| {
        let out = facepoints(&[
            "search",
            "--data",
            data,
            "--model",
            &tiny,
            "--space",
            space_file.to_str().unwrap(),
            "--search-seed",
            seed,
            "--trials",
            trials,
            "--list",
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout)
            .lines()
            .map(String::from)
            .collect::<Vec<_>>()
    };
    let (three, two) = (list("4", "3"), list("4", "2"));
    assert_eq!(three.len(), 3);
    assert_eq!(&three[..2], &two[..], "more trials extend the same draws");
    assert_ne!(list("5", "3"), three);
    let best = dir.path().join("best.json");
    let out = facepoints(&[
        "search",
        "--data",
        data,
        "--model",
        &tiny,
        "--space",
        space_file.to_str().unwrap(),
        "--search-seed",
        "4",
        "--trials",
        "2",
        "--best-config",
        best.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert_eq!(
        stdout
            .lines()
            .filter(|l| l.starts_with("| 1 |") || l.starts_with("| 2 |"))
            .count(),
        2,
        "{stdout}"
    );
    // The settings written are those of the trial with the lowest RMSE in the table.
    let rmse_of = |trial: &str| -> f64 {
        let row = stdout
            .lines()
            .find(|l| l.starts_with(&format!("| {trial} |")))
            .unwrap();
        let cell = row.split('|').map(str::trim).nth(4).unwrap();
        cell.trim_matches('*').parse().unwrap()
    };
    let (first, second) = (rmse_of("1"), rmse_of("2"));
    let argmin = if first <= second { 0 } else { 1 };
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&best).unwrap()).unwrap();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&three[argmin]).unwrap(),
        written,
        "trial {} has the lowest RMSE ({first} vs {second}): {stdout}",
        argmin + 1
    );
    let out = facepoints(&[
        "train",
        "--config",
        best.to_str().unwrap(),
        "--data",
        data,
        "--out",
        dir.path().join("best.fpk").to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // A space that cannot be drawn from says why.
    std::fs::write(&space_file, r#"{"learning_rate": [1e-3, 1e-2], "batch_size": [], "dropout": [], "optimizer": ["sgd"], "schedule": ["constant"], "augment": [false], "augment_k": [1], "epochs": 1, "patience": 1}"#).unwrap();
    let out = facepoints(&[
        "search",
        "--data",
        data,
        "--space",
        space_file.to_str().unwrap(),
        "--list",
    ]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("batch_size needs at least one value"),
        "{}",
        text(&out.stderr)
    );
}

/// `facepoints crops` on the four training sample frames: one detector crop and one tracking
/// crop per frame, in Kaggle's layout, every keypoint inside its 96×96 crop and the eyes
/// level (the crops are turned by the detector's eye line), and a people file that names
/// each row's frame.
#[test]
fn crops_frames_training_faces_as_the_pipeline_does() {
    let dir = tempfile::tempdir().unwrap();
    let shared = common::shared_data();
    let out = facepoints(&[
        "crops",
        "--labels",
        shared.join("ytf68_udacity").to_str().unwrap(),
        "--frames",
        shared.join("ytf68_udacity/samples").to_str().unwrap(),
        "--truth",
        common::repo()
            .join("tests/data/teacher15.csv")
            .to_str()
            .unwrap(),
        "--tracking",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("wrote 8 faces from 4 frames"),
        "{}",
        text(&out.stdout)
    );
    let faces = facepoints::data::read_faces_file(&dir.path().join("training.csv.gz")).unwrap();
    assert_eq!(faces.len(), 8);
    for i in 0..faces.len() {
        let c = faces.coords(i);
        assert!(c.iter().all(|v| (0.0..96.0).contains(v)), "face {i}: {c:?}");
        // Eye centres (0, 1) level within 3 px, the nose (10) between them and below.
        assert!(
            (c[1] - c[3]).abs() < 3.0,
            "face {i}: eyes at {} and {}",
            c[1],
            c[3]
        );
        assert!(
            c[20] > c[2] && c[20] < c[0] && c[21] > c[1],
            "face {i}: {c:?}"
        );
    }
    let meta = common::gunzip_text(&dir.path().join("meta.csv.gz"));
    assert_eq!(meta.lines().count(), 9, "{meta}");
    assert!(
        meta.lines().skip(1).all(|l| l.starts_with("training,")),
        "{meta}"
    );
}

#[test]
fn training_can_start_from_a_trained_model() {
    let dir = tempfile::tempdir().unwrap();
    let base = train_tiny(dir.path(), "3");
    let base_rmse = rmse_in(&text(
        &facepoints(&[
            "eval",
            "--model",
            base.to_str().unwrap(),
            "--data",
            sample().to_str().unwrap(),
        ])
        .stdout,
    ));
    // One epoch at a learning rate too small to move the weights: started from the model, the
    // run is where the model was (its batch norm's running statistics still move a little);
    // started at random, it is far off.
    let (data, out) = (sample(), dir.path().join("run.fpk"));
    let run = |extra: &[&str]| {
        let mut args = vec!["train", "--data", data.to_str().unwrap(), "--epochs", "1"];
        args.extend_from_slice(&["--lr", "1e-9", "--out", out.to_str().unwrap()]);
        args.extend_from_slice(extra);
        facepoints(&args)
    };
    let warm = run(&["--init", base.to_str().unwrap()]);
    assert!(warm.status.success(), "{}", text(&warm.stderr));
    let stdout = text(&warm.stdout);
    let warm_rmse = rmse_after(&stdout, "validation RMSE");
    assert!(
        (warm_rmse - base_rmse).abs() < 0.5,
        "from the model: {warm_rmse} px, the model: {base_rmse} px"
    );
    let cold = run(&["--model", &tiny_model(dir.path())]);
    assert!(cold.status.success(), "{}", text(&cold.stderr));
    let cold_rmse = rmse_after(&text(&cold.stdout), "validation RMSE");
    assert!(
        cold_rmse > base_rmse + 2.0,
        "at random: {cold_rmse} px, the model: {base_rmse} px"
    );

    // A configuration file names the model to start from by its path.
    let config = dir.path().join("config.json");
    let model = std::fs::read_to_string(tiny_model(dir.path())).unwrap();
    let settings = facepoints::train::TrainingConfig::new(serde_json::from_str(&model).unwrap());
    let mut json = serde_json::to_value(&settings).unwrap();
    json["init"] = serde_json::json!({ "from": base.to_str().unwrap() });
    std::fs::write(&config, json.to_string()).unwrap();
    let from_file = run(&["--config", config.to_str().unwrap()]);
    assert!(from_file.status.success(), "{}", text(&from_file.stderr));
    assert!((rmse_after(&text(&from_file.stdout), "validation RMSE") - warm_rmse).abs() < 1e-6);

    // Another architecture, or a file that is not a model, is refused with why.
    let other = run(&["--init", base.to_str().unwrap(), "--model", "model2"]);
    assert!(!other.status.success());
    let err = text(&other.stderr);
    assert!(
        err.contains("it is tiny, and this run trains model2"),
        "{err}"
    );
    let not_a_model = dir.path().join("notes.txt");
    std::fs::write(&not_a_model, "hello").unwrap();
    let broken = run(&["--init", not_a_model.to_str().unwrap()]);
    assert!(!broken.status.success());
    let err = text(&broken.stderr);
    assert!(err.contains("--init") && err.contains("notes.txt"), "{err}");
}

#[test]
fn summary_json_names_the_rows_the_split_holds_out_whole_people_at_a_time() {
    let data = sample();
    let out = facepoints(&["summary", "--data", data.to_str().unwrap(), "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let valid: Vec<usize> = serde_json::from_value(summary["valid"].clone()).unwrap();
    let rows = summary["rows"].as_u64().unwrap() as usize;
    assert_eq!(
        valid.len(),
        summary["valid_rows"].as_u64().unwrap() as usize
    );
    let mut unique = valid.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), valid.len(), "each row once");
    assert!(valid.iter().all(|&r| (1..=rows).contains(&r)));
    // Rows are numbered as meta.csv numbers them: each person is on one side only.
    let meta = common::gunzip_text(&common::sample_dir().join("meta.csv.gz"));
    let mut sides: std::collections::HashMap<String, bool> = Default::default();
    for line in meta.lines().skip(1) {
        let fields: Vec<&str> = line.split(',').collect();
        let row: usize = fields[1].parse().unwrap();
        let person = facepoints::data::groups::person_of(fields[2]);
        let held = valid.contains(&row);
        assert_eq!(
            *sides.entry(person.clone()).or_insert(held),
            held,
            "{person}"
        );
    }
    assert!(sides.values().any(|&v| v) && sides.values().any(|&v| !v));
}
