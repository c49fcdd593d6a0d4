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

#[test]
fn a_column_named_twice_is_refused() {
    let text = format!(
        "{},Image\n{},{}\n",
        header(),
        good_row(),
        image(IMAGE_PIXELS, "1")
    );
    assert_eq!(
        error(&text).to_string(),
        "the header has the column `Image` twice"
    );
    let text = format!("{},nose_tip_x\n", header());
    assert_eq!(
        error(&text).to_string(),
        "the header has the column `nose_tip_x` twice"
    );
    let text = "ImageId,Image,ImageId\n";
    assert_eq!(
        error(text).to_string(),
        "the header has the column `ImageId` twice"
    );
}

#[test]
fn a_whole_last_row_without_a_line_break_is_read_and_a_cut_one_is_refused() {
    let full = format!("{}\n{}\n{}\n", header(), good_row(), good_row());
    let faces = read_faces(full.as_bytes()).unwrap();
    // RFC 4180: the last line break is optional.
    let unbroken = read_faces(full.trim_end().as_bytes()).unwrap();
    assert_eq!(unbroken.len(), 2);
    assert_eq!(unbroken.image(1), faces.image(1));
    assert_eq!(unbroken.coords(1), faces.coords(1));
    // Cut inside the pixels: too few of them, refused at that row.
    let cut = &full[..full.len() - 20];
    let msg = error(cut).to_string();
    assert!(
        msg.starts_with(
            "row 2, line 3, column `Image`: the last row is truncated or malformed: the image has"
        ),
        "{msg}"
    );
    // CRLF files pass.
    read_faces(full.replace('\n', "\r\n").as_bytes()).unwrap();
}

#[test]
fn files_that_are_not_csv_text_are_named() {
    let said = |bytes: &[u8]| read_faces(bytes).unwrap_err().to_string();
    assert!(said(b"PK\x03\x04\x14\x00\x00\x00training.csv").contains("zip archive"));
    assert!(said(b"BZh91AY&SY\x00\x01").contains("bzip2"));
    assert!(said(b"\xFD7zXZ\x00\x00\x04").contains("xz file"));
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(header().bytes().flat_map(|b| [b, 0]))
        .collect();
    assert!(said(&utf16).contains("UTF-16 text: save it as UTF-8"));
    assert!(said(&[0u8; 10_000]).contains("binary data"));
    // Inside a gzip too.
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(b"PK\x03\x04 rest of a zip").unwrap();
    let msg = said(&gz.finish().unwrap());
    assert!(
        msg.starts_with("inside the gzip file, this is a zip archive"),
        "{msg}"
    );
}

#[test]
fn an_endless_line_is_cut_off_with_a_message() {
    // A gzip of a few MB that inflates to one 64 MB line without a break.
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let chunk = vec![b'7'; 1 << 20];
    for _ in 0..64 {
        gz.write_all(&chunk).unwrap();
    }
    let msg = read_faces(&gz.finish().unwrap()[..])
        .unwrap_err()
        .to_string();
    assert!(
        msg.starts_with("line 1: line 1 is over 1 MiB long"),
        "{msg}"
    );
    // The same after a good header: the line is named.
    let text = format!("{}\n{}", header(), "5".repeat(3 << 20));
    let msg = error(&text).to_string();
    assert!(msg.contains("line 2 is over 1 MiB long"), "{msg}");
}

#[test]
fn an_echoed_header_is_short_and_printable() {
    let text = format!("Foo\u{1}{}\n", "x".repeat(100_000));
    let msg = error(&text).to_string();
    assert!(
        msg.starts_with("the header has no `Image` column (it has: Foo\u{fffd}xxx"),
        "{msg}"
    );
    assert!(msg.len() < 400, "{} bytes", msg.len());
    assert!(msg.chars().all(|c| !c.is_control()), "{msg}");
}
