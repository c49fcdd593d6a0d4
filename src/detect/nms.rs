//! Weighted non-maximum suppression (MediaPipe's face-detection blending): overlapping
//! detections of one face are merged into their score-weighted mean instead of dropped,
//! which steadies boxes from frame to frame.

use super::decode::{BoxF, Detection};

/// Merges detections that overlap the best remaining one by more than `iou_threshold`;
/// the result is sorted by score, best first, and keeps each cluster's best score.
pub fn weighted_nms(mut detections: Vec<Detection>, iou_threshold: f32) -> Vec<Detection> {
    detections.sort_by(|a, b| b.score.total_cmp(&a.score));
    let mut out = Vec::new();
    while !detections.is_empty() {
        let best = detections[0].bbox;
        let (cluster, rest): (Vec<Detection>, Vec<Detection>) = detections
            .into_iter()
            .partition(|d| d.bbox.iou(&best) > iou_threshold || d.bbox == best);
        detections = rest;
        let total: f32 = cluster.iter().map(|d| d.score).sum();
        let mean = |f: &dyn Fn(&Detection) -> f32| {
            cluster.iter().map(|d| f(d) * d.score).sum::<f32>() / total
        };
        let bbox = BoxF {
            x0: mean(&|d| d.bbox.x0),
            y0: mean(&|d| d.bbox.y0),
            x1: mean(&|d| d.bbox.x1),
            y1: mean(&|d| d.bbox.y1),
        };
        let landmarks =
            std::array::from_fn(|k| [mean(&|d| d.landmarks[k][0]), mean(&|d| d.landmarks[k][1])]);
        out.push(Detection {
            bbox,
            score: cluster[0].score,
            landmarks,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn det(x0: f32, score: f32) -> Detection {
        Detection {
            bbox: BoxF {
                x0,
                y0: 0.0,
                x1: x0 + 1.0,
                y1: 1.0,
            },
            score,
            landmarks: [[x0, 0.0]; 6],
        }
    }

    #[test]
    fn overlapping_boxes_merge_and_separate_faces_stay() {
        let out = weighted_nms(vec![det(0.1, 0.8), det(0.0, 0.9), det(5.0, 0.85)], 0.3);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].score, 0.9);
        // Weighted mean of x0 = 0.0 (0.9) and 0.1 (0.8).
        let expected = 0.1 * 0.8 / 1.7;
        assert!((out[0].bbox.x0 - expected).abs() < 1e-6);
        assert!((out[0].landmarks[2][0] - expected).abs() < 1e-6);
        assert_eq!(out[1].bbox.x0, 5.0);
    }

    #[test]
    fn nothing_in_nothing_out() {
        assert!(weighted_nms(Vec::new(), 0.3).is_empty());
    }
}
