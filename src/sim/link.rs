//! Scenarios in links and in local storage: the address fragment `#s=<percent-encoded JSON>` and
//! the stored JSON text, encoded and decoded here in pure Rust so that the app and the native
//! tests (the fuzzing campaign, the golden links) run exactly the same code.

use super::scenario::Scenario;
use super::ScenarioError;

/// The fragment prefix that marks a scenario in the address.
pub const FRAGMENT_PREFIX: &str = "#s=";

/// Why a link or a stored scenario could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkError {
    /// A `%` not followed by two hexadecimal digits.
    BadEscape {
        /// Byte offset of the `%` in the encoded text.
        at: usize,
        /// The offending text (the `%` and up to two characters after it).
        found: String,
    },
    /// The decoded bytes are not UTF-8 text (for example a lone `%FF`).
    NotUtf8 {
        /// Byte offset in the decoded text where the invalid sequence starts.
        at: usize,
    },
    /// The text decoded but is not a usable scenario.
    Scenario(ScenarioError),
}

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LinkError::BadEscape { at, found } => write!(
                f,
                "bad percent-encoding at character {at}: {found:?} is not % followed by two hex digits"
            ),
            LinkError::NotUtf8 { at } => write!(
                f,
                "the percent-encoded text is not valid UTF-8 (at decoded byte {at})"
            ),
            LinkError::Scenario(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for LinkError {}

impl From<ScenarioError> for LinkError {
    fn from(e: ScenarioError) -> Self {
        LinkError::Scenario(e)
    }
}

/// Whether `b` stays literal under JavaScript's `encodeURIComponent` (letters, digits and
/// `-_.!~*'()`); links made by earlier versions of the app used exactly that set.
fn unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b)
}

/// Percent-encodes `text` as JavaScript's `encodeURIComponent` does (UTF-8, upper-case hex).
pub fn percent_encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len() * 3 / 2);
    for &b in text.as_bytes() {
        if unreserved(b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
    out
}

/// Decodes `%XX` escapes into UTF-8 text; every other character stays as it is (a `+` is not a
/// space: the app never wrote one for a space).
pub fn percent_decode(text: &str) -> Result<String, LinkError> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = |k: usize| bytes.get(k).and_then(|&c| (c as char).to_digit(16));
            match (hex(i + 1), hex(i + 2)) {
                (Some(h), Some(l)) => {
                    // Two hex digits fit a byte: h, l < 16.
                    out.push((h * 16 + l) as u8);
                    i += 3;
                }
                _ => {
                    let found: String = text[i..].chars().take(3).collect();
                    return Err(LinkError::BadEscape { at: i, found });
                }
            }
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|e| LinkError::NotUtf8 {
        at: e.utf8_error().valid_up_to(),
    })
}

/// The fragment (with its `#`) that carries `scenario`, as the app puts it in the address.
pub fn encode_fragment(scenario: &Scenario) -> String {
    let json = super::json::write(scenario);
    format!("{FRAGMENT_PREFIX}{}", percent_encode(&json))
}

/// The scenario in an address fragment (`location.hash`, with or without its `#`): `None` when
/// the fragment carries no scenario, otherwise the scenario or why it cannot be used.
pub fn scenario_in_fragment(hash: &str) -> Option<Result<Scenario, LinkError>> {
    fragment_payload(hash).map(decode_fragment)
}

/// The percent-encoded scenario in an address fragment (with or without its `#`), undecoded:
/// `None` when the fragment carries no scenario.
pub fn fragment_payload(hash: &str) -> Option<&str> {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    hash.strip_prefix(&FRAGMENT_PREFIX[1..])
}

/// Decodes the percent-encoded scenario JSON of a link (the text after `#s=`).
pub fn decode_fragment(encoded: &str) -> Result<Scenario, LinkError> {
    let json = percent_decode(encoded)?;
    Ok(Scenario::from_json(&json)?)
}

/// Reads the scenario text kept in local storage.
pub fn decode_stored(text: &str) -> Result<Scenario, LinkError> {
    Ok(Scenario::from_json(text)?)
}

/// The text kept in local storage for `scenario`.
pub fn encode_stored(scenario: &Scenario) -> String {
    super::json::write(scenario)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_matches_encode_uri_component() {
        // Expected values computed with JavaScript's encodeURIComponent (node 22).
        assert_eq!(
            percent_encode(r#"{"name":"A & B","x":[1.5,-2]}"#),
            "%7B%22name%22%3A%22A%20%26%20B%22%2C%22x%22%3A%5B1.5%2C-2%5D%7D"
        );
        assert_eq!(
            percent_encode("Café ~*'()!#%+"),
            "Caf%C3%A9%20~*'()!%23%25%2B"
        );
        assert_eq!(percent_encode("€😀"), "%E2%82%AC%F0%9F%98%80");
    }

    #[test]
    fn a_fragment_round_trips() {
        let mut s = Scenario {
            name: "Naïve \"quoted\" 100% & more".into(),
            seed: u64::MAX,
            ..Scenario::default()
        };
        s.contract.opt_out_week = Some(30);
        let hash = encode_fragment(&s);
        assert!(hash.starts_with("#s=%7B"));
        assert_eq!(scenario_in_fragment(&hash), Some(Ok(s.clone())));
        assert_eq!(scenario_in_fragment(&hash[1..]), Some(Ok(s.clone())));
        assert_eq!(decode_stored(&encode_stored(&s)), Ok(s));
    }

    #[test]
    fn a_fragment_without_a_scenario_is_none() {
        assert_eq!(scenario_in_fragment(""), None);
        assert_eq!(scenario_in_fragment("#"), None);
        assert_eq!(scenario_in_fragment("#top"), None);
    }

    #[test]
    fn bad_links_name_what_is_wrong() {
        let e = decode_fragment("%7B%2").unwrap_err();
        assert_eq!(
            e,
            LinkError::BadEscape {
                at: 3,
                found: "%2".into()
            }
        );
        assert!(e
            .to_string()
            .contains("bad percent-encoding at character 3"));
        let e = decode_fragment("%7BG%GZ").unwrap_err();
        assert!(matches!(e, LinkError::BadEscape { at: 4, .. }), "{e:?}");
        assert_eq!(
            decode_fragment("%7B%FF%7D").unwrap_err(),
            LinkError::NotUtf8 { at: 1 }
        );
        // A truncated multi-byte character.
        assert!(matches!(
            decode_fragment("%22%C3").unwrap_err(),
            LinkError::NotUtf8 { at: 1 }
        ));
        let e = decode_fragment("%7B%22weeks%22%3A0%7D").unwrap_err();
        assert!(e.to_string().starts_with("weeks:"), "{e}");
        // Multi-byte characters around a bad escape do not split a character.
        assert!(matches!(
            decode_fragment("é%é").unwrap_err(),
            LinkError::BadEscape { .. }
        ));
    }
}
