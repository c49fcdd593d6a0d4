//! `facepoints train`.

use super::Failure;
use super::{atomic_file, output};
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use facepoints::augment::level;
use facepoints::augment::{AugmentConfig, AugmentMode};
use facepoints::backend::{Backend, BackendKind};
use facepoints::data::FaceSet;
use facepoints::eval::Rmse;
use facepoints::model::{KeypointCnn, ModelConfig};
use facepoints::model_file::save_to_bytes;
use facepoints::normalize::Normalization;
use facepoints::predict::{INFERENCE_BATCH, predict};
use facepoints::train::search::{OptimizerChoice, ScheduleChoice};
use facepoints::train::{
    InitialWeights, LabelPolicy, OptimizerSpec, Trained, TrainingConfig, record_outcome, train,
};

use super::dataset::{DataArgs, SplitData};
use super::progress::Progress;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OptimizerName {
    Adam,
    Sgd,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AugmentModeName {
    Multiplier,
    OnTheFly,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScheduleName {
    Constant,
    Step,
    Cosine,
}

/// Training settings; each flag overrides the same field of --config.
#[derive(Args, Debug, Clone)]
pub struct HyperArgs {
    /// A TrainingConfig JSON file to start from.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// A trained model (.fpk) to start from: its weights are trained on (fine-tuning) instead
    /// of a random start, and its architecture and scaling are the run's unless --model or
    /// --config name them (they must then be the same).
    #[arg(long)]
    pub init: Option<PathBuf>,
    /// A preset (model0…model3) or a ModelConfig JSON file [default: model3].
    #[arg(long)]
    pub model: Option<String>,
    #[arg(long, value_enum)]
    pub optimizer: Option<OptimizerName>,
    /// Base learning rate.
    #[arg(long)]
    pub lr: Option<f64>,
    /// SGD momentum, in [0, 1) [default: 0.9].
    #[arg(long)]
    pub momentum: Option<f64>,
    #[arg(long, value_enum)]
    pub schedule: Option<ScheduleName>,
    #[arg(long)]
    pub batch_size: Option<usize>,
    #[arg(long)]
    pub epochs: Option<usize>,
    /// Early-stopping patience in epochs (0: off).
    #[arg(long)]
    pub patience: Option<usize>,
    /// Stop after the epoch that passes this many minutes.
    #[arg(long)]
    pub max_minutes: Option<f64>,
    /// Train on complete rows only (the study's choice) instead of masking missing labels.
    #[arg(long)]
    pub complete_only: bool,
    /// Level every face by its eye line first, as the photo pipeline frames faces.
    #[arg(long)]
    pub level: bool,
    #[arg(long)]
    pub seed: Option<u64>,
    /// Augment the training faces with the study's pipeline (rotate, scale, CLAHE, blur,
    /// noise, crop, flip at the study's probabilities and ranges).
    #[arg(long)]
    pub augment: bool,
    /// An AugmentConfig JSON file (implies --augment).
    #[arg(long)]
    pub augment_config: Option<PathBuf>,
    /// How augmented faces enter an epoch: each original plus --augment-k variants
    /// (multiplier), or each face once, augmented (on-the-fly) [default: multiplier, or
    /// what --config says].
    #[arg(long, value_enum)]
    pub augment_mode: Option<AugmentModeName>,
    /// Augmented variants per original in multiplier mode (implies --augment-mode multiplier).
    #[arg(long)]
    pub augment_k: Option<usize>,
}

/// Where training computes (apart from the settings: a trial of a plan picks its own).
#[derive(Args, Debug, Clone)]
pub struct BackendArg {
    /// Compute backend.
    #[arg(long, value_enum, default_value_t = BackendKind::Flex)]
    pub backend: BackendKind,
}

impl HyperArgs {
    /// The training settings these flags describe.
    pub fn config(&self) -> Result<TrainingConfig, String> {
        let mut config = match &self.config {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                facepoints::strict_json::from_str(&text)
                    .map_err(|e| format!("{}: {e}", path.display()))?
            }
            None => TrainingConfig::new(ModelConfig::preset("model3").expect("preset")),
        };
        if let Some(model) = &self.model {
            config.model = model_config(model)?;
        }
        if let Some(path) = &self.init {
            let bytes =
                std::fs::read(path).map_err(|e| format!("--init {}: {e}", path.display()))?;
            let init = InitialWeights::new(path.display().to_string(), bytes);
            if self.model.is_none() && self.config.is_none() {
                init.adopt(&mut config)
                    .map_err(|e| format!("--init: {e}"))?;
            }
            config.init = Some(init);
        } else {
            read_init(&mut config)?;
        }
        if let Some(opt) = self.optimizer {
            config.optimizer = match opt {
                OptimizerName::Adam => OptimizerChoice::Adam,
                OptimizerName::Sgd => OptimizerChoice::Sgd,
            }
            .spec();
        }
        if let Some(m) = self.momentum {
            match &mut config.optimizer {
                OptimizerSpec::Sgd { momentum, .. } => *momentum = m,
                OptimizerSpec::Adam { .. } => {
                    return Err("--momentum applies to --optimizer sgd".into());
                }
            }
        }
        if let Some(lr) = self.lr {
            config.learning_rate = lr;
        }
        if let Some(schedule) = self.schedule {
            let choice = match schedule {
                ScheduleName::Constant => ScheduleChoice::Constant,
                ScheduleName::Step => ScheduleChoice::Step,
                ScheduleName::Cosine => ScheduleChoice::Cosine,
            };
            config.schedule = choice.schedule(config.learning_rate);
        }
        config.batch_size = self.batch_size.unwrap_or(config.batch_size);
        config.epochs = self.epochs.unwrap_or(config.epochs);
        config.patience = self.patience.unwrap_or(config.patience);
        config.seed = self.seed.unwrap_or(config.seed);
        if let Some(minutes) = self.max_minutes {
            config.time_budget_secs = Some(minutes * 60.0);
        }
        if let Some(path) = &self.augment_config {
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            config.augment = Some(
                facepoints::strict_json::from_str(&text)
                    .map_err(|e| format!("{}: {e}", path.display()))?,
            );
        } else if self.augment {
            config.augment = Some(AugmentConfig::default());
        }
        // Applied even without --augment: `ablate` and `report` add augmentation per run.
        match (self.augment_mode, self.augment_k) {
            (Some(AugmentModeName::OnTheFly), Some(_)) => {
                return Err("--augment-k applies to --augment-mode multiplier only".into());
            }
            (Some(AugmentModeName::OnTheFly), None) => config.augment_mode = AugmentMode::OnTheFly,
            (Some(AugmentModeName::Multiplier), k) | (None, k @ Some(_)) => {
                config.augment_mode = AugmentMode::Multiplier { k: k.unwrap_or(1) };
            }
            (None, None) => {}
        }
        if self.complete_only {
            config.labels = LabelPolicy::CompleteOnly;
        }
        if self.level {
            config.level = true;
        }
        config.validate().map_err(|e| e.to_string())?;
        Ok(config)
    }
}

/// Reads the model a configuration starts from (`init.from`, a path) when its bytes are not
/// there yet: a configuration file or a plan names it by its path.
pub fn read_init(config: &mut TrainingConfig) -> Result<(), String> {
    if let Some(init) = config.init.as_mut().filter(|init| init.bytes.is_empty()) {
        init.bytes = std::fs::read(&init.from)
            .map_err(|e| format!("the configuration's init.from {}: {e}", init.from))?;
    }
    Ok(())
}

/// A preset name or a ModelConfig JSON file.
pub fn model_config(name: &str) -> Result<ModelConfig, String> {
    if let Some(preset) = ModelConfig::preset(name) {
        return Ok(preset);
    }
    let text = std::fs::read_to_string(name)
        .map_err(|_| format!("`{name}` is neither a preset (model0…model3) nor a readable file"))?;
    ModelConfig::from_spec(&text).map_err(|e| format!("{name}: {e}"))
}

#[derive(Args, Debug)]
pub struct TrainArgs {
    #[command(flatten)]
    pub data: DataArgs,
    #[command(flatten)]
    pub hyper: HyperArgs,
    #[command(flatten)]
    pub compute: BackendArg,
    /// Where to write the trained model.
    #[arg(long, default_value = "model.fpk")]
    pub out: PathBuf,
}

/// Trains with progress on the terminal.
pub fn fit(
    label: &str,
    config: &TrainingConfig,
    backend: &Backend,
    train_set: &FaceSet,
    valid_set: &FaceSet,
) -> Result<Trained, String> {
    let mut progress = Progress::new(label, config.epochs);
    pollster::block_on(train(
        config,
        train_set,
        valid_set,
        &backend.device,
        &mut |e| progress.on_event(e),
    ))
    .map_err(|e| e.to_string())
}

/// RMSE of `model` on `valid_set`.
fn validation_rmse(
    model: &KeypointCnn,
    norm: &Normalization,
    valid_set: &FaceSet,
    backend: &Backend,
) -> Result<Rmse, String> {
    let preds = pollster::block_on(predict(
        model,
        valid_set,
        norm,
        INFERENCE_BATCH,
        &backend.device,
    ))
    .map_err(|e| e.to_string())?;
    Rmse::score(&preds, valid_set).map_err(|e| e.to_string())
}

/// Writes `model` with its settings, split and validation result to `path`.
pub fn save_model(
    path: &Path,
    config: &TrainingConfig,
    data: &SplitData,
    trained: &Trained,
) -> Result<(), String> {
    let mut meta = config
        .checkpoint_meta(
            data.split.info.to_string(),
            format!("sha256:{}", data.sha256),
        )
        .map_err(|e| e.to_string())?;
    record_outcome(
        &mut meta,
        trained.history.len(),
        trained.best_epoch,
        trained.best_rmse,
    );
    let bytes = save_to_bytes(trained.model.clone(), &meta).map_err(|e| e.to_string())?;
    atomic_file::write(path, &bytes)
}

pub fn run(args: TrainArgs) -> Result<(), Failure> {
    let config = args.hyper.config()?;
    let backend = Backend::of(args.compute.backend)?;
    let data = args.data.load()?;
    output::note(format_args!(
        "data: {} ({} faces, sha256 {})",
        args.data.data.display(),
        data.faces.len(),
        data.sha256
    ));
    output::note(format_args!("{}", data.split.info));
    output::note(format_args!("backend: {}", backend.description));
    let (train_set, valid_set) = (data.train(), data.valid());
    let trained = fit(
        &config.model.name,
        &config,
        &backend,
        &train_set,
        &valid_set,
    )?;
    // Scored on the faces as training saw them (levelled when it levelled them).
    let scored = match config.level {
        true => level(&valid_set),
        false => valid_set,
    };
    let rmse = validation_rmse(&trained.model, &config.normalization, &scored, &backend)?;
    save_model(&args.out, &config, &data, &trained)?;
    output::print(rmse.per_keypoint_table())?;
    output::print(format!(
        "saved {} — validation RMSE {:.4} px at epoch {} of {} ({})",
        args.out.display(),
        rmse.overall,
        trained.best_epoch + 1,
        trained.history.len(),
        data.split.info
    ))?;
    Ok(())
}
