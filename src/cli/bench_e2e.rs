//! `facepoints bench-e2e`: keypoint accuracy end to end — detect → crop → predict → map
//! back — on whole frames of people the model never trained on, scored against their
//! 68-point labels (mapped to the 15 Kaggle points as the data was made):
//! - the source frames of the people a person-grouped split holds out (the split `train`
//!   used: same meta.csv.gz, fraction and seed), as they are, turned by ±15/30/45° and
//!   shrunk until the eyes are 40 and 20 px apart in a 640×640 frame (labels moved exactly);
//! - any `--photo` with its `.pts` beside it (e.g. einstein.jpg).
//!
//! `--truth` scores the same frames against other labels of the 15 keypoints instead (e.g.
//! a teacher's, tools/teacher_labels.py); frames it has no row for are left out.
//!
//! Per condition: faces, faces found, mean and median NME (mean point error over the
//! distance between the outer eye corners), failures (NME > 10%), and the NME left once each
//! prediction is moved onto the truth by the best similarity transform (shape error alone).
//! `--export` writes the test images and labels for the MediaPipe reference
//! (`benches/mediapipe_e2e.py`).

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clap::Args;
use facepoints::backend::Backend;
use facepoints::data::grouped_split;
use facepoints::data::groups::{person_of, read_person_groups};
use facepoints::data::landmarks::{read_ibug68_csv, read_points_csv, read_pts};
use facepoints::data::source::open_file;
use facepoints::detect::DetectorWeights;
use facepoints::face::{Face, FacePipeline};
use facepoints::image::{Outside, RgbaImage, Square, View, sample_view};
use facepoints::keypoints::{KEYPOINT_NAMES, NUM_KEYPOINTS, from_ibug68, nme, similarity_aligned};
use web_time::Instant;

use super::Failure;
use super::output;
use super::photo::read_photo;

/// 15 keypoints `[x, y]` (pixel-centre convention).
pub(super) type Points = [[f32; 2]; NUM_KEYPOINTS];

/// A `--truth` file: each frame's (`folder/name`) 15 keypoints.
pub(super) fn read_truth(path: &Path) -> Result<HashMap<String, Points>, String> {
    let file = open_file(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let rows = read_points_csv(file).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(rows.into_iter().collect())
}

/// A prediction this far off (NME) is a failure.
const FAILURE: f32 = 0.10;
/// The condition of upright frames cropped from their true keypoints (not in the total).
const ORACLE: &str = "upright, cropped from the true keypoints";
/// Side of the frames the shrunk faces are placed in.
const SMALL_FRAME: usize = 640;

#[derive(Args, Debug)]
pub struct BenchE2eArgs {
    /// The keypoint model.
    #[arg(long, default_value = "www/models/default.fpk")]
    pub model: PathBuf,
    /// ytf68_udacity's folder: `training_frames_keypoints.csv.gz` and
    /// `test_frames_keypoints.csv.gz` (68 points per source frame).
    #[arg(long)]
    pub labels: PathBuf,
    /// The source frames, in `training/` and `test/` [default: the labels folder's
    /// `samples/`]. Labelled frames missing here are left out (and counted).
    #[arg(long)]
    pub frames: Option<PathBuf>,
    /// meta.csv(.gz) naming each training row's source frame: the people the split holds out
    /// are the ones benchmarked.
    #[arg(long)]
    pub groups: PathBuf,
    /// Fraction of people the split holds out (as `train --valid-fraction`).
    #[arg(long, default_value_t = 0.2)]
    pub valid_fraction: f64,
    /// Seed of the split (as `train --split-seed`).
    #[arg(long, default_value_t = 7)]
    pub split_seed: u64,
    /// Also this photo, with its 68 points in a `.pts` file of the same name beside it.
    #[arg(long)]
    pub photo: Vec<PathBuf>,
    /// Score against these 15-keypoint labels (`folder/name`, then x, y per keypoint in
    /// Kaggle order, frame pixels) instead of the 68-point labels' mapping.
    #[arg(long)]
    pub truth: Option<PathBuf>,
    /// Use every n-th held-out frame only.
    #[arg(long, default_value_t = 1)]
    pub every: usize,
    /// Pipeline settings to compare: `default`, or `plain` / any of `level`, `flip`,
    /// `refine` (one pass; `refineN`: N passes) joined by `+` (e.g. `level+refine2`). Repeat for several.
    #[arg(long, default_value = "default")]
    pub variant: Vec<String>,
    /// Write every test image and `labels.csv` here (for benches/mediapipe_e2e.py).
    #[arg(long)]
    pub export: Option<PathBuf>,
}

/// One test image: a condition, its pixels and the true keypoints in them.
struct Case {
    condition: String,
    name: String,
    width: usize,
    height: usize,
    rgba: Vec<u8>,
    truth: Points,
}

/// Scores of one pipeline variant on one condition.
#[derive(Default)]
struct Scores {
    faces: usize,
    nme: Vec<f32>,
    aligned: Vec<f32>,
    /// Predicted size over true size (RMS distance of the points from their centroid).
    size: Vec<f32>,
    /// Sum over found faces of each keypoint's error over the eye distance.
    per_point: [f64; NUM_KEYPOINTS],
}

impl Scores {
    fn add(&mut self, found: Option<&Points>, truth: &Points) {
        self.faces += 1;
        let Some(p) = found else { return };
        self.nme.push(nme(p, truth));
        self.aligned.push(nme(&similarity_aligned(p, truth), truth));
        self.size.push(spread(p) / spread(truth));
        let eyes = distance(truth[3], truth[5]);
        for (k, sum) in self.per_point.iter_mut().enumerate() {
            *sum += f64::from(distance(p[k], truth[k]) / eyes);
        }
    }

    fn row(&self, condition: &str) -> String {
        let pct = |v: f32| format!("{:.1}%", 100.0 * v);
        if self.nme.is_empty() {
            return format!("| {condition} | {} | 0 | – | – | – | – | – |", self.faces);
        }
        let fails = self.nme.iter().filter(|&&e| e > FAILURE).count();
        format!(
            "| {condition} | {} | {} | {} | {} | {:.0}% | {} | {:.3} |",
            self.faces,
            self.nme.len(),
            pct(mean(&self.nme)),
            pct(median(&self.nme)),
            100.0 * fails as f64 / self.nme.len() as f64,
            pct(mean(&self.aligned)),
            mean(&self.size),
        )
    }

    fn merge(&mut self, other: &Scores) {
        self.faces += other.faces;
        self.nme.extend(&other.nme);
        self.aligned.extend(&other.aligned);
        self.size.extend(&other.size);
        for (a, b) in self.per_point.iter_mut().zip(other.per_point) {
            *a += b;
        }
    }
}

/// RMS distance of the points from their centroid.
fn spread(p: &Points) -> f32 {
    let n = NUM_KEYPOINTS as f32;
    let (cx, cy) = (
        p.iter().map(|q| q[0]).sum::<f32>() / n,
        p.iter().map(|q| q[1]).sum::<f32>() / n,
    );
    (p.iter()
        .map(|q| (q[0] - cx).powi(2) + (q[1] - cy).powi(2))
        .sum::<f32>()
        / n)
        .sqrt()
}

fn distance(a: [f32; 2], b: [f32; 2]) -> f32 {
    (a[0] - b[0]).hypot(a[1] - b[1])
}

fn mean(v: &[f32]) -> f32 {
    v.iter().sum::<f32>() / v.len().max(1) as f32
}

fn median(v: &[f32]) -> f32 {
    let mut s = v.to_vec();
    s.sort_by(f32::total_cmp);
    match s.len() {
        0 => f32::NAN,
        n if n % 2 == 1 => s[n / 2],
        n => (s[n / 2 - 1] + s[n / 2]) / 2.0,
    }
}

/// A pipeline setting to measure.
struct Variant {
    name: String,
    pipeline: FacePipeline,
    conditions: Vec<(String, Scores)>,
    millis: f64,
    calls: usize,
}

/// `refineN` → N refinement passes.
fn refine_passes(part: &str) -> Option<usize> {
    part.strip_prefix("refine")?.parse().ok()
}

fn variant(name: &str, backend: &Backend, model: &[u8]) -> Result<Variant, Failure> {
    let mut pipeline = FacePipeline::new(&backend.device, model, &DetectorWeights::bundled())?;
    if name != "default" {
        pipeline.level = false;
        pipeline.flip = false;
        pipeline.refine_passes = 0;
        for part in name.split('+') {
            match part {
                "plain" => {}
                "level" => pipeline.level = true,
                "flip" => pipeline.flip = true,
                "refine" => pipeline.refine_passes = 1,
                other if let Some(n) = refine_passes(other) => pipeline.refine_passes = n,
                other => {
                    return Err(format!(
                        "--variant `{other}`: use default, plain, or level/flip/refine (refineN: N passes) joined by +"
                    )
                    .into());
                }
            }
        }
    }
    Ok(Variant {
        name: name.into(),
        pipeline,
        conditions: Vec::new(),
        millis: 0.0,
        calls: 0,
    })
}

impl Variant {
    fn run(&mut self, case: &Case) -> Result<(), Failure> {
        let image = RgbaImage::new(case.width, case.height, &case.rgba)?;
        let t = Instant::now();
        let (faces, _) = pollster::block_on(self.pipeline.detect(&image))?;
        self.millis += t.elapsed().as_secs_f64() * 1000.0;
        self.calls += 1;
        let found = matching(&faces, &case.truth);
        let scores = match self
            .conditions
            .iter_mut()
            .find(|(c, _)| *c == case.condition)
        {
            Some((_, s)) => s,
            None => {
                self.conditions
                    .push((case.condition.clone(), Scores::default()));
                &mut self.conditions.last_mut().expect("just pushed").1
            }
        };
        scores.add(found.map(|f| &f.points), &case.truth);
        if case.condition == "upright" {
            // The same frame cropped from its true keypoints: the model's own error, with
            // detection and framing perfect.
            let truth = Face {
                bbox: facepoints::detect::BoxF::from_center(0.0, 0.0, 1.0, 1.0),
                score: 1.0,
                roll: 0.0,
                points: case.truth,
            };
            let (faces, _) = pollster::block_on(self.pipeline.track(&image, &[truth]))?;
            let oracle = ORACLE.to_string();
            if !self.conditions.iter().any(|(c, _)| *c == oracle) {
                self.conditions.push((oracle.clone(), Scores::default()));
            }
            let (_, scores) = self
                .conditions
                .iter_mut()
                .find(|(c, _)| *c == oracle)
                .expect("added");
            scores.add(faces.first().map(|f| &f.points), &case.truth);
        }
        Ok(())
    }
}

/// The found face that is this face: its keypoints' centroid nearest the truth's, and
/// closer than the truth's outer eye corners are to each other.
fn matching<'a>(faces: &'a [Face], truth: &Points) -> Option<&'a Face> {
    let centroid = |p: &Points| {
        let n = NUM_KEYPOINTS as f32;
        [
            p.iter().map(|q| q[0]).sum::<f32>() / n,
            p.iter().map(|q| q[1]).sum::<f32>() / n,
        ]
    };
    let (c, limit) = (centroid(truth), distance(truth[3], truth[5]));
    faces
        .iter()
        .map(|f| (distance(centroid(&f.points), c), f))
        .filter(|(d, _)| *d < limit)
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, f)| f)
}

/// The test image `condition`: the `n × n` RGBA rendering of `view` of an image (black
/// outside it), with `truth` moved into it.
fn render(
    image: &RgbaImage,
    view: View,
    n: usize,
    truth: &Points,
    condition: String,
    name: &str,
) -> Case {
    let rgba = sample_view(image, view, n, Outside::Black)
        .into_iter()
        .flat_map(|p| {
            let [r, g, b] = p.map(|v| v.round().clamp(0.0, 255.0) as u8);
            [r, g, b, 255]
        })
        .collect();
    Case {
        condition,
        name: name.into(),
        width: n,
        height: n,
        rgba,
        truth: truth.map(|[x, y]| {
            let (u, v) = view.from_image(n, x, y);
            [u, v]
        }),
    }
}

/// The test images made from one labelled frame: as it is, turned, and shrunk.
fn cases(name: &str, photo: &super::photo::Photo, truth: &Points) -> Result<Vec<Case>, Failure> {
    let image = photo.image()?;
    let (w, h) = (photo.width, photo.height);
    let mut out = vec![Case {
        condition: "upright".into(),
        name: name.into(),
        width: w,
        height: h,
        rgba: photo.rgba.clone(),
        truth: *truth,
    }];
    let long = w.max(h);
    let frame = Square::centered(w as f32 / 2.0, h as f32 / 2.0, long as f32);
    for degrees in [15i32, -15, 30, -30, 45, -45] {
        // A view turned by −θ shows the face turned by +θ (clockwise on screen).
        let view = View {
            square: frame,
            angle: -(degrees as f32).to_radians(),
        };
        out.push(render(
            &image,
            view,
            long,
            truth,
            format!("roll {degrees:+}°"),
            name,
        ));
    }
    let eyes = distance(truth[3], truth[5]);
    for target in [40.0f32, 20.0] {
        let scale = target / eyes;
        if scale >= 1.0 {
            continue;
        }
        let side = SMALL_FRAME as f32 / scale;
        let view = View::upright(Square::centered(w as f32 / 2.0, h as f32 / 2.0, side));
        let condition = format!("eyes {target} px apart");
        out.push(render(&image, view, SMALL_FRAME, truth, condition, name));
    }
    Ok(out)
}

/// Held-out people's labelled frames: `(folder, name, 68 points)`.
fn held_out_frames(args: &BenchE2eArgs) -> Result<Vec<(&'static str, String, Points)>, Failure> {
    let file = open_file(&args.groups).map_err(|e| format!("{}: {e}", args.groups.display()))?;
    let groups = read_person_groups(file, "training")
        .map_err(|e| format!("{}: {e}", args.groups.display()))?;
    let split = grouped_split(&groups, args.valid_fraction, args.split_seed);
    let people: HashSet<&str> = split.valid.iter().map(|&i| groups[i].as_str()).collect();
    let truth = args.truth.as_deref().map(read_truth).transpose()?;
    let mut out = Vec::new();
    for folder in ["training", "test"] {
        let path = args
            .labels
            .join(format!("{folder}_frames_keypoints.csv.gz"));
        let file = open_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let rows = read_ibug68_csv(file).map_err(|e| format!("{}: {e}", path.display()))?;
        for (name, points) in rows {
            if !people.contains(person_of(&name).as_str()) {
                continue;
            }
            match &truth {
                None => out.push((folder, name, from_ibug68(&points))),
                Some(truth) => {
                    if let Some(points) = truth.get(&format!("{folder}/{name}")) {
                        out.push((folder, name, *points));
                    }
                }
            }
        }
    }
    Ok(out)
}

pub fn run(args: BenchE2eArgs) -> Result<(), Failure> {
    if args.every == 0 {
        return Err("--every must be at least 1".into());
    }
    let model = std::fs::read(&args.model).map_err(|e| format!("{}: {e}", args.model.display()))?;
    let backend = Backend::flex();
    let mut variants = args
        .variant
        .iter()
        .map(|v| variant(v, &backend, &model))
        .collect::<Result<Vec<_>, _>>()?;
    let frames_dir = args
        .frames
        .clone()
        .unwrap_or_else(|| args.labels.join("samples"));
    let frames = held_out_frames(&args)?;
    let mut exporter = args.export.as_deref().map(Exporter::new).transpose()?;
    let (mut used, mut absent) = (0usize, 0usize);
    for (folder, name, truth) in frames.iter().step_by(args.every) {
        let path = frames_dir.join(folder).join(name);
        if !path.exists() {
            absent += 1;
            continue;
        }
        used += 1;
        let photo = read_photo(&path)?;
        for case in cases(name, &photo, truth)? {
            measure(&case, &mut variants, exporter.as_mut())?;
        }
    }
    for path in &args.photo {
        let pts_path = path.with_extension("pts");
        let text = std::fs::read_to_string(&pts_path)
            .map_err(|e| format!("{}: {e}", pts_path.display()))?;
        let truth =
            from_ibug68(&read_pts(&text).map_err(|e| format!("{}: {e}", pts_path.display()))?);
        let photo = read_photo(path)?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let case = Case {
            condition: name.clone(),
            name,
            width: photo.width,
            height: photo.height,
            rgba: photo.rgba,
            truth,
        };
        measure(&case, &mut variants, exporter.as_mut())?;
    }
    let meta = variants[0].pipeline.meta();
    let mut report = format!(
        "model {} ({}); truth: {}; held-out people of the grouped split ({:.0}%, seed {}): {used} frames{}{}\n",
        meta.model.name,
        args.model.display(),
        match &args.truth {
            Some(path) => path.display().to_string(),
            None => "the 68-point labels".to_string(),
        },
        100.0 * args.valid_fraction,
        args.split_seed,
        if args.every > 1 {
            format!(" (every {}th)", args.every)
        } else {
            String::new()
        },
        if absent > 0 {
            format!(", {absent} labelled frames not in {}", frames_dir.display())
        } else {
            String::new()
        },
    );
    for v in &variants {
        let _ = writeln!(
            report,
            "\n### {} ({:.1} ms per image)\n\n| condition | faces | found | mean NME | median NME | failures (NME > 10%) | NME after similarity alignment | size (predicted / true) |\n|---|---|---|---|---|---|---|---|",
            v.name,
            v.millis / v.calls.max(1) as f64
        );
        let mut all = Scores::default();
        for (condition, scores) in &v.conditions {
            let _ = writeln!(report, "{}", scores.row(condition));
            if condition != ORACLE {
                all.merge(scores);
            }
        }
        let _ = writeln!(report, "{}", all.row("**all**"));
        let found = all.nme.len().max(1) as f64;
        let points: Vec<String> = KEYPOINT_NAMES
            .iter()
            .zip(all.per_point)
            .map(|(name, sum)| format!("{name} {:.1}%", 100.0 * sum / found))
            .collect();
        let _ = writeln!(
            report,
            "\nper keypoint (mean error over eye distance): {}",
            points.join(", ")
        );
    }
    output::print(report.trim_end())?;
    Ok(())
}

/// Runs every variant on `case` and exports it.
fn measure(
    case: &Case,
    variants: &mut [Variant],
    exporter: Option<&mut Exporter>,
) -> Result<(), Failure> {
    for v in variants {
        v.run(case)?;
    }
    match exporter {
        Some(e) => e.write(case),
        None => Ok(()),
    }
}

/// Writes the test images and their labels for the MediaPipe reference.
struct Exporter {
    dir: PathBuf,
    labels: String,
    count: usize,
}

impl Exporter {
    fn new(dir: &Path) -> Result<Self, Failure> {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let mut labels = "condition,file".to_string();
        for name in KEYPOINT_NAMES {
            let _ = write!(labels, ",{name}_x,{name}_y");
        }
        labels.push('\n');
        Ok(Exporter {
            dir: dir.to_path_buf(),
            labels,
            count: 0,
        })
    }

    fn write(&mut self, case: &Case) -> Result<(), Failure> {
        let file = format!(
            "{:05}_{}.png",
            self.count,
            case.name.trim_end_matches(".jpg").trim_end_matches(".png")
        );
        self.count += 1;
        image::save_buffer(
            self.dir.join(&file),
            &case.rgba,
            case.width as u32,
            case.height as u32,
            image::ColorType::Rgba8,
        )
        .map_err(|e| format!("{file}: {e}"))?;
        let _ = write!(self.labels, "{},{file}", case.condition);
        for [x, y] in case.truth {
            let _ = write!(self.labels, ",{x},{y}");
        }
        self.labels.push('\n');
        std::fs::write(self.dir.join("labels.csv"), &self.labels)
            .map_err(|e| format!("labels.csv: {e}").into())
    }
}
