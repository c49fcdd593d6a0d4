//! BlazeFace (front, 128×128) anchors: a 16×16 grid with 2 anchors per cell at stride 8,
//! then an 8×8 grid with 6 per cell at stride 16 — 896 in all, in the order of the
//! network's outputs (the 512 stride-8 scores first, then the 384 stride-16 ones).

/// An anchor centre in input-relative units (0–1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Anchor {
    /// Centre x (0 = left edge, 1 = right edge of the network input).
    pub cx: f32,
    /// Centre y.
    pub cy: f32,
}

/// `(grid side, anchors per cell)` of each output layer, in output order.
pub const LAYERS: [(usize, usize); 2] = [(16, 2), (8, 6)];

/// All anchors in output order.
pub fn anchors() -> Vec<Anchor> {
    let mut out = Vec::with_capacity(896);
    for (side, per_cell) in LAYERS {
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
        let a = anchors();
        assert_eq!(a.len(), 896);
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
