//! Masked mean squared error: partially labelled faces count for the coordinates they have.

use burn::prelude::*;

/// Mean of `(pred − target)²` over the labelled coordinates only.
///
/// # Shapes
/// - `pred`, `target`, `mask`: `[B, 30]` (`mask` is 1 where labelled, 0 where missing)
/// - returns: `[1]`
pub fn masked_mse(pred: Tensor<2>, target: Tensor<2>, mask: Tensor<2>) -> Tensor<1> {
    let squared = (pred - target).powi_scalar(2) * mask.clone();
    let labelled = mask.sum().clamp_min(1.0);
    squared.sum() / labelled
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignores_unlabelled_coordinates() {
        let device = Device::flex();
        let t = |v: [[f32; 3]; 2]| Tensor::<2>::from_data(v, &device);
        let pred = t([[1.0, 2.0, 100.0], [0.0, 0.0, 0.0]]);
        let target = t([[0.0, 0.0, 0.0], [0.0, 3.0, 0.0]]);
        let mask = t([[1.0, 1.0, 0.0], [0.0, 1.0, 0.0]]);
        let loss: f32 = masked_mse(pred, target, mask).into_scalar();
        assert!((loss - (1.0 + 4.0 + 9.0) / 3.0).abs() < 1e-6, "{loss}");
    }
}
