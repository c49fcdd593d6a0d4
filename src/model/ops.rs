//! The network's convolutions and 2×2 pools: burn's modules everywhere, except on the flex
//! CPU backend, where they run as their own differentiable operations (forward and hand-written
//! backward over the tensors' memory: `crate::cpu`). burn-flex 0.22's pool computes indices with
//! an integer division and a branch per element, and its convolution's weight gradient is a
//! convolution whose kernel is the whole output-gradient map (9× its forward in Model 2's
//! first layer: `BURN_OPS=1 cargo bench --profile dev --bench op_profile`); these kernels cost
//! about one forward each way.

#[cfg(cpu_backend)]
use crate::cpu::autodiff as flex;
#[cfg(cpu_backend)]
use burn::nn::PaddingConfig2d;
use burn::nn::conv::Conv2d;
use burn::nn::pool::MaxPool2d;
use burn::prelude::*;

/// `conv`'s forward (without its activation): on the CPU, a "same" stride-1 convolution
/// (the network's) and a 3×3 depthwise one (the face detectors') run as `crate::cpu`'s
/// kernels; every other convolution, and all on the GPU, as burn's.
///
/// # Shapes
/// - `x`: `[B, C_in, H, W]`
/// - returns: `[B, C_out, H_out, W_out]` (`[B, C_out, H, W]` for "same" padding, stride 1)
pub fn conv2d(conv: &Conv2d, x: Tensor<4>) -> Tensor<4> {
    #[cfg(cpu_backend)]
    if let Some(bias) = &conv.bias {
        if let Some(kernel) = same_kernel(conv)
            && let Some(y) = flex::conv2d(&x, &conv.weight.val(), &bias.val(), kernel)
        {
            return y;
        }
        if is_depthwise_3x3(conv)
            && let Some(y) = flex::depthwise_3x3(&x, &conv.weight.val(), &bias.val())
        {
            return y;
        }
    }
    conv.forward(x)
}

/// `pool`'s forward.
///
/// # Shapes
/// - `x`: `[B, C, H, W]`
/// - returns: `[B, C, H/2, W/2]` (2×2 windows, stride 2)
pub fn max_pool(pool: &MaxPool2d, x: Tensor<4>) -> Tensor<4> {
    #[cfg(cpu_backend)]
    if is_2x2(pool)
        && let Some(y) = flex::max_pool_2x2(&x)
    {
        return y;
    }
    pool.forward(x)
}

#[cfg(cpu_backend)]
/// The odd kernel side of a stride-1, "same"-padded, ungrouped, undilated square convolution.
fn same_kernel(conv: &Conv2d) -> Option<usize> {
    let [kh, kw] = conv.kernel_size;
    (kh == kw
        && kh % 2 == 1
        && conv.stride == [1, 1]
        && conv.dilation == [1, 1]
        && conv.groups == 1
        && matches!(conv.padding, PaddingConfig2d::Same))
    .then_some(kh)
}

#[cfg(cpu_backend)]
/// Whether `conv` is a 3×3 depthwise convolution (one filter per channel), stride 1, with one
/// pixel of zero padding on every side.
fn is_depthwise_3x3(conv: &Conv2d) -> bool {
    let [outputs, per_group, ..] = conv.weight.dims();
    conv.kernel_size == [3, 3]
        && conv.stride == [1, 1]
        && conv.dilation == [1, 1]
        && per_group == 1
        && conv.groups == outputs
        && matches!(
            conv.padding,
            PaddingConfig2d::Explicit(1, 1, 1, 1) | PaddingConfig2d::Same
        )
}

#[cfg(cpu_backend)]
/// Whether `pool` is a plain 2×2 stride-2 max pool.
fn is_2x2(pool: &MaxPool2d) -> bool {
    pool.kernel_size == [2, 2]
        && pool.stride == [2, 2]
        && pool.dilation == [1, 1]
        && !pool.ceil_mode
        && matches!(pool.padding, PaddingConfig2d::Valid)
}

#[cfg(all(test, cpu_backend))]
mod tests {
    use super::*;
    use burn::nn::conv::Conv2dConfig;
    use burn::nn::pool::MaxPool2dConfig;
    use burn::tensor::{Distribution, TensorData};

    fn assert_close(got: TensorData, want: TensorData, what: &str) {
        let (g, w) = (
            got.try_to_vec::<f32>().unwrap(),
            want.try_to_vec::<f32>().unwrap(),
        );
        assert_eq!(g.len(), w.len(), "{what}");
        for (i, (a, b)) in g.iter().zip(&w).enumerate() {
            assert!(
                (a - b).abs() <= 1e-4 * (1.0 + b.abs()) || (a.is_nan() && b.is_nan()),
                "{what}[{i}]: {a} vs burn's {b}"
            );
        }
    }

    /// conv → ReLU → pool → a weighted sum, through these kernels and through burn's modules:
    /// the same output and the same gradients for the input, the weight and the bias.
    #[test]
    fn equal_burns_modules_forward_and_backward_on_flex() {
        for (batch, cin, cout, side, k) in [(2, 1, 4, 9, 3), (3, 3, 5, 8, 5), (1, 2, 3, 7, 3)] {
            let device = Device::flex().autodiff();
            let conv = Conv2dConfig::new([cin, cout], [k, k])
                .with_padding(PaddingConfig2d::Same)
                .init(&device);
            let pool = MaxPool2dConfig::new([2, 2]).with_strides([2, 2]).init();
            let x = Tensor::<4>::random([batch, cin, side, side], Distribution::Default, &device);
            let r = Tensor::<4>::random(
                [batch, cout, side / 2, side / 2],
                Distribution::Default,
                &device,
            );
            let run = |ours: bool| {
                let x = x.clone().require_grad();
                let y = if ours {
                    max_pool(
                        &pool,
                        burn::tensor::activation::relu(conv2d(&conv, x.clone())),
                    )
                } else {
                    pool.forward(burn::tensor::activation::relu(conv.forward(x.clone())))
                };
                let grads = (y.clone() * r.clone()).sum().backward();
                let bias = conv.bias.as_ref().unwrap().val();
                [
                    y.into_data(),
                    x.grad(&grads).unwrap().into_data(),
                    conv.weight.val().grad(&grads).unwrap().into_data(),
                    bias.grad(&grads).unwrap().into_data(),
                ]
            };
            let (ours, burns) = (run(true), run(false));
            for ((o, b), what) in ours.into_iter().zip(burns).zip(["y", "dx", "dw", "db"]) {
                assert_close(
                    o,
                    b,
                    &format!("{what}, {batch}×{cin}×{side}² → {cout}, k {k}"),
                );
            }
            // Without autodiff (validation, inference): the same forward.
            let plain = |ours: bool| {
                let (x, conv) = (x.clone().inner(), conv.valid());
                if ours {
                    max_pool(&pool, conv2d(&conv, x)).into_data()
                } else {
                    pool.forward(conv.forward(x)).into_data()
                }
            };
            assert_close(plain(true), plain(false), "plain forward");
        }
    }

    /// The detectors' 3×3 depthwise layers (explicit or "same" padding) give burn's output;
    /// tracked tensors and other depthwise shapes are left to burn and still give it.
    #[test]
    fn depthwise_equals_burns_module() {
        for (batch, channels, h, w, padding, stride) in [
            (1, 8, 12, 10, PaddingConfig2d::Explicit(1, 1, 1, 1), 1),
            (2, 3, 5, 6, PaddingConfig2d::Same, 1),
            (1, 4, 8, 8, PaddingConfig2d::Explicit(0, 0, 1, 1), 2),
        ] {
            let device = Device::flex();
            let conv = Conv2dConfig::new([channels, channels], [3, 3])
                .with_groups(channels)
                .with_stride([stride, stride])
                .with_padding(padding.clone())
                .init(&device);
            assert_eq!(
                is_depthwise_3x3(&conv),
                stride == 1,
                "{padding:?}, stride {stride}"
            );
            let x = Tensor::<4>::random([batch, channels, h, w], Distribution::Default, &device);
            let what = format!("{batch}×{channels}×{h}×{w}, {padding:?}, stride {stride}");
            assert_close(
                conv2d(&conv, x.clone()).into_data(),
                conv.forward(x.clone()).into_data(),
                &what,
            );
            let tracked = Device::flex().autodiff();
            let (x, conv) = (x.to_device(&tracked), conv.to_device(&tracked));
            assert_close(
                conv2d(&conv, x.clone()).into_data(),
                conv.forward(x).into_data(),
                &format!("{what}, tracked"),
            );
        }
    }

    #[test]
    fn pool_keeps_nan_like_burns() {
        let device = Device::flex();
        let pool = MaxPool2dConfig::new([2, 2]).with_strides([2, 2]).init();
        let x = Tensor::<4>::from_floats(
            [[[[1.0, f32::NAN, 2.0, 3.0], [0.0, 0.5, 4.0, -1.0]]]],
            &device,
        );
        assert_close(
            max_pool(&pool, x.clone()).into_data(),
            pool.forward(x).into_data(),
            "pool with NaN",
        );
    }
}
