//! CSV output of a run's weekly rows, columns named as the recorded state, with RFC 4180 quoting.
//!
//! The same code writes the CLI's output and the app's CSV export, so both quote alike. A
//! quoting function of a few lines is used rather than the `csv` crate so that the web bundle
//! does not carry a CSV library for one export (tests read the output back with the crate).

use std::borrow::Cow;

use super::record::{History, Row};

/// One weekly column: its header name and how a row's value is written.
struct Column {
    name: &'static str,
    value: fn(&Row) -> String,
}

const fn col(name: &'static str, value: fn(&Row) -> String) -> Column {
    Column { name, value }
}

/// A state in 0..=1, four decimals.
fn share(v: f64) -> String {
    format!("{v:.4}")
}

/// Money in k€, three decimals.
fn money(v: f64) -> String {
    format!("{v:.3}")
}

/// The weekly columns in order; the events of the week follow as the last column.
const COLUMNS: &[Column] = &[
    col("week", |r| r.week.to_string()),
    col("effort", |r| share(r.effort)),
    col("extra_work_focus", |r| share(r.extra_work_focus)),
    col("sla", |r| share(r.sla)),
    col("quality", |r| share(r.quality)),
    col("expectation", |r| share(r.expectation)),
    col("client_experienced", |r| share(r.client_experienced)),
    col("client_business", |r| share(r.client_business)),
    col("supplier_experienced", |r| share(r.supplier_experienced)),
    col("supplier_business", |r| share(r.supplier_business)),
    col("client_appreciation", |r| share(r.client_appreciation)),
    col("supplier_appreciation", |r| share(r.supplier_appreciation)),
    col("relationship", |r| share(r.relationship)),
    col("client_trust", |r| share(r.client_trust)),
    col("supplier_trust", |r| share(r.supplier_trust)),
    col("client_trust_ceiling", |r| share(r.client_trust_ceiling)),
    col("supplier_trust_ceiling", |r| {
        share(r.supplier_trust_ceiling)
    }),
    col("alignment", |r| share(r.alignment)),
    col("business_pressure", |r| share(r.business_pressure)),
    col("status", |r| r.status.id().to_string()),
    col("client_cost", |r| money(r.client_cost)),
    col("supplier_margin", |r| money(r.supplier_margin)),
    col("client_net_value", |r| money(r.client_net_value)),
    col("bonus_paid", |r| money(r.bonus_paid)),
    col("sla_measured", |r| share(r.sla_measured)),
    col("relationship_type", |r| {
        r.relationship_type.id().to_string()
    }),
    col("approach", |r| r.approach().id().to_string()),
];

/// Name of the last column: the week's events, separated by `; `.
const EVENTS: &str = "events";

/// One field as RFC 4180 wants it: quoted, with inner quotes doubled, when it holds a comma, a
/// quote or a line break; as it is otherwise.
pub fn field(text: &str) -> Cow<'_, str> {
    if text.contains([',', '"', '\n', '\r']) {
        Cow::Owned(format!("\"{}\"", text.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(text)
    }
}

/// Appends one record (fields quoted as needed, joined by commas) and its line end to `out`.
pub fn push_record<S: AsRef<str>>(out: &mut String, fields: impl IntoIterator<Item = S>) {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&field(f.as_ref()));
    }
    out.push('\n');
}

/// The header names, in order.
pub fn header() -> Vec<&'static str> {
    COLUMNS.iter().map(|c| c.name).chain([EVENTS]).collect()
}

/// The history as CSV text with a header line.
pub fn history_csv(h: &History) -> String {
    let mut out = String::new();
    push_record(&mut out, header());
    let mut events = h.events.iter().peekable();
    for r in &h.rows {
        let mut texts = Vec::new();
        while let Some((_, e)) = events.next_if(|(w, _)| *w == r.week) {
            texts.push(e.describe());
        }
        let values = COLUMNS.iter().map(|c| (c.value)(r));
        push_record(&mut out, values.chain([texts.join("; ")]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("plain text"), "plain text");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("cr\r"), "\"cr\r\"");
        let mut out = String::new();
        push_record(&mut out, ["x", "", "y,z"]);
        assert_eq!(out, "x,,\"y,z\"\n");
    }
}
