//! Person groups for ytf_kaggle96 rows, read from its `meta.csv.gz`.

use std::io::Read;

use super::columns::Header;
use super::error::{DataError, Location, printable};
use super::source::{LineGuard, csv_error, decompressing};

/// The person of every row of one split (`training` or `test`) of a `meta.csv(.gz)` file:
/// the `source_image` name without its `_NN.jpg` frame suffix. Index `i` is data row `i + 1`.
pub fn read_person_groups(source: impl Read, split: &str) -> Result<Vec<String>, DataError> {
    let mut reader = csv::Reader::from_reader(LineGuard::new(decompressing(source)?));
    let header = Header::new(reader.byte_headers().map_err(|e| csv_error(e, 0))?);
    let (split_col, row_col, image_col) = (
        header.require("split")?,
        header.require("row")?,
        header.require("source_image")?,
    );
    let mut groups: Vec<(u64, String)> = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut i = 0u64;
    while reader
        .read_record(&mut record)
        .map_err(|e| csv_error(e, i + 1))?
    {
        i += 1;
        if &record[split_col] != split {
            continue;
        }
        let row = record[row_col]
            .trim()
            .parse()
            .map_err(|_| DataError::Invalid {
                at: Location {
                    row: Some(i),
                    line: record.position().map(|p| p.line()),
                    column: Some("row".into()),
                },
                message: format!(
                    "row number `{}` is not an integer",
                    printable(&record[row_col], 40)
                ),
            })?;
        groups.push((row, person_of(&record[image_col])));
    }
    groups.sort_by_key(|(row, _)| *row);
    for (i, (row, _)) in groups.iter().enumerate() {
        if *row != i as u64 + 1 {
            return Err(DataError::Invalid {
                at: Location::default(),
                message: format!(
                    "rows of split `{split}` are not numbered 1..n (found {row} where {} was expected)",
                    i + 1
                ),
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

    #[test]
    fn a_broken_file_says_where() {
        let err = read_person_groups(&b"split,row\n"[..], "training").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("the header has no `source_image` column"),
            "{err}"
        );
        let text = "split,row,source_image\ntraining,1\n";
        let err = read_person_groups(text.as_bytes(), "training").unwrap_err();
        assert_eq!(
            err.to_string(),
            "malformed CSV at row 1, line 2: the row has 2 fields, the header has 3"
        );
        let text = "split,row,source_image\ntraining,x,A_01.jpg\n";
        let err = read_person_groups(text.as_bytes(), "training").unwrap_err();
        assert_eq!(
            err.to_string(),
            "row 1, line 2, column `row`: row number `x` is not an integer"
        );
    }
}
