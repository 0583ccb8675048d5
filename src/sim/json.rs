//! Reading and writing the JSON documents: scenario files, exercises, result files, worker
//! tasks and summaries. Every document goes through the same one reader and one writer, so the
//! web build compiles each type's reading and writing code once, not once per way of calling
//! serde_json (plain or path-tracked, string or bytes, compact, pretty or as a `Value`): that
//! duplication was a sizeable share of the UI module's download.

use super::ScenarioError;
use serde::{de::DeserializeOwned, Serialize};

/// Reads a `T` from JSON, naming the field at fault; `what` names the document in the message
/// ("scenario JSON", "exercise JSON", ...). Text after the document is an error.
pub(crate) fn read<T: DeserializeOwned>(text: &str, what: &str) -> Result<T, ScenarioError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value: T =
        serde_path_to_error::deserialize(&mut de).map_err(|e| ScenarioError::from_json(e, what))?;
    de.end()
        .map_err(|e| ScenarioError::from_json_end(e, what))?;
    Ok(value)
}

/// Compact JSON of `value` (no whitespace).
pub(crate) fn write<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// JSON of `value` laid out as serde_json's pretty printer does (two-space indent, one member
/// or element per line, empty `{}` and `[]` kept whole), made from the compact text.
pub(crate) fn pretty<T: Serialize>(value: &T) -> String {
    indent(&write(value))
}

/// `value` as a JSON tree (for walking its fields by name).
pub(crate) fn tree<T: Serialize>(value: &T) -> serde_json::Value {
    serde_json::from_str(&write(value)).unwrap_or_default()
}

/// Lays out compact JSON (which has no whitespace outside strings) with line breaks and indents.
fn indent(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let (mut in_string, mut escaped) = (false, false);
    let mut chars = compact.chars().peekable();
    let new_line = |out: &mut String, depth: usize| {
        out.push('\n');
        out.extend(std::iter::repeat_n("  ", depth));
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                let close = if c == '{' { '}' } else { ']' };
                if chars.peek() == Some(&close) {
                    out.push(close);
                    chars.next();
                } else {
                    depth += 1;
                    new_line(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                new_line(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                new_line(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{exercise, presets, Scenario};

    fn same_as_serde_json<T: Serialize>(value: &T) {
        assert_eq!(pretty(value), serde_json::to_string_pretty(value).unwrap());
    }

    #[test]
    fn pretty_is_serde_jsons_layout() {
        for p in presets::ALL {
            same_as_serde_json(&p.scenario());
        }
        for (id, _) in exercise::BUILTIN {
            same_as_serde_json(&exercise::builtin(id).unwrap());
        }
        same_as_serde_json(&serde_json::json!({
            "a": [], "b": {}, "c": "q\"{[,:]}\\ \u{0001} é", "d": [[1, {}], {"e": null}], "f": -1.5e-7
        }));
    }

    #[test]
    fn read_names_the_document_and_the_field() {
        let e =
            read::<Scenario>(r#"{"contract":{"fee_per_week":"x"}}"#, "scenario JSON").unwrap_err();
        assert_eq!(e.path, "contract.fee_per_week");
        assert!(
            e.message.starts_with("invalid scenario JSON: invalid type"),
            "{e}"
        );
        let e = read::<Scenario>("{} x", "test file").unwrap_err();
        assert!(
            e.message
                .starts_with("invalid test file: trailing characters"),
            "{e}"
        );
        let tree = tree(&Scenario::default());
        assert_eq!(tree, serde_json::to_value(Scenario::default()).unwrap());
    }
}
