//! The CPU backend (flex) and the GPU backend (wgpu: a real GPU, or lavapipe/SwiftShader on
//! a machine without one) compute the same forward pass.
//!
//! Without any wgpu adapter the test says so and passes, unless FACEPOINTS_REQUIRE_WGPU is
//! set (CI sets it and installs lavapipe), in which case a missing adapter fails it.

use crate::common;

use burn::tensor::Device;
use facepoints::backend::Backend;
use facepoints::data::read_faces_file;
use facepoints::model::ModelConfig;
use facepoints::model_file::{Checkpoint, CheckpointMeta, save_to_bytes};
use facepoints::normalize::Normalization;
use facepoints::predict::predict;

#[test]
fn flex_and_wgpu_agree_on_model3_forward() {
    let gpu = match Backend::wgpu() {
        Ok(gpu) => gpu,
        Err(e) if std::env::var_os("FACEPOINTS_REQUIRE_WGPU").is_none() => {
            eprintln!("no wgpu adapter here, comparison not run: {e}");
            return;
        }
        Err(e) => panic!("FACEPOINTS_REQUIRE_WGPU is set but {e}"),
    };
    eprintln!("comparing flex with {}", gpu.description);
    let faces = read_faces_file(&common::sample())
        .unwrap()
        .subset(&[0, 50, 100, 150, 200, 250]);
    let cpu = Device::flex();
    let config = ModelConfig::preset("model3").unwrap();
    cpu.seed(11);
    let meta = CheckpointMeta {
        model: config.clone(),
        normalization: Normalization::default(),
        summary: None,
    };
    let bytes = save_to_bytes(config.init(&cpu).unwrap(), &meta).unwrap();
    let norm = Normalization::default();
    let on = |device: &Device| {
        let model = Checkpoint::from_bytes(&bytes)
            .unwrap()
            .into_model(device)
            .unwrap();
        pollster::block_on(predict(&model, &faces, &norm, 3, device)).unwrap()
    };
    let (a, b) = (on(&cpu), on(&gpu.device));
    let max_diff = a
        .iter()
        .zip(&b)
        .map(|(x, y)| (x - y).abs())
        .fold(0.0f32, f32::max);
    let spread = a.iter().fold(0.0f32, |m, v| m.max((v - a[0]).abs()));
    assert!(
        spread > 0.01,
        "the outputs vary across faces and coordinates"
    );
    assert!(
        max_diff < 1e-3,
        "flex and {} differ by {max_diff} px",
        gpu.description
    );
}
