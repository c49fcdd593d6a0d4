//! Turning BlazeFace's raw outputs into scored boxes with six landmarks.

use serde::Serialize;

use super::anchors::Anchor;

/// Regressor values per anchor: box cx, cy, w, h, then six (x, y) landmarks.
pub const REGRESSORS: usize = 16;
/// The six BlazeFace landmarks, in order.
pub const LANDMARKS: [&str; 6] = [
    "right_eye",
    "left_eye",
    "nose_tip",
    "mouth_center",
    "right_ear_tragion",
    "left_ear_tragion",
];

/// An axis-aligned box `[x0, y0) × [x1, y1)` in some coordinate frame.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BoxF {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl BoxF {
    /// The box of centre `(cx, cy)` and size `w × h`.
    pub fn from_center(cx: f32, cy: f32, w: f32, h: f32) -> Self {
        BoxF {
            x0: cx - w / 2.0,
            y0: cy - h / 2.0,
            x1: cx + w / 2.0,
            y1: cy + h / 2.0,
        }
    }
    pub fn width(&self) -> f32 {
        self.x1 - self.x0
    }
    pub fn height(&self) -> f32 {
        self.y1 - self.y0
    }
    pub fn center(&self) -> (f32, f32) {
        ((self.x0 + self.x1) / 2.0, (self.y0 + self.y1) / 2.0)
    }
    pub fn area(&self) -> f32 {
        self.width().max(0.0) * self.height().max(0.0)
    }
    /// Intersection over union (0 for disjoint or empty boxes).
    pub fn iou(&self, other: &BoxF) -> f32 {
        let w = (self.x1.min(other.x1) - self.x0.max(other.x0)).max(0.0);
        let h = (self.y1.min(other.y1) - self.y0.max(other.y0)).max(0.0);
        let inter = w * h;
        let union = self.area() + other.area() - inter;
        if union > 0.0 { inter / union } else { 0.0 }
    }
}

/// One detected face, in network-input-relative units (0–1) until mapped back.
#[derive(Debug, Clone, PartialEq)]
pub struct Detection {
    /// The face box.
    pub bbox: BoxF,
    /// Confidence (sigmoid of the raw score), 0–1.
    pub score: f32,
    /// The six landmarks of [`LANDMARKS`].
    pub landmarks: [[f32; 2]; 6],
}

/// Numerically safe logistic function (raw scores are clipped to ±100 as MediaPipe does).
pub fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x.clamp(-100.0, 100.0)).exp())
}

/// Detections whose score reaches `threshold`.
///
/// # Shapes
/// `scores`: `[anchors.len()]` raw logits; `regressors`: `[anchors.len() × 16]`, in pixels of
/// the network's `side × side` input.
pub fn decode(
    scores: &[f32],
    regressors: &[f32],
    anchors: &[Anchor],
    side: usize,
    threshold: f32,
) -> Vec<Detection> {
    assert_eq!(scores.len(), anchors.len(), "one score per anchor");
    assert_eq!(
        regressors.len(),
        anchors.len() * REGRESSORS,
        "16 regressors per anchor"
    );
    let mut out = Vec::new();
    for (i, anchor) in anchors.iter().enumerate() {
        let score = sigmoid(scores[i]);
        if score < threshold || score.is_nan() {
            continue;
        }
        let r = &regressors[i * REGRESSORS..(i + 1) * REGRESSORS];
        let side = side as f32;
        let at = |dx: f32, dy: f32| [anchor.cx + dx / side, anchor.cy + dy / side];
        let [cx, cy] = at(r[0], r[1]);
        let bbox = BoxF::from_center(cx, cy, r[2] / side, r[3] / side);
        let landmarks = std::array::from_fn(|k| at(r[4 + 2 * k], r[5 + 2 * k]));
        out.push(Detection {
            bbox,
            score,
            landmarks,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::anchors::{SHORT_RANGE, anchors};

    #[test]
    fn iou_of_known_boxes() {
        let a = BoxF {
            x0: 0.0,
            y0: 0.0,
            x1: 2.0,
            y1: 2.0,
        };
        let b = BoxF {
            x0: 1.0,
            y0: 0.0,
            x1: 3.0,
            y1: 2.0,
        };
        assert!((a.iou(&b) - 2.0 / 6.0).abs() < 1e-6);
        assert_eq!(a.iou(&a), 1.0);
        let far = BoxF {
            x0: 5.0,
            y0: 5.0,
            x1: 6.0,
            y1: 6.0,
        };
        assert_eq!(a.iou(&far), 0.0);
    }

    #[test]
    fn decodes_offsets_relative_to_the_anchor() {
        let anchors = anchors(&SHORT_RANGE);
        let mut scores = vec![-10.0; anchors.len()];
        let mut regs = vec![0.0; anchors.len() * REGRESSORS];
        // Anchor 600 is in the 8×8 grid: cell (88 / 6 = 14 → x 6, y 1).
        scores[600] = 3.0;
        let r = &mut regs[600 * REGRESSORS..601 * REGRESSORS];
        r[..4].copy_from_slice(&[12.8, -6.4, 32.0, 64.0]);
        r[4] = 1.28; // first landmark x
        let found = decode(&scores, &regs, &anchors, 128, 0.75);
        assert_eq!(found.len(), 1);
        let d = &found[0];
        assert!((d.score - sigmoid(3.0)).abs() < 1e-6);
        let (cx, cy) = d.bbox.center();
        assert!((cx - (anchors[600].cx + 0.1)).abs() < 1e-6);
        assert!((cy - (anchors[600].cy - 0.05)).abs() < 1e-6);
        assert!((d.bbox.width() - 0.25).abs() < 1e-6);
        assert!((d.bbox.height() - 0.5).abs() < 1e-6);
        assert!((d.landmarks[0][0] - (anchors[600].cx + 0.01)).abs() < 1e-6);
        assert_eq!(d.landmarks[1], [anchors[600].cx, anchors[600].cy]);
    }

    #[test]
    fn threshold_and_nan_scores_are_dropped() {
        let anchors = anchors(&SHORT_RANGE);
        let mut scores = vec![-10.0; anchors.len()];
        scores[3] = 1.0; // sigmoid 0.73 < 0.75
        scores[4] = f32::NAN;
        let regs = vec![0.0; anchors.len() * REGRESSORS];
        assert!(decode(&scores, &regs, &anchors, 128, 0.75).is_empty());
        assert_eq!(decode(&scores, &regs, &anchors, 128, 0.7).len(), 1);
    }
}
