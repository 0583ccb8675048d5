//! Why a scenario cannot be used: the field at fault and what is allowed.

/// A scenario that cannot be used, with the field at fault.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioError {
    /// Dotted path of the field, or empty when the whole input is at fault.
    pub path: String,
    /// What is wrong and what is allowed.
    pub message: String,
}

impl ScenarioError {
    /// A JSON error with the path of the field being read when it occurred (the message adds
    /// its line and column). A step the tracker could not name is left out, and an unknown
    /// field is reported at the object it was found in (the message names it).
    /// `what` names the document ("scenario JSON").
    pub(crate) fn from_json(e: serde_path_to_error::Error<serde_json::Error>, what: &str) -> Self {
        use serde_path_to_error::Segment;
        let inner = e.inner().to_string();
        let message = one_line(&format!("invalid {what}: {inner}"));
        let mut segments: Vec<&Segment> = e.path().iter().collect();
        if inner.starts_with("unknown field") {
            segments.pop();
        }
        let mut path = String::new();
        for segment in segments {
            match segment {
                Segment::Seq { index } => path.push_str(&format!("[{index}]")),
                Segment::Map { key } | Segment::Enum { variant: key } => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(&one_line(key));
                }
                _ => {}
            }
        }
        Self { path, message }
    }

    /// Text after the document's closing brace.
    pub(crate) fn from_json_end(e: serde_json::Error, what: &str) -> Self {
        Self {
            path: String::new(),
            message: format!("invalid {what}: {e}"),
        }
    }
}

/// `text` with control characters escaped (`\n`), so that an error quoting the input (an
/// unknown variant's name) stays on one line.
fn one_line(text: &str) -> String {
    text.chars()
        .flat_map(|c| {
            let escaped = c.is_control().then(|| c.escape_default());
            escaped
                .into_iter()
                .flatten()
                .chain((!c.is_control()).then_some(c))
        })
        .collect()
}

impl std::fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for ScenarioError {}
