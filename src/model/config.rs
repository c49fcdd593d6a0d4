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

    /// The network's shapes: each layer with the features it takes and gives, in one walk of
    /// the layer list (what [`validate`](Self::validate), [`init`](Self::init) and the
    /// parameter count all use). Fails on the first layer that cannot follow the ones before,
    /// or when the network is over the size budget.
    pub fn shapes(&self) -> Result<Vec<LayerShape>, ConfigError> {
        let mut features = Features::Spatial {
            channels: 1,
            side: IMAGE_SIDE,
        };
        let mut shapes = Vec::with_capacity(self.layers.len());
        let mut params = 0usize;
        for (i, &spec) in self.layers.iter().enumerate() {
            let layer = |message: String| ConfigError::Layer { layer: i, message };
            let (output, layer_params) = match (spec, features) {
                (LayerSpec::Conv { filters, kernel }, Features::Spatial { channels, side }) => {
                    if filters == 0 || kernel == 0 {
                        return Err(layer("a convolution needs filters and a kernel".into()));
                    }
                    if kernel > IMAGE_SIDE {
                        return Err(layer(format!(
                            "a {kernel}×{kernel} kernel is larger than the {IMAGE_SIDE}×{IMAGE_SIDE} image"
                        )));
                    }
                    let weights = kernel
                        .checked_mul(kernel)
                        .and_then(|k| k.checked_mul(channels))
                        .and_then(|k| k.checked_mul(filters))
                        .and_then(|k| k.checked_add(filters));
                    (
                        Features::Spatial {
                            channels: filters,
                            side,
                        },
                        weights,
                    )
                }
                (LayerSpec::Conv { .. }, Features::Flat(_)) => {
                    return Err(layer("a convolution after flattening".into()));
                }
                (LayerSpec::MaxPool, Features::Spatial { channels, side }) if side >= 2 => (
                    Features::Spatial {
                        channels,
                        side: side / 2,
                    },
                    Some(0),
                ),
                (LayerSpec::MaxPool, _) => {
                    return Err(layer("nothing left to pool".into()));
                }
                (LayerSpec::Flatten, Features::Spatial { .. }) => {
                    (Features::Flat(features.len()), Some(0))
                }
                (LayerSpec::Flatten, Features::Flat(_)) => {
                    return Err(layer("flattened twice".into()));
                }
                (LayerSpec::Dense { units }, Features::Flat(inputs)) => {
                    if units == 0 {
                        return Err(layer("a dense layer needs at least 1 unit".into()));
                    }
                    let weights = inputs.checked_mul(units).and_then(|w| w.checked_add(units));
                    (Features::Flat(units), weights)
                }
                (LayerSpec::Dense { .. }, Features::Spatial { .. }) => {
                    return Err(layer("a dense layer before flattening".into()));
                }
                (LayerSpec::Dropout { prob }, _) => {
                    if !(0.0..1.0).contains(&prob) {
                        return Err(layer(format!(
                            "dropout probability {prob} is not in [0, 1)"
                        )));
                    }
                    (features, Some(0))
                }
                (LayerSpec::BatchNorm, _) => (features, Some(4 * features.channels())),
            };
            params = layer_params
                .and_then(|p| params.checked_add(p))
                .filter(|&p| p <= MAX_PARAMETERS)
                .ok_or(ConfigError::TooManyParameters { layer: i })?;
            if output.len() > MAX_FEATURES_PER_FACE {
                return Err(ConfigError::TooManyFeatures {
                    layer: i,
                    features: output.len(),
                });
            }
            shapes.push(LayerShape {
                spec,
                input: features,
                output,
                params: layer_params.unwrap_or(0),
            });
            features = output;
        }
        match (self.layers.last(), features) {
            (Some(LayerSpec::Dense { .. }), Features::Flat(NUM_COORDS)) => Ok(shapes),
            _ => Err(ConfigError::Output),
        }
    }

    /// A preset name (see [`ModelConfig::preset`]) or a `ModelConfig` JSON, checked: the
    /// CLI's `--model` (a preset or a file's text) and the page's model field.
    pub fn from_spec(spec: &str) -> Result<Self, String> {
        if let Some(preset) = Self::preset(spec) {
            return Ok(preset);
        }
        let config: Self =
            crate::strict_json::from_str(spec).map_err(|e| format!("model JSON: {e}"))?;
        config.validate().map_err(|e| e.to_string())?;
        Ok(config)
    }

    /// Checks the layer list describes a valid network within the size budget.
    pub fn validate(&self) -> Result<(), ConfigError> {
        self.shapes().map(drop)
    }

    /// Parameters as Keras counts them: trainable weights plus batch-norm moving mean and
    /// variance (the study's figures). Zero for an invalid network.
    pub fn keras_param_count(&self) -> usize {
        self.shapes()
            .map(|shapes| shapes.iter().map(|s| s.params).sum())
            .unwrap_or(0)
    }
}

/// The most parameters a network may have (Model 0, the study's largest, has 14.2 million).
pub const MAX_PARAMETERS: usize = 64_000_000;
/// The most activations one layer may give per face (Model 0's largest: 590 thousand): a
/// batch of 32 then needs at most 2 GB for one layer's output.
pub const MAX_FEATURES_PER_FACE: usize = 1 << 24;

/// What flows between layers for one face.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Features {
    /// `[channels, side, side]`, before flattening.
    Spatial {
        /// Channels.
        channels: usize,
        /// Height and width.
        side: usize,
    },
    /// `[features]`, after flattening.
    Flat(usize),
}

impl Features {
    /// Values per face.
    pub fn len(&self) -> usize {
        match *self {
            Features::Spatial { channels, side } => channels * side * side,
            Features::Flat(n) => n,
        }
    }

    /// Whether there are no values.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Channels a batch norm normalises: feature maps before flattening, features after.
    pub fn channels(&self) -> usize {
        match *self {
            Features::Spatial { channels, .. } => channels,
            Features::Flat(n) => n,
        }
    }
}

/// One layer of a valid network with its shapes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayerShape {
    /// The layer.
    pub spec: LayerSpec,
    /// What it takes, per face.
    pub input: Features,
    /// What it gives, per face.
    pub output: Features,
    /// Its parameters as Keras counts them.
    pub params: usize,
}

/// Why a [`ModelConfig`] (or a training setting) cannot be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ConfigError {
    /// One layer cannot follow the ones before it.
    #[error("layer {layer}: {message}")]
    Layer {
        /// 0-based layer index.
        layer: usize,
        /// What is wrong.
        message: String,
    },
    /// The network is over the parameter budget.
    #[error(
        "layer {layer} takes the network over {} million parameters, more than this trains or runs in a browser",
        MAX_PARAMETERS / 1_000_000
    )]
    TooManyParameters {
        /// 0-based layer index.
        layer: usize,
    },
    /// One layer's output is over the activation budget.
    #[error(
        "layer {layer} gives {features} values per face, more than {MAX_FEATURES_PER_FACE} (a batch would not fit in memory)"
    )]
    TooManyFeatures {
        /// 0-based layer index.
        layer: usize,
        /// Its output values per face.
        features: usize,
    },
    /// The network does not end in the 30 coordinates.
    #[error("the last layer must be a dense layer of 30 units")]
    Output,
    /// A training setting is out of range.
    #[error("{0}")]
    Setting(String),
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
        let message = |config: &ModelConfig| config.validate().unwrap_err().to_string();
        assert_eq!(message(&bad), "layer 0: a dense layer before flattening");
        let short = ModelConfig::new(
            "x".into(),
            vec![LayerSpec::Flatten, LayerSpec::Dense { units: 29 }],
        );
        assert!(message(&short).contains("30 units"));
    }

    fn dense(units: usize) -> ModelConfig {
        ModelConfig::new(
            "x".into(),
            vec![
                LayerSpec::MaxPool,
                LayerSpec::Flatten,
                LayerSpec::Dense { units },
                LayerSpec::Dense { units: 30 },
            ],
        )
    }

    #[test]
    fn sizes_are_checked_before_anything_is_built() {
        let message = |config: &ModelConfig| config.validate().unwrap_err().to_string();
        assert_eq!(
            message(&dense(0)),
            "layer 2: a dense layer needs at least 1 unit"
        );
        assert!(
            message(&dense(4_000_000_000))
                .starts_with("layer 2 takes the network over 64 million parameters"),
            "{}",
            message(&dense(4_000_000_000))
        );
        assert!(
            message(&dense(usize::MAX)).starts_with("layer 2 takes the network over"),
            "overflow is a budget error, not a wrap"
        );
        dense(1000).validate().unwrap();
        let wide = ModelConfig::new(
            "x".into(),
            vec![
                LayerSpec::Conv {
                    filters: 4096,
                    kernel: 1,
                },
                LayerSpec::Flatten,
                LayerSpec::Dense { units: 30 },
            ],
        );
        assert!(message(&wide).starts_with("layer 0 gives 37748736 values per face"));
        let big_kernel = ModelConfig::new(
            "x".into(),
            vec![
                LayerSpec::Conv {
                    filters: 1,
                    kernel: 97,
                },
                LayerSpec::Flatten,
                LayerSpec::Dense { units: 30 },
            ],
        );
        assert!(message(&big_kernel).contains("larger than the 96×96 image"));
        let nan = ModelConfig::new(
            "x".into(),
            vec![
                LayerSpec::Dropout { prob: f64::NAN },
                LayerSpec::Flatten,
                LayerSpec::Dense { units: 30 },
            ],
        );
        assert!(message(&nan).contains("dropout probability NaN"));
    }

    #[test]
    fn shapes_follow_the_layers() {
        let shapes = ModelConfig::preset("model2").unwrap().shapes().unwrap();
        assert_eq!(
            shapes[1].output,
            Features::Spatial {
                channels: 16,
                side: 96
            }
        );
        let flatten = shapes
            .iter()
            .find(|s| s.spec == LayerSpec::Flatten)
            .unwrap();
        assert_eq!(flatten.output, Features::Flat(128 * 6 * 6));
        assert_eq!(shapes.last().unwrap().output, Features::Flat(30));
    }
}
