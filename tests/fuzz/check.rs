//! The property every input must have, shared by the fuzzing campaign and its regression tests:
//! it gives a valid run with finite numbers everywhere, or one clear error naming the field (or,
//! for text that is not JSON at all, the line and column) — never a panic, a hang or NaN.

use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Once;
use std::time::{Duration, Instant};

use relsim::sim::{self, link, Ensemble, Plan, Scenario, Summary};

/// Longest a case may take.
pub const MAX_CASE_TIME: Duration = Duration::from_secs(1);

/// Where an input comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A scenario file (CLI, import in the app).
    Json,
    /// An address fragment (`#s=…`).
    Fragment,
    /// The text kept in local storage.
    Storage,
}

impl Kind {
    /// Every kind.
    pub const ALL: [Kind; 3] = [Kind::Json, Kind::Fragment, Kind::Storage];

    /// The prefix of corpus file names of this kind.
    pub fn id(self) -> &'static str {
        match self {
            Kind::Json => "json",
            Kind::Fragment => "fragment",
            Kind::Storage => "storage",
        }
    }
}

/// What an acceptable case did.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// A valid scenario, run with finite numbers everywhere.
    Ran,
    /// Refused with a clear error.
    Refused(String),
    /// A fragment with no scenario in it (the app then starts from storage).
    NoScenario,
}

thread_local! {
    /// Whether this thread is inside a case, where a panic is a finding rather than news.
    static IN_CASE: Cell<bool> = const { Cell::new(false) };
}

/// Keeps panics inside cases quiet (each is reported as a failure with its message); panics
/// elsewhere print as usual.
pub fn quiet_panics_in_cases() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !IN_CASE.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

/// Runs one case; `Err` says what went wrong.
pub fn check(kind: Kind, input: &str) -> Result<Outcome, String> {
    quiet_panics_in_cases();
    let start = Instant::now();
    IN_CASE.with(|c| c.set(true));
    let result = catch_unwind(AssertUnwindSafe(|| decode_and_run(kind, input)));
    IN_CASE.with(|c| c.set(false));
    let took = start.elapsed();
    let outcome = match result {
        Ok(r) => r?,
        Err(panic) => {
            let msg = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            return Err(format!("panic: {msg}"));
        }
    };
    if took > MAX_CASE_TIME {
        // Wall time also counts the machine's other work; an input that is slow itself is slow
        // again, a stall of the machine is not.
        let again = Instant::now();
        let _ = catch_unwind(AssertUnwindSafe(|| decode_and_run(kind, input)));
        let retook = again.elapsed();
        if retook > MAX_CASE_TIME {
            return Err(format!(
                "took {took:?} and again {retook:?}, more than {MAX_CASE_TIME:?}"
            ));
        }
    }
    Ok(outcome)
}

fn decode(kind: Kind, input: &str) -> Option<Result<Scenario, link::LinkError>> {
    match kind {
        Kind::Json => Some(Scenario::from_json(input).map_err(link::LinkError::from)),
        Kind::Fragment => link::scenario_in_fragment(input),
        Kind::Storage => Some(link::decode_stored(input)),
    }
}

fn decode_and_run(kind: Kind, input: &str) -> Result<Outcome, String> {
    match decode(kind, input) {
        None => Ok(Outcome::NoScenario),
        Some(Err(e)) => clear_error(&e).map(|()| Outcome::Refused(e.to_string())),
        Some(Ok(s)) => {
            run_is_finite(&s)?;
            // A link the app writes for this scenario loads back as the same scenario.
            let again = link::scenario_in_fragment(&link::encode_fragment(&s));
            if again.as_ref() != Some(&Ok(s.clone())) {
                return Err(format!("its own link does not load back: {again:?}"));
            }
            Ok(Outcome::Ran)
        }
    }
}

/// The top-level fields of a scenario, which a field path starts with.
fn top_level_fields() -> Vec<String> {
    match serde_json::to_value(Scenario::default()) {
        Ok(serde_json::Value::Object(m)) => m.keys().cloned().collect(),
        _ => Vec::new(),
    }
}

/// One line; a field path that starts with a scenario field, or else (text that is not a
/// scenario's JSON at all) a line and column, or a link's encoding fault.
fn clear_error(e: &link::LinkError) -> Result<(), String> {
    let text = e.to_string();
    if text.trim().is_empty() || text.contains(['\n', '\r']) {
        return Err(format!("not one clear line: {text:?}"));
    }
    match e {
        link::LinkError::BadEscape { .. } | link::LinkError::NotUtf8 { .. } => Ok(()),
        link::LinkError::Scenario(se) if se.path.is_empty() => {
            let position = se.message.contains(" line ") && se.message.contains(" column ");
            if position || se.message.contains("a scenario is a JSON object") {
                Ok(())
            } else {
                Err(format!("names neither a field nor a position: {text}"))
            }
        }
        link::LinkError::Scenario(se) => {
            let first = se.path.split(['.', '[']).next().unwrap_or_default();
            if top_level_fields().iter().any(|f| f == first) {
                Ok(())
            } else {
                Err(format!("'{}' is not a field path: {text}", se.path))
            }
        }
    }
}

/// Every `NaN` or infinity in a value's debug text, outside quoted strings.
pub fn non_finite(debug: &str) -> Option<String> {
    let mut in_string = false;
    let mut escaped = false;
    let mut token = String::new();
    for c in debug.chars().chain([' ']) {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        if c.is_alphanumeric() || c == '_' {
            token.push(c);
            continue;
        }
        if token == "NaN" || token == "inf" {
            let head: String = debug.chars().take(80).collect();
            return Some(format!("{token} in {head}…"));
        }
        token.clear();
        if c == '"' {
            in_string = true;
        }
    }
    None
}

/// Runs `s` once (its history) and as a two-run ensemble (its summary); every number must be
/// finite.
fn run_is_finite(s: &Scenario) -> Result<(), String> {
    let history = sim::run(s);
    if history.rows.len() != s.weeks as usize {
        return Err(format!("{} rows for {} weeks", history.rows.len(), s.weeks));
    }
    if let Some(bad) = non_finite(&format!("{:?}", history.rows)) {
        return Err(format!("history: {bad}"));
    }
    if let Some(bad) = non_finite(&format!("{:?}", history.events)) {
        return Err(format!("events: {bad}"));
    }
    let ensemble = Ensemble::run(&Plan::new(s), 2);
    let summary = Summary::of(&ensemble);
    if let Some(bad) = non_finite(&format!("{summary:?}")) {
        return Err(format!("summary: {bad}"));
    }
    if let Some(bad) = non_finite(&format!("{ensemble:?}")) {
        return Err(format!("ensemble: {bad}"));
    }
    let csv = sim::csv::history_csv(&history);
    if csv.lines().next().is_none() {
        return Err("empty CSV".into());
    }
    Ok(())
}

#[test]
fn non_finite_numbers_are_found_outside_strings() {
    assert!(non_finite("Row { a: 1.0, b: NaN }").is_some());
    assert!(non_finite("[1.0, -inf]").is_some());
    assert!(non_finite("[inf, 2.0]").is_some());
    assert!(non_finite("Row { name: \"NaN inf\", b: 1.0 }").is_none());
    assert!(non_finite("Row { infinite: 1.0, inflation: 2.0 }").is_none());
    assert!(non_finite("Row { s: \"a \\\" NaN\" }").is_none());
}
