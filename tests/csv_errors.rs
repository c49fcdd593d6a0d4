//! Every malformed-CSV case gets a specific message naming the row and column, never a panic.

use facepoints::data::{DataError, read_faces};
use facepoints::keypoints::{IMAGE_PIXELS, NUM_COORDS, coord_name};

fn header() -> String {
    let mut cols: Vec<String> = (0..NUM_COORDS).map(coord_name).collect();
    cols.push("Image".into());
    cols.join(",")
}

fn image(n: usize, value: &str) -> String {
    vec![value; n].join(" ")
}

fn row(coords: &[&str], image: &str) -> String {
    let mut cells: Vec<String> = (0..NUM_COORDS)
        .map(|c| coords.get(c).copied().unwrap_or("40.5").to_string())
        .collect();
    cells.push(image.to_string());
    cells.join(",")
}

fn error(text: &str) -> DataError {
    read_faces(text.as_bytes()).expect_err("malformed input must be refused")
}

fn good_row() -> String {
    row(&[], &image(IMAGE_PIXELS, "128"))
}

#[test]
fn reads_missing_cells_as_a_mask() {
    let missing = row(&["", "30", ""], &image(IMAGE_PIXELS, "9"));
    let text = format!("{}\r\n{}\r\n{}\r\n", header(), good_row(), missing);
    let faces = read_faces(text.as_bytes()).unwrap();
    assert_eq!(faces.len(), 2);
    assert!(faces.is_complete(0));
    assert!(faces.coords(1)[0].is_nan() && faces.coords(1)[2].is_nan());
    assert_eq!(faces.coords(1)[1], 30.0);
    assert_eq!(faces.ids, vec![1, 2]);
}

#[test]
fn header_in_any_order() {
    let mut cols: Vec<String> = (0..NUM_COORDS).map(coord_name).collect();
    cols.insert(0, "Image".into());
    cols.reverse();
    let mut cells: Vec<String> = (0..NUM_COORDS).map(|c| format!("{}", c + 1)).collect();
    cells.insert(0, image(IMAGE_PIXELS, "1"));
    cells.reverse();
    let text = format!("{}\n{}\n", cols.join(","), cells.join(","));
    let faces = read_faces(text.as_bytes()).unwrap();
    let expected: Vec<f32> = (1..=30).map(|c| c as f32).collect();
    assert_eq!(faces.coords(0), &expected[..]);
}

#[test]
fn pixel_count_is_checked() {
    let text = format!(
        "{}\n{}\n{}\n",
        header(),
        good_row(),
        row(&[], &image(9215, "3"))
    );
    let msg = error(&text).to_string();
    assert!(msg.contains("row 2") && msg.contains("line 3"), "{msg}");
    assert!(
        msg.contains("column `Image`") && msg.contains("9215 pixels"),
        "{msg}"
    );
}

#[test]
fn pixel_range_is_checked() {
    let mut pixels = vec!["0"; IMAGE_PIXELS];
    pixels[17] = "300";
    let text = format!(
        "{}\n{}\n{}\n",
        header(),
        row(&[], &pixels.join(" ")),
        good_row()
    );
    let msg = error(&text).to_string();
    assert!(msg.starts_with("row 1, line 2, column `Image`"), "{msg}");
    assert!(msg.contains("pixel 18 is 300, outside 0–255"), "{msg}");
}

#[test]
fn non_numeric_coordinate() {
    let text = format!(
        "{}\n{}\n{}\n",
        header(),
        good_row(),
        row(&["40", "4o.2"], &image(IMAGE_PIXELS, "1"))
    );
    let msg = error(&text).to_string();
    assert!(
        msg.contains("row 2") && msg.contains("column `left_eye_center_y`"),
        "{msg}"
    );
    assert!(msg.contains("`4o.2` is not a number"), "{msg}");
}

#[test]
fn coordinate_outside_the_image() {
    let text = format!(
        "{}\n{}\n{}\n",
        header(),
        row(&["10", "10", "130.5"], &image(IMAGE_PIXELS, "1")),
        good_row()
    );
    let msg = error(&text).to_string();
    assert!(
        msg.contains("row 1") && msg.contains("column `right_eye_center_x`"),
        "{msg}"
    );
    assert!(msg.contains("outside the 96×96 image"), "{msg}");
}

#[test]
fn missing_image_column() {
    let cols: Vec<String> = (0..NUM_COORDS).map(coord_name).collect();
    let text = format!("{}\n{}\n", cols.join(","), vec!["1"; NUM_COORDS].join(","));
    let msg = error(&text).to_string();
    assert!(msg.starts_with("the header has no `Image` column"), "{msg}");
}

#[test]
fn missing_coordinate_column() {
    let text = header().replace("nose_tip_y,", "") + "\n";
    let msg = error(&text).to_string();
    assert!(msg.contains("no `nose_tip_y` column"), "{msg}");
}

#[test]
fn empty_file() {
    assert!(matches!(error(""), DataError::Empty));
    assert_eq!(
        error("").to_string(),
        "the file is empty: expected a CSV header"
    );
}

#[test]
fn truncated_last_row() {
    let full = format!("{}\n{}\n{}\n", header(), good_row(), good_row());
    for cut in [full.len() - 9_000, full.len() - 20_000, full.len() - 30] {
        let msg = error(&full[..cut]).to_string();
        assert!(msg.contains("row 2"), "{msg}");
        assert!(msg.contains("the last row is truncated"), "{msg}");
    }
}

#[test]
fn wrong_field_count_in_the_middle() {
    let short = good_row().replacen("40.5,", "", 1);
    let text = format!("{}\n{}\n{}\n", header(), short, good_row());
    let msg = error(&text).to_string();
    assert!(
        msg.contains("row 1") && msg.contains("30 fields, the header has 31"),
        "{msg}"
    );
    assert!(!msg.contains("truncated"), "{msg}");
}

#[test]
fn binary_garbage_is_refused_cleanly() {
    let garbage: Vec<u8> = (0..5000u32).map(|i| (i * 7919 % 251) as u8).collect();
    assert!(read_faces(&garbage[..]).is_err());
}
