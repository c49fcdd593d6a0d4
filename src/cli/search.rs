//! `facepoints search`: random hyper-parameter search. Trials are drawn from a search space
//! file with a seed (the page draws the same ones), each trained with early stopping; a
//! markdown table of every trial, and the best trial's settings as a `TrainingConfig` JSON
//! that `facepoints train --config` runs.

use std::path::{Path, PathBuf};

use clap::Args;
use facepoints::train::{MAX_TRIALS, SearchSpace, describe_trial};

use super::dataset::DataArgs;
use super::plan::{Plan, PlanArgs, Study, write_plan};
use super::train::{BackendArg, HyperArgs};
use super::trial::{self, TrialRecord, backends, run_planned};
use super::{Failure, output};

#[derive(Args, Debug)]
pub struct SearchArgs {
    #[command(flatten)]
    pub data: DataArgs,
    /// The settings every trial starts from (--model, --seed, the augmentation pipeline…);
    /// the space decides the rest.
    #[command(flatten)]
    pub hyper: HyperArgs,
    #[command(flatten)]
    pub compute: BackendArg,
    #[command(flatten)]
    pub plan: PlanArgs,
    /// A SearchSpace JSON file [default: the built-in space, as `--print-space` shows].
    #[arg(long, conflicts_with = "plan")]
    pub space: Option<PathBuf>,
    /// Seed of the draws.
    #[arg(long, default_value_t = 1, conflicts_with = "plan")]
    pub search_seed: u64,
    /// Trials to draw (1 to 10,000).
    #[arg(long, default_value_t = 10, value_parser = trial_count, conflicts_with = "plan")]
    pub trials: usize,
    /// Start no trial after this many minutes (the trial running then finishes); a positive
    /// number.
    #[arg(long, value_parser = budget, allow_negative_numbers = true, conflicts_with_all = ["plan", "write_plan"])]
    pub budget_minutes: Option<f64>,
    /// Print the trials' settings (one TrainingConfig JSON per line) and train nothing.
    #[arg(long, conflicts_with_all = ["plan", "write_plan"])]
    pub list: bool,
    /// Print the built-in search space as JSON (a file to edit) and exit.
    #[arg(long, conflicts_with_all = ["plan", "write_plan"])]
    pub print_space: bool,
    /// Write the best trial's TrainingConfig JSON here (of a plan: `runs merge --best-config`).
    #[arg(long, conflicts_with_all = ["plan", "write_plan"])]
    pub best_config: Option<PathBuf>,
}

fn trial_count(text: &str) -> Result<usize, String> {
    let n: usize = text
        .parse()
        .map_err(|_| format!("`{text}` is not a whole number of trials"))?;
    match n {
        0 => Err("a search needs at least 1 trial".into()),
        n if n > MAX_TRIALS => Err(format!(
            "{n} trials is more than a search runs ({MAX_TRIALS}: each trains a model); run several searches with other --search-seed values"
        )),
        n => Ok(n),
    }
}

fn budget(text: &str) -> Result<f64, String> {
    let minutes: f64 = text
        .parse()
        .map_err(|_| format!("`{text}` is not a number of minutes"))?;
    if minutes.is_finite() && minutes > 0.0 {
        Ok(minutes)
    } else {
        Err(format!(
            "the budget must be a positive number of minutes, not {text} (leave --budget-minutes out for no budget)"
        ))
    }
}

pub fn run(args: SearchArgs) -> Result<(), Failure> {
    if args.plan.plan.is_some() {
        return run_planned("search", &args.plan, &args.data, args.compute.backend);
    }
    let space = match &args.space {
        Some(path) => {
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            serde_json::from_str::<SearchSpace>(&text)
                .map_err(|e| format!("{}: {e}", path.display()))?
        }
        None => SearchSpace::default(),
    };
    if args.print_space {
        output::print(serde_json::to_string_pretty(&space)?)?;
        return Ok(());
    }
    let base = args.hyper.config()?;
    let trials = space.trials(&base, args.search_seed, args.trials)?;
    if args.list {
        for trial in &trials {
            output::print(serde_json::to_string(trial)?)?;
        }
        return Ok(());
    }
    let data = args.data.load()?;
    let study = Study::Search {
        space,
        search_seed: args.search_seed,
    };
    let plan = Plan::new(study, &args.data, &data, trials);
    if let Some(folder) = &args.plan.write_plan {
        return write_plan(&plan, folder, &args.data);
    }
    let records = trial::run_all(&plan, &data, args.compute.backend, args.budget_minutes)?;
    print_table(&plan, &records, args.best_config.as_deref())
}

/// The search's table from its trials' records (in trial order; a search stopped by its
/// budget, or merged before every trial ran, has fewer than the plan), and the best trial's
/// settings written to `best_config`.
pub fn print_table(
    plan: &Plan,
    records: &[TrialRecord],
    best_config: Option<&Path>,
) -> Result<(), Failure> {
    let Study::Search { search_seed, .. } = &plan.study else {
        return Err("not a search plan".into());
    };
    let best = trial::best(records);
    output::print(format!(
        "Search: {} trials of {} drawn with seed {search_seed}; model {}; {}; backend {}.\n",
        records.len(),
        plan.trials.len(),
        plan.trials[0].model.name,
        plan.data.split_info,
        backends(records)
    ))?;
    output::print("| trial | settings | best epoch | validation RMSE (px) | wall time |")?;
    output::print("|---|---|---|---|---|")?;
    for record in records {
        let mark = if best.is_some_and(|b| b.trial == record.trial) {
            "**"
        } else {
            ""
        };
        output::print(format!(
            "| {} | {} | {} ({} run) | {mark}{:.4}{mark} | {:.0} s |",
            record.trial + 1,
            describe_trial(&plan.trials[record.trial]),
            record.best_epoch + 1,
            record.epochs,
            record.rmse(),
            record.seconds,
        ))?;
    }
    if let (Some(path), Some(best)) = (best_config, best) {
        let json = serde_json::to_string_pretty(&plan.trials[best.trial])?;
        std::fs::write(path, json).map_err(|e| format!("{}: {e}", path.display()))?;
        output::print(format!(
            "\nbest: trial {} ({:.4} px), settings written to {}",
            best.trial + 1,
            best.rmse(),
            path.display()
        ))?;
    }
    Ok(())
}
