//! Person groups for ytf_kaggle96 rows, read from its `meta.csv.gz`.

use std::io::Read;

use super::error::{DataError, Location};
use super::source::decompressing;

/// The person of every row of one split (`training` or `test`) of a `meta.csv(.gz)` file:
/// the `source_image` name without its `_NN.jpg` frame suffix. Index `i` is data row `i + 1`.
pub fn read_person_groups(source: impl Read, split: &str) -> Result<Vec<String>, DataError> {
    let mut reader = csv::Reader::from_reader(decompressing(source)?);
    let headers = reader
        .headers()
        .map_err(|e| DataError::Csv {
            at: Location::default(),
            message: e.to_string(),
        })?
        .clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| DataError::MissingColumn {
                missing: name.into(),
                found: headers.iter().collect::<Vec<_>>().join(","),
            })
    };
    let (split_col, row_col, image_col) = (col("split")?, col("row")?, col("source_image")?);
    let mut groups: Vec<(u64, String)> = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let at = Location {
            row: Some(i as u64 + 1),
            line: None,
            column: None,
        };
        let record = record.map_err(|e| DataError::Csv {
            at: at.clone(),
            message: e.to_string(),
        })?;
        if &record[split_col] != split {
            continue;
        }
        let row = record[row_col].parse().map_err(|_| DataError::Invalid {
            at: at.clone(),
            message: format!("row number `{}` is not an integer", &record[row_col]),
        })?;
        groups.push((row, person_of(&record[image_col])));
    }
    groups.sort_by_key(|(row, _)| *row);
    for (i, (row, _)) in groups.iter().enumerate() {
        if *row != i as u64 + 1 {
            return Err(DataError::Invalid {
                at: Location::default(),
                message: format!("rows of split `{split}` are not numbered 1..n (found {row})"),
            });
        }
    }
    Ok(groups.into_iter().map(|(_, g)| g).collect())
}

/// `Luis_Fonsi_21.jpg` → `Luis_Fonsi`.
pub fn person_of(image_name: &str) -> String {
    let stem = image_name.rsplit_once('.').map_or(image_name, |(s, _)| s);
    match stem.rsplit_once('_') {
        Some((person, frame)) if frame.chars().all(|c| c.is_ascii_digit()) => person.to_string(),
        _ => stem.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_names() {
        assert_eq!(person_of("Luis_Fonsi_21.jpg"), "Luis_Fonsi");
        assert_eq!(person_of("Cher_00.jpg"), "Cher");
        assert_eq!(person_of("noframe.png"), "noframe");
    }

    #[test]
    fn reads_plain_meta() {
        let text =
            "split,row,source_image\ntraining,2,B_01.jpg\ntest,1,C_00.jpg\ntraining,1,A_B_03.jpg\n";
        let groups = read_person_groups(text.as_bytes(), "training").unwrap();
        assert_eq!(groups, vec!["A_B", "B"]);
    }
}
