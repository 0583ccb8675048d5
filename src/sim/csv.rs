//! CSV output of a run's weekly rows, columns named as the recorded state.

use super::record::History;

/// Column names, in order.
pub const COLUMNS: [&str; 26] = [
    "week",
    "effort",
    "extra_work_focus",
    "sla",
    "quality",
    "expectation",
    "client_experienced",
    "client_business",
    "supplier_experienced",
    "supplier_business",
    "client_appreciation",
    "supplier_appreciation",
    "relationship",
    "client_trust",
    "supplier_trust",
    "client_trust_ceiling",
    "supplier_trust_ceiling",
    "alignment",
    "business_pressure",
    "status",
    "client_cost",
    "supplier_margin",
    "client_net_value",
    "relationship_type",
    "approach",
    "events",
];

/// The history as CSV text with a header line.
pub fn history_csv(h: &History) -> String {
    let mut out = COLUMNS.join(",");
    out.push('\n');
    let mut events = h.events.iter().peekable();
    for r in &h.rows {
        let mut texts = Vec::new();
        while let Some((_, e)) = events.next_if(|(w, _)| *w == r.week) {
            texts.push(e.describe());
        }
        let nums = [
            r.effort,
            r.extra_work_focus,
            r.sla,
            r.quality,
            r.expectation,
            r.client_experienced,
            r.client_business,
            r.supplier_experienced,
            r.supplier_business,
            r.client_appreciation,
            r.supplier_appreciation,
            r.relationship,
            r.client_trust,
            r.supplier_trust,
            r.client_trust_ceiling,
            r.supplier_trust_ceiling,
            r.alignment,
            r.business_pressure,
        ];
        out.push_str(&r.week.to_string());
        for v in nums {
            out.push_str(&format!(",{v:.4}"));
        }
        out.push_str(&format!(
            ",{},{:.3},{:.3},{:.3},{},{},\"{}\"\n",
            r.status.id(),
            r.client_cost,
            r.supplier_margin,
            r.client_net_value,
            r.relationship_type.id(),
            r.approach().id(),
            texts.join("; ").replace('"', "'")
        ));
    }
    out
}
