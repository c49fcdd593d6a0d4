//! Kaggle submission: predictions for `test.csv` + `IdLookupTable.csv` → `submission.csv`
//! (`RowId,Location`).

use std::collections::HashMap;
use std::io::{Read, Write};

use super::columns::Header;
use super::error::{DataError, Location, printable};
use super::source::{LineGuard, csv_error, decompressing, io_error};
use crate::keypoints::{IMAGE_SIDE, NUM_COORDS, coord_index};

/// Each face's 30 predicted coordinates (`predictions`: 30 per id, in order) by its
/// `ImageId`; an id that appears twice is returned as the error (a submission could not tell
/// the two faces apart).
pub fn by_image_id(
    ids: &[u32],
    predictions: &[f32],
) -> Result<HashMap<u32, [f32; NUM_COORDS]>, u32> {
    let mut by_id = HashMap::with_capacity(ids.len());
    for (&id, row) in ids.iter().zip(predictions.chunks_exact(NUM_COORDS)) {
        let mut coords = [0.0; NUM_COORDS];
        coords.copy_from_slice(row);
        if by_id.insert(id, coords).is_some() {
            return Err(id);
        }
    }
    Ok(by_id)
}

/// Writes `RowId,Location` for every row of the lookup table read from `lookup`.
///
/// `predictions` maps an `ImageId` to its 30 predicted coordinates; locations are clipped to
/// the image (0–96) as Kaggle scores them. Returns the number of rows written.
pub fn write_submission(
    lookup: impl Read,
    predictions: &HashMap<u32, [f32; NUM_COORDS]>,
    out: impl Write,
) -> Result<usize, DataError> {
    let mut reader = csv::Reader::from_reader(LineGuard::new(decompressing(lookup)?));
    let header = Header::new(reader.byte_headers().map_err(|e| csv_error(e, 0))?);
    let (row_col, image_col, feature_col) = (
        header.require("RowId")?,
        header.require("ImageId")?,
        header.require("FeatureName")?,
    );
    let mut writer = csv::Writer::from_writer(out);
    let write_err = |e: csv::Error| io_error("submission", std::io::Error::other(e.to_string()));
    writer
        .write_record(["RowId", "Location"])
        .map_err(write_err)?;
    let mut written = 0;
    for (i, record) in reader.records().enumerate() {
        let row = i as u64 + 1;
        let record = record.map_err(|e| csv_error(e, row))?;
        let at = |column: &str| Location {
            row: Some(row),
            line: record.position().map(|p| p.line()),
            column: Some(column.into()),
        };
        let invalid = |column: &str, message: String| DataError::Invalid {
            at: at(column),
            message,
        };
        let image_id: u32 = record[image_col].trim().parse().map_err(|_| {
            invalid(
                "ImageId",
                format!("`{}` is not an id", printable(&record[image_col], 40)),
            )
        })?;
        let row_id = record[row_col].trim();
        if row_id.is_empty() {
            return Err(invalid("RowId", "the RowId is empty".into()));
        }
        let feature = coord_index(record[feature_col].trim()).ok_or_else(|| {
            invalid(
                "FeatureName",
                format!(
                    "`{}` is not a keypoint coordinate",
                    printable(&record[feature_col], 40)
                ),
            )
        })?;
        let coords = predictions
            .get(&image_id)
            .ok_or_else(|| invalid("ImageId", format!("no prediction for image {image_id}")))?;
        if !coords[feature].is_finite() {
            return Err(invalid(
                "FeatureName",
                format!("the prediction for image {image_id} is not a number"),
            ));
        }
        let location = coords[feature].clamp(0.0, IMAGE_SIDE as f32);
        writer
            .write_record([row_id, &format!("{location:.4}")])
            .map_err(write_err)?;
        written += 1;
    }
    writer.flush().map_err(|e| io_error("submission", e))?;
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_rows_in_lookup_order_clipped() {
        let lookup =
            "RowId,ImageId,FeatureName,Location\n1,2,nose_tip_y,\n2,1,left_eye_center_x,\n";
        let mut coords = [0.0f32; NUM_COORDS];
        coords[21] = 120.0;
        coords[0] = 33.25;
        let predictions = HashMap::from([(1, coords), (2, coords)]);
        let mut out = Vec::new();
        assert_eq!(
            write_submission(lookup.as_bytes(), &predictions, &mut out).unwrap(),
            2
        );
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "RowId,Location\n1,96.0000\n2,33.2500\n"
        );
    }

    #[test]
    fn refuses_an_empty_row_id() {
        let lookup = "RowId,ImageId,FeatureName,Location\n,1,nose_tip_y,\n";
        let predictions = HashMap::from([(1, [1.0f32; NUM_COORDS])]);
        let err = write_submission(lookup.as_bytes(), &predictions, Vec::new()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "row 1, line 2, column `RowId`: the RowId is empty"
        );
    }

    #[test]
    fn names_a_missing_image() {
        let lookup = "RowId,ImageId,FeatureName,Location\n1,5,nose_tip_y,\n";
        let err = write_submission(lookup.as_bytes(), &HashMap::new(), Vec::new()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "row 1, line 2, column `ImageId`: no prediction for image 5"
        );
    }
}
