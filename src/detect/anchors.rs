//! BlazeFace anchors. Short range (front, 128×128): a 16×16 grid with 2 anchors per cell at
//! stride 8, then an 8×8 grid with 6 per cell at stride 16 — 896 in all, in the order of the
//! network's outputs (the 512 stride-8 scores first, then the 384 stride-16 ones). Full
//! range (192×192): one 48×48 grid, one anchor per cell at stride 4 — 2,304.

/// An anchor centre in input-relative units (0–1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Anchor {
    /// Centre x (0 = left edge, 1 = right edge of the network input).
    pub cx: f32,
    /// Centre y.
    pub cy: f32,
}

/// `(grid side, anchors per cell)` of each output layer of the short-range model, in
/// output order.
pub const SHORT_RANGE: [(usize, usize); 2] = [(16, 2), (8, 6)];
/// The same for the full-range model.
pub const FULL_RANGE: [(usize, usize); 1] = [(48, 1)];

/// All anchors of a network with output `layers`, in output order.
pub fn anchors(layers: &[(usize, usize)]) -> Vec<Anchor> {
    let mut out = Vec::new();
    for &(side, per_cell) in layers {
        for y in 0..side {
            for x in 0..side {
                let anchor = Anchor {
                    cx: (x as f32 + 0.5) / side as f32,
                    cy: (y as f32 + 0.5) / side as f32,
                };
                out.extend(std::iter::repeat_n(anchor, per_cell));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_896_in_output_order() {
        let a = anchors(&SHORT_RANGE);
        assert_eq!(a.len(), 896);
        let full = anchors(&FULL_RANGE);
        assert_eq!(full.len(), 2304);
        assert_eq!(
            full[49],
            Anchor {
                cx: 1.5 / 48.0,
                cy: 1.5 / 48.0
            }
        );
        // First cell of the 16×16 grid, twice.
        assert_eq!(
            a[0],
            Anchor {
                cx: 0.5 / 16.0,
                cy: 0.5 / 16.0
            }
        );
        assert_eq!(a[1], a[0]);
        // Second cell.
        assert_eq!(a[2].cx, 1.5 / 16.0);
        // Last of the 16×16 grid, then the first of the 8×8 grid six times.
        assert_eq!(
            a[511],
            Anchor {
                cx: 15.5 / 16.0,
                cy: 15.5 / 16.0
            }
        );
        assert!(a[512..518].iter().all(|&x| x
            == Anchor {
                cx: 0.5 / 8.0,
                cy: 0.5 / 8.0
            }));
        assert_eq!(
            a[895],
            Anchor {
                cx: 7.5 / 8.0,
                cy: 7.5 / 8.0
            }
        );
    }
}
