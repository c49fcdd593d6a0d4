//! An augmentation ablation's table: each variant's validation RMSE over seeds, their mean and
//! spread, the difference to "all seven", and whether that difference is larger than the
//! seeds' spread. `facepoints ablate` prints it; the page's Experiments view shows it (runs
//! that failed count as missing).

use serde::Serialize;

/// The variant every other is compared with (see `AugmentConfig::ablation`).
pub const ALL_SEVEN: &str = "all seven";

/// One variant's row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AblationRow {
    /// `none`, `all seven`, `all but <augmentation>`.
    pub name: String,
    /// Validation RMSE per seed, in pixels (`NaN`: the run failed).
    pub rmses: Vec<f64>,
    /// Mean of the finite RMSEs (`NaN` when there are none yet).
    pub mean: f64,
    /// Their sample standard deviation (none under two values).
    pub sd: Option<f64>,
    /// `mean` minus all seven's mean (`NaN` while either has no value).
    pub delta: f64,
    /// Whether the difference is real, in words.
    pub verdict: &'static str,
}

/// Mean and sample standard deviation of the finite values.
pub fn mean_sd(values: &[f64]) -> (f64, Option<f64>) {
    let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    let n = finite.len() as f64;
    let mean = finite.iter().sum::<f64>() / n;
    let sd = (finite.len() > 1)
        .then(|| (finite.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt());
    (mean, sd)
}

/// Whether a variant's difference to "all seven" is larger than the seeds' spread: beyond
/// it when |Δ| exceeds the two standard deviations added.
fn verdict(name: &str, delta: f64, sd: Option<f64>, all_sd: Option<f64>) -> &'static str {
    match (name, sd, all_sd) {
        (ALL_SEVEN, _, _) => "—",
        _ if delta.is_nan() => "—",
        (_, Some(sd), Some(all_sd)) if delta.abs() <= sd + all_sd => "within the seeds' spread",
        (_, Some(_), Some(_)) => "beyond the seeds' spread",
        _ => "one seed: no spread to compare",
    }
}

/// The table of `results` (each variant's name and its RMSE per seed, in order).
pub fn ablation_table(results: &[(String, Vec<f64>)]) -> Vec<AblationRow> {
    let (all, all_sd) = results
        .iter()
        .find(|(name, _)| name == ALL_SEVEN)
        .map_or((f64::NAN, None), |(_, rmses)| mean_sd(rmses));
    results
        .iter()
        .map(|(name, rmses)| {
            let (mean, sd) = mean_sd(rmses);
            let delta = mean - all;
            AblationRow {
                name: name.clone(),
                rmses: rmses.clone(),
                mean,
                sd,
                delta,
                verdict: verdict(name, delta, sd, all_sd),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[(&str, &[f64])]) -> Vec<AblationRow> {
        let owned: Vec<(String, Vec<f64>)> = rows
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_vec()))
            .collect();
        ablation_table(&owned)
    }

    #[test]
    fn means_spreads_differences_and_verdicts() {
        let t = table(&[
            ("none", &[2.0, 4.0]),
            (ALL_SEVEN, &[3.0, 3.0]),
            ("all but flip", &[10.0, 12.0]),
        ]);
        assert_eq!((t[0].mean, t[0].sd), (3.0, Some(2f64.sqrt())));
        assert_eq!(t[0].delta, 0.0);
        assert_eq!(t[0].verdict, "within the seeds' spread");
        assert_eq!(t[1].verdict, "—");
        assert_eq!(t[2].delta, 8.0);
        assert_eq!(t[2].verdict, "beyond the seeds' spread");
    }

    #[test]
    fn one_seed_failed_runs_and_missing_values() {
        let t = table(&[("none", &[2.0]), (ALL_SEVEN, &[3.0, f64::NAN])]);
        assert_eq!(t[0].verdict, "one seed: no spread to compare");
        assert_eq!(
            (t[1].mean, t[1].sd),
            (3.0, None),
            "a failed run is left out"
        );
        let t = table(&[("none", &[]), (ALL_SEVEN, &[3.0])]);
        assert!(t[0].mean.is_nan() && t[0].delta.is_nan());
        assert_eq!(t[0].verdict, "—");
    }
}
