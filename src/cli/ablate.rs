//! `facepoints ablate`: one model, the same seeds and budget, trained with no augmentation,
//! with all seven, and with each one left out; a markdown table of validation RMSE.

use super::Failure;
use super::output;
use clap::Args;
use facepoints::augment::AugmentConfig;
use facepoints::backend::Backend;

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

/// Mean and sample standard deviation.
fn mean_sd(values: &[f64]) -> (f64, Option<f64>) {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let sd = (values.len() > 1)
        .then(|| (values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt());
    (mean, sd)
}

/// Whether a variant's difference to "all seven" is larger than the seeds' spread: beyond
/// it when |Δ| exceeds the two standard deviations added (as the page says it).
fn verdict(name: &str, delta: f64, sd: Option<f64>, all_sd: Option<f64>) -> &'static str {
    match (name, sd, all_sd) {
        ("all seven", _, _) => "—",
        (_, Some(sd), Some(all_sd)) if delta.abs() <= sd + all_sd => "within the seeds' spread",
        (_, Some(_), Some(_)) => "beyond the seeds' spread",
        _ => "one seed: no spread to compare",
    }
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

    let (all, all_sd) = mean_sd(&results[1].1);
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
    for (name, rmses) in &results {
        let (mean, sd) = mean_sd(rmses);
        let each: Vec<String> = rmses.iter().map(|r| format!("{r:.4}")).collect();
        output::print(format!(
            "| {name} | {} | {mean:.4}{} | {:+.4} | {} |",
            each.join(" / "),
            sd.map_or(String::new(), |sd| format!(" ± {sd:.4}")),
            mean - all,
            verdict(name, mean - all, sd, all_sd)
        ))?;
    }
    Ok(())
}
