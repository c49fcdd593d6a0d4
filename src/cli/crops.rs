//! `facepoints crops`: training faces framed the way the photo pipeline frames them. Every
//! labelled frame of ytf68_udacity's `training/` folder goes through the face detector and
//! the pipeline's own framing ([`FacePipeline::frame`]: the detector's six landmarks → a
//! levelled square), and the 96×96 grayscale crop is written with its keypoints carried into
//! it, in Kaggle's training.csv layout, with a meta.csv.gz naming each row's frame (so `train`
//! splits by person exactly as it does for ytf_kaggle96). With `--tracking`, each frame also
//! gives the crop tracking makes from the keypoints ([`FacePipeline::frame_keypoints`]).
//!
//! A model trained on these sees at training time the framing it meets in photos and on the
//! webcam, detector noise included, instead of the dataset's tidy crops.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;

use clap::Args;
use facepoints::backend::Backend;
use facepoints::data::landmarks::read_ibug68_csv;
use facepoints::data::source::open_file;
use facepoints::detect::DetectorWeights;
use facepoints::face::{FacePipeline, kaggle_header, kaggle_row};
use facepoints::keypoints::from_ibug68;

use super::Failure;
use super::bench_e2e::{Points, read_truth};
use super::output;
use super::photo::read_photo;

#[derive(Args, Debug)]
pub struct CropsArgs {
    /// ytf68_udacity's folder (`training_frames_keypoints.csv.gz`: 68 points per frame).
    #[arg(long)]
    pub labels: PathBuf,
    /// The source frames: the folder holding `training/`.
    #[arg(long)]
    pub frames: PathBuf,
    /// 15-keypoint labels per frame (`training/<name>`, then x, y per keypoint) instead of
    /// the 68-point labels' mapping, e.g. a teacher's (tools/teacher_labels.py). Frames it
    /// has no row for are left out.
    #[arg(long)]
    pub truth: Option<PathBuf>,
    /// Also write each frame's tracking crop (framed from its keypoints).
    #[arg(long)]
    pub tracking: bool,
    /// A keypoint model file: the pipeline is built with it, though only its framing is used.
    #[arg(long, default_value = "www/models/default.fpk")]
    pub model: PathBuf,
    /// Folder for `training.csv.gz` and `meta.csv.gz`.
    #[arg(long)]
    pub out: PathBuf,
}

/// The frames of `training/` and their keypoints.
fn labelled_frames(args: &CropsArgs) -> Result<Vec<(String, Points)>, Failure> {
    let path = args.labels.join("training_frames_keypoints.csv.gz");
    let file = open_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let rows = read_ibug68_csv(file).map_err(|e| format!("{}: {e}", path.display()))?;
    let Some(truth_path) = &args.truth else {
        return Ok(rows
            .into_iter()
            .map(|(name, p)| (name, from_ibug68(&p)))
            .collect());
    };
    let truth = read_truth(truth_path)?;
    Ok(rows
        .into_iter()
        .filter_map(|(name, _)| Some((name.clone(), *truth.get(&format!("training/{name}"))?)))
        .collect())
}

/// The detected face that is this frame's labelled face: its box centre inside the box of
/// the keypoints grown by half the eye distance, the nearest such.
fn matching<'a>(
    faces: &'a [facepoints::detect::FaceBox],
    points: &Points,
) -> Option<&'a facepoints::detect::FaceBox> {
    let eyes =
        ((points[3][0] - points[5][0]).powi(2) + (points[3][1] - points[5][1]).powi(2)).sqrt();
    let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
    for [x, y] in points {
        (x0, y0, x1, y1) = (x0.min(*x), y0.min(*y), x1.max(*x), y1.max(*y));
    }
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    let grow = eyes / 2.0;
    faces
        .iter()
        .filter(|f| {
            let (fx, fy) = f.bbox.center();
            (x0 - grow..=x1 + grow).contains(&fx) && (y0 - grow..=y1 + grow).contains(&fy)
        })
        .min_by(|a, b| {
            let d = |f: &facepoints::detect::FaceBox| {
                let (fx, fy) = f.bbox.center();
                (fx - cx).powi(2) + (fy - cy).powi(2)
            };
            d(a).total_cmp(&d(b))
        })
}

pub fn run(args: CropsArgs) -> Result<(), Failure> {
    let backend = Backend::flex();
    let model = std::fs::read(&args.model).map_err(|e| format!("{}: {e}", args.model.display()))?;
    let pipeline = FacePipeline::new(&backend.device, &model, &DetectorWeights::bundled())?;
    let frames = labelled_frames(&args)?;
    std::fs::create_dir_all(&args.out).map_err(|e| format!("{}: {e}", args.out.display()))?;
    let mut csv = kaggle_header();
    csv.push('\n');
    let mut meta = String::from("split,row,source_image\n");
    let (mut rows, mut absent, mut missed) = (0usize, 0usize, 0usize);
    for (name, points) in &frames {
        let path = args.frames.join("training").join(name);
        if !path.exists() {
            absent += 1;
            continue;
        }
        let photo = read_photo(&path)?;
        let image = photo.image()?;
        let faces = pollster::block_on(pipeline.faces(&image))?;
        let Some(face) = matching(&faces, points) else {
            missed += 1;
            continue;
        };
        let mut views = vec![pipeline.frame(face)];
        if args.tracking {
            views.extend(pipeline.frame_keypoints(points));
        }
        for view in views {
            rows += 1;
            csv.push_str(&kaggle_row(&image, view, points));
            csv.push('\n');
            let _ = writeln!(meta, "training,{rows},{name}");
        }
    }
    for (file, text) in [("training.csv.gz", &csv), ("meta.csv.gz", &meta)] {
        let path = args.out.join(file);
        let out = std::fs::File::create(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut gz = flate2::write::GzEncoder::new(out, flate2::Compression::default());
        gz.write_all(text.as_bytes())
            .and_then(|()| gz.finish().map(drop))
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    output::print(format!(
        "wrote {rows} faces from {} frames to {} ({missed} frames without a matching detection, {absent} not in {})",
        frames.len() - absent - missed,
        args.out.display(),
        args.frames.join("training").display()
    ))?;
    Ok(())
}
