//! Point annotations of whole frames: the ytf68_udacity label files (`name,x0,y0,…,x67,y67`,
//! source pixels, pixel-centre convention), 15-keypoint files of the same shape
//! (`name,x0,y0,…,x14,y14`) and the `.pts` files of landmark benchmarks.

use std::io::Read;

use super::error::{DataError, Location, printable};
use super::source::{LineGuard, csv_error, decompressing};

/// iBUG's 68 points `[x, y]`.
pub type Ibug68 = [[f32; 2]; 68];

/// The rows of a points file: each image's name and its `N` points `[x, y]`.
pub type PointRows<const N: usize> = Vec<(String, [[f32; 2]; N])>;

/// Every row of a ytf68 label file (plain or gzip): image name and its 68 points.
pub fn read_ibug68_csv(source: impl Read) -> Result<PointRows<68>, DataError> {
    read_points_csv(source)
}

/// Every row of a points file with a header (plain or gzip): image name, then `N` points as
/// `x, y` pairs.
pub fn read_points_csv<const N: usize>(source: impl Read) -> Result<PointRows<N>, DataError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(LineGuard::new(decompressing(source)?));
    let mut out = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut row = 0u64;
    while reader
        .read_record(&mut record)
        .map_err(|e| csv_error(e, row + 1))?
    {
        row += 1;
        let at = |column: Option<String>| Location {
            row: Some(row),
            line: record.position().map(|p| p.line()),
            column,
        };
        if record.len() != 1 + 2 * N {
            return Err(DataError::Invalid {
                at: at(None),
                message: format!(
                    "{} fields; an image name and {} coordinates expected",
                    record.len(),
                    2 * N
                ),
            });
        }
        let mut points = [[0.0f32; 2]; N];
        for (c, field) in record.iter().skip(1).enumerate() {
            let value: f32 = field
                .trim()
                .parse()
                .ok()
                .filter(|v: &f32| v.is_finite())
                .ok_or_else(|| DataError::Invalid {
                    at: at(Some(format!("{}{}", ["x", "y"][c % 2], c / 2))),
                    message: format!("`{}` is not a finite number", printable(field, 40)),
                })?;
            points[c / 2][c % 2] = value;
        }
        out.push((record[0].to_string(), points));
    }
    Ok(out)
}

/// The 68 points of a `.pts` file (`version: 1`, `n_points: 68`, `{`, one `x y` per line,
/// `}`; 0-based pixel coordinates).
pub fn read_pts(text: &str) -> Result<Ibug68, String> {
    let body = text
        .split_once('{')
        .and_then(|(head, rest)| head.contains("n_points").then_some(rest.split_once('}')?.0))
        .ok_or("not a .pts file (no `n_points:` header and `{ … }` block)")?;
    let values: Vec<f32> = body
        .split_whitespace()
        .map(|v| {
            v.parse()
                .map_err(|_| format!("`{}` is not a number", printable(v, 40)))
        })
        .collect::<Result<_, _>>()?;
    if values.len() != 136 || values.iter().any(|v| !v.is_finite()) {
        return Err(format!(
            "{} finite coordinates where 136 (68 points) are needed",
            values.len()
        ));
    }
    Ok(std::array::from_fn(|i| [values[2 * i], values[2 * i + 1]]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_and_names_the_bad_field() {
        let header = (0..136)
            .map(|c| format!("c{c}"))
            .collect::<Vec<_>>()
            .join(",");
        let row = |name: &str, last: &str| {
            let mut v: Vec<String> = (0..135).map(|c| c.to_string()).collect();
            v.push(last.into());
            format!("{name},{}", v.join(","))
        };
        let text = format!(",{header}\n{}\n", row("a_01.jpg", "7.5"));
        let rows = read_ibug68_csv(text.as_bytes()).unwrap();
        assert_eq!(rows[0].0, "a_01.jpg");
        assert_eq!(rows[0].1[1], [2.0, 3.0]);
        assert_eq!(rows[0].1[67], [134.0, 7.5]);
        let bad = format!(",{header}\n{}\n{}\n", row("a", "1"), row("b", "x"));
        let e = read_ibug68_csv(bad.as_bytes()).unwrap_err().to_string();
        assert!(e.contains("row 2") && e.contains("y67"), "{e}");
    }

    #[test]
    fn reads_fifteen_point_rows_and_refuses_the_wrong_width() {
        let text = format!(
            "frame,{}\ntraining/a_01.jpg,{}\n",
            vec!["c"; 30].join(","),
            (0..30).map(|c| c.to_string()).collect::<Vec<_>>().join(",")
        );
        let rows = read_points_csv::<15>(text.as_bytes()).unwrap();
        assert_eq!(rows[0].0, "training/a_01.jpg");
        assert_eq!(rows[0].1[14], [28.0, 29.0]);
        let e = read_ibug68_csv(text.as_bytes()).unwrap_err().to_string();
        assert!(
            e.contains("31 fields; an image name and 136 coordinates expected"),
            "{e}"
        );
    }

    #[test]
    fn reads_pts_files_and_refuses_short_ones() {
        let body: String = (0..68).map(|i| format!("{i} {}.5\n", i + 1)).collect();
        let pts = read_pts(&format!("version: 1\nn_points: 68\n{{\n{body}}}\n")).unwrap();
        assert_eq!(pts[3], [3.0, 4.5]);
        let e = read_pts("version: 1\nn_points: 68\n{\n1 2\n}\n").unwrap_err();
        assert!(e.contains("2 finite coordinates"), "{e}");
        assert!(read_pts("hello").is_err());
    }
}
