//! Training on the real sample lowers validation RMSE; the saved model predicts exactly what
//! the trained one did; a checkpoint for another architecture is refused clearly.

use std::path::Path;

use burn::tensor::Device;
use facepoints::checkpoint::{Checkpoint, CheckpointError, CheckpointMeta, save_to_bytes};
use facepoints::data::groups::read_person_groups;
use facepoints::data::source::open_file;
use facepoints::data::{FaceSet, grouped_split, read_faces_file};
use facepoints::eval::Rmse;
use facepoints::model::ModelConfig;
use facepoints::normalize::Normalization;
use facepoints::predict::predict;
use facepoints::train::{TrainEvent, TrainingConfig, train};

fn sample_split() -> (FaceSet, FaceSet) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ytf_sample");
    let faces = read_faces_file(&dir.join("training.csv.gz")).unwrap();
    let groups =
        read_person_groups(open_file(&dir.join("meta.csv.gz")).unwrap(), "training").unwrap();
    let split = grouped_split(&groups, 0.2, 7);
    (faces.subset(&split.train), faces.subset(&split.valid))
}

#[test]
fn training_model3_reduces_validation_rmse_and_checkpoints_exactly() {
    let (train_set, valid_set) = sample_split();
    let device = Device::flex();
    let norm = Normalization::default();
    let config = TrainingConfig::new(ModelConfig::preset("model3").unwrap())
        .with_epochs(4)
        .with_batch_size(16)
        .with_learning_rate(2e-3)
        .with_patience(0)
        .with_seed(3);

    device.seed(3);
    let untrained = config.model.init(&device).unwrap();
    let before = pollster::block_on(predict(&untrained, &valid_set, &norm, 64, &device)).unwrap();
    let before = Rmse::score(&before, &valid_set).overall;

    let mut epochs = Vec::new();
    let mut batches = 0;
    let trained = pollster::block_on(train(
        &config,
        &norm,
        &train_set,
        &valid_set,
        &device,
        &mut |e| match e {
            TrainEvent::Epoch { valid_rmse, .. } => epochs.push(*valid_rmse),
            TrainEvent::Batch { .. } => batches += 1,
            TrainEvent::EarlyStop { .. } => {}
        },
    ))
    .unwrap();
    assert_eq!(epochs.len(), 4);
    assert!(batches >= 4 * (train_set.len() / 16));
    assert!(
        trained.best_rmse < 0.6 * before,
        "validation RMSE {before:.3} px untrained → {:.3} px after training ({epochs:?})",
        trained.best_rmse
    );
    let best = epochs.iter().copied().fold(f64::INFINITY, f64::min);
    assert_eq!(trained.best_rmse, best, "the best epoch's weights are kept");

    let after =
        pollster::block_on(predict(&trained.model, &valid_set, &norm, 64, &device)).unwrap();
    assert!((Rmse::score(&after, &valid_set).overall - trained.best_rmse).abs() < 1e-4);

    let meta = CheckpointMeta {
        model: config.model.clone(),
        normalization: norm.clone(),
        summary: None,
    };
    let bytes = save_to_bytes(trained.model, &meta).unwrap();
    let loaded = Checkpoint::from_bytes(&bytes)
        .unwrap()
        .into_model(&device)
        .unwrap();
    let reloaded = pollster::block_on(predict(&loaded, &valid_set, &norm, 64, &device)).unwrap();
    let max_diff = after
        .iter()
        .zip(&reloaded)
        .map(|(a, b)| (a - b).abs())
        .fold(0.0, f32::max);
    assert!(max_diff < 1e-4, "reloaded predictions differ by {max_diff}");
}

#[test]
fn checkpoint_of_another_architecture_is_refused() {
    let device = Device::flex();
    let model2 = ModelConfig::preset("model2").unwrap();
    let meta = CheckpointMeta {
        model: ModelConfig::preset("model3").unwrap(),
        normalization: Normalization::default(),
        summary: None,
    };
    let bytes = save_to_bytes(model2.init(&device).unwrap(), &meta).unwrap();
    let err = Checkpoint::from_bytes(&bytes)
        .unwrap()
        .into_model(&device)
        .err()
        .unwrap();
    assert!(matches!(err, CheckpointError::Architecture { .. }), "{err}");
    assert!(
        err.to_string()
            .starts_with("the weights do not fit the model `model3`"),
        "{err}"
    );
}

#[test]
fn nan_loss_is_reported_not_trained_on() {
    let (train_set, valid_set) = sample_split();
    let config = TrainingConfig::new(ModelConfig::preset("model2").unwrap())
        .with_epochs(2)
        .with_learning_rate(1e12)
        .with_optimizer(facepoints::train::OptimizerSpec::Sgd {
            momentum: 0.9,
            nesterov: false,
        });
    let result = pollster::block_on(train(
        &config,
        &Normalization::default(),
        &train_set.subset(&(0..64).collect::<Vec<_>>()),
        &valid_set,
        &Device::flex(),
        &mut |_| {},
    ));
    let err = result.err().expect("an absurd learning rate must blow up");
    let msg = err.to_string();
    assert!(
        msg.contains("became") && msg.contains("lower the learning rate"),
        "{msg}"
    );
}

#[test]
fn augmentation_multiplier_adds_fresh_variants_each_epoch() {
    use facepoints::augment::{AugmentConfig, AugmentMode};
    let (train_set, valid_set) = sample_split();
    let small = train_set.subset(&(0..40).collect::<Vec<_>>());
    let run = |mode: Option<AugmentMode>| {
        let mut config = TrainingConfig::new(ModelConfig::preset("model2").unwrap())
            .with_epochs(2)
            .with_batch_size(8)
            .with_patience(0);
        if let Some(mode) = mode {
            config = config
                .with_augment(Some(AugmentConfig::default()))
                .with_augment_mode(mode);
        }
        let mut batches = 0;
        let trained = pollster::block_on(train(
            &config,
            &Normalization::default(),
            &small,
            &valid_set,
            &Device::flex(),
            &mut |e| {
                if let TrainEvent::Batch { .. } = e {
                    batches += 1
                }
            },
        ))
        .unwrap();
        (batches, trained.history)
    };
    let (plain, _) = run(None);
    let (doubled, history) = run(Some(AugmentMode::Multiplier { k: 1 }));
    let (tripled, _) = run(Some(AugmentMode::Multiplier { k: 2 }));
    let (fly, _) = run(Some(AugmentMode::OnTheFly));
    assert_eq!(plain, 2 * 5);
    assert_eq!(doubled, 2 * 10);
    assert_eq!(tripled, 2 * 15);
    assert_eq!(fly, 2 * 5);
    assert!(history.iter().all(|h| h.valid_rmse.is_finite()));
}
