//! `ops`' kernels on flex tensors: plain (inference, validation) or differentiable (training),
//! their backward steps registered in burn's autodiff graph by hand. Tensors on any other
//! device, dtype or autodiff strategy are handed back for burn's own operation.

use std::borrow::Cow;

use burn::backend::autodiff::checkpoint::base::Checkpointer;
use burn::backend::autodiff::checkpoint::strategy::NoCheckpointing;
use burn::backend::autodiff::grads::Gradients;
use burn::backend::autodiff::ops::{Backward, Ops, OpsKind};
use burn::backend::flex::FlexTensor;
use burn::backend::tensor::FloatTensor;
use burn::backend::{Autodiff, Flex, TensorMetadata};
use burn::prelude::*;
use burn::tensor::{DType, TensorData};

use super::conv::{self, Geometry};
use super::depthwise;
use super::pool::{self, Winners};
use super::strided::{self, Strided};

/// flex under burn's autodiff, as the trainer's device makes it (no checkpointing).
type Tracked = Autodiff<Flex, NoCheckpointing>;

/// A tensor's primitive on flex, plain or tracked.
enum Primitive {
    Plain(FlexTensor),
    Tracked(FloatTensor<Tracked>),
}

/// `x`'s flex primitive, or `None` when it lives elsewhere or is not f32.
fn primitive<const D: usize>(x: &Tensor<D>) -> Option<Primitive> {
    let device = x.device();
    if device.clone().inner() != Device::flex() || x.dtype() != DType::F32 {
        return None;
    }
    if device.is_autodiff() {
        x.clone()
            .try_into_primitive::<Tracked>()
            .ok()
            .map(Primitive::Tracked)
    } else {
        x.clone()
            .try_into_primitive::<Flex>()
            .ok()
            .map(Primitive::Plain)
    }
}

/// The values of a flex tensor, in row-major order.
fn values(t: &FlexTensor) -> Cow<'_, [f32]> {
    match t.as_slice::<f32>() {
        Some(v) => Cow::Borrowed(v),
        None => Cow::Owned(
            t.to_contiguous()
                .into_data()
                .try_into_vec()
                .expect("an f32 tensor"),
        ),
    }
}

fn flex_tensor<const D: usize>(values: Vec<f32>, shape: [usize; D]) -> FlexTensor {
    FlexTensor::from_data(TensorData::new(values, shape))
}

fn dims4(t: &FlexTensor) -> [usize; 4] {
    t.shape().dims()
}

/// 2×2 stride-2 max pooling; `None` when `x` is not a flex tensor.
pub fn max_pool_2x2(x: &Tensor<4>) -> Option<Tensor<4>> {
    Some(match primitive(x)? {
        Primitive::Plain(p) => {
            let [n, c, h, w] = dims4(&p);
            let out = pool::forward_values(&values(&p), n * c, h, w);
            Tensor::from_primitive::<Flex>(flex_tensor(out, [n, c, h / 2, w / 2]))
        }
        Primitive::Tracked(p) => Tensor::from_primitive::<Tracked>(pool_tracked(p)),
    })
}

fn pool_plain(x: &FlexTensor) -> (FlexTensor, Winners) {
    let [n, c, h, w] = dims4(x);
    let (out, won) = pool::forward(&values(x), n * c, h, w);
    (flex_tensor(out, [n, c, h / 2, w / 2]), won)
}

#[derive(Debug)]
struct PoolBackward;

impl Backward<Flex, 1> for PoolBackward {
    /// The winners and the input's shape.
    type State = (Winners, [usize; 4]);

    fn backward(self, ops: Ops<Self::State, 1>, grads: &mut Gradients, _: &mut Checkpointer) {
        let [parent] = ops.parents;
        let grad = grads.consume::<Flex>(&ops.node);
        let (won, [n, c, h, w]) = ops.state;
        if let Some(node) = parent {
            let dx = pool::backward(&values(&grad), &won, n * c, h, w);
            grads.register::<Flex>(node.id, flex_tensor(dx, [n, c, h, w]));
        }
    }
}

fn pool_tracked(x: FloatTensor<Tracked>) -> FloatTensor<Tracked> {
    match PoolBackward
        .prepare::<NoCheckpointing>([x.node()])
        .compute_bound()
        .stateful()
    {
        OpsKind::Tracked(prep) => {
            let (out, won) = pool_plain(x.primitive());
            prep.finish((won, dims4(x.primitive())), out)
        }
        OpsKind::UnTracked(prep) => prep.finish(pool_plain(x.primitive()).0),
    }
}

/// A "same" stride-1 convolution with odd `kernel`; `None` when the tensors are not all
/// flex tensors of matching shapes.
///
/// # Shapes
/// - `x`: `[B, C_in, H, W]`, `weight`: `[C_out, C_in, k, k]`, `bias`: `[C_out]`
/// - returns: `[B, C_out, H, W]`
pub fn conv2d(
    x: &Tensor<4>,
    weight: &Tensor<4>,
    bias: &Tensor<1>,
    kernel: usize,
) -> Option<Tensor<4>> {
    let g = same_geometry(x, weight, bias, kernel)?;
    match (primitive(x)?, primitive(weight)?, primitive(bias)?) {
        (Primitive::Plain(x), Primitive::Plain(w), Primitive::Plain(b)) => {
            Some(Tensor::from_primitive::<Flex>(conv_plain(&g, &x, &w, &b)))
        }
        (Primitive::Tracked(x), Primitive::Tracked(w), Primitive::Tracked(b)) => {
            Some(Tensor::from_primitive::<Tracked>(conv_tracked(g, x, w, b)))
        }
        _ => None,
    }
}

/// The shapes of a "same" stride-1 convolution with odd `kernel` of `x` by `weight` plus
/// `bias`, `None` when they do not fit together.
fn same_geometry(
    x: &Tensor<4>,
    weight: &Tensor<4>,
    bias: &Tensor<1>,
    kernel: usize,
) -> Option<Geometry> {
    let [batch, inputs, height, width] = x.dims();
    let [outputs, weight_inputs, kh, kw] = weight.dims();
    (weight_inputs == inputs && kh == kernel && kw == kernel && bias.dims() == [outputs]).then_some(
        Geometry {
            batch,
            inputs,
            outputs,
            height,
            width,
            kernel,
        },
    )
}

fn conv_plain(g: &Geometry, x: &FlexTensor, w: &FlexTensor, b: &FlexTensor) -> FlexTensor {
    let y = conv::forward(g, &values(x), &values(w), &values(b));
    flex_tensor(y, [g.batch, g.outputs, g.height, g.width])
}

/// `relu(conv2d(x))`, or `relu(conv2d(x) + shortcut)`, for a "same" stride-1 convolution
/// with odd `kernel` ([`conv::forward_relu`]); `None` when the tensors are not all plain flex
/// tensors (no backward) or their shapes do not match.
///
/// # Shapes
/// - `x`: `[B, C_in, H, W]`, `weight`: `[C_out, C_in, k, k]`, `bias`: `[C_out]`,
///   `shortcut`: `[B, C_out, H, W]`
/// - returns: `[B, C_out, H, W]`
pub fn conv2d_relu(
    x: &Tensor<4>,
    weight: &Tensor<4>,
    bias: &Tensor<1>,
    kernel: usize,
    shortcut: Option<&Tensor<4>>,
) -> Option<Tensor<4>> {
    let g = same_geometry(x, weight, bias, kernel)?;
    let out = [g.batch, g.outputs, g.height, g.width];
    if shortcut.is_some_and(|s| s.dims() != out) {
        return None;
    }
    let (x, w, b) = plain3(x, weight, bias)?;
    let shortcut = match shortcut.map(primitive) {
        None => None,
        Some(Some(Primitive::Plain(s))) => Some(s),
        Some(_) => return None,
    };
    let shortcut = shortcut.as_ref().map(values);
    let y = conv::forward_relu(
        &g,
        &values(&x),
        &values(&w),
        &values(&b),
        shortcut.as_deref(),
    );
    Some(Tensor::from_primitive::<Flex>(flex_tensor(y, out)))
}

/// A 3×3 depthwise convolution at stride 1 with one pixel of zero padding on every side
/// (`padding` `[1, 1, 1, 1]`), or at stride 2 with any zero padding `[top, left, bottom,
/// right]`; `None` for other strides and paddings, when the tensors are not all plain flex
/// tensors (a tracked one is left to burn: these kernels have no backward), or when their
/// shapes do not match.
///
/// # Shapes
/// - `x`: `[B, C, H, W]`, `weight`: `[C, 1, 3, 3]`, `bias`: `[C]`
/// - returns: `[B, C, H_out, W_out]` (`[B, C, H, W]` at stride 1)
pub fn depthwise_3x3(
    x: &Tensor<4>,
    weight: &Tensor<4>,
    bias: &Tensor<1>,
    stride: usize,
    padding: [usize; 4],
) -> Option<Tensor<4>> {
    let [batch, channels, height, width] = x.dims();
    if weight.dims() != [channels, 1, 3, 3] || bias.dims() != [channels] {
        return None;
    }
    let [top, left, bottom, right] = padding;
    let (x, w, b) = plain3(x, weight, bias)?;
    let (x, w, b) = (values(&x), values(&w), values(&b));
    let planes = batch * channels;
    let (y, [h, wd]) = match stride {
        1 if padding == [1; 4] => (
            depthwise::conv3x3(&x, planes, height, width, &w, &b),
            [height, width],
        ),
        2 if top + height + bottom >= 3 && left + width + right >= 3 => {
            depthwise::conv3x3_stride2(&x, planes, [height, width], padding, &w, &b)
        }
        _ => return None,
    };
    Some(Tensor::from_primitive::<Flex>(flex_tensor(
        y,
        [batch, channels, h, wd],
    )))
}

/// An ungrouped convolution with a square `kernel`, any `stride` and zero padding `[top,
/// left, bottom, right]` (`strided`); `None` when the tensors are not all plain flex tensors
/// (no backward), their shapes do not match, or no window fits.
///
/// # Shapes
/// - `x`: `[B, C_in, H, W]`, `weight`: `[C_out, C_in, k, k]`, `bias`: `[C_out]`
/// - returns: `[B, C_out, H_out, W_out]`
pub fn strided_conv(
    x: &Tensor<4>,
    weight: &Tensor<4>,
    bias: &Tensor<1>,
    stride: usize,
    padding: [usize; 4],
) -> Option<Tensor<4>> {
    let [batch, inputs, height, width] = x.dims();
    let [outputs, weight_inputs, kernel, kw] = weight.dims();
    if weight_inputs != inputs || kw != kernel || bias.dims() != [outputs] {
        return None;
    }
    let g = Strided {
        batch,
        inputs,
        outputs,
        height,
        width,
        kernel,
        stride,
        padding,
    };
    let [h, w] = g.output()?;
    let (x, weight, bias) = plain3(x, weight, bias)?;
    let y = strided::forward(&g, &values(&x), &values(&weight), &values(&bias));
    Some(Tensor::from_primitive::<Flex>(flex_tensor(
        y,
        [batch, outputs, h, w],
    )))
}

/// The three tensors' flex primitives when all three are plain.
fn plain3(
    x: &Tensor<4>,
    weight: &Tensor<4>,
    bias: &Tensor<1>,
) -> Option<(FlexTensor, FlexTensor, FlexTensor)> {
    match (primitive(x)?, primitive(weight)?, primitive(bias)?) {
        (Primitive::Plain(x), Primitive::Plain(w), Primitive::Plain(b)) => Some((x, w, b)),
        _ => None,
    }
}

#[derive(Debug)]
struct ConvBackward;

impl Backward<Flex, 3> for ConvBackward {
    /// The input, the weight, the shapes.
    type State = (FlexTensor, FlexTensor, Geometry);

    fn backward(self, ops: Ops<Self::State, 3>, grads: &mut Gradients, _: &mut Checkpointer) {
        let [node_x, node_w, node_b] = ops.parents;
        let grad = grads.consume::<Flex>(&ops.node);
        let (x, w, g) = ops.state;
        let grad = values(&grad);
        if let Some(node) = node_x {
            let dx = conv::input_grad(&g, &grad, &values(&w));
            grads.register::<Flex>(node.id, flex_tensor(dx, dims4(&x)));
        }
        if node_w.is_some() || node_b.is_some() {
            let (dw, db) = conv::weight_grad(&g, &values(&x), &grad);
            if let Some(node) = node_w {
                grads.register::<Flex>(node.id, flex_tensor(dw, dims4(&w)));
            }
            if let Some(node) = node_b {
                grads.register::<Flex>(node.id, flex_tensor(db, [g.outputs]));
            }
        }
    }
}

fn conv_tracked(
    g: Geometry,
    x: FloatTensor<Tracked>,
    w: FloatTensor<Tracked>,
    b: FloatTensor<Tracked>,
) -> FloatTensor<Tracked> {
    let y = conv_plain(&g, x.primitive(), w.primitive(), b.primitive());
    match ConvBackward
        .prepare::<NoCheckpointing>([x.node(), w.node(), b.node()])
        .compute_bound()
        .stateful()
    {
        OpsKind::Tracked(prep) => prep.finish((x.primitive().clone(), w.primitive().clone(), g), y),
        OpsKind::UnTracked(prep) => prep.finish(y),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_flex_tensors_plain_and_tracked_and_hands_others_back() {
        for device in [Device::flex(), Device::flex().autodiff()] {
            let x = Tensor::<4>::ones([1, 2, 4, 4], &device);
            let w = Tensor::<4>::ones([3, 2, 3, 3], &device);
            let b = Tensor::<1>::zeros([3], &device);
            assert!(max_pool_2x2(&x).is_some());
            let y = conv2d(&x, &w, &b, 3).expect("a flex convolution");
            assert_eq!(y.device(), device);
            // A corner sees 2×2 of the 3×3 window in each of the 2 channels.
            assert_eq!(y.slice([0..1, 0..1, 0..1, 0..1]).into_scalar::<f32>(), 8.0);
            // Shapes that do not match are burn's to report.
            assert!(conv2d(&x, &w, &b, 5).is_none());
        }
    }
}
