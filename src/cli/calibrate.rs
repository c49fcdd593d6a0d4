//! `facepoints calibrate`: runs BlazeFace on ytf_kaggle96's source frames and
//! 1. measures detection on the annotated test frames (a detection is correct when its box
//!    centre lies inside the 68-point box and its side is 0.4–2.5× that box's longer side),
//! 2. fits the box-to-crop rule ([`CropRule`]) to the dataset's crop boxes (training frames),
//! 3. with `--model`, compares the model's RMSE on the validation people through the full
//!    photo pipeline (detect → crop → predict) with its RMSE on the dataset's own crops.

use super::Failure;
use super::output;
use std::collections::HashMap;
use std::path::PathBuf;

use clap::Args;
use facepoints::backend::Backend;
use facepoints::data::DataError;
use facepoints::data::FaceSet;
use facepoints::data::columns::Header;
use facepoints::data::source::{LineGuard, csv_error, decompressing, open_file};
use facepoints::detect::{BoxF, DetectorConfig, DetectorWeights, FaceBox, FaceDetector};
use facepoints::face::{CropRule, FacePipeline, LandmarkRule, crop_gray};
use facepoints::image::{Square, View};
use facepoints::keypoints::{IMAGE_SIDE, NUM_COORDS};

use super::dataset::DataArgs;
use super::photo::read_photo;

#[derive(Args, Debug)]
pub struct CalibrateArgs {
    /// The person-grouped training data and its meta.csv.gz (crop boxes, 68 points).
    #[command(flatten)]
    pub data: DataArgs,
    /// Folder with the source frames in `training/` and `test/` (Udacity YouTube Faces).
    #[arg(long)]
    pub frames: PathBuf,
    /// Also measure this model through the full photo pipeline on the validation people.
    #[arg(long)]
    pub model: Option<PathBuf>,
}

/// One meta.csv row: where its crop lies in its source frame, and its 68 points there.
struct MetaRow {
    split: String,
    row: u32,
    image: String,
    crop: Square,
    /// Bounding box of the 68 points in source pixels.
    landmarks: BoxF,
}

fn read_meta(path: &std::path::Path) -> Result<Vec<MetaRow>, String> {
    let failed = |e: DataError| format!("{}: {e}", path.display());
    let source = decompressing(open_file(path).map_err(|e| e.to_string())?).map_err(failed)?;
    let mut reader = csv::Reader::from_reader(LineGuard::new(source));
    let header = Header::new(reader.byte_headers().map_err(|e| failed(csv_error(e, 0)))?);
    let col = |name: &str| header.require(name).map_err(failed);
    let [split, row, image, x0, y0, side] = [
        "split",
        "row",
        "source_image",
        "crop_x0",
        "crop_y0",
        "crop_side",
    ]
    .map(col);
    let (split, row, image, x0, y0, side) = (split?, row?, image?, x0?, y0?, side?);
    let p0 = col("p0_x")?;
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let r = record.map_err(|e| format!("meta row {}: {e}", i + 1))?;
        let num = |c: usize| -> Result<f32, String> {
            r[c].parse()
                .map_err(|_| format!("meta row {}: bad number {:?}", i + 1, &r[c]))
        };
        let crop = Square {
            x0: num(x0)?,
            y0: num(y0)?,
            side: num(side)?,
        };
        let mut b = BoxF {
            x0: f32::MAX,
            y0: f32::MAX,
            x1: f32::MIN,
            y1: f32::MIN,
        };
        for k in 0..68 {
            let (x, y) = crop.to_image(IMAGE_SIDE, num(p0 + 2 * k)?, num(p0 + 2 * k + 1)?);
            (b.x0, b.y0, b.x1, b.y1) = (b.x0.min(x), b.y0.min(y), b.x1.max(x), b.y1.max(y));
        }
        out.push(MetaRow {
            split: r[split].to_string(),
            row: r[row]
                .parse()
                .map_err(|_| format!("meta row {}: bad row", i + 1))?,
            image: r[image].to_string(),
            crop,
            landmarks: b,
        });
    }
    Ok(out)
}

/// Whether `found` is a correct detection of the face whose 68 points span `truth`.
fn correct(found: &BoxF, truth: &BoxF) -> bool {
    let (cx, cy) = found.center();
    let inside = (truth.x0..=truth.x1).contains(&cx) && (truth.y0..=truth.y1).contains(&cy);
    let ratio = (found.width() + found.height()) / 2.0 / truth.width().max(truth.height());
    inside && (0.4..=2.5).contains(&ratio)
}

fn frame_dir(split: &str) -> &'static str {
    if split == "test" { "test" } else { "training" }
}

pub fn run(args: CalibrateArgs) -> Result<(), Failure> {
    let meta_path = args
        .data
        .groups_path()
        .ok_or("calibrate needs the meta.csv.gz (--groups, or beside --data)")?;
    let meta = read_meta(&meta_path)?;
    let backend = Backend::flex();
    let detector = FaceDetector::new(
        &backend.device,
        &DetectorWeights::bundled(),
        DetectorConfig::default(),
    )?;
    let frames = Frames {
        dir: &args.frames,
        detector: &detector,
    };
    measure_detection(&meta, &frames)?;
    let (crop_rule, landmark_rule) = fit_rules(&meta, &frames)?;
    if let Some(model) = &args.model {
        compare_pipelines(
            &args,
            &meta,
            &frames,
            &backend,
            model,
            crop_rule,
            landmark_rule,
        )?;
    }
    Ok(())
}

/// The source frames and the detector that runs on them.
struct Frames<'a> {
    dir: &'a std::path::Path,
    detector: &'a FaceDetector,
}

impl Frames<'_> {
    fn photo(&self, m: &MetaRow) -> Result<super::photo::Photo, String> {
        read_photo(&self.dir.join(frame_dir(&m.split)).join(&m.image))
    }

    fn detect(&self, m: &MetaRow) -> Result<Vec<FaceBox>, String> {
        pollster::block_on(self.detector.detect(&self.photo(m)?.image()?))
            .map_err(|e| e.to_string())
    }
}

/// Step 1: detection on the annotated test frames.
fn measure_detection(meta: &[MetaRow], frames: &Frames) -> Result<(), Failure> {
    let (mut found, mut extra, mut total) = (0, 0, 0);
    for m in meta.iter().filter(|m| m.split == "test") {
        let boxes = frames.detect(m)?;
        let good = boxes
            .iter()
            .filter(|b| correct(&b.bbox, &m.landmarks))
            .count();
        found += usize::from(good > 0);
        extra += boxes.len() - good.min(1);
        total += 1;
    }
    output::print(format!(
        "detection on the {total} annotated test frames: {found}/{total} correct ({:.1}%), {extra} extra boxes",
        100.0 * found as f64 / total.max(1) as f64
    ))?;
    Ok(())
}

/// Step 2: the box-to-crop and landmarks-to-crop rules, fitted (least squares, in
/// `face::framing`) to the dataset's crops of the training frames.
fn fit_rules(meta: &[MetaRow], frames: &Frames) -> Result<(CropRule, LandmarkRule), Failure> {
    let (mut boxes, mut landmarks) = (Vec::new(), Vec::new());
    for m in meta.iter().filter(|m| m.split != "test") {
        let found = frames.detect(m)?;
        if let Some(b) = found.iter().find(|b| correct(&b.bbox, &m.landmarks)) {
            boxes.push((b.bbox, m.crop));
            landmarks.push((b.landmarks, m.crop));
        }
    }
    let rule = CropRule::fit(&boxes).ok_or("no training frame had a correct detection")?;
    let (corner, side) = rule.errors(&boxes);
    output::print(format!(
        "crop rule fitted on {} training frames: {}\n  RMS corner error {:.2}% of the crop side, RMS side error {:.2}%",
        boxes.len(),
        serde_json::to_string(&rule)?,
        100.0 * corner,
        100.0 * side
    ))?;
    let landmark_rule =
        LandmarkRule::fit(&landmarks).ok_or("no training frame had a correct detection")?;
    output::print(format!(
        "landmark rule (mean BlazeFace eye, eye, nose, mouth positions in the training crops): {}",
        serde_json::to_string(&landmark_rule)?
    ))?;
    Ok((rule, landmark_rule))
}

/// Step 3: the model's RMSE on the validation people through the photo pipeline (with each
/// rule) against its RMSE on the dataset's own crops.
fn compare_pipelines(
    args: &CalibrateArgs,
    meta: &[MetaRow],
    frames: &Frames,
    backend: &Backend,
    model_path: &std::path::Path,
    rule: CropRule,
    landmark_rule: LandmarkRule,
) -> Result<(), Failure> {
    let data = args.data.load()?;
    let valid = data.valid();
    let bytes = std::fs::read(model_path).map_err(|e| format!("{}: {e}", model_path.display()))?;
    let passes = 1;
    let mut pipelines = Vec::new();
    for landmarks in [None, Some(landmark_rule)] {
        let mut pipeline = FacePipeline::new(&backend.device, &bytes, &DetectorWeights::bundled())?;
        pipeline.crop_rule = rule;
        pipeline.landmark_rule = landmarks;
        pipeline.refine_passes = 0;
        pipelines.push(pipeline);
    }
    let predict = |faces: &FaceSet| pollster::block_on(pipelines[0].predict_crops(faces));
    let on_crops = predict(&valid)?;
    let by_row: HashMap<u32, &MetaRow> = meta
        .iter()
        .filter(|m| m.split != "test")
        .map(|m| (m.row, m))
        .collect();
    let (mut se_crop, mut count, mut missed) = (0.0f64, 0usize, 0usize);
    // Our resampling of the dataset's own crop boxes: pixel difference and squared error.
    let (mut pixel_diff, mut exact) = (0.0f64, FaceSet::default());
    // Squared error of each pipeline after 0, 1, … refinement passes.
    let mut se_pipe = vec![vec![0.0f64; passes + 1]; pipelines.len()];
    for i in 0..valid.len() {
        let m = by_row
            .get(&valid.ids[i])
            .ok_or(format!("meta has no row {}", valid.ids[i]))?;
        let photo = frames.photo(m)?;
        let image = photo.image()?;
        let ours = crop_gray(&image, View::upright(m.crop));
        pixel_diff += ours
            .iter()
            .zip(valid.image(i))
            .map(|(&a, &b)| f64::from(a.abs_diff(b)))
            .sum::<f64>()
            / ours.len() as f64;
        exact.push(valid.ids[i], &ours, valid.coords(i));
        let truth = valid.coords(i);
        let mut faces = Vec::new();
        for pipeline in &pipelines {
            let (found, _) = pollster::block_on(pipeline.detect(&image))?;
            faces.push(found.into_iter().find(|f| correct(&f.bbox, &m.landmarks)));
        }
        if faces.iter().any(Option::is_none) {
            missed += 1;
            continue;
        }
        for ((pipeline, face), se_passes) in pipelines
            .iter()
            .zip(faces.iter().flatten())
            .zip(&mut se_pipe)
        {
            let mut tracked = face.clone();
            for se in se_passes.iter_mut() {
                for (k, [x, y]) in tracked.points.iter().enumerate() {
                    let (x, y) = m.crop.from_image(IMAGE_SIDE, *x, *y);
                    *se += f64::from(x - truth[2 * k]).powi(2)
                        + f64::from(y - truth[2 * k + 1]).powi(2);
                }
                let (next, _) = pollster::block_on(pipeline.track(&image, &[tracked]))?;
                tracked = next.into_iter().next().ok_or("tracking lost the face")?;
            }
        }
        let p = &on_crops[i * NUM_COORDS..(i + 1) * NUM_COORDS];
        se_crop += p
            .iter()
            .zip(truth)
            .map(|(a, b)| f64::from(a - b).powi(2))
            .sum::<f64>();
        count += 1;
    }
    let rmse = |se: f64| (se / (count * NUM_COORDS).max(1) as f64).sqrt();
    let on_exact = predict(&exact)?;
    let se_exact: f64 = on_exact
        .iter()
        .zip(&exact.coords)
        .map(|(a, b)| f64::from(a - b).powi(2))
        .sum();
    output::print(format!(
        "our resampling of the dataset's crop boxes: mean |pixel difference| {:.2} (0-255), RMSE {:.4} px on those crops ({} faces)",
        pixel_diff / valid.len() as f64,
        (se_exact / exact.coords.len() as f64).sqrt(),
        exact.len()
    ))?;
    let passes: Vec<String> = ["box rule", "landmark rule"]
        .iter()
        .zip(&se_pipe)
        .flat_map(|(name, ses)| {
            ses.iter()
                .enumerate()
                .map(move |(p, &se)| format!("{name} + {p} refinement {:.4} px", rmse(se)))
        })
        .collect();
    output::print(format!(
        "model {} on {} validation faces ({}; {missed} not detected), RMSE in 96×96 crop pixels: {:.4} px on the dataset's crops; through detect → crop → predict: {}",
        pipelines[0].meta().model.name,
        count,
        data.split.info,
        rmse(se_crop),
        passes.join(", ")
    ))?;
    Ok(())
}
