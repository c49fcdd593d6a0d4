//! `facepoints ablate`: one model, the same seeds and budget, trained with no augmentation,
//! with all seven, and with each one left out; a markdown table of validation RMSE.

use super::Failure;
use super::output;
use clap::Args;
use facepoints::augment::AugmentConfig;
use facepoints::backend::Backend;
use facepoints::train::ablation::ablation_table;

use super::dataset::DataArgs;
use super::train::{HyperArgs, fit};

#[derive(Args, Debug)]
pub struct AblateArgs {
    #[command(flatten)]
    pub data: DataArgs,
    /// Settings of every run (--model picks the model, model3 by default; the augmentation
    /// settings are the base that each variant changes).
    #[command(flatten)]
    pub hyper: HyperArgs,
    /// Seeds per variant (seed, seed+1, …).
    #[arg(long, default_value_t = 2)]
    pub seeds: u64,
}

pub fn run(args: AblateArgs) -> Result<(), Failure> {
    if args.seeds == 0 {
        return Err("--seeds must be at least 1".into());
    }
    let base = args.hyper.config()?;
    let pipeline = base.augment.clone().unwrap_or_else(AugmentConfig::default);
    let backend = Backend::of(args.hyper.backend)?;
    let data = args.data.load()?;
    let (train_set, valid_set) = (data.train(), data.valid());

    let variants = pipeline.ablation();
    let mut results = Vec::new();
    for (name, augment) in &variants {
        let mut rmses = Vec::new();
        for s in 0..args.seeds {
            let mut config = base.clone();
            config.augment = augment.clone();
            config.seed = base.seed + s;
            let label = format!("{} [{name}] seed {}", config.model.name, config.seed);
            rmses.push(fit(&label, &config, &backend, &train_set, &valid_set)?.best_rmse);
        }
        results.push((name.clone(), rmses));
    }

    output::print(format!(
        "Model {}; {}; {} seed(s) from {}; mode {:?}; backend {}.\n",
        base.model.name,
        data.split.info,
        args.seeds,
        base.seed,
        base.augment_mode,
        backend.description
    ))?;
    output::print(
        "| augmentation | validation RMSE per seed (px) | mean ± sd | vs all seven | is the difference real? |",
    )?;
    output::print("|---|---|---|---|---|")?;
    for row in ablation_table(&results) {
        let each: Vec<String> = row.rmses.iter().map(|r| format!("{r:.4}")).collect();
        output::print(format!(
            "| {} | {} | {:.4}{} | {:+.4} | {} |",
            row.name,
            each.join(" / "),
            row.mean,
            row.sd.map_or(String::new(), |sd| format!(" ± {sd:.4}")),
            row.delta,
            row.verdict
        ))?;
    }
    Ok(())
}
