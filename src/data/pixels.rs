//! Parsing the Kaggle `Image` field: 9,216 space-separated integers 0–255.

use crate::keypoints::IMAGE_PIXELS;

/// Parses `field` into `out` (exactly 9,216 pixels).
///
/// Returns a message saying what is wrong: a non-integer token, a value outside 0–255, or a
/// pixel count other than 9,216.
pub fn parse_pixels(field: &[u8], out: &mut [u8; IMAGE_PIXELS]) -> Result<(), String> {
    let mut count = 0usize;
    let mut i = 0usize;
    let n = field.len();
    while i < n {
        let b = field[i];
        if b == b' ' || b == b'\t' {
            i += 1;
            continue;
        }
        let start = i;
        let mut value: u32 = 0;
        while i < n && field[i].is_ascii_digit() {
            value = value
                .saturating_mul(10)
                .saturating_add(u32::from(field[i] - b'0'));
            i += 1;
        }
        if i < n && field[i] != b' ' && field[i] != b'\t' {
            while i < n && field[i] != b' ' && field[i] != b'\t' {
                i += 1;
            }
            let token = String::from_utf8_lossy(&field[start..i]);
            return Err(match token.parse::<f64>() {
                Ok(v) if !(0.0..=255.0).contains(&v) => {
                    format!("pixel {} is {token}, outside 0–255", count + 1)
                }
                _ => format!("pixel {} is `{token}`, not an integer 0–255", count + 1),
            });
        }
        if value > 255 {
            let token = String::from_utf8_lossy(&field[start..i]);
            return Err(format!("pixel {} is {token}, outside 0–255", count + 1));
        }
        if count < IMAGE_PIXELS {
            out[count] = value as u8;
        }
        count += 1;
    }
    if count != IMAGE_PIXELS {
        return Err(format!(
            "the image has {count} pixels, expected 9,216 (96×96)"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(values: &[&str]) -> Vec<u8> {
        values.join(" ").into_bytes()
    }

    #[test]
    fn parses_a_full_image() {
        let tokens: Vec<String> = (0..IMAGE_PIXELS).map(|i| (i % 256).to_string()).collect();
        let refs: Vec<&str> = tokens.iter().map(String::as_str).collect();
        let mut out = [0u8; IMAGE_PIXELS];
        parse_pixels(&field(&refs), &mut out).unwrap();
        assert_eq!(out[255], 255);
        assert_eq!(out[256], 0);
        assert_eq!(out[IMAGE_PIXELS - 1], ((IMAGE_PIXELS - 1) % 256) as u8);
    }

    #[test]
    fn rejects_bad_pixels() {
        let mut out = [0u8; IMAGE_PIXELS];
        let short = parse_pixels(b"1 2 3", &mut out).unwrap_err();
        assert!(short.contains("3 pixels"), "{short}");
        let big = parse_pixels(b"1 256 3", &mut out).unwrap_err();
        assert!(big.contains("pixel 2 is 256, outside 0–255"), "{big}");
        let neg = parse_pixels(b"1 -4 3", &mut out).unwrap_err();
        assert!(neg.contains("pixel 2 is -4, outside 0–255"), "{neg}");
        let word = parse_pixels(b"1 2 x7", &mut out).unwrap_err();
        assert!(word.contains("pixel 3 is `x7`, not an integer"), "{word}");
    }
}
