//! BlazeFace, imported from ONNX at build time, on real photos: the public-domain photos of
//! ../shared/data/photos (and the committed webcam frames) through the native pipeline.

use crate::common;

use std::path::{Path, PathBuf};

use facepoints::backend::Backend;
use facepoints::detect::{DetectorConfig, DetectorWeights, FaceDetector};
use facepoints::image::RgbaImage;

fn photos() -> PathBuf {
    common::shared_data().join("photos")
}

fn rgba(path: &Path) -> (usize, usize, Vec<u8>) {
    let image = image::open(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .to_rgba8();
    (
        image.width() as usize,
        image.height() as usize,
        image.into_raw(),
    )
}

fn detect(path: &Path) -> Vec<facepoints::detect::FaceBox> {
    let (w, h, data) = rgba(path);
    let backend = Backend::flex();
    let detector = FaceDetector::new(
        &backend.device,
        &DetectorWeights::bundled(),
        DetectorConfig::default(),
    )
    .unwrap();
    let image = RgbaImage::new(w, h, &data).unwrap();
    pollster::block_on(detector.detect(&image)).unwrap()
}

#[test]
fn finds_the_astronauts_face() {
    // 512×512; her face is in the upper middle (about x 170–260, y 60–180).
    let faces = detect(&photos().join("astronaut.png"));
    assert_eq!(faces.len(), 1, "{faces:?}");
    let f = &faces[0];
    assert!(f.score > 0.85, "score {}", f.score);
    let (cx, cy) = f.bbox.center();
    assert!(
        (150.0..280.0).contains(&cx) && (50.0..200.0).contains(&cy),
        "{f:?}"
    );
    assert!((60.0..200.0).contains(&f.bbox.width()), "{f:?}");
    // Landmarks: her right eye (image left) left of her left eye, both above the mouth.
    let [right_eye, left_eye, _nose, mouth, ..] = f.landmarks;
    assert!(
        right_eye[0] < left_eye[0] && left_eye[1] < mouth[1],
        "{f:?}"
    );
}

#[test]
fn finds_grace_hopper_and_no_face_in_a_blank_image() {
    assert_eq!(detect(&photos().join("grace_hopper.jpg")).len(), 1);
    let blank = vec![128u8; 200 * 150 * 4];
    let backend = Backend::flex();
    let detector = FaceDetector::new(
        &backend.device,
        &DetectorWeights::bundled(),
        DetectorConfig::default(),
    )
    .unwrap();
    let image = RgbaImage::new(200, 150, &blank).unwrap();
    assert!(
        pollster::block_on(detector.detect(&image))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_face_is_found_at_any_image_size() {
    // The same frame small and enlarged 8× (bilinear) is one face, at the same place.
    let path = common::webcam_frame("Valerie_Harper_30.png");
    let small = detect(&path);
    let original = image::open(&path).unwrap();
    let big = original.resize(
        original.width() * 8,
        original.height() * 8,
        image::imageops::FilterType::Triangle,
    );
    let dir = tempfile::tempdir().unwrap();
    let big_path = dir.path().join("big.png");
    big.save(&big_path).unwrap();
    let large = detect(&big_path);
    assert_eq!((small.len(), large.len()), (1, 1));
    let (a, b) = (small[0].bbox.center(), large[0].bbox.center());
    // Within 2 source pixels (the large image is also searched in tiles).
    assert!(
        (a.0 * 8.0 - b.0).abs() < 16.0 && (a.1 * 8.0 - b.1).abs() < 16.0,
        "{a:?} {b:?}"
    );
}

#[test]
fn shipped_model_puts_15_plausible_keypoints_on_both_photos() {
    let bytes = std::fs::read(common::default_model()).unwrap();
    let backend = Backend::flex();
    let pipeline =
        facepoints::face::FacePipeline::new(&backend.device, &bytes, &DetectorWeights::bundled())
            .unwrap();
    for name in ["astronaut.png", "grace_hopper.jpg"] {
        let (w, h, data) = rgba(&photos().join(name));
        let image = RgbaImage::new(w, h, &data).unwrap();
        let (faces, _) = pollster::block_on(pipeline.detect(&image)).unwrap();
        assert_eq!(faces.len(), 1, "{name}");
        let f = &faces[0];
        let p = f.points;
        for (k, [x, y]) in p.iter().enumerate() {
            assert!(
                (f.bbox.x0..f.bbox.x1).contains(x) && (f.bbox.y0..f.bbox.y1).contains(y),
                "{name}: keypoint {k} ({x}, {y}) outside {:?}",
                f.bbox
            );
        }
        // Kaggle order: 0 left eye, 1 right eye, 10 nose tip, 13/14 lips.
        let eyes = (p[0][1] + p[1][1]) / 2.0;
        let mouth = (p[13][1] + p[14][1]) / 2.0;
        assert!(eyes < p[10][1] && p[10][1] < mouth, "{name}: {p:?}");
        assert!(
            p[0][0] > p[1][0],
            "{name}: subject-left eye must be image-right"
        );
    }
}

#[test]
fn tracking_from_the_keypoints_stays_on_the_face() {
    let bytes = std::fs::read(common::default_model()).unwrap();
    let backend = Backend::flex();
    let pipeline =
        facepoints::face::FacePipeline::new(&backend.device, &bytes, &DetectorWeights::bundled())
            .unwrap();
    let (w, h, data) = rgba(&photos().join("astronaut.png"));
    let image = RgbaImage::new(w, h, &data).unwrap();
    let (detected, _) = pollster::block_on(pipeline.detect(&image)).unwrap();
    let mut previous = detected.clone();
    // Five tracking steps on the same image: keypoints must not drift away.
    for _ in 0..5 {
        let (tracked, timings) = pollster::block_on(pipeline.track(&image, &previous)).unwrap();
        assert_eq!(tracked.len(), 1);
        assert_eq!(timings.detect_ms, 0.0);
        previous = tracked;
    }
    let start = detected[0].points;
    let worst = start
        .iter()
        .zip(previous[0].points)
        .map(|(a, b)| ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt())
        .fold(0.0f32, f32::max);
    let eye_distance = (start[0][0] - start[1][0]).abs();
    assert!(
        worst < 0.15 * eye_distance,
        "drifted {worst} px (eyes {eye_distance} px apart)"
    );
}

#[test]
fn cli_detect_prints_json_and_rejects_a_non_image() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_facepoints"))
        .args(["detect", "--model"])
        .arg(common::default_model())
        .arg(photos().join("grace_hopper.jpg"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json[0]["faces"].as_array().unwrap().len(), 1);
    assert_eq!(
        json[0]["faces"][0]["keypoints"].as_array().unwrap().len(),
        15
    );
    assert_eq!(json[0]["faces"][0]["keypoints"][10]["name"], "nose_tip");

    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.png");
    std::fs::write(&text, "not an image").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_facepoints"))
        .args(["detect", "--model"])
        .arg(common::default_model())
        .arg(&text)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("notes.png: not a readable image"), "{err}");
}

#[test]
fn two_faces_in_one_image_are_both_found_with_their_keypoints() {
    // Grace Hopper (512×600) and the astronaut (512×512) side by side on one canvas.
    let (hw, hh, hopper) = rgba(&photos().join("grace_hopper.jpg"));
    let (aw, ah, astronaut) = rgba(&photos().join("astronaut.png"));
    let (w, h) = (hw + aw, hh.max(ah));
    let mut canvas = vec![0u8; w * h * 4];
    for y in 0..h {
        for (x0, (iw, ih, src)) in [(0, (hw, hh, &hopper)), (hw, (aw, ah, &astronaut))] {
            if y < ih {
                let row = &src[y * iw * 4..(y + 1) * iw * 4];
                canvas[(y * w + x0) * 4..(y * w + x0 + iw) * 4].copy_from_slice(row);
            }
        }
    }
    let bytes = std::fs::read(common::default_model()).unwrap();
    let backend = Backend::flex();
    let pipeline =
        facepoints::face::FacePipeline::new(&backend.device, &bytes, &DetectorWeights::bundled())
            .unwrap();
    let image = RgbaImage::new(w, h, &canvas).unwrap();
    let (faces, _) = pollster::block_on(pipeline.detect(&image)).unwrap();
    assert_eq!(
        faces.len(),
        2,
        "{:?}",
        faces.iter().map(|f| f.bbox).collect::<Vec<_>>()
    );
    let mut centres: Vec<f32> = faces.iter().map(|f| f.bbox.center().0).collect();
    centres.sort_by(f32::total_cmp);
    assert!(
        centres[0] < hw as f32 && centres[1] > hw as f32,
        "{centres:?}"
    );
    for f in &faces {
        let p = f.points;
        assert!(p[0][0] > p[1][0] && (p[0][1] + p[1][1]) / 2.0 < p[10][1]);
    }
}

/// `facepoints calibrate` on the source frames that ship with ../shared (4 annotated test
/// frames, 4 training frames): detection is scored against the 68-point boxes, the crop
/// and landmark rules are fitted, and a frame that is not there is named.
#[test]
fn calibrate_scores_detection_and_fits_the_rules_on_the_shipped_frames() {
    let data = common::shared_data().join("ytf_kaggle96");
    let meta = common::gunzip_text(&data.join("meta.csv.gz"));
    // The meta rows of the frames in samples/: training rows 1–4 and test rows 1–4.
    let wanted = |line: &str| {
        let mut cells = line.split(',');
        let (split, row) = (cells.next().unwrap(), cells.next().unwrap());
        row.parse::<u32>().is_ok_and(|r| r <= 4) && (split == "training" || split == "test")
    };
    let lines: Vec<&str> = meta
        .lines()
        .take(1)
        .chain(meta.lines().skip(1).filter(|l| wanted(l)))
        .collect();
    assert_eq!(lines.len(), 9);
    let dir = tempfile::tempdir().unwrap();
    let subset = dir.path().join("meta.csv");
    std::fs::write(&subset, lines.join("\n") + "\n").unwrap();
    let frames = common::shared_data().join("ytf68_udacity/samples");
    let calibrate = |frames: &Path| {
        common::facepoints(&[
            "calibrate",
            "--data",
            data.join("training.csv.gz").to_str().unwrap(),
            "--groups",
            subset.to_str().unwrap(),
            "--frames",
            frames.to_str().unwrap(),
        ])
    };
    let out = calibrate(&frames);
    let stdout = common::text(&out.stdout);
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    assert!(
        stdout.contains(
            "detection on the 4 annotated test frames: 4/4 correct (100.0%), 0 extra boxes"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("crop rule fitted on 4 training frames"),
        "{stdout}"
    );
    // The fitted crop is within 15% of the dataset's own crops, corner and side.
    let percent = |after: &str| -> f64 {
        let rest = &stdout[stdout.find(after).unwrap() + after.len()..];
        rest.split('%').next().unwrap().trim().parse().unwrap()
    };
    let (corner, side) = (percent("RMS corner error"), percent("RMS side error"));
    assert!(corner < 15.0 && side < 15.0, "{stdout}");
    // The landmark rule: the subject's right eye left of the left eye at one height, the
    // nose below the eyes and the mouth below the nose, inside the 96-pixel crop.
    let rule = stdout
        .lines()
        .find(|l| l.starts_with("landmark rule"))
        .unwrap();
    let json: serde_json::Value = serde_json::from_str(&rule[rule.find('{').unwrap()..]).unwrap();
    let p = |i: usize, c: usize| json["mean"][i][c].as_f64().unwrap();
    assert!(
        p(0, 0) < p(1, 0) && (p(0, 1) - p(1, 1)).abs() < 10.0,
        "{rule}"
    );
    assert!(p(2, 1) > p(0, 1) && p(3, 1) > p(2, 1), "{rule}");
    assert!(
        (0..4).all(|i| (0..2).all(|c| (0.0..96.0).contains(&p(i, c)))),
        "{rule}"
    );
    // A folder without the frames: the missing frame is named.
    let out = calibrate(dir.path());
    assert!(!out.status.success());
    let stderr = common::text(&out.stderr);
    assert!(
        stderr.contains("Elizabeth_Dole_31.jpg") || stderr.contains("James_Wolfensohn_00.jpg"),
        "{stderr}"
    );
}
