//! Named weekly series: what summaries average and ensembles take percentiles of.

use serde::Serialize;

use super::record::Row;

/// A numeric series of the weekly row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Series {
    /// Customer focus.
    Effort,
    /// Responsiveness on extra work.
    ExtraWorkFocus,
    /// Share of requests in time.
    Sla,
    /// Quality as users experience it.
    Quality,
    /// Client's appreciation.
    ClientAppreciation,
    /// Supplier's appreciation.
    SupplierAppreciation,
    /// The relationship line.
    Relationship,
    /// Client's trust.
    ClientTrust,
    /// Supplier's trust.
    SupplierTrust,
    /// Goal alignment.
    Alignment,
}

impl Series {
    /// The series a summary reports the mean of, in output order.
    pub const ALL: [Series; 10] = [
        Series::Effort,
        Series::ExtraWorkFocus,
        Series::Sla,
        Series::Quality,
        Series::ClientAppreciation,
        Series::SupplierAppreciation,
        Series::Relationship,
        Series::ClientTrust,
        Series::SupplierTrust,
        Series::Alignment,
    ];

    /// The series an ensemble keeps percentiles of.
    pub const BANDED: [Series; 5] = [
        Series::Relationship,
        Series::ClientAppreciation,
        Series::SupplierAppreciation,
        Series::Effort,
        Series::ClientTrust,
    ];

    /// Its value in a row.
    #[inline]
    pub fn value(self, r: &Row) -> f64 {
        match self {
            Series::Effort => r.effort,
            Series::ExtraWorkFocus => r.extra_work_focus,
            Series::Sla => r.sla,
            Series::Quality => r.quality,
            Series::ClientAppreciation => r.client_appreciation,
            Series::SupplierAppreciation => r.supplier_appreciation,
            Series::Relationship => r.relationship,
            Series::ClientTrust => r.client_trust,
            Series::SupplierTrust => r.supplier_trust,
            Series::Alignment => r.alignment,
        }
    }

    /// The identifier used in output (the row's field name).
    pub fn id(self) -> &'static str {
        match self {
            Series::Effort => "effort",
            Series::ExtraWorkFocus => "extra_work_focus",
            Series::Sla => "sla",
            Series::Quality => "quality",
            Series::ClientAppreciation => "client_appreciation",
            Series::SupplierAppreciation => "supplier_appreciation",
            Series::Relationship => "relationship",
            Series::ClientTrust => "client_trust",
            Series::SupplierTrust => "supplier_trust",
            Series::Alignment => "alignment",
        }
    }
}
