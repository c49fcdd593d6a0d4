//! `FaceSet`: 96×96 grayscale faces with their 30 keypoint coordinates, missing ones as NaN.

use crate::keypoints::{IMAGE_PIXELS, NUM_COORDS, NUM_KEYPOINTS};

/// Faces held in memory: pixels as bytes, coordinates as `f32` with `NaN` for a missing value.
///
/// Row `i` has pixels `images[i*9216..(i+1)*9216]` (row-major 96×96) and coordinates
/// `coords[i*30..(i+1)*30]` in Kaggle column order, in pixels (centre of the top-left pixel
/// at (0,0)).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FaceSet {
    /// An identifier per face: `ImageId` when the file has one, else the 1-based row number.
    pub ids: Vec<u32>,
    /// `len() * 9216` pixels.
    pub images: Vec<u8>,
    /// `len() * 30` coordinates; `NaN` marks a missing keypoint coordinate.
    pub coords: Vec<f32>,
}

impl FaceSet {
    /// Unlabelled faces from 96×96 grayscale images laid end to end (`gray`: 9,216 bytes per
    /// face), numbered from 0.
    pub fn from_images(gray: &[u8]) -> Result<Self, String> {
        if gray.is_empty() || !gray.len().is_multiple_of(IMAGE_PIXELS) {
            return Err(format!(
                "faces must be 96×96 grayscale (9,216 bytes each); got {} bytes",
                gray.len()
            ));
        }
        let mut faces = FaceSet::default();
        for (i, image) in gray.chunks(IMAGE_PIXELS).enumerate() {
            faces.push(i as u32, image, &[f32::NAN; NUM_COORDS]);
        }
        Ok(faces)
    }

    /// Number of faces.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether there are no faces.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Pixels of face `i` (9,216 bytes).
    pub fn image(&self, i: usize) -> &[u8] {
        &self.images[i * IMAGE_PIXELS..(i + 1) * IMAGE_PIXELS]
    }

    /// Coordinates of face `i` (30 values, `NaN` when missing).
    pub fn coords(&self, i: usize) -> &[f32] {
        &self.coords[i * NUM_COORDS..(i + 1) * NUM_COORDS]
    }

    /// Whether face `i` has all 30 coordinates.
    pub fn is_complete(&self, i: usize) -> bool {
        self.coords(i).iter().all(|v| !v.is_nan())
    }

    /// Number of labelled (non-missing) coordinates over all faces.
    pub fn labelled_coords(&self) -> usize {
        self.coords.iter().filter(|v| !v.is_nan()).count()
    }

    /// Appends one face.
    pub fn push(&mut self, id: u32, image: &[u8], coords: &[f32]) {
        assert_eq!(image.len(), IMAGE_PIXELS, "a face image has 9,216 pixels");
        assert_eq!(coords.len(), NUM_COORDS, "a face has 30 coordinates");
        self.ids.push(id);
        self.images.extend_from_slice(image);
        self.coords.extend_from_slice(coords);
    }

    /// The faces at `indices`, in that order.
    pub fn subset(&self, indices: &[usize]) -> FaceSet {
        let mut out = FaceSet {
            ids: Vec::with_capacity(indices.len()),
            images: Vec::with_capacity(indices.len() * IMAGE_PIXELS),
            coords: Vec::with_capacity(indices.len() * NUM_COORDS),
        };
        for &i in indices {
            out.push(self.ids[i], self.image(i), self.coords(i));
        }
        out
    }

    /// How completely the faces are labelled: rows, complete rows, and the faces labelling
    /// each keypoint (both coordinates given), in Kaggle order.
    pub fn label_counts(&self) -> LabelCounts {
        let mut per_keypoint = vec![0usize; NUM_KEYPOINTS];
        let mut complete = 0;
        for i in 0..self.len() {
            let mut all = true;
            for (k, xy) in self.coords(i).chunks(2).enumerate() {
                let labelled = !xy[0].is_nan() && !xy[1].is_nan();
                per_keypoint[k] += usize::from(labelled);
                all &= labelled;
            }
            complete += usize::from(all);
        }
        LabelCounts {
            rows: self.len(),
            complete,
            per_keypoint,
        }
    }

    /// The rows `filter` keeps, in order.
    pub fn rows_where(&self, filter: FaceFilter) -> Vec<usize> {
        (0..self.len())
            .filter(|&i| match filter {
                FaceFilter::All => true,
                FaceFilter::Complete => self.is_complete(i),
                FaceFilter::Partial => !self.is_complete(i),
                FaceFilter::Missing(k) => {
                    let xy = &self.coords(i)[2 * k..2 * k + 2];
                    xy[0].is_nan() || xy[1].is_nan()
                }
            })
            .collect()
    }

    /// Only the faces with all 30 coordinates (what the study trained on).
    pub fn complete_only(&self) -> FaceSet {
        let keep: Vec<usize> = (0..self.len()).filter(|&i| self.is_complete(i)).collect();
        self.subset(&keep)
    }
}

/// Which faces the explorer lists ([`FaceSet::rows_where`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaceFilter {
    /// Every face.
    All,
    /// Faces with all 15 keypoints.
    Complete,
    /// Faces missing at least one keypoint.
    Partial,
    /// Faces without keypoint `k` (0-based, Kaggle order).
    Missing(usize),
}

impl FaceFilter {
    /// The filter a name gives (`all`, `complete`, `partial`, `missing` with `keypoint`).
    pub fn named(name: &str, keypoint: usize) -> Result<Self, String> {
        match name {
            "all" => Ok(FaceFilter::All),
            "complete" => Ok(FaceFilter::Complete),
            "partial" => Ok(FaceFilter::Partial),
            "missing" if keypoint < NUM_KEYPOINTS => Ok(FaceFilter::Missing(keypoint)),
            "missing" => Err(format!(
                "there is no keypoint {keypoint} (0 to {})",
                NUM_KEYPOINTS - 1
            )),
            other => Err(format!(
                "unknown filter `{other}` (all, complete, partial or missing)"
            )),
        }
    }
}

/// What [`FaceSet::label_counts`] gives.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LabelCounts {
    /// Faces.
    pub rows: usize,
    /// Faces with all 15 keypoints.
    pub complete: usize,
    /// Faces labelling each keypoint, Kaggle order.
    pub per_keypoint: Vec<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subset_and_completeness() {
        let mut set = FaceSet::default();
        let mut coords = [10.0f32; NUM_COORDS];
        set.push(1, &[0; IMAGE_PIXELS], &coords);
        coords[3] = f32::NAN;
        set.push(2, &[7; IMAGE_PIXELS], &coords);
        assert_eq!(set.len(), 2);
        assert!(set.is_complete(0));
        assert!(!set.is_complete(1));
        assert_eq!(set.labelled_coords(), 59);
        let counts = set.label_counts();
        assert_eq!((counts.rows, counts.complete), (2, 1));
        assert_eq!(counts.per_keypoint[1], 1, "face 2 lacks keypoint 1's y");
        assert_eq!(counts.per_keypoint[0], 2);
        let sub = set.subset(&[1]);
        assert_eq!(sub.ids, vec![2]);
        assert_eq!(sub.image(0)[0], 7);
        assert_eq!(set.complete_only().ids, vec![1]);
        assert_eq!(set.rows_where(FaceFilter::All), [0, 1]);
        assert_eq!(set.rows_where(FaceFilter::Complete), [0]);
        assert_eq!(set.rows_where(FaceFilter::Partial), [1]);
        assert_eq!(set.rows_where(FaceFilter::Missing(1)), [1]);
        assert_eq!(set.rows_where(FaceFilter::Missing(0)), Vec::<usize>::new());
        assert_eq!(FaceFilter::named("missing", 3), Ok(FaceFilter::Missing(3)));
        assert!(FaceFilter::named("missing", 15).is_err());
        assert!(
            FaceFilter::named("odd", 0)
                .unwrap_err()
                .contains("unknown filter")
        );
    }
}
