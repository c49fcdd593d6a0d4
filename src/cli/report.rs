//! `facepoints report`: the study's table (KNN, Models 0–3, no augmentation) re-run on a
//! person-grouped holdout, printed as markdown.

use super::Failure;
use super::output;
use clap::Args;
use facepoints::backend::Backend;
use facepoints::model::knn::{STUDY_KS, search_k};
use facepoints::model::{ModelConfig, PRESETS};
use web_time::Instant;

use super::dataset::DataArgs;
use super::dataset::SplitData;
use super::knn::best;
use super::train::{BackendArg, HyperArgs, fit, save_model};

#[derive(Args, Debug)]
pub struct ReportArgs {
    #[command(flatten)]
    pub data: DataArgs,
    /// Settings shared by every model (--model is ignored; see --models).
    #[command(flatten)]
    pub hyper: HyperArgs,
    #[command(flatten)]
    pub compute: BackendArg,
    /// Which of the study's models to train.
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "model0,model1,model2,model3"
    )]
    pub models: Vec<String>,
    /// Train each model without augmentation, with the study's pipeline, or both.
    #[arg(long, value_enum, default_value_t = Augmented::Both)]
    pub augmented: Augmented,
    /// Save each trained model here as <name>[-aug].fpk.
    #[arg(long)]
    pub out_dir: Option<std::path::PathBuf>,
    /// Values of k the KNN baseline tries.
    #[arg(long, value_delimiter = ',', default_values_t = STUDY_KS)]
    pub k: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Augmented {
    No,
    Yes,
    Both,
}

/// The study's validation RMSE without / with augmentation (SEED.md), as the table shows it.
fn study_rmse(name: &str, augmented: bool) -> String {
    facepoints::study::study_rmse(name, augmented).map_or("—".into(), |r| format!("{r:.4}"))
}

fn save(
    path: &std::path::Path,
    config: &facepoints::train::TrainingConfig,
    data: &SplitData,
    trained: &facepoints::train::Trained,
) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    save_model(path, config, data, trained)
}

pub fn run(args: ReportArgs) -> Result<(), Failure> {
    let base = args.hyper.config()?;
    let backend = Backend::of(args.compute.backend)?;
    let data = args.data.load()?;
    let (train_set, valid_set) = (data.train(), data.valid());
    output::note(format_args!(
        "{}; backend {}",
        data.split.info, backend.description
    ));

    let mut rows = Vec::new();
    let start = Instant::now();
    let scores = search_k(&train_set, &valid_set, &args.k)?;
    let knn = best(&scores).ok_or("no k given")?;
    rows.push(format!(
        "| KNN (k={} of {:?}) | no | — | — | **{:.4}** | {} | {:.1} s | — |",
        knn.k,
        args.k,
        knn.rmse.overall,
        study_rmse("knn", false),
        start.elapsed().as_secs_f64()
    ));
    for name in &args.models {
        let model = ModelConfig::preset(name)
            .ok_or_else(|| format!("`{name}` is not one of {PRESETS:?}"))?;
        let variants: &[bool] = match args.augmented {
            Augmented::No => &[false],
            Augmented::Yes => &[true],
            Augmented::Both => &[false, true],
        };
        for &augmented in variants {
            let mut config = base.clone();
            config.model = model.clone();
            config.augment = augmented.then(|| base.augment.clone().unwrap_or_default());
            let label = format!(
                "{}{}",
                config.model.name,
                if augmented { "-aug" } else { "" }
            );
            let start = Instant::now();
            let trained = fit(&label, &config, &backend, &train_set, &valid_set)?;
            let wall = start.elapsed().as_secs_f64();
            if let Some(dir) = &args.out_dir {
                save(&dir.join(format!("{label}.fpk")), &config, &data, &trained)?;
            }
            let speed = trained
                .history
                .iter()
                .map(|h| h.images_per_sec)
                .sum::<f64>()
                / trained.history.len() as f64;
            rows.push(format!(
                "| {} | {} | {} | {} ({} run) | **{:.4}** | {} | {:.0} s | {:.1} |",
                config.model.name,
                if augmented { "yes" } else { "no" },
                config.model.keras_param_count(),
                trained.best_epoch + 1,
                trained.history.len(),
                trained.best_rmse,
                study_rmse(&config.model.name, augmented),
                wall,
                speed
            ));
        }
    }
    output::print(format!(
        "Split: {} (data sha256 {}).",
        data.split.info, data.sha256
    ))?;
    output::print(format!(
        "Training: {} {:?}, lr {}, batch {}, at most {} epochs{}, patience {}, seed {}, backend {}.\n",
        if matches!(
            base.optimizer,
            facepoints::train::OptimizerSpec::Adam { .. }
        ) {
            "Adam"
        } else {
            "SGD"
        },
        base.schedule,
        base.learning_rate,
        base.batch_size,
        base.epochs,
        base.time_budget_secs.map_or(String::new(), |s| format!(
            " or {:.0} min per model",
            s / 60.0
        )),
        base.patience,
        base.seed,
        backend.description
    ))?;
    output::print(
        "| model | augmented | params (Keras count) | best epoch | validation RMSE (px) | study's RMSE | wall time | train img/s |",
    )?;
    output::print("|---|---|---|---|---|---|---|---|")?;
    for row in rows {
        output::print(row)?;
    }
    Ok(())
}
