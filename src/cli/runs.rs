//! `facepoints runs merge DIR`: the table of a plan whose trials ran apart (`search --plan` /
//! `ablate --plan`, one process or machine each), from the records in its folder — the table
//! the single-machine command prints.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::plan::{Plan, Study};
use super::trial::{TrialRecord, best, read_record, record_path};
use super::{Failure, ablate, atomic_file, output, search};

#[derive(Args, Debug)]
pub struct RunsArgs {
    #[command(subcommand)]
    command: RunsCommand,
}

#[derive(Subcommand, Debug)]
enum RunsCommand {
    /// The table of a plan's trials (search or ablation) from the records in its folder.
    Merge(MergeArgs),
}

#[derive(Args, Debug)]
pub struct MergeArgs {
    /// The plan's folder (or its plan.json).
    pub folder: PathBuf,
    /// Print the table of the trials done so far instead of refusing while some are missing.
    #[arg(long)]
    pub partial: bool,
    /// Write the best trial's TrainingConfig JSON here (a search).
    #[arg(long)]
    pub best_config: Option<PathBuf>,
}

pub fn run(args: RunsArgs) -> Result<(), Failure> {
    match args.command {
        RunsCommand::Merge(args) => merge(args),
    }
}

fn merge(args: MergeArgs) -> Result<(), Failure> {
    let (plan, folder) = Plan::read(&args.folder)?;
    let digest = plan.digest();
    let mut records: Vec<TrialRecord> = Vec::new();
    let mut missing = Vec::new();
    for i in 0..plan.trials.len() {
        match read_record(&folder, i, &digest)? {
            Some(record) => records.push(record),
            None => missing.push(i),
        }
    }
    let left = leftovers(&folder);
    if left > 0 {
        output::note(format_args!(
            "{left} unfinished write(s) in {} from stopped trials (hidden .tmp files): safe to delete",
            folder.join("trials").display()
        ));
    }
    if !missing.is_empty() {
        let list: Vec<String> = missing.iter().map(usize::to_string).collect();
        let message = format!(
            "{} of {} trials have no record yet: {} (run each with `facepoints {} --plan {} --trial N`)",
            missing.len(),
            plan.trials.len(),
            list.join(", "),
            plan.study.command(),
            folder.display()
        );
        if !args.partial {
            return Err(format!("{message}, or print what is there with --partial").into());
        }
        output::note(message);
    }
    match plan.study {
        Study::Search { .. } => search::print_table(&plan, &records, args.best_config.as_deref())?,
        Study::Ablation { .. } => {
            if args.best_config.is_some() {
                return Err("--best-config is for a search's plan; this is an ablation".into());
            }
            ablate::print_table(&plan, &records)?
        }
    }
    if let Some(best) = best(&records) {
        output::note(format_args!(
            "the best trial's model: {}",
            record_path(&folder, best.trial)
                .with_extension("fpk")
                .display()
        ));
    }
    Ok(())
}

/// Temporary files of writes that never finished in the plan's `trials/` folder.
fn leftovers(folder: &std::path::Path) -> usize {
    std::fs::read_dir(folder.join("trials")).map_or(0, |entries| {
        entries
            .filter_map(Result::ok)
            .filter(|e| atomic_file::is_temporary(&e.file_name().to_string_lossy()))
            .count()
    })
}
