//! The printed report's pure part: which inputs differ from the default scenario, named by
//! their labels and written in the language.

use serde_json::Value;

use super::lang::Lang;
use super::table::Strings;
use super::{names, number};
use crate::sim::{fields, Role, Scenario};

/// The label of an input by its dotted path: the field specification's label for a number, the
/// section's name for a choice or a list; the path itself if unknown.
pub fn input_label(path: &str, t: &Strings) -> String {
    if let Some(f) = fields::find(path) {
        return t.label(f.label).to_string();
    }
    let known = match path {
        "seed" => Some(t.label(fields::SEED_LABEL)),
        "contract.obligation" => Some(t.obligation),
        "contract.kpi_level" => Some(t.kpi_level),
        "manager.role" => Some(t.sec_manager),
        "incidents" => Some(t.sec_incidents),
        "interventions" => Some(t.sec_interventions),
        _ => None,
    };
    known.map_or_else(|| path.to_string(), str::to_string)
}

/// A value as the report writes it.
pub fn show_value(v: &Value, lang: Lang) -> String {
    let t = lang.t();
    match v {
        Value::Number(n) => {
            let f = n.as_f64().unwrap_or_default();
            let decimals = if f.fract() == 0.0 { 0 } else { 3 };
            let s = number::number(f, decimals, lang);
            if decimals > 0 {
                // Three decimals catch 0.005 steps; trailing zeros say nothing.
                let trimmed = s.trim_end_matches('0');
                trimmed.trim_end_matches([',', '.']).to_string()
            } else {
                s
            }
        }
        Value::Array(a) => number::number(a.len() as f64, 0, lang),
        Value::Null => "–".into(),
        Value::Bool(b) => if *b { "✓" } else { "–" }.into(),
        Value::String(s) => match s.as_str() {
            "effort" => t.effort.into(),
            "result" => t.result.into(),
            "technical" => t.technical.into(),
            "business" => t.business_kpi.into(),
            other => Role::ALL.iter().find(|r| r.id() == other).map_or_else(
                || other.to_string(),
                |r| names::role_name(*r, t).to_string(),
            ),
        },
        Value::Object(_) => String::new(),
    }
}

/// (path, value, default) of every input that differs from the default scenario.
pub fn changed(s: &Scenario, lang: Lang) -> Vec<(String, String, String)> {
    fn walk(prefix: &str, a: &Value, b: &Value, out: &mut Vec<(String, Value, Value)>) {
        match (a, b) {
            (Value::Object(x), Value::Object(y)) => {
                for (k, v) in x {
                    let path = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}.{k}")
                    };
                    walk(&path, v, y.get(k).unwrap_or(&Value::Null), out);
                }
            }
            _ if a != b => out.push((prefix.to_string(), a.clone(), b.clone())),
            _ => {}
        }
    }
    let (a, b) = (
        crate::sim::json::tree(s),
        crate::sim::json::tree(&Scenario::default()),
    );
    let mut out = Vec::new();
    walk("", &a, &b, &mut out);
    out.into_iter()
        .filter(|(p, _, _)| !matches!(p.as_str(), "name" | "description" | "schema_version"))
        .map(|(p, a, b)| {
            (
                input_label(&p, lang.t()),
                show_value(&a, lang),
                show_value(&b, lang),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{EN, NL};

    #[test]
    fn every_number_input_is_named_by_its_label_not_its_path() {
        for f in fields::SCENARIO {
            for t in [&EN, &NL] {
                let label = input_label(f.path, t);
                assert_eq!(label, t.label(f.label), "{}", f.path);
            }
        }
        assert_eq!(input_label("contract.obligation", &NL), NL.obligation);
        assert_eq!(input_label("no.such.path", &EN), "no.such.path");
    }

    #[test]
    fn the_changed_inputs_are_listed_with_both_values_in_the_language() {
        let mut s = Scenario::default();
        s.contract.fee_per_week = 1234.5;
        s.manager.role = crate::sim::Role::Nanny;
        let nl = changed(&s, Lang::Nl);
        let fee = nl
            .iter()
            .find(|(l, _, _)| l == NL.fee_per_week)
            .expect("the fee");
        assert_eq!(fee.1, "1.234,5");
        assert!(
            nl.iter()
                .any(|(l, v, _)| l == NL.sec_manager && v == NL.role_nanny),
            "{nl:?}"
        );
        assert_eq!(nl.len(), 2, "{nl:?}");
    }
}
