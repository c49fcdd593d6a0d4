//! `AugmentConfig`: which augmentations run, how often and over what range. Its defaults are
//! the study's table; the same JSON drives the CLI and the page.

use burn::config::Config;
use serde::{Deserialize, Serialize};

/// The seven augmentations, in the study's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AugmentKind {
    /// Rotation about the centre; range in degrees.
    Rotate,
    /// Zoom about the centre; range of factors.
    Scale,
    /// CLAHE; range of clip limits.
    Clahe,
    /// Gaussian blur; range of sigma (pixels).
    Blur,
    /// Additive Gaussian noise; range of its standard deviation (0–255 units).
    Noise,
    /// Crop each side independently then resize back; range of the fraction cut per side.
    Crop,
    /// Left-right flip (keypoint names swap); range unused.
    Flip,
}

impl AugmentKind {
    /// All seven.
    pub const ALL: [AugmentKind; 7] = [
        AugmentKind::Rotate,
        AugmentKind::Scale,
        AugmentKind::Clahe,
        AugmentKind::Blur,
        AugmentKind::Noise,
        AugmentKind::Crop,
        AugmentKind::Flip,
    ];

    /// Whether it moves pixels (and so keypoints).
    pub fn is_geometric(self) -> bool {
        matches!(
            self,
            AugmentKind::Rotate | AugmentKind::Scale | AugmentKind::Crop | AugmentKind::Flip
        )
    }

    /// The name used in configs and tables.
    pub fn name(self) -> &'static str {
        match self {
            AugmentKind::Rotate => "rotate",
            AugmentKind::Scale => "scale",
            AugmentKind::Clahe => "clahe",
            AugmentKind::Blur => "blur",
            AugmentKind::Noise => "noise",
            AugmentKind::Crop => "crop",
            AugmentKind::Flip => "flip",
        }
    }

    /// The kind named `name`.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// One augmentation's settings: applied with `probability`, its parameter drawn uniformly
/// from `[low, high]`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct OpConfig {
    /// Whether it runs at all.
    pub enabled: bool,
    /// Chance it is applied to a sample.
    pub probability: f64,
    /// Lowest parameter value.
    pub low: f64,
    /// Highest parameter value.
    pub high: f64,
}

impl OpConfig {
    /// Enabled, with probability `p` over `[low, high]`.
    pub const fn new(probability: f64, low: f64, high: f64) -> Self {
        OpConfig {
            enabled: true,
            probability,
            low,
            high,
        }
    }
}

/// The augmentation pipeline: seven operations applied in a random order per sample.
#[derive(Config, Debug, PartialEq)]
pub struct AugmentConfig {
    /// Rotation, degrees.
    #[config(default = "OpConfig::new(1.0, -10.0, 10.0)")]
    pub rotate: OpConfig,
    /// Zoom factor.
    #[config(default = "OpConfig::new(1.0, 0.8, 1.2)")]
    pub scale: OpConfig,
    /// CLAHE clip limit.
    #[config(default = "OpConfig::new(0.8, 1.0, 10.0)")]
    pub clahe: OpConfig,
    /// CLAHE tile grid (tiles per side), drawn uniformly from this inclusive range, as imgaug's
    /// default (3, 12).
    #[config(default = "(3, 12)")]
    pub clahe_tiles: (usize, usize),
    /// Gaussian blur sigma, pixels.
    #[config(default = "OpConfig::new(1.0, 0.0, 2.0)")]
    pub blur: OpConfig,
    /// Gaussian noise standard deviation, 0–255 units (0.1 · 255 at most).
    #[config(default = "OpConfig::new(0.5, 0.0, 25.5)")]
    pub noise: OpConfig,
    /// Fraction cut from each side.
    #[config(default = "OpConfig::new(0.5, 0.0, 0.1)")]
    pub crop: OpConfig,
    /// Left-right flip.
    #[config(default = "OpConfig::new(0.8, 0.0, 0.0)")]
    pub flip: OpConfig,
}

impl Default for AugmentConfig {
    fn default() -> Self {
        Self::new()
    }
}

impl AugmentConfig {
    /// The settings of `kind`.
    pub fn op(&self, kind: AugmentKind) -> &OpConfig {
        match kind {
            AugmentKind::Rotate => &self.rotate,
            AugmentKind::Scale => &self.scale,
            AugmentKind::Clahe => &self.clahe,
            AugmentKind::Blur => &self.blur,
            AugmentKind::Noise => &self.noise,
            AugmentKind::Crop => &self.crop,
            AugmentKind::Flip => &self.flip,
        }
    }

    /// Mutable settings of `kind`.
    pub fn op_mut(&mut self, kind: AugmentKind) -> &mut OpConfig {
        match kind {
            AugmentKind::Rotate => &mut self.rotate,
            AugmentKind::Scale => &mut self.scale,
            AugmentKind::Clahe => &mut self.clahe,
            AugmentKind::Blur => &mut self.blur,
            AugmentKind::Noise => &mut self.noise,
            AugmentKind::Crop => &mut self.crop,
            AugmentKind::Flip => &mut self.flip,
        }
    }

    /// The same settings with only `kind` disabled.
    pub fn without(&self, kind: AugmentKind) -> Self {
        let mut out = self.clone();
        out.op_mut(kind).enabled = false;
        out
    }

    /// The variants an ablation trains, named: no augmentation, all seven (these
    /// settings), and all but each one in turn (`all but rotate`, …).
    pub fn ablation(&self) -> Vec<(String, Option<AugmentConfig>)> {
        let mut variants = vec![
            ("none".to_string(), None),
            ("all seven".to_string(), Some(self.clone())),
        ];
        for kind in AugmentKind::ALL {
            variants.push((format!("all but {}", kind.name()), Some(self.without(kind))));
        }
        variants
    }

    /// Checks probabilities and ranges.
    pub fn validate(&self) -> Result<(), String> {
        for kind in AugmentKind::ALL {
            let op = self.op(kind);
            if !(0.0..=1.0).contains(&op.probability) {
                return Err(format!(
                    "{}: probability {} not in [0, 1]",
                    kind.name(),
                    op.probability
                ));
            }
            if !(op.low.is_finite() && op.high.is_finite() && op.low <= op.high) {
                return Err(format!(
                    "{}: range [{}, {}] is not ordered",
                    kind.name(),
                    op.low,
                    op.high
                ));
            }
        }
        // Bounds that keep every operation meaningful and its cost small (a blur sigma of a
        // billion would ask for a kernel of billions of taps).
        let bounds = [
            (AugmentKind::Rotate, -180.0, 180.0, "degrees"),
            (AugmentKind::Scale, 0.0, 4.0, "(a zoom factor)"),
            (AugmentKind::Clahe, 0.0, 256.0, "(a clip limit)"),
            (AugmentKind::Blur, 0.0, 16.0, "pixels"),
            (AugmentKind::Noise, 0.0, 255.0, "(0–255 units)"),
        ];
        for (kind, min, max, unit) in bounds {
            let op = self.op(kind);
            if op.enabled && (op.low < min || op.high > max) {
                return Err(format!(
                    "{}: range [{}, {}] must lie within [{min}, {max}] {unit}",
                    kind.name(),
                    op.low,
                    op.high
                ));
            }
        }
        if self.scale.enabled && self.scale.low <= 0.0 {
            return Err("scale: factors must be positive".into());
        }
        if self.crop.enabled && !(0.0..0.5).contains(&self.crop.high) || self.crop.low < 0.0 {
            return Err("crop: the fraction per side must be below 0.5".into());
        }
        if self.clahe_tiles.0 == 0 || self.clahe_tiles.0 > self.clahe_tiles.1 {
            return Err("clahe_tiles: need 1 ≤ low ≤ high".into());
        }
        Ok(())
    }
}

/// How augmented data enters an epoch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum AugmentMode {
    /// Every epoch sees each face once, freshly augmented.
    OnTheFly,
    /// Every epoch sees each original face plus `k` fresh augmented variants of it
    /// (the study's "2×" is `k = 1`).
    Multiplier {
        /// Augmented variants per original.
        k: usize,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_study_table() {
        let c = AugmentConfig::default();
        assert_eq!(c.rotate, OpConfig::new(1.0, -10.0, 10.0));
        assert_eq!(c.scale, OpConfig::new(1.0, 0.8, 1.2));
        assert_eq!(c.clahe, OpConfig::new(0.8, 1.0, 10.0));
        assert_eq!(c.blur, OpConfig::new(1.0, 0.0, 2.0));
        assert_eq!(c.noise, OpConfig::new(0.5, 0.0, 25.5));
        assert_eq!(c.crop, OpConfig::new(0.5, 0.0, 0.1));
        assert_eq!(c.flip.probability, 0.8);
        c.validate().unwrap();
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(serde_json::from_str::<AugmentConfig>(&json).unwrap(), c);
        assert!(!c.without(AugmentKind::Blur).blur.enabled);
        assert_eq!(AugmentKind::from_name("clahe"), Some(AugmentKind::Clahe));
    }
}
