//! Join codes and display names: what a participant types, read the same way by the app (to
//! tell at once) and by the server (which decides).

use crate::sim::ScenarioError;

/// The characters of a join code: capitals and digits without the ones read alike on a
/// projector (0/O, 1/I/L).
pub const CODE_ALPHABET: &str = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/// A join code's length: 31⁶ ≈ 900 million codes, against a few guesses per minute.
pub const CODE_LEN: usize = 6;
/// Longest display name, in characters.
pub const MAX_NAME_CHARS: usize = 40;

/// Reads a typed join code: spaces and dashes dropped, small letters made capitals; an error
/// names the field and what is allowed.
pub fn join_code(typed: &str) -> Result<String, ScenarioError> {
    let code: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect();
    let fail = |message: String| ScenarioError {
        path: "code".into(),
        message,
    };
    if code.chars().count() != CODE_LEN {
        return Err(fail(format!(
            "must be {CODE_LEN} characters (letters and digits, as shown by the trainer)"
        )));
    }
    if let Some(c) = code.chars().find(|c| !CODE_ALPHABET.contains(*c)) {
        return Err(fail(format!(
            "'{c}' is not in a join code; allowed: {CODE_ALPHABET}"
        )));
    }
    Ok(code)
}

/// Reads a display name: spaces at the ends dropped and runs of white space made one; it must
/// have 1 to [`MAX_NAME_CHARS`] characters and no control characters.
pub fn clean_name(typed: &str) -> Result<String, ScenarioError> {
    let fail = |message: String| ScenarioError {
        path: "name".into(),
        message,
    };
    // Count before joining, so that a name of megabytes is refused without building it.
    if typed.len() > MAX_NAME_CHARS * 8 {
        return Err(fail(format!(
            "is too long; allowed: 1 to {MAX_NAME_CHARS} characters"
        )));
    }
    let name = typed.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.chars().any(char::is_control) {
        return Err(fail("must not hold control characters".into()));
    }
    match name.chars().count() {
        0 => Err(fail(format!(
            "is empty; allowed: 1 to {MAX_NAME_CHARS} characters"
        ))),
        n if n > MAX_NAME_CHARS => Err(fail(format!(
            "has {n} characters; allowed: 1 to {MAX_NAME_CHARS}"
        ))),
        _ => Ok(name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_read_as_typed_and_refused_with_its_field() {
        assert_eq!(join_code(" ab3-x7k ").unwrap(), "AB3X7K");
        let e = join_code("AB0X7K").unwrap_err();
        assert_eq!(e.path, "code");
        assert!(e.message.contains("'0'"), "{}", e.message);
        assert!(join_code("AB3X7")
            .unwrap_err()
            .message
            .contains("6 characters"));
        assert!(CODE_ALPHABET.chars().all(|c| !"0O1IL".contains(c)));
    }

    #[test]
    fn a_name_is_tidied_and_limited() {
        assert_eq!(clean_name("  Ann \t de  Vries ").unwrap(), "Ann de Vries");
        assert_eq!(clean_name("").unwrap_err().path, "name");
        let long = "x".repeat(MAX_NAME_CHARS + 1);
        assert!(clean_name(&long)
            .unwrap_err()
            .message
            .contains("41 characters"));
        assert!(clean_name(&"x".repeat(20_000_000)).is_err());
        assert!(clean_name("a\u{7}b").is_err());
        assert_eq!(clean_name("<b>Ann</b>").unwrap(), "<b>Ann</b>");
    }
}
