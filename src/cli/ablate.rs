//! `facepoints ablate`: one model, the same seeds and budget, trained with no augmentation,
//! with all seven, and with each one left out; a markdown table of validation RMSE. Its trials
//! (variant × seed) can also be written as a plan and run one per machine (plan.rs).

use clap::Args;
use facepoints::augment::AugmentConfig;
use facepoints::train::ablation::ablation_table;

use super::dataset::DataArgs;
use super::plan::{Plan, PlanArgs, Study, write_plan};
use super::train::{BackendArg, HyperArgs};
use super::trial::{self, TrialRecord, backends, run_planned};
use super::{Failure, output};

#[derive(Args, Debug)]
pub struct AblateArgs {
    #[command(flatten)]
    pub data: DataArgs,
    /// Settings of every run (--model picks the model, model3 by default; the augmentation
    /// settings are the base that each variant changes).
    #[command(flatten)]
    pub hyper: HyperArgs,
    #[command(flatten)]
    pub compute: BackendArg,
    #[command(flatten)]
    pub plan: PlanArgs,
    /// Seeds per variant (seed, seed+1, …).
    #[arg(long, default_value_t = 2, conflicts_with = "plan")]
    pub seeds: u64,
}

pub fn run(args: AblateArgs) -> Result<(), Failure> {
    if args.plan.plan.is_some() {
        return run_planned("ablate", &args.plan, &args.data, args.compute.backend);
    }
    if args.seeds == 0 {
        return Err("--seeds must be at least 1".into());
    }
    let base = args.hyper.config()?;
    let pipeline = base.augment.clone().unwrap_or_else(AugmentConfig::default);
    let variants = pipeline.ablation();
    let mut trials = Vec::new();
    for (_, augment) in &variants {
        for s in 0..args.seeds {
            let mut config = base.clone();
            config.augment = augment.clone();
            config.seed = base.seed + s;
            trials.push(config);
        }
    }
    let data = args.data.load()?;
    let study = Study::Ablation {
        variants: variants.into_iter().map(|(name, _)| name).collect(),
        seeds: args.seeds,
    };
    let plan = Plan::new(study, &args.data, &data, trials);
    if let Some(folder) = &args.plan.write_plan {
        return write_plan(&plan, folder, &args.data);
    }
    let records = trial::run_all(&plan, &data, args.compute.backend, None)?;
    print_table(&plan, &records)
}

/// The ablation's table from its trials' records (a seed without one shows as missing).
pub fn print_table(plan: &Plan, records: &[TrialRecord]) -> Result<(), Failure> {
    let Study::Ablation { variants, seeds } = &plan.study else {
        return Err("not an ablation plan".into());
    };
    let seeds = *seeds as usize;
    let rmse = |i: usize| records.iter().find(|r| r.trial == i).map(TrialRecord::rmse);
    let results: Vec<(String, Vec<f64>)> = variants
        .iter()
        .enumerate()
        .map(|(v, name)| {
            let each = (0..seeds).map(|s| rmse(v * seeds + s).unwrap_or(f64::NAN));
            (name.clone(), each.collect())
        })
        .collect();
    let first = &plan.trials[0];
    output::print(format!(
        "Model {}; {}; {seeds} seed(s) from {}; mode {:?}; backend {}.\n",
        first.model.name,
        plan.data.split_info,
        first.seed,
        first.augment_mode,
        backends(records)
    ))?;
    output::print(
        "| augmentation | validation RMSE per seed (px) | mean ± sd | vs all seven | is the difference real? |",
    )?;
    output::print("|---|---|---|---|---|")?;
    for (v, row) in ablation_table(&results).into_iter().enumerate() {
        let each: Vec<String> = (0..seeds)
            .map(|s| match rmse(v * seeds + s) {
                Some(r) => format!("{r:.4}"),
                None => "missing".into(),
            })
            .collect();
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
