//! `ModelConfig`: a CNN described as data — a list of layers — with the study's Models 0–3 as
//! presets. The same JSON is saved beside the weights and shown in the page.

use burn::config::Config;
use serde::{Deserialize, Serialize};

use crate::keypoints::{IMAGE_SIDE, NUM_COORDS};

/// One layer of a keypoint CNN. Convolutions and all dense layers but the last are followed
/// by a ReLU.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum LayerSpec {
    /// Batch normalisation over channels (spatial) or features (flat).
    BatchNorm,
    /// 2-D convolution, "same" padding, stride 1.
    Conv {
        /// Output channels.
        filters: usize,
        /// Square kernel side.
        kernel: usize,
    },
    /// 2×2 max pooling, stride 2.
    MaxPool,
    /// Dropout while training.
    Dropout {
        /// Probability of zeroing an activation.
        prob: f64,
    },
    /// Flatten `[B, C, H, W]` to `[B, C·H·W]`.
    Flatten,
    /// Fully connected layer.
    Dense {
        /// Output features.
        units: usize,
    },
}

/// A keypoint CNN: input `[B, 1, 96, 96]`, output `[B, 30]`.
#[derive(Config, Debug, PartialEq)]
pub struct ModelConfig {
    /// A short name, e.g. `model3`.
    pub name: String,
    /// The layers, in order; the last must be `Dense { units: 30 }`.
    pub layers: Vec<LayerSpec>,
}

/// The study's model names, in order.
pub const PRESETS: [&str; 4] = ["model0", "model1", "model2", "model3"];

impl ModelConfig {
    /// One of the study's Models 0–3 by name (`model0`…`model3`, or `0`…`3`).
    ///
    /// Dropout rates are not stated by the study; these are ours (0.25 for the dense-heavy
    /// Models 0/1, 0.2 for Model 2, 0.1 between Model 3's convolution blocks).
    pub fn preset(name: &str) -> Option<Self> {
        use LayerSpec::*;
        let conv = |filters, kernel| Conv { filters, kernel };
        let name = name.trim_start_matches("model");
        let layers = match name {
            "0" => vec![
                BatchNorm,
                conv(32, 3),
                conv(64, 3),
                MaxPool,
                Dropout { prob: 0.25 },
                Flatten,
                Dense { units: 96 },
                Dense { units: 30 },
            ],
            "1" => vec![
                BatchNorm,
                conv(32, 3),
                conv(64, 3),
                BatchNorm,
                MaxPool,
                conv(96, 3),
                BatchNorm,
                Flatten,
                Dense { units: 32 },
                Dropout { prob: 0.25 },
                Dense { units: 30 },
            ],
            "2" => {
                let mut layers = vec![BatchNorm];
                for filters in [16, 32, 64, 128] {
                    layers.extend([conv(filters, 3), MaxPool, BatchNorm]);
                }
                layers.extend([
                    Flatten,
                    Dense { units: 96 },
                    Dropout { prob: 0.2 },
                    Dense { units: 30 },
                ]);
                layers
            }
            "3" => {
                let mut layers = vec![BatchNorm];
                for (filters, kernel) in [(32, 5), (32, 5), (48, 5), (64, 3)] {
                    layers.extend([
                        conv(filters, kernel),
                        MaxPool,
                        BatchNorm,
                        Dropout { prob: 0.1 },
                    ]);
                }
                layers.extend([
                    conv(64, 3),
                    MaxPool,
                    BatchNorm,
                    Flatten,
                    Dense { units: 128 },
                    Dense { units: 96 },
                    BatchNorm,
                    Dense { units: 30 },
                ]);
                layers
            }
            _ => return None,
        };
        Some(Self::new(format!("model{name}"), layers))
    }

    /// Checks the layer list describes a valid network and returns the output width of each
    /// layer's features `(channels, side)` before flattening or `(features, 0)` after.
    pub fn validate(&self) -> Result<(), String> {
        let mut channels = 1usize;
        let mut side = IMAGE_SIDE;
        let mut flat = false;
        for (i, layer) in self.layers.iter().enumerate() {
            match *layer {
                LayerSpec::Conv { filters, kernel } => {
                    if flat {
                        return Err(format!("layer {i}: a convolution after flattening"));
                    }
                    if filters == 0 || kernel == 0 {
                        return Err(format!(
                            "layer {i}: a convolution needs filters and a kernel"
                        ));
                    }
                    channels = filters;
                }
                LayerSpec::MaxPool => {
                    if flat || side < 2 {
                        return Err(format!("layer {i}: nothing left to pool"));
                    }
                    side /= 2;
                }
                LayerSpec::Flatten => {
                    if flat {
                        return Err(format!("layer {i}: flattened twice"));
                    }
                    flat = true;
                    channels *= side * side;
                }
                LayerSpec::Dense { units } => {
                    if !flat {
                        return Err(format!("layer {i}: a dense layer before flattening"));
                    }
                    channels = units;
                }
                LayerSpec::Dropout { prob } if !(0.0..1.0).contains(&prob) => {
                    return Err(format!(
                        "layer {i}: dropout probability {prob} not in [0, 1)"
                    ));
                }
                LayerSpec::BatchNorm | LayerSpec::Dropout { .. } => {}
            }
        }
        match self.layers.last() {
            Some(LayerSpec::Dense { units }) if *units == NUM_COORDS && channels == NUM_COORDS => {
                Ok(())
            }
            _ => Err("the last layer must be a dense layer of 30 units".into()),
        }
    }

    /// Parameters as Keras counts them: trainable weights plus batch-norm moving mean and
    /// variance (the study's figures).
    pub fn keras_param_count(&self) -> usize {
        let mut channels = 1usize;
        let mut side = IMAGE_SIDE;
        let mut total = 0usize;
        for layer in &self.layers {
            match *layer {
                LayerSpec::BatchNorm => total += 4 * channels,
                LayerSpec::Conv { filters, kernel } => {
                    total += kernel * kernel * channels * filters + filters;
                    channels = filters;
                }
                LayerSpec::MaxPool => side /= 2,
                LayerSpec::Flatten => channels *= side * side,
                LayerSpec::Dense { units } => {
                    total += channels * units + units;
                    channels = units;
                }
                LayerSpec::Dropout { .. } => {}
            }
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_match_the_study_parameter_counts() {
        let counts: Vec<usize> = PRESETS
            .iter()
            .map(|p| ModelConfig::preset(p).unwrap().keras_param_count())
            .collect();
        assert_eq!(counts, vec![14_177_602, 7_153_762, 543_490, 220_050]);
    }

    #[test]
    fn presets_are_valid_and_round_trip_json() {
        for p in PRESETS {
            let config = ModelConfig::preset(p).unwrap();
            config.validate().unwrap();
            let json = serde_json::to_string(&config).unwrap();
            let back: ModelConfig = serde_json::from_str(&json).unwrap();
            assert_eq!(back, config);
        }
        assert!(ModelConfig::preset("model9").is_none());
    }

    #[test]
    fn invalid_networks_are_refused() {
        let bad = ModelConfig::new("x".into(), vec![LayerSpec::Dense { units: 30 }]);
        assert!(bad.validate().unwrap_err().contains("before flattening"));
        let short = ModelConfig::new(
            "x".into(),
            vec![LayerSpec::Flatten, LayerSpec::Dense { units: 29 }],
        );
        assert!(short.validate().unwrap_err().contains("30 units"));
    }
}
