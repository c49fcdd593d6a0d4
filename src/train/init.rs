//! Where a run's weights start: the architecture's random initialisation, or a trained
//! model's weights (`TrainingConfig::init`: fine-tuning, `facepoints train --init MODEL`).

use burn::tensor::Device;
use serde::{Deserialize, Serialize};

use super::TrainingConfig;
use super::events::TrainError;
use crate::model::KeypointCnn;
use crate::model_file::Checkpoint;

/// A trained model's weights to start a run from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InitialWeights {
    /// Where they come from, as the run's record names it (a file's path, a run's name); a
    /// configuration file that names a path and no bytes is given the file's bytes by the
    /// command line.
    pub from: String,
    /// The `.fpk` file's bytes (not written into the configuration's JSON).
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

impl InitialWeights {
    /// The weights of the `.fpk` file `bytes`, named `from`.
    pub fn new(from: impl Into<String>, bytes: Vec<u8>) -> Self {
        InitialWeights {
            from: from.into(),
            bytes,
        }
    }

    /// Makes `config` train these weights' architecture with their scaling (what a run that
    /// names only the model to start from trains): refused with the reason when they are not
    /// a model file.
    pub fn adopt(&self, config: &mut TrainingConfig) -> Result<(), TrainError> {
        let meta = Checkpoint::from_bytes(&self.bytes)
            .map_err(|e| TrainError::Init(format!("{}: {e}", self.from)))?
            .meta;
        (config.model, config.normalization) = (meta.model, meta.normalization);
        Ok(())
    }

    /// The model to train, on `device` (an autodiff device), with these weights: refused with
    /// the reason when they are not a model of `config`'s architecture and scaling.
    pub fn model(
        &self,
        config: &TrainingConfig,
        device: &Device,
    ) -> Result<KeypointCnn, TrainError> {
        let refuse = |why: String| TrainError::Init(format!("{}: {why}", self.from));
        if self.bytes.is_empty() {
            return Err(refuse("no model file was read".into()));
        }
        let checkpoint = Checkpoint::from_bytes(&self.bytes).map_err(|e| refuse(e.to_string()))?;
        let (have, want) = (&checkpoint.meta.model, &config.model);
        if have != want {
            let differs = if have.name != want.name {
                format!("it is {}, and this run trains {}", have.name, want.name)
            } else {
                format!(
                    "its {} has other layers than the one this run trains",
                    have.name
                )
            };
            return Err(refuse(format!(
                "{differs}: start from a model of the same architecture (or train without --init)"
            )));
        }
        if checkpoint.meta.normalization != config.normalization {
            return Err(refuse(
                "it scales pixels or coordinates differently from this run's normalization".into(),
            ));
        }
        checkpoint
            .into_trainable(device)
            .map_err(|e| refuse(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LayerSpec, ModelConfig};
    use crate::model_file::{CheckpointMeta, save_to_bytes};

    fn tiny(name: &str, filters: usize) -> ModelConfig {
        ModelConfig::new(
            name.into(),
            vec![
                LayerSpec::Conv { filters, kernel: 3 },
                LayerSpec::MaxPool,
                LayerSpec::Flatten,
                LayerSpec::Dense { units: 30 },
            ],
        )
    }

    fn saved(model: &ModelConfig) -> Vec<u8> {
        let meta = CheckpointMeta {
            model: model.clone(),
            normalization: Default::default(),
            summary: None,
        };
        save_to_bytes(model.init(&Device::flex()).unwrap(), &meta).unwrap()
    }

    #[test]
    fn a_model_of_the_same_architecture_starts_the_run_with_its_weights() {
        let model = tiny("tiny", 2);
        let bytes = saved(&model);
        let init = InitialWeights::new("base.fpk", bytes.clone());
        let config = TrainingConfig::new(model.clone());
        let started = init.model(&config, &Device::flex().autodiff()).unwrap();
        let meta = Checkpoint::from_bytes(&bytes).unwrap().meta;
        assert_eq!(
            save_to_bytes(started, &meta).unwrap(),
            bytes,
            "the run starts from exactly the file's weights"
        );
    }

    #[test]
    fn another_architecture_an_empty_or_broken_file_is_refused_with_why() {
        let device = Device::flex().autodiff();
        let config = TrainingConfig::new(tiny("tiny", 2));
        let named = InitialWeights::new("m2.fpk", saved(&tiny("other", 2)));
        let err = named.model(&config, &device).unwrap_err().to_string();
        assert!(
            err.contains("m2.fpk: it is other, and this run trains tiny"),
            "{err}"
        );
        let layers = InitialWeights::new("m3.fpk", saved(&tiny("tiny", 4)));
        let err = layers.model(&config, &device).unwrap_err().to_string();
        assert!(err.contains("m3.fpk: its tiny has other layers"), "{err}");
        let empty = InitialWeights::new("none.fpk", Vec::new());
        let err = empty.model(&config, &device).unwrap_err().to_string();
        assert!(err.contains("none.fpk: no model file was read"), "{err}");
        let broken = InitialWeights::new("x.fpk", b"not a model".to_vec());
        let err = broken.model(&config, &device).unwrap_err().to_string();
        assert!(err.starts_with("the initial weights x.fpk: "), "{err}");
    }

    #[test]
    fn adopting_a_model_takes_its_architecture() {
        let mut config = TrainingConfig::new(tiny("tiny", 2));
        let init = InitialWeights::new("other.fpk", saved(&tiny("other", 3)));
        init.adopt(&mut config).unwrap();
        assert_eq!(config.model, tiny("other", 3));
        init.model(&config, &Device::flex().autodiff()).unwrap();
        let broken = InitialWeights::new("x.fpk", b"FPKM".to_vec());
        let err = broken.adopt(&mut config).unwrap_err().to_string();
        assert!(err.starts_with("the initial weights x.fpk: "), "{err}");
    }

    #[test]
    fn the_configuration_json_names_the_file_and_holds_no_bytes() {
        let mut config = TrainingConfig::new(tiny("tiny", 2));
        config.init = Some(InitialWeights::new("base.fpk", vec![1, 2, 3]));
        let json = serde_json::to_value(&config).unwrap();
        assert_eq!(json["init"], serde_json::json!({ "from": "base.fpk" }));
        let back: TrainingConfig = serde_json::from_value(json).unwrap();
        assert_eq!(back.init, Some(InitialWeights::new("base.fpk", Vec::new())));
    }
}
