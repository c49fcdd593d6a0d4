//! Training progress on the terminal: a bar per epoch, a line per finished epoch.

use super::output;
use facepoints::train::TrainEvent;
use indicatif::{ProgressBar, ProgressStyle};

/// Turns training events into progress bars and lines.
pub struct Progress {
    bar: Option<ProgressBar>,
    label: String,
    epochs: usize,
}

impl Progress {
    pub fn new(label: &str, epochs: usize) -> Self {
        Progress {
            bar: None,
            label: label.to_string(),
            epochs,
        }
    }

    pub fn on_event(&mut self, event: &TrainEvent) {
        match *event {
            TrainEvent::Batch {
                epoch,
                batch,
                batches,
                loss,
            } => {
                let bar = self.bar.get_or_insert_with(|| {
                    let bar = ProgressBar::new(batches as u64);
                    bar.set_style(
                        ProgressStyle::with_template(
                            "{prefix} [{bar:30}] {pos}/{len} batches {per_sec} eta {eta} {msg}",
                        )
                        .expect("static template")
                        .progress_chars("=> "),
                    );
                    bar.set_prefix(format!(
                        "{} epoch {}/{}",
                        self.label,
                        epoch + 1,
                        self.epochs
                    ));
                    bar
                });
                bar.set_position(batch as u64);
                if let Some(loss) = loss {
                    bar.set_message(format!("loss {loss:.5}"));
                }
            }
            TrainEvent::Epoch {
                epoch,
                train_loss,
                valid_rmse,
                learning_rate,
                images_per_sec,
                improved,
            } => {
                if let Some(bar) = self.bar.take() {
                    bar.finish_and_clear();
                }
                output::note(format_args!(
                    "{} epoch {}/{}: train loss {train_loss:.5}, valid RMSE {valid_rmse:.4} px{}, lr {learning_rate:.2e}, {images_per_sec:.1} img/s",
                    self.label,
                    epoch + 1,
                    self.epochs,
                    if improved { " (best)" } else { "" },
                ));
            }
            TrainEvent::Validated { .. } => {}
            TrainEvent::Stopped { epoch } => {
                output::note(format_args!(
                    "{} stopped in epoch {}",
                    self.label,
                    epoch + 1
                ));
            }
            TrainEvent::EarlyStop { best_epoch } => {
                output::note(format_args!(
                    "{} stopped early; keeping epoch {}",
                    self.label,
                    best_epoch + 1
                ));
            }
        }
    }
}
