//! The network's convolutions and 2×2 pools: burn's modules everywhere, except on the flex
//! CPU backend, where they run as their own differentiable operations (forward and hand-written
//! backward over the tensors' memory: `crate::cpu`). burn-flex 0.22's pool computes indices with
//! an integer division and a branch per element, and its convolution's weight gradient is a
//! convolution whose kernel is the whole output-gradient map (9× its forward in Model 2's
//! first layer: `BURN_OPS=1 cargo bench --profile dev --bench op_profile`); these kernels cost
//! about one forward each way.
//!
//! The face detectors' generated code calls these too (`xtask` writes it so): their
//! depthwise, strided and 1×1 convolutions and their pools run as `crate::cpu`'s inference
//! kernels on plain flex tensors, and a convolution with the ReLU (and the residual sum) after
//! it as one call, [`conv2d_relu`] and [`conv2d_add_relu`].

#[cfg(cpu_backend)]
use crate::cpu::autodiff as flex;
#[cfg(cpu_backend)]
use burn::nn::PaddingConfig2d;
use burn::nn::conv::Conv2d;
use burn::nn::pool::MaxPool2d;
use burn::prelude::*;

/// `conv`'s forward (without its activation): on the CPU, a "same" stride-1 convolution
/// (the network's, and the face detectors' 1×1 layers), a 3×3 depthwise one at stride 1 or 2
/// and an ungrouped strided one with explicit padding (the detectors') run as `crate::cpu`'s
/// kernels; every other convolution, tracked tensors outside the "same" case, and all on the
/// GPU, as burn's.
///
/// # Shapes
/// - `x`: `[B, C_in, H, W]`
/// - returns: `[B, C_out, H_out, W_out]` (`[B, C_out, H, W]` for "same" padding, stride 1)
pub fn conv2d(conv: &Conv2d, x: Tensor<4>) -> Tensor<4> {
    #[cfg(cpu_backend)]
    if let Some(bias) = &conv.bias {
        let (weight, bias) = (conv.weight.val(), bias.val());
        let ours = if let Some(kernel) = same_kernel(conv) {
            flex::conv2d(&x, &weight, &bias, kernel)
        } else if let Some((stride, padding)) = depthwise_3x3(conv) {
            flex::depthwise_3x3(&x, &weight, &bias, stride, padding)
        } else if let Some((stride, padding)) = strided(conv) {
            flex::strided_conv(&x, &weight, &bias, stride, padding)
        } else {
            None
        };
        if let Some(y) = ours {
            return y;
        }
    }
    conv.forward(x)
}

/// `relu(conv2d(conv, x))`. On the CPU, for a "same" stride-1 convolution (the face
/// detectors' 1×1 layers) on plain tensors, one pass over the output
/// (`crate::cpu::conv::forward_relu`); otherwise the two operations.
///
/// # Shapes
/// - `x`: `[B, C_in, H, W]`
/// - returns: the convolution's output shape
pub fn conv2d_relu(conv: &Conv2d, x: Tensor<4>) -> Tensor<4> {
    relu_after(conv, x, None)
}

/// `relu(conv2d(conv, x) + shortcut)`: a residual block's end (the face detectors'). On the
/// CPU, for a "same" stride-1 convolution (their 1×1 layers) on plain tensors, one pass over
/// the output (`crate::cpu::conv::forward_relu`); otherwise the three operations.
///
/// # Shapes
/// - `x`: `[B, C_in, H, W]`, `shortcut`: the convolution's output shape
/// - returns: the convolution's output shape
pub fn conv2d_add_relu(conv: &Conv2d, x: Tensor<4>, shortcut: Tensor<4>) -> Tensor<4> {
    relu_after(conv, x, Some(shortcut))
}

/// [`conv2d_relu`], or with a shortcut [`conv2d_add_relu`].
fn relu_after(conv: &Conv2d, x: Tensor<4>, shortcut: Option<Tensor<4>>) -> Tensor<4> {
    #[cfg(cpu_backend)]
    if let (Some(kernel), Some(bias)) = (same_kernel(conv), &conv.bias)
        && let Some(y) = flex::conv2d_relu(
            &x,
            &conv.weight.val(),
            &bias.val(),
            kernel,
            shortcut.as_ref(),
        )
    {
        return y;
    }
    let y = conv2d(conv, x);
    burn::tensor::activation::relu(match shortcut {
        Some(shortcut) => y.add(shortcut),
        None => y,
    })
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
/// The odd kernel side of a stride-1, "same"-padded, ungrouped, undilated square convolution
/// (a 1×1 kernel without padding is one).
fn same_kernel(conv: &Conv2d) -> Option<usize> {
    let [kh, kw] = conv.kernel_size;
    let same = match conv.padding {
        PaddingConfig2d::Same => true,
        _ => kh == 1 && zero_padding(&conv.padding) == Some([0; 4]),
    };
    (kh == kw
        && kh % 2 == 1
        && conv.stride == [1, 1]
        && conv.dilation == [1, 1]
        && conv.groups == 1
        && same)
        .then_some(kh)
}

#[cfg(cpu_backend)]
/// The stride and padding of a 3×3 depthwise convolution (one filter per channel,
/// undilated): stride 1 with one pixel of padding on every side (explicit or "same"), or
/// stride 2 with explicit padding.
fn depthwise_3x3(conv: &Conv2d) -> Option<(usize, [usize; 4])> {
    let [outputs, per_group, ..] = conv.weight.dims();
    if conv.kernel_size != [3, 3]
        || conv.dilation != [1, 1]
        || per_group != 1
        || conv.groups != outputs
    {
        return None;
    }
    match (conv.stride, &conv.padding) {
        ([1, 1], PaddingConfig2d::Same) => Some((1, [1; 4])),
        ([1, 1], padding) => zero_padding(padding)
            .filter(|&p| p == [1; 4])
            .map(|p| (1, p)),
        ([2, 2], padding) => zero_padding(padding).map(|p| (2, p)),
        _ => None,
    }
}

#[cfg(cpu_backend)]
/// The stride and padding of an ungrouped, undilated convolution with a square kernel, equal
/// strides and explicit padding.
fn strided(conv: &Conv2d) -> Option<(usize, [usize; 4])> {
    let ([kh, kw], [sy, sx]) = (conv.kernel_size, conv.stride);
    (kh == kw && sy == sx && conv.dilation == [1, 1] && conv.groups == 1)
        .then(|| zero_padding(&conv.padding).map(|p| (sy, p)))
        .flatten()
}

#[cfg(cpu_backend)]
/// Explicit zero padding as `[top, left, bottom, right]` ("valid" is none); `None` for
/// "same", whose amounts depend on the input.
fn zero_padding(padding: &PaddingConfig2d) -> Option<[usize; 4]> {
    match *padding {
        PaddingConfig2d::Valid => Some([0; 4]),
        PaddingConfig2d::Explicit(top, left, bottom, right) => Some([top, left, bottom, right]),
        PaddingConfig2d::Same => None,
    }
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

    /// The face detectors' layers: 3×3 depthwise (stride 1 with explicit or "same" padding,
    /// stride 2 with lopsided padding), 1×1 without padding, the strided first layers (5×5
    /// and 3×3, stride 2): each gives burn's output, and each is taken by one of this file's
    /// kernels (`ours`); tracked tensors outside the "same" case, and the shapes no kernel
    /// takes, are left to burn and still give it.
    #[test]
    fn detector_layers_equal_burns_modules() {
        let depthwise = |channels: usize, stride: usize, padding: PaddingConfig2d| {
            Conv2dConfig::new([channels, channels], [3, 3])
                .with_groups(channels)
                .with_stride([stride, stride])
                .with_padding(padding)
        };
        let full = |[cin, cout]: [usize; 2], k: usize, stride: usize, padding| {
            Conv2dConfig::new([cin, cout], [k, k])
                .with_stride([stride, stride])
                .with_padding(padding)
        };
        for (config, [batch, h, w], ours) in [
            (
                depthwise(8, 1, PaddingConfig2d::Explicit(1, 1, 1, 1)),
                [1, 12, 10],
                true,
            ),
            (depthwise(3, 1, PaddingConfig2d::Same), [2, 5, 6], true),
            (
                depthwise(4, 2, PaddingConfig2d::Explicit(0, 0, 1, 1)),
                [1, 8, 8],
                true,
            ),
            (
                depthwise(2, 2, PaddingConfig2d::Explicit(1, 0, 1, 2)),
                [2, 7, 9],
                true,
            ),
            (depthwise(4, 2, PaddingConfig2d::Valid), [1, 9, 8], true),
            (depthwise(4, 1, PaddingConfig2d::Valid), [1, 6, 6], false),
            (full([6, 5], 1, 1, PaddingConfig2d::Valid), [1, 7, 5], true),
            (
                full([3, 24], 5, 2, PaddingConfig2d::Explicit(1, 1, 2, 2)),
                [1, 16, 16],
                true,
            ),
            (
                full([3, 8], 3, 2, PaddingConfig2d::Explicit(0, 0, 1, 1)),
                [2, 12, 11],
                true,
            ),
            (
                full([3, 8], 3, 2, PaddingConfig2d::Same),
                [1, 12, 12],
                false,
            ),
        ] {
            let device = Device::flex();
            let conv = config.init(&device);
            let channels = conv.weight.dims()[1] * conv.groups;
            let what = format!(
                "{:?} k{:?} s{:?} {:?} on {batch}×{channels}×{h}×{w}",
                conv.weight.dims(),
                conv.kernel_size,
                conv.stride,
                conv.padding
            );
            let taken = same_kernel(&conv).is_some()
                || depthwise_3x3(&conv).is_some()
                || strided(&conv).is_some();
            assert_eq!(taken, ours, "{what}: taken by a kernel here");
            let x = Tensor::<4>::random([batch, channels, h, w], Distribution::Default, &device);
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

    /// A convolution's ReLU and a residual block's end, fused where the convolution is "same"
    /// stride-1 (1×1 and 3×3), and not (a strided one; tracked tensors): burn's conv (→ add)
    /// → ReLU.
    #[test]
    fn conv_relu_equals_burns_operations() {
        for (cin, cout, k, stride, padding, side) in [
            (6, 8, 1, 1, PaddingConfig2d::Valid, 7),
            (3, 4, 3, 1, PaddingConfig2d::Same, 6),
            (3, 4, 3, 2, PaddingConfig2d::Explicit(0, 0, 1, 1), 8),
        ] {
            let device = Device::flex();
            let conv = Conv2dConfig::new([cin, cout], [k, k])
                .with_stride([stride, stride])
                .with_padding(padding.clone())
                .init(&device);
            let x = Tensor::<4>::random([2, cin, side, side], Distribution::Default, &device);
            let out = conv.forward(x.clone()).dims();
            let shortcut = Tensor::<4>::random(out, Distribution::Uniform(-1.0, 1.0), &device);
            let burns = |conv: &Conv2d, x: Tensor<4>, s: Tensor<4>| {
                burn::tensor::activation::relu(conv.forward(x).add(s)).into_data()
            };
            let what = format!("{cin} → {cout}, k {k}, stride {stride}, {padding:?}");
            assert_close(
                conv2d_add_relu(&conv, x.clone(), shortcut.clone()).into_data(),
                burns(&conv, x.clone(), shortcut.clone()),
                &what,
            );
            assert_close(
                conv2d_relu(&conv, x.clone()).into_data(),
                burn::tensor::activation::relu(conv.forward(x.clone())).into_data(),
                &format!("{what}, no shortcut"),
            );
            let tracked = Device::flex().autodiff();
            let (x, s, conv) = (
                x.to_device(&tracked),
                shortcut.to_device(&tracked),
                conv.to_device(&tracked),
            );
            assert_close(
                conv2d_add_relu(&conv, x.clone(), s.clone()).into_data(),
                burns(&conv, x, s),
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
