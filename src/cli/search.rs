//! `facepoints search`: random hyper-parameter search. Trials are drawn from a search space
//! file with a seed (the page draws the same ones), each trained with early stopping; a
//! markdown table of every trial, and the best trial's settings as a `TrainingConfig` JSON
//! that `facepoints train --config` runs.

use std::path::PathBuf;

use clap::Args;
use facepoints::backend::Backend;
use facepoints::train::{MAX_TRIALS, SearchSpace, describe_trial};
use web_time::Instant;

use super::Failure;
use super::dataset::DataArgs;
use super::output;
use super::train::{HyperArgs, fit};

#[derive(Args, Debug)]
pub struct SearchArgs {
    #[command(flatten)]
    pub data: DataArgs,
    /// The settings every trial starts from (--model, --seed, the augmentation pipeline…);
    /// the space decides the rest.
    #[command(flatten)]
    pub hyper: HyperArgs,
    /// A SearchSpace JSON file [default: the built-in space, as `--print-space` shows].
    #[arg(long)]
    pub space: Option<PathBuf>,
    /// Seed of the draws.
    #[arg(long, default_value_t = 1)]
    pub search_seed: u64,
    /// Trials to draw (1 to 10,000).
    #[arg(long, default_value_t = 10, value_parser = trial_count)]
    pub trials: usize,
    /// Start no trial after this many minutes (the trial running then finishes); a positive
    /// number.
    #[arg(long, value_parser = budget, allow_negative_numbers = true)]
    pub budget_minutes: Option<f64>,
    /// Print the trials' settings (one TrainingConfig JSON per line) and train nothing.
    #[arg(long)]
    pub list: bool,
    /// Print the built-in search space as JSON (a file to edit) and exit.
    #[arg(long)]
    pub print_space: bool,
    /// Write the best trial's TrainingConfig JSON here.
    #[arg(long)]
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
    let backend = Backend::of(args.hyper.backend)?;
    let data = args.data.load()?;
    let (train_set, valid_set) = (data.train(), data.valid());
    let start = Instant::now();
    let mut rows = Vec::new();
    for (i, config) in trials.iter().enumerate() {
        if let Some(minutes) = args.budget_minutes
            && start.elapsed().as_secs_f64() >= minutes * 60.0
        {
            output::note(format_args!(
                "the budget of {minutes} min is spent: {i} of {} trials ran",
                trials.len()
            ));
            break;
        }
        let label = format!("trial {} of {}", i + 1, trials.len());
        let began = Instant::now();
        let trained = fit(&label, config, &backend, &train_set, &valid_set)?;
        rows.push((
            i,
            trained.best_rmse,
            trained.best_epoch,
            trained.history.len(),
            began.elapsed().as_secs_f64(),
        ));
    }
    let best = rows
        .iter()
        .filter(|r| r.1.is_finite())
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .copied();
    output::print(format!(
        "Search: {} trials of {} drawn with seed {}; model {}; {}; backend {}.\n",
        rows.len(),
        trials.len(),
        args.search_seed,
        base.model.name,
        data.split.info,
        backend.description
    ))?;
    output::print("| trial | settings | best epoch | validation RMSE (px) | wall time |")?;
    output::print("|---|---|---|---|---|")?;
    for &(i, rmse, best_epoch, epochs, wall) in &rows {
        let mark = if best.is_some_and(|b| b.0 == i) {
            "**"
        } else {
            ""
        };
        output::print(format!(
            "| {} | {} | {} ({epochs} run) | {mark}{rmse:.4}{mark} | {wall:.0} s |",
            i + 1,
            describe_trial(&trials[i]),
            best_epoch + 1,
        ))?;
    }
    if let (Some(path), Some(best)) = (&args.best_config, best) {
        let json = serde_json::to_string_pretty(&trials[best.0])?;
        std::fs::write(path, json).map_err(|e| format!("{}: {e}", path.display()))?;
        output::print(format!(
            "\nbest: trial {} ({:.4} px), settings written to {}",
            best.0 + 1,
            best.1,
            path.display()
        ))?;
    }
    Ok(())
}
