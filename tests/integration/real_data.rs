//! The reader and submission writer on real files: the committed sample, the full
//! ytf_kaggle96 set and Kaggle's own format files (../shared/data, beside the repository).

use crate::common;

use std::collections::HashMap;
use std::path::PathBuf;

use facepoints::data::groups::read_person_groups;
use facepoints::data::source::open_file;
use facepoints::data::submission::write_submission;
use facepoints::data::{grouped_split, read_faces_file};
use facepoints::keypoints::NUM_COORDS;

fn shared() -> PathBuf {
    common::shared_data()
}

fn sample() -> PathBuf {
    common::sample_dir()
}

#[test]
fn sample_reads_with_person_groups() {
    let faces = read_faces_file(&sample().join("training.csv.gz")).unwrap();
    assert_eq!(faces.len(), 282);
    assert!((0..faces.len()).all(|i| faces.is_complete(i)));
    let groups = read_person_groups(
        open_file(&sample().join("meta.csv.gz")).unwrap(),
        "training",
    )
    .unwrap();
    assert_eq!(groups.len(), 282);
    let split = grouped_split(&groups, 0.2, 7);
    assert_eq!(split.info.groups, Some((23, 6)));
}

#[test]
fn full_ytf_kaggle96_matches_its_checksums() {
    let dir = shared().join("ytf_kaggle96");
    let train = read_faces_file(&dir.join("training.csv.gz")).unwrap();
    assert_eq!(train.len(), 3462);
    let sum: u64 = train.images.iter().map(|&p| u64::from(p)).sum();
    assert_eq!(sum, 3_366_613_136);
    assert_eq!(train.labelled_coords(), 3462 * NUM_COORDS);
    let test = read_faces_file(&dir.join("test.csv.gz")).unwrap();
    assert_eq!(test.len(), 770);
    assert_eq!(test.ids[..3], [1, 2, 3]);
    let sum: u64 = test.images.iter().map(|&p| u64::from(p)).sum();
    assert_eq!(sum, 743_645_378);
    let groups =
        read_person_groups(open_file(&dir.join("meta.csv.gz")).unwrap(), "training").unwrap();
    assert_eq!(groups.len(), 3462);
}

#[test]
fn submission_follows_kaggle_lookup_table() {
    let dir = shared().join("kaggle_fkd");
    let predictions: HashMap<u32, [f32; NUM_COORDS]> = (1..=1783)
        .map(|id| (id, std::array::from_fn(|c| (id as f32 + c as f32) / 40.0)))
        .collect();
    let mut out = Vec::new();
    let rows = write_submission(
        open_file(&dir.join("IdLookupTable.csv")).unwrap(),
        &predictions,
        &mut out,
    )
    .unwrap();
    assert_eq!(rows, 27_124);
    let text = String::from_utf8(out).unwrap();
    let sample = std::fs::read_to_string(dir.join("SampleSubmission.csv")).unwrap();
    let ours: Vec<&str> = text.lines().map(|l| l.split(',').next().unwrap()).collect();
    let theirs: Vec<&str> = sample
        .lines()
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(
        ours, theirs,
        "same header and RowIds in the same order as SampleSubmission.csv"
    );
    // Row 1 of the lookup table is image 1, left_eye_center_x.
    assert_eq!(text.lines().nth(1), Some("1,0.0250"));
}
