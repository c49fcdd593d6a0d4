//! `CpuNet`: a trained [`KeypointCnn`] repacked once for fast inference on the CPU (natively
//! and in the browser's CPU engine). Activations are NHWC; batch norms become one affine step
//! (the input's is folded into the pixel scaling, exactly); convolutions have their weights
//! packed and their bias and ReLU fused; 2×2 pools are one pass; dropout is gone. The result
//! equals the burn model's `forward` in validation mode within float rounding (tested).

use burn::nn::BatchNorm;
use burn::prelude::*;

use super::matmul::{add_product, add_product_portable};
use super::packed_conv::{PackedConv, relu};
use super::packed_pool::{affine, max_pool_2x2};
use crate::keypoints::{IMAGE_PIXELS, IMAGE_SIDE};
use crate::model::KeypointCnn;
use crate::model::cnn::Layer;

/// One inference step.
#[derive(Debug, Clone)]
enum Step {
    /// `x · scale + shift` per channel (a batch norm).
    Affine { scale: Vec<f32>, shift: Vec<f32> },
    /// Convolution + bias + ReLU, by im2col and one matrix product.
    Conv(PackedConv),

    /// 2×2 max pool, stride 2.
    Pool,
    /// `x · W + b` (`W`: `[inputs, outputs]`, rows in NHWC order after a spatial layer), ReLU
    /// unless it is the last layer.
    Dense {
        weight: Vec<f32>,
        bias: Vec<f32>,
        outputs: usize,
        relu: bool,
    },
}

/// What flows between steps, per face.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Shape {
    /// `[side, side, channels]`.
    Spatial { side: usize, channels: usize },
    /// `[len]`.
    Flat(usize),
}

impl Shape {
    fn len(self) -> usize {
        match self {
            Shape::Spatial { side, channels } => side * side * channels,
            Shape::Flat(n) => n,
        }
    }
}

/// A keypoint network packed for CPU inference.
#[derive(Debug, Clone)]
pub struct CpuNet {
    /// Pixel `p` enters as `p · pixel_scale + pixel_shift`.
    pixel_scale: f32,
    pixel_shift: f32,
    /// Products with the same rounding on every CPU (see [`Self::portable`]).
    portable: bool,
    steps: Vec<Step>,
    outputs: usize,
}

fn values<const D: usize>(t: Tensor<D>) -> Vec<f32> {
    t.into_data()
        .convert::<f32>()
        .try_into_vec::<f32>()
        .expect("f32 values")
}

/// A batch norm at inference as `x · scale + shift`.
fn folded(bn: &BatchNorm) -> (Vec<f32>, Vec<f32>) {
    let gamma = values(bn.gamma.val());
    let beta = values(bn.beta.val());
    let mean = values(bn.running_mean.value());
    let var = values(bn.running_var.value());
    let mut scale = Vec::with_capacity(gamma.len());
    let mut shift = Vec::with_capacity(gamma.len());
    for i in 0..gamma.len() {
        let s = f64::from(gamma[i]) / (f64::from(var[i]) + bn.epsilon).sqrt();
        scale.push(s as f32);
        shift.push((f64::from(beta[i]) - f64::from(mean[i]) * s) as f32);
    }
    (scale, shift)
}

impl CpuNet {
    /// Repacks `model` (its current weights, read synchronously: the CPU backend, or any
    /// device natively) with the pixel scale of its normalisation. `None` for a network with
    /// a layer it has no kernel for (an even convolution kernel, whose "same" padding is
    /// uneven): burn's modules predict for those.
    pub fn pack(model: &KeypointCnn, pixel_scale: f32) -> Option<Self> {
        let mut steps = Vec::new();
        let mut shape = Shape::Spatial {
            side: IMAGE_SIDE,
            channels: 1,
        };
        let (mut pixel_scale, mut pixel_shift) = (pixel_scale, 0.0);
        let layers = model.layers();
        let last_dense = layers.iter().rposition(|l| matches!(l, Layer::Dense(_)));
        for (i, layer) in layers.iter().enumerate() {
            match layer {
                Layer::BatchNorm(bn) => {
                    let (scale, shift) = folded(bn);
                    if steps.is_empty()
                        && shape
                            == (Shape::Spatial {
                                side: IMAGE_SIDE,
                                channels: 1,
                            })
                    {
                        // Before any padding: exactly the pixel scaling's affine step.
                        pixel_shift = pixel_shift * scale[0] + shift[0];
                        pixel_scale *= scale[0];
                    } else {
                        steps.push(Step::Affine { scale, shift });
                    }
                }
                Layer::Conv(conv) => {
                    let Shape::Spatial { side, channels } = shape else {
                        unreachable!("validated")
                    };
                    let [outputs, inputs, kernel, _] = conv.weight.val().dims();
                    assert_eq!(inputs, channels);
                    if kernel % 2 == 0 {
                        return None;
                    }
                    let bias = conv.bias.as_ref().map(|b| values(b.val()));
                    let weight = values(conv.weight.val());
                    steps.push(Step::Conv(PackedConv::new(
                        &weight,
                        bias.as_deref(),
                        outputs,
                        inputs,
                        kernel,
                    )));
                    shape = Shape::Spatial {
                        side,
                        channels: outputs,
                    };
                }
                Layer::MaxPool(_) => {
                    let Shape::Spatial { side, channels } = shape else {
                        unreachable!("validated")
                    };
                    steps.push(Step::Pool);
                    shape = Shape::Spatial {
                        side: side / 2,
                        channels,
                    };
                }
                Layer::Dropout(_) => {}
                Layer::Dense(dense) => {
                    let [inputs, outputs] = dense.weight.val().dims();
                    assert_eq!(inputs, shape.len());
                    let mut weight = values(dense.weight.val());
                    if let Shape::Spatial { side, channels } = shape {
                        // burn flattens [C, H, W]; these activations are [H, W, C].
                        let plane = side * side;
                        let mut nhwc = vec![0.0; weight.len()];
                        for c in 0..channels {
                            for p in 0..plane {
                                let from = (c * plane + p) * outputs;
                                let to = (p * channels + c) * outputs;
                                nhwc[to..to + outputs]
                                    .copy_from_slice(&weight[from..from + outputs]);
                            }
                        }
                        weight = nhwc;
                    }
                    let bias = dense
                        .bias
                        .as_ref()
                        .map_or_else(|| vec![0.0; outputs], |b| values(b.val()));
                    steps.push(Step::Dense {
                        weight,
                        bias,
                        outputs,
                        relu: Some(i) != last_dense,
                    });
                    shape = Shape::Flat(outputs);
                }
            }
        }
        Some(CpuNet {
            pixel_scale,
            pixel_shift,
            portable: false,
            steps,
            outputs: shape.len(),
        })
    }

    /// [`Self::pack`] when `device` is the CPU backend's (the only one this net serves);
    /// `None` elsewhere, or for a network it has no kernel for.
    pub fn for_device(model: &KeypointCnn, device: &Device, pixel_scale: f32) -> Option<Self> {
        crate::backend::is_cpu(device)
            .then(|| Self::pack(model, pixel_scale))
            .flatten()
    }

    /// The same net computing with the same rounding on every CPU: its output for given
    /// pixels is the same bits natively and in the browser's engine (several times slower).
    pub fn portable(mut self) -> Self {
        self.portable = true;
        self
    }

    /// Outputs per face (30 for a keypoint model).
    pub fn outputs(&self) -> usize {
        self.outputs
    }

    /// The network's output for `n` faces of 96×96 gray pixels: what the burn model's
    /// `forward` gives for the same faces normalised.
    ///
    /// # Shapes
    /// - `pixels`: `[n, 96, 96]` bytes
    /// - returns: `[n, outputs]`
    pub fn forward(&self, pixels: &[u8]) -> Vec<f32> {
        assert_eq!(pixels.len() % IMAGE_PIXELS, 0);
        let n = pixels.len() / IMAGE_PIXELS;
        let (scale, shift) = (self.pixel_scale, self.pixel_shift);
        let mut x: Vec<f32> = pixels
            .iter()
            .map(|&p| f32::from(p) * scale + shift)
            .collect();
        let mut shape = Shape::Spatial {
            side: IMAGE_SIDE,
            channels: 1,
        };
        for step in &self.steps {
            match (step, shape) {
                (Step::Affine { scale, shift }, _) => affine(&mut x, scale, shift),
                (Step::Conv(conv), Shape::Spatial { side, .. }) => {
                    x = conv.forward(&x, n, side, self.portable);
                    shape = Shape::Spatial {
                        side,
                        channels: conv.outputs(),
                    };
                }
                (Step::Pool, Shape::Spatial { side, channels }) => {
                    x = max_pool_2x2(&x, n, side, channels);
                    shape = Shape::Spatial {
                        side: side / 2,
                        channels,
                    };
                }
                (
                    Step::Dense {
                        weight,
                        bias,
                        outputs,
                        relu: with_relu,
                    },
                    _,
                ) => {
                    let inputs = shape.len();
                    let mut y: Vec<f32> = bias.iter().copied().cycle().take(n * outputs).collect();
                    match self.portable {
                        true => add_product_portable(&mut y, &x, weight, n, inputs, *outputs),
                        false => add_product(&mut y, &x, weight, n, inputs, *outputs, true),
                    }
                    if *with_relu {
                        relu(&mut y);
                    }
                    x = y;
                    shape = Shape::Flat(*outputs);
                }
                (_, Shape::Flat(_)) => unreachable!("packed from a validated model"),
            }
        }
        x
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::{face_batch, images_tensor};
    use crate::data::FaceSet;
    use crate::keypoints::NUM_COORDS;
    use crate::model::ModelConfig;
    use crate::model_file::Checkpoint;
    use crate::normalize::Normalization;
    use crate::train::{OptimizerSpec, optimizer, train_step};
    use burn::module::Module;

    fn faces(n: usize) -> FaceSet {
        let mut faces = FaceSet::default();
        for i in 0..n {
            let image: Vec<u8> = (0..IMAGE_PIXELS)
                .map(|p| ((p * 7 + i * 131 + (p >> 6)) % 256) as u8)
                .collect();
            let coords: Vec<f32> = (0..NUM_COORDS).map(|c| 30.0 + (c * 3 + i) as f32).collect();
            faces.push(i as u32, &image, &coords);
        }
        faces
    }

    /// The packed network's output against burn's, same faces.
    fn assert_same(model: &KeypointCnn, norm: &Normalization, faces: &FaceSet) {
        let device = Device::flex();
        let rows: Vec<usize> = (0..faces.len()).collect();
        let want = values(model.forward(images_tensor(faces, &rows, norm, &device)));
        let net = CpuNet::pack(model, norm.pixel_scale).unwrap();
        for net in [net.clone(), net.portable()] {
            let got = net.forward(&faces.images);
            assert_eq!(got.len(), want.len());
            let worst = got
                .iter()
                .zip(&want)
                .map(|(g, w)| (g - w).abs() / w.abs().max(1.0))
                .fold(0.0, f32::max);
            assert!(
                worst < 1e-4,
                "packed vs burn (portable {}): worst relative difference {worst}",
                net.portable
            );
        }
    }

    #[test]
    fn the_shipped_model_predicts_as_burn_does() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/models/default.fpk");
        let checkpoint = Checkpoint::from_bytes(&std::fs::read(path).unwrap()).unwrap();
        let norm = checkpoint.meta.normalization.clone();
        let model = checkpoint.into_model(&Device::flex()).unwrap().valid();
        assert_same(&model, &norm, &faces(3));
    }

    #[test]
    fn every_study_model_after_a_training_step_predicts_as_burn_does() {
        // One step moves the batch norms' running statistics off their initial 0 and 1, so
        // the folding is exercised; 5×5 kernels, flat batch norms and odd sides come with
        // Model 3.
        let device = Device::flex().autodiff();
        let norm = Normalization::default();
        let data = faces(4);
        for name in crate::model::PRESETS {
            let model = ModelConfig::preset(name).unwrap().init(&device).unwrap();
            let mut optim = optimizer(&OptimizerSpec::default());
            let (model, _) = train_step(
                model,
                &mut optim,
                face_batch(&data, &[0, 1, 2, 3], &norm, &device),
                1e-3,
            );
            assert_same(&model.valid(), &norm, &faces(2));
        }
    }

    #[test]
    fn an_even_kernel_is_left_to_burn() {
        use crate::model::LayerSpec::*;
        let config = ModelConfig::new(
            "even".into(),
            vec![
                Conv {
                    filters: 2,
                    kernel: 4,
                },
                MaxPool,
                Flatten,
                Dense { units: 30 },
            ],
        );
        let model = config.init(&Device::flex()).unwrap();
        assert!(CpuNet::pack(&model, 1.0 / 255.0).is_none());
    }

    #[test]
    fn a_nan_weight_gives_nan_keypoints_as_in_burn() {
        let device = Device::flex();
        let model = ModelConfig::preset("model2")
            .unwrap()
            .init(&device)
            .unwrap();
        let mut net = CpuNet::pack(&model, 1.0 / 255.0).unwrap();
        net.pixel_shift = f32::NAN;
        assert!(net.forward(&faces(1).images).iter().all(|v| v.is_nan()));
    }
}
