//! Statistics over an ensemble's run outcomes for the outcome tables.

use super::ensemble::RunOutcome;

/// The `q`-quantile of `values` (nearest rank); NaN when there are none.
pub fn quantile(values: &mut [f64], q: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(|a, b| a.total_cmp(b));
    let i = ((values.len() - 1) as f64 * q).round() as usize;
    values[i]
}

/// Mean, 10th and 90th percentile of one outcome over the runs.
pub fn spread(outcomes: &[RunOutcome], f: fn(&RunOutcome) -> f64) -> (f64, f64, f64) {
    let mut v: Vec<f64> = outcomes.iter().map(f).collect();
    let mean = v.iter().sum::<f64>() / v.len().max(1) as f64;
    (mean, quantile(&mut v, 0.1), quantile(&mut v, 0.9))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_quantiles_and_an_empty_list() {
        let mut v: Vec<f64> = (1..=11).rev().map(f64::from).collect();
        assert_eq!(quantile(&mut v, 0.1), 2.0);
        assert_eq!(quantile(&mut v, 0.5), 6.0);
        assert_eq!(quantile(&mut v, 0.9), 10.0);
        assert!(quantile(&mut [], 0.5).is_nan());
    }
}
