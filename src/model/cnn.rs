//! `KeypointCnn`: the network a [`ModelConfig`] describes, built from burn layers.

use burn::nn::conv::{Conv2d, Conv2dConfig};
use burn::nn::pool::{MaxPool2d, MaxPool2dConfig};
use burn::nn::{
    BatchNorm, BatchNormConfig, Dropout, DropoutConfig, Linear, LinearConfig, PaddingConfig2d, Relu,
};
use burn::prelude::*;

use super::config::{ConfigError, LayerSpec, ModelConfig};

/// One built layer. Flattening happens before the first `Dense`.
#[derive(Module, Debug)]
pub enum Layer {
    /// Batch normalisation.
    BatchNorm(BatchNorm),
    /// Convolution followed by ReLU.
    Conv(Conv2d),
    /// 2×2 max pooling.
    MaxPool(MaxPool2d),
    /// Dropout.
    Dropout(Dropout),
    /// Dense layer (ReLU after it unless it is the last layer).
    Dense(Linear),
}

/// A keypoint CNN.
#[derive(Module, Debug)]
pub struct KeypointCnn {
    layers: Vec<Layer>,
    activation: Relu,
}

/// Activations between layers: spatial before flattening, flat after.
enum Features {
    Spatial(Tensor<4>),
    Flat(Tensor<2>),
}

impl ModelConfig {
    /// Builds the network on `device` (parameters are initialised lazily on first use).
    pub fn init(&self, device: &Device) -> Result<KeypointCnn, ConfigError> {
        let layers = self
            .shapes()?
            .iter()
            .filter_map(|shape| {
                let inputs = shape.input.channels();
                Some(match shape.spec {
                    LayerSpec::BatchNorm => {
                        Layer::BatchNorm(BatchNormConfig::new(inputs).init(device))
                    }
                    LayerSpec::Conv { filters, kernel } => Layer::Conv(
                        Conv2dConfig::new([inputs, filters], [kernel, kernel])
                            .with_padding(PaddingConfig2d::Same)
                            .init(device),
                    ),
                    LayerSpec::MaxPool => {
                        Layer::MaxPool(MaxPool2dConfig::new([2, 2]).with_strides([2, 2]).init())
                    }
                    LayerSpec::Dropout { prob } => Layer::Dropout(DropoutConfig::new(prob).init()),
                    LayerSpec::Flatten => return None, // done by the first Dense
                    LayerSpec::Dense { units } => {
                        Layer::Dense(LinearConfig::new(inputs, units).init(device))
                    }
                })
            })
            .collect();
        Ok(KeypointCnn {
            layers,
            activation: Relu::new(),
        })
    }
}

impl KeypointCnn {
    /// The built layers, in order (flattening is implicit before the first `Dense`).
    pub fn layers(&self) -> &[Layer] {
        &self.layers
    }

    /// Predicts normalised keypoint coordinates.
    ///
    /// # Shapes
    /// - `images`: `[B, 1, 96, 96]`, normalised pixels
    /// - returns: `[B, 30]`, normalised coordinates
    pub fn forward(&self, images: Tensor<4>) -> Tensor<2> {
        let last = self.layers.len() - 1;
        let mut x = Features::Spatial(images);
        for (i, layer) in self.layers.iter().enumerate() {
            x = match (layer, x) {
                (Layer::BatchNorm(bn), Features::Spatial(t)) => Features::Spatial(bn.forward(t)),
                (Layer::BatchNorm(bn), Features::Flat(t)) => Features::Flat(bn.forward(t)),
                (Layer::Conv(conv), Features::Spatial(t)) => {
                    Features::Spatial(self.activation.forward(super::ops::conv2d(conv, t)))
                }
                (Layer::MaxPool(pool), Features::Spatial(t)) => {
                    Features::Spatial(super::ops::max_pool(pool, t))
                }
                (Layer::Dropout(d), Features::Spatial(t)) => Features::Spatial(d.forward(t)),
                (Layer::Dropout(d), Features::Flat(t)) => Features::Flat(d.forward(t)),
                (Layer::Dense(dense), x) => {
                    let flat = match x {
                        Features::Spatial(t) => t.flatten(1, 3), // [B, C·H·W]
                        Features::Flat(t) => t,
                    };
                    let y = dense.forward(flat);
                    Features::Flat(if i == last {
                        y
                    } else {
                        self.activation.forward(y)
                    })
                }
                (_, Features::Flat(_)) => unreachable!("validated: no spatial layer after Dense"),
            };
        }
        match x {
            Features::Flat(t) => t,
            Features::Spatial(_) => unreachable!("validated: the last layer is Dense"),
        }
    }
}
