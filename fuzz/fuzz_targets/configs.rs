//! The JSON configurations a user writes or imports: training settings, augmentation
//! settings and model architectures (`--config`, `--augment-config`, `--model`, the page's
//! imports), read strictly. Whatever is accepted must validate and survive a round trip
//! unchanged: a setting read one way and written another would be a silent change.
#![no_main]

use facepoints::augment::AugmentConfig;
use facepoints::model::ModelConfig;
use facepoints::strict_json;
use facepoints::train::TrainingConfig;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(config) = strict_json::from_str::<TrainingConfig>(text) {
        if config.validate().is_ok() {
            let again: TrainingConfig =
                strict_json::from_str(&serde_json::to_string(&config).unwrap())
                    .expect("a written training config reads back");
            assert_eq!(
                serde_json::to_value(&config).unwrap(),
                serde_json::to_value(&again).unwrap()
            );
        }
    }
    if let Ok(config) = strict_json::from_str::<AugmentConfig>(text) {
        if config.validate().is_ok() {
            let again: AugmentConfig =
                strict_json::from_str(&serde_json::to_string(&config).unwrap())
                    .expect("a written augmentation config reads back");
            assert_eq!(config, again);
        }
    }
    if let Ok(model) = ModelConfig::from_spec(text) {
        let again = ModelConfig::from_spec(&serde_json::to_string(&model).unwrap())
            .expect("a written model config reads back");
        assert_eq!(
            serde_json::to_value(&model).unwrap(),
            serde_json::to_value(&again).unwrap()
        );
        // A valid architecture has a parameter count and a budget it fits.
        let _ = model.shapes();
    }
});
