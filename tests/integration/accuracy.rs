//! Keypoint accuracy against ground truth, end to end: full video frames through detect →
//! crop → predict → map back with the shipped model, scored against their 68-point labels
//! mapped to the 15 Kaggle points. The frames are ytf68_udacity's eight sample frames (four
//! of its training split, four of its test split, each with its own split's labels) and the
//! committed webcam frames that have labels. The bound is set so that a model that outputs
//! the mean face in the same crops fails it.

use crate::common;

use std::io::Read;
use std::path::PathBuf;

use facepoints::backend::Backend;
use facepoints::data::read_faces_file;
use facepoints::detect::DetectorWeights;
use facepoints::face::FacePipeline;
use facepoints::image::RgbaImage;
use facepoints::keypoints::{IMAGE_SIDE, NUM_KEYPOINTS, from_ibug68, nme};

/// Labelled frames: (split, image name, file).
fn frames() -> Vec<(&'static str, String, PathBuf)> {
    let mut out = Vec::new();
    for split in ["training", "test"] {
        let dir = common::shared_data()
            .join("ytf68_udacity/samples")
            .join(split);
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        out.extend(names.into_iter().map(|n| (split, n.clone(), dir.join(n))));
    }
    // The committed webcam frames come from the test split; two are labelled there, and
    // Valerie_Harper_30 is one of the samples already.
    out.push((
        "test",
        "Valerie_Harper_41.jpg".into(),
        common::webcam_frame("Valerie_Harper_41.png"),
    ));
    out
}

/// A frame's pixels, decoded by their content (the frames are PNGs named `.jpg`).
fn decoded(path: &std::path::Path) -> image::RgbaImage {
    image::ImageReader::open(path)
        .unwrap()
        .with_guessed_format()
        .unwrap()
        .decode()
        .unwrap()
        .to_rgba8()
}

/// The pipeline's view of `image`.
fn rgba_of(image: &image::RgbaImage) -> RgbaImage<'_> {
    RgbaImage::new(
        image.width() as usize,
        image.height() as usize,
        image.as_raw(),
    )
    .unwrap()
}

/// The 15 keypoints of `name` from ytf68_udacity's labels of `split`.
fn truth(split: &str, name: &str) -> [[f32; 2]; NUM_KEYPOINTS] {
    let path = common::shared_data().join(format!("ytf68_udacity/{split}_frames_keypoints.csv.gz"));
    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(path).unwrap())
        .read_to_string(&mut text)
        .unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with(&format!("{name},")))
        .unwrap_or_else(|| panic!("{name} is labelled"));
    let values: Vec<f32> = line
        .split(',')
        .skip(1)
        .map(|v| v.parse().unwrap())
        .collect();
    assert_eq!(values.len(), 136);
    from_ibug68(&std::array::from_fn(|i| [values[2 * i], values[2 * i + 1]]))
}

/// The mean face of the committed training sample, in 96×96 crop pixels.
fn mean_face() -> [[f32; 2]; NUM_KEYPOINTS] {
    let mean = common::mean_shape(&read_faces_file(&common::sample()).unwrap());
    std::array::from_fn(|k| [mean[2 * k], mean[2 * k + 1]])
}

#[test]
fn shipped_model_finds_the_labelled_keypoints_on_video_frames() {
    let bytes = std::fs::read(common::default_model()).unwrap();
    let backend = Backend::flex();
    let pipeline = FacePipeline::new(&backend.device, &bytes, &DetectorWeights::bundled()).unwrap();
    let mean = mean_face();
    let (mut model_nme, mut mean_nme) = (Vec::new(), Vec::new());
    let frames = frames();
    assert_eq!(frames.len(), 9);
    for (split, frame, path) in &frames {
        let image = decoded(path);
        let rgba = rgba_of(&image);
        let (faces, _) = pollster::block_on(pipeline.detect(&rgba)).unwrap();
        assert_eq!(faces.len(), 1, "frame {frame}: one face");
        let face = &faces[0];
        let truth = truth(split, frame);
        model_nme.push(nme(&face.points, &truth));
        // The mean face in the crop the pipeline used for this face.
        let crop = pipeline.crop_of(face);
        let placed = mean.map(|[x, y]| {
            let (x, y) = crop.to_image(IMAGE_SIDE, x, y);
            [x, y]
        });
        mean_nme.push(nme(&placed, &truth));
    }
    let average = |v: &[f32]| v.iter().sum::<f32>() / v.len() as f32;
    let (model, baseline) = (average(&model_nme), average(&mean_nme));
    eprintln!("NME per frame: model {model_nme:?}, mean face {mean_nme:?}");
    eprintln!("mean NME: model {model:.4}, mean face {baseline:.4}");
    assert!(model < BOUND, "mean NME {model:.4} is over {BOUND}");
    // The crops are good enough now that the mean face in them scores well too: the model
    // must beat it clearly, face by face on average.
    assert!(
        model < BEAT * baseline,
        "the model ({model:.4}) must beat the mean face in the same crops ({baseline:.4}) by {:.0}%",
        100.0 * (1.0 - BEAT)
    );
    assert!(
        model_nme.iter().all(|&e| e < 2.0 * BOUND),
        "no frame may be far off: {model_nme:?}"
    );
}

/// Mean NME the shipped model must stay under on these frames. Measured: 5.4% (the default of
/// 2026-11-29; the one before: 5.9% in levelled crops, 6.9% in upright ones). The people of these frames are
/// mostly in ytf_kaggle96's training split, so this guards against regressions; held-out
/// figures come from `facepoints bench-e2e`.
const BOUND: f32 = 0.075;
/// The model's mean NME must be under this fraction of the mean face's in the same crops
/// (measured: 5.4% against 6.8%).
const BEAT: f32 = 0.9;

/// A table's rows: condition and the other cells.
type Rows = Vec<(String, Vec<String>)>;

/// `facepoints bench-e2e` on the sample frames of held-out people (two are here), turned and
/// shrunk, and on einstein.jpg: the rows of each pipeline setting.
fn bench_e2e_rows() -> Vec<(String, Rows)> {
    bench_e2e_rows_with(&[])
}

/// The same, with more arguments.
fn bench_e2e_rows_with(extra: &[&str]) -> Vec<(String, Rows)> {
    let data = common::shared_data();
    let (labels, groups, einstein) = (
        data.join("ytf68_udacity"),
        data.join("ytf_kaggle96/meta.csv.gz"),
        common::photo("einstein.jpg"),
    );
    let mut args = vec![
        "bench-e2e",
        "--labels",
        labels.to_str().unwrap(),
        "--groups",
        groups.to_str().unwrap(),
        "--photo",
        einstein.to_str().unwrap(),
        "--variant",
        "default",
        "--variant",
        "plain",
    ];
    args.extend_from_slice(extra);
    let out = common::facepoints(&args);
    let report = common::text(&out.stdout);
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    assert!(report.contains(": 2 frames"), "{report}");
    report
        .split("\n### ")
        .skip(1)
        .map(|section| {
            let name = section.split_whitespace().next().unwrap().to_string();
            let rows = section
                .lines()
                .filter(|l| l.starts_with("| ") && !l.starts_with("| condition"))
                .map(|l| {
                    let cells: Vec<String> = l
                        .trim_matches('|')
                        .split('|')
                        .map(|c| c.trim().to_string())
                        .collect();
                    (cells[0].clone(), cells[1..].to_vec())
                })
                .collect();
            (name, rows)
        })
        .collect()
}

#[test]
fn turned_small_and_far_faces_are_found_and_levelled_end_to_end() {
    let sections = bench_e2e_rows();
    let rows = |name: &str| &sections.iter().find(|(n, _)| n == name).unwrap().1;
    let nme = |cells: &[String]| cells[2].trim_end_matches('%').parse::<f32>().unwrap() / 100.0;
    let (default, plain) = (rows("default"), rows("plain"));
    assert_eq!(default.len(), 11, "{default:?}");
    for (condition, cells) in default {
        // Every face found: turned up to 45°, eyes 20 px apart, einstein.jpg.
        assert_eq!(cells[0], cells[1], "{condition}: {cells:?}");
        if condition.starts_with("roll") || condition.starts_with("eyes") || condition == "upright"
        {
            assert!(nme(cells) < 0.10, "{condition}: {cells:?}");
        }
    }
    // Without levelling, faces turned by 45° are far off: the test sees the difference.
    for (condition, cells) in plain
        .iter()
        .filter(|(c, _)| c.starts_with("roll") && c.contains("45"))
    {
        assert!(
            nme(cells) > 0.15,
            "without levelling, {condition}: {cells:?}"
        );
    }
}

/// `bench-e2e --truth`: 15-keypoint labels per frame replace the 68-point labels' mapping.
/// Given that same mapping, written out here, every figure is the same; with one frame's
/// labels moved, the upright rows change.
#[test]
fn bench_e2e_scores_against_other_labels_of_the_same_frames() {
    use facepoints::data::landmarks::read_ibug68_csv;
    use facepoints::keypoints::from_ibug68;
    let labels = common::shared_data().join("ytf68_udacity");
    let mut rows = Vec::new();
    for folder in ["training", "test"] {
        let file =
            std::fs::File::open(labels.join(format!("{folder}_frames_keypoints.csv.gz"))).unwrap();
        for (name, points) in read_ibug68_csv(file).unwrap() {
            if labels.join("samples").join(folder).join(&name).exists() {
                rows.push((format!("{folder}/{name}"), from_ibug68(&points)));
            }
        }
    }
    assert_eq!(rows.len(), 8);
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, rows: &[(String, [[f32; 2]; 15])]| {
        let mut text = String::from("frame");
        (0..15).for_each(|k| text.push_str(&format!(",x{k},y{k}")));
        for (frame, points) in rows {
            text.push_str(&format!("\n{frame}"));
            points
                .iter()
                .for_each(|[x, y]| text.push_str(&format!(",{x},{y}")));
        }
        let path = dir.path().join(name);
        std::fs::write(&path, text + "\n").unwrap();
        path
    };
    let same = write("same.csv", &rows);
    let upright = |sections: &[(String, Rows)]| {
        sections[0]
            .1
            .iter()
            .find(|(c, _)| c == "upright")
            .unwrap()
            .1
            .clone()
    };
    let mapped = bench_e2e_rows_with(&["--truth", same.to_str().unwrap()]);
    assert_eq!(mapped, bench_e2e_rows());
    // Every label moved 3 px right: the error changes.
    let moved: Vec<_> = rows
        .iter()
        .map(|(f, p)| (f.clone(), p.map(|[x, y]| [x + 3.0, y])))
        .collect();
    let moved = write("moved.csv", &moved);
    let shifted = bench_e2e_rows_with(&["--truth", moved.to_str().unwrap()]);
    assert_ne!(upright(&shifted), upright(&mapped));
}

/// The teacher's 15 keypoints of `folder/name` (tests/data/teacher15.csv).
fn teacher_truth(folder: &str, name: &str) -> [[f32; 2]; NUM_KEYPOINTS] {
    let file = std::fs::File::open(common::repo().join("tests/data/teacher15.csv")).unwrap();
    let rows = facepoints::data::landmarks::read_points_csv::<NUM_KEYPOINTS>(file).unwrap();
    let frame = format!("{folder}/{name}");
    rows.into_iter()
        .find(|(f, _)| *f == frame)
        .unwrap_or_else(|| panic!("{frame} has teacher labels"))
        .1
}

/// `points` turned by `angle` (radians) and scaled by `scale` about their centroid, then
/// moved by `(dx, dy)` eye distances.
fn perturbed(
    points: &[[f32; 2]; NUM_KEYPOINTS],
    angle: f32,
    scale: f32,
    dx: f32,
    dy: f32,
) -> [[f32; 2]; NUM_KEYPOINTS] {
    let n = NUM_KEYPOINTS as f32;
    let (cx, cy) = (
        points.iter().map(|p| p[0]).sum::<f32>() / n,
        points.iter().map(|p| p[1]).sum::<f32>() / n,
    );
    let eyes =
        ((points[3][0] - points[5][0]).powi(2) + (points[3][1] - points[5][1]).powi(2)).sqrt();
    let (sin, cos) = angle.sin_cos();
    points.map(|[x, y]| {
        let (u, v) = (x - cx, y - cy);
        [
            cx + scale * (cos * u - sin * v) + dx * eyes,
            cy + scale * (sin * u + cos * v) + dy * eyes,
        ]
    })
}

/// The shipped model is trained on faces framed as the pipeline frames them, detector noise
/// included: given a crop framed from keypoints that are off — turned by 10°, 10% too large or
/// small, moved by 15% of the eye distance — it still finds the face's keypoints (against the
/// teacher's labels of the nine frames), well inside what the framing alone is off by.
/// Measured (2026-12-05): 7.2% NME over the 8 framings of 9 frames, the keypoints the crops
/// were framed from 10.9% off; the previous default, trained on the dataset's tidy crops,
/// 10.1% (it fails both bounds).
#[test]
fn keypoints_survive_framing_that_is_off() {
    let bytes = std::fs::read(common::default_model()).unwrap();
    let backend = Backend::flex();
    let pipeline = FacePipeline::new(&backend.device, &bytes, &DetectorWeights::bundled()).unwrap();
    let deg = std::f32::consts::PI / 180.0;
    let framings = [
        (10.0 * deg, 1.0, 0.0, 0.0),
        (-10.0 * deg, 1.0, 0.0, 0.0),
        (0.0, 1.1, 0.0, 0.0),
        (0.0, 0.9, 0.0, 0.0),
        (0.0, 1.0, 0.15, 0.0),
        (0.0, 1.0, -0.15, 0.0),
        (0.0, 1.0, 0.0, 0.15),
        (5.0 * deg, 1.05, -0.1, -0.1),
    ];
    let (mut model, mut framing) = (Vec::new(), Vec::new());
    for (split, name, path) in frames() {
        let image = decoded(&path);
        let rgba = rgba_of(&image);
        let (faces, _) = pollster::block_on(pipeline.detect(&rgba)).unwrap();
        let truth = teacher_truth(split, &name);
        for &(angle, scale, dx, dy) in &framings {
            let off = perturbed(&truth, angle, scale, dx, dy);
            // A face whose crop is framed from `off` (its box far away: no steady crop kept).
            let previous = facepoints::face::Face {
                points: off,
                bbox: facepoints::detect::BoxF::from_center(-1e4, -1e4, 1.0, 1.0),
                ..faces[0].clone()
            };
            let (tracked, _) = pollster::block_on(pipeline.track(&rgba, &[previous])).unwrap();
            model.push(nme(&tracked[0].points, &truth));
            framing.push(nme(&off, &truth));
        }
    }
    let average = |v: &[f32]| v.iter().sum::<f32>() / v.len() as f32;
    let (model, framing) = (average(&model), average(&framing));
    eprintln!(
        "mean NME with framing that is off: model {model:.4}, the framing's own keypoints {framing:.4}"
    );
    assert!(
        model < 0.085,
        "mean NME {model:.4} with framing that is off"
    );
    assert!(
        model < 0.8 * framing,
        "the model ({model:.4}) must undo a fifth or more of the framing's error ({framing:.4})"
    );
}

/// The pixels of `window` of `image`, read at the window's size (as the page's worker reads
/// a region of a video frame: a triangle filter when shrinking).
fn read_window(image: &image::RgbaImage, window: &facepoints::face::Window) -> image::RgbaImage {
    let region = image::imageops::crop_imm(
        image,
        window.x as u32,
        window.y as u32,
        window.width as u32,
        window.height as u32,
    )
    .to_image();
    image::imageops::resize(
        &region,
        window.read_width as u32,
        window.read_height as u32,
        image::imageops::FilterType::Triangle,
    )
}

/// The webcam reads only the region around the faces it follows, shrunk to what the crops
/// need, and looks for faces in a shrunk copy of the frame: on frames enlarged three times
/// (faces as large as a webcam's close up), following in the window gives the keypoints
/// that following in the whole frame gives, the window is a small part of the frame, a
/// still face keeps its window, and the detector finds the same faces in the shrunk copy.
/// Measured (2026-12-05): 0.00–0.08% of the eye distance apart; 25–61% of the pixels read.
#[test]
fn faces_followed_in_a_window_match_the_whole_frame() {
    let bytes = std::fs::read(common::default_model()).unwrap();
    let backend = Backend::flex();
    let pipeline = FacePipeline::new(&backend.device, &bytes, &DetectorWeights::bundled()).unwrap();
    let (mut apart, mut read) = (Vec::new(), Vec::new());
    for (_, name, path) in frames() {
        let small = decoded(&path);
        let image = image::imageops::resize(
            &small,
            3 * small.width(),
            3 * small.height(),
            image::imageops::FilterType::Triangle,
        );
        let (w, h) = (image.width() as usize, image.height() as usize);
        let rgba = rgba_of(&image);
        let (faces, _) = pollster::block_on(pipeline.detect(&rgba)).unwrap();
        assert_eq!(faces.len(), 1, "{name}: one face");

        let window = pipeline.window_to_follow(&faces, w, h, None);
        let pixels = read_window(&image, &window);
        let (inside, _) =
            pollster::block_on(pipeline.track_in(&rgba_of(&pixels), &window, &faces)).unwrap();
        let (whole, _) = pollster::block_on(pipeline.track(&rgba, &faces)).unwrap();
        apart.push(nme(&inside[0].points, &whole[0].points));
        read.push((window.read_width * window.read_height) as f32 / (w * h) as f32);
        // The face is still: from here on it keeps its window.
        let next = pipeline.window_to_follow(&inside, w, h, Some(window));
        let (again, _) = pollster::block_on(pipeline.track_in(
            &rgba_of(&read_window(&image, &next)),
            &next,
            &inside,
        ))
        .unwrap();
        assert_eq!(
            pipeline.window_to_follow(&again, w, h, Some(next)),
            next,
            "{name}: a still face keeps its window"
        );

        let shrunk = pipeline.window_to_detect(w, h);
        let long = shrunk.read_width.max(shrunk.read_height);
        assert_eq!(
            long,
            w.max(h).min(2 * facepoints::detect::FULL_RANGE_SIDE),
            "{name}: shrunk"
        );
        let pixels = read_window(&image, &shrunk);
        let (found, _) =
            pollster::block_on(pipeline.detect_in(&rgba_of(&pixels), &shrunk)).unwrap();
        assert_eq!(
            found.len(),
            1,
            "{name}: the face is found in the shrunk frame"
        );
        assert!(
            found[0].bbox.iou(&faces[0].bbox) > 0.8,
            "{name}: the same face ({:?} vs {:?})",
            found[0].bbox,
            faces[0].bbox
        );
    }
    eprintln!("NME between window and whole frame: {apart:?}; pixels read: {read:?}");
    assert!(
        apart.iter().all(|&d| d < 0.02),
        "following in the window moved keypoints by over 2% of the eye distance: {apart:?}"
    );
    assert!(
        read.iter().all(|&r| r < 0.75) && read.iter().sum::<f32>() < 0.5 * read.len() as f32,
        "the window must be a small part of the frame (these frames are mostly face): {read:?}"
    );
}
