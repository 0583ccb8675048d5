//! The outcome summary of one run or an ensemble, shaped as the CLI prints it.

use serde::{Deserialize, Serialize};

use super::ensemble::Ensemble;
use super::record::Status;
use super::series::Series;

/// One number per status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PerStatus {
    /// Partnership.
    pub partnership: f64,
    /// Supplier relationship.
    pub supplier: f64,
    /// Escalation.
    pub escalation: f64,
    /// Terminated early.
    pub terminated: f64,
    /// Ended (not renewed).
    pub ended: f64,
}

impl PerStatus {
    fn from_fn(f: impl Fn(Status) -> f64) -> Self {
        Self {
            partnership: f(Status::Partnership),
            supplier: f(Status::Supplier),
            escalation: f(Status::Escalation),
            terminated: f(Status::Terminated),
            ended: f(Status::Ended),
        }
    }

    /// The value for `status`.
    pub fn get(&self, status: Status) -> f64 {
        match status {
            Status::Partnership => self.partnership,
            Status::Supplier => self.supplier,
            Status::Escalation => self.escalation,
            Status::Terminated => self.terminated,
            Status::Ended => self.ended,
        }
    }
}

/// Means over runs and weeks of the summary series.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Means {
    /// Customer focus.
    pub effort: f64,
    /// Responsiveness on extra work.
    pub extra_work_focus: f64,
    /// Share of requests in time.
    pub sla: f64,
    /// Quality as users experience it.
    pub quality: f64,
    /// Client's appreciation.
    pub client_appreciation: f64,
    /// Supplier's appreciation.
    pub supplier_appreciation: f64,
    /// The relationship line.
    pub relationship: f64,
    /// Client's trust.
    pub client_trust: f64,
    /// Supplier's trust.
    pub supplier_trust: f64,
    /// Goal alignment.
    pub alignment: f64,
    /// Client's net value per week, k€.
    pub client_net_value: f64,
}

impl Means {
    /// The mean of `series`.
    pub fn get(&self, series: Series) -> f64 {
        let [a, b, c, d, e, f, g, h, i, j] = self.as_array();
        match series {
            Series::Effort => a,
            Series::ExtraWorkFocus => b,
            Series::Sla => c,
            Series::Quality => d,
            Series::ClientAppreciation => e,
            Series::SupplierAppreciation => f,
            Series::Relationship => g,
            Series::ClientTrust => h,
            Series::SupplierTrust => i,
            Series::Alignment => j,
        }
    }

    fn as_array(&self) -> [f64; 10] {
        [
            self.effort,
            self.extra_work_focus,
            self.sla,
            self.quality,
            self.client_appreciation,
            self.supplier_appreciation,
            self.relationship,
            self.client_trust,
            self.supplier_trust,
            self.alignment,
        ]
    }

    fn from_array(v: [f64; 10]) -> Self {
        let [effort, extra_work_focus, sla, quality, client_appreciation, supplier_appreciation, relationship, client_trust, supplier_trust, alignment] =
            v;
        Self {
            effort,
            extra_work_focus,
            sla,
            quality,
            client_appreciation,
            supplier_appreciation,
            relationship,
            client_trust,
            supplier_trust,
            alignment,
            client_net_value: 0.0,
        }
    }
}

/// Mean totals per run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Totals {
    /// Total client cost, k€.
    pub client_cost: f64,
    /// Total supplier margin, k€.
    pub supplier_margin: f64,
    /// Total client net value (service value minus everything paid), k€.
    pub client_net_value: f64,
}

/// The outcome summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Number of runs.
    pub runs: u32,
    /// Weeks per run.
    pub weeks: u32,
    /// Share of runs in each status in their last week — before the renewal decision when the
    /// term ends in that week (a contract not renewed ends after its decision week).
    pub status_at_end: PerStatus,
    /// Means over runs and the weeks in which the relationship was active (before it was
    /// terminated or ended).
    pub mean: Means,
    /// Mean totals per run.
    pub totals: Totals,
    /// The standard error of each mean total (the spread over runs / √runs): how far the mean
    /// could move with other futures.
    #[serde(default)]
    pub std_error: Totals,
    /// Mean weeks per run spent in each status.
    pub weeks_in_status: PerStatus,
    /// Share of the run's weeks spent in each status (time shares over the term).
    pub time_in_status: PerStatus,
    /// Renewal decisions: the share of runs that reached one, and the share of those whose
    /// (last) decision renewed the contract (0 when none did).
    pub renewal: Renewal,
}

/// The renewal decisions of an ensemble.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Renewal {
    /// Share of runs in which a term ended (a renewal was decided).
    pub decided: f64,
    /// Share of those renewed.
    pub rate: f64,
}

impl Summary {
    /// Summarises an ensemble.
    pub fn of(e: &Ensemble) -> Self {
        let runs = e.runs.max(1) as f64;
        let active_weeks = e.active_weeks.max(1) as f64;
        let decided = e.outcomes.iter().filter(|o| o.renewed.is_some()).count() as f64;
        let renewed = e
            .outcomes
            .iter()
            .filter(|o| o.renewed == Some(true))
            .count() as f64;
        let end = |s: Status| e.outcomes.iter().filter(|o| o.end_status == s).count() as f64 / runs;
        let net_value = e.outcomes.iter().map(|o| o.client_net_value).sum::<f64>() / runs;
        Self {
            runs: e.runs,
            weeks: e.weeks,
            status_at_end: PerStatus::from_fn(end),
            mean: Means {
                client_net_value: net_value / e.weeks.max(1) as f64,
                ..Means::from_array(e.sums.map(|s| s / active_weeks))
            },
            totals: Totals {
                client_cost: e.outcomes.iter().map(|o| o.client_cost).sum::<f64>() / runs,
                supplier_margin: e.outcomes.iter().map(|o| o.supplier_margin).sum::<f64>() / runs,
                client_net_value: net_value,
            },
            std_error: Totals {
                client_cost: std_error(e.outcomes.iter().map(|o| o.client_cost)),
                supplier_margin: std_error(e.outcomes.iter().map(|o| o.supplier_margin)),
                client_net_value: std_error(e.outcomes.iter().map(|o| o.client_net_value)),
            },
            weeks_in_status: PerStatus::from_fn(|s| e.status_weeks[s.index()] as f64 / runs),
            time_in_status: PerStatus::from_fn(|s| {
                e.status_weeks[s.index()] as f64 / (runs * e.weeks.max(1) as f64)
            }),
            renewal: Renewal {
                decided: decided / runs,
                rate: if decided > 0.0 {
                    renewed / decided
                } else {
                    0.0
                },
            },
        }
    }
}

/// The standard error of the mean of `xs` (0 for fewer than two values).
fn std_error(xs: impl Iterator<Item = f64> + Clone) -> f64 {
    let n = xs.clone().count();
    if n < 2 {
        return 0.0;
    }
    let mean = xs.clone().sum::<f64>() / n as f64;
    let var = xs.map(|x| (x - mean) * (x - mean)).sum::<f64>() / (n - 1) as f64;
    (var / n as f64).sqrt()
}

impl Summary {
    /// The summary as a two-line CSV (header and values), keys flattened with dots.
    pub fn to_csv(&self) -> String {
        let v = super::json::tree(self);
        let mut keys = Vec::new();
        let mut vals = Vec::new();
        flatten("", &v, &mut keys, &mut vals);
        format!("{}\n{}\n", keys.join(","), vals.join(","))
    }
}

/// Two summaries side by side as CSV: one row per figure (keys flattened with dots), its value
/// in A and in B, and B − A where both are numbers.
pub fn compare_csv(a: &Summary, b: &Summary) -> String {
    let (mut ka, mut va, mut kb, mut vb) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    flatten("", &super::json::tree(a), &mut ka, &mut va);
    flatten("", &super::json::tree(b), &mut kb, &mut vb);
    let mut out = String::from("figure,a,b,b_minus_a\n");
    for ((k, x), y) in ka.iter().zip(&va).zip(&vb) {
        let diff = match (x.parse::<f64>(), y.parse::<f64>()) {
            (Ok(x), Ok(y)) => (y - x).to_string(),
            _ => String::new(),
        };
        out.push_str(&format!("{k},{x},{y},{diff}\n"));
    }
    debug_assert_eq!(ka, kb, "two summaries have the same figures");
    out
}

fn flatten(prefix: &str, v: &serde_json::Value, keys: &mut Vec<String>, vals: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                let p = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&p, x, keys, vals);
            }
        }
        other => {
            keys.push(prefix.to_string());
            vals.push(other.to_string());
        }
    }
}
