//! Numbers in the interface language, in one place for cards, tables, messages and chart axes:
//! English `1,234.5`, Dutch `1.234,5` — what the browser's `Intl.NumberFormat` writes for
//! `en-GB` and `nl-NL` (a browser test compares the two), but native, so that the charts drawn
//! in native tests read the same, and a value that rounds to zero carries no minus sign.

use super::lang::Lang;

/// The language's group and decimal separators.
fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::En => (',', '.'),
        Lang::Nl => ('.', ','),
    }
}

/// `v` with exactly `decimals` decimals and the language's separators; `–` when not finite.
pub fn number(v: f64, decimals: u8, lang: Lang) -> String {
    if !v.is_finite() {
        return "–".into();
    }
    let (group, point) = separators(lang);
    let scale = 10f64.powi(i32::from(decimals));
    // Round half away from zero, as Intl does; on the scaled value to keep the digits exact.
    let scaled = (v.abs() * scale).round();
    let digits = format!("{scaled:.0}");
    let d = usize::from(decimals);
    let digits = if digits.len() <= d {
        format!("{}{digits}", "0".repeat(d + 1 - digits.len()))
    } else {
        digits
    };
    let (int, frac) = digits.split_at(digits.len() - d);
    let mut out = String::new();
    if v < 0.0 && scaled > 0.0 {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(c);
    }
    if d > 0 {
        out.push(point);
        out.push_str(frac);
    }
    out
}

/// `v` with its sign always shown (a difference): `+1,5`, `-1,5`, `0` (no sign on zero), as
/// `Intl.NumberFormat` writes it with `signDisplay: "exceptZero"`.
pub fn signed(v: f64, decimals: u8, lang: Lang) -> String {
    let n = number(v.abs(), decimals, lang);
    let zero = !n.chars().any(|c| c.is_ascii_digit() && c != '0');
    match (v < 0.0, zero) {
        (_, true) => n,
        (true, false) => format!("-{n}"),
        (false, false) => format!("+{n}"),
    }
}

/// A share (0..=1) as a percentage with `decimals` decimals: `61.2%`, `61,2%`.
pub fn percent(v: f64, decimals: u8, lang: Lang) -> String {
    format!("{}%", number(v * 100.0, decimals, lang))
}

/// A share's difference as a percentage with its sign: `+4%`, `-12%`.
pub fn percent_signed(v: f64, decimals: u8, lang: Lang) -> String {
    format!("{}%", signed(v * 100.0, decimals, lang))
}

/// A difference of shares in percentage points with its sign: `+1.5 pp`, `-1,5 pp`.
pub fn points(v: f64, decimals: u8, lang: Lang) -> String {
    format!("{}\u{a0}pp", signed(v * 100.0, decimals, lang))
}

/// Thousands of euros, whole: `1,234 k€`, `1.234 k€`.
pub fn keur(v: f64, lang: Lang) -> String {
    format!("{}\u{a0}k€", number(v, 0, lang))
}

/// Thousands of euros with `decimals` decimals: `12.5 k€`.
pub fn keur_exact(v: f64, decimals: u8, lang: Lang) -> String {
    format!("{}\u{a0}k€", number(v, decimals, lang))
}

/// k€ with its sign always shown (a difference): `+1,200 k€`, `-5 k€`, `0 k€`.
pub fn keur_signed(v: f64, lang: Lang) -> String {
    format!("{}\u{a0}k€", signed(v, 0, lang))
}

/// k€ compactly for an axis: `750 k€`, `1.2 M€` (`1,2 M€` in Dutch).
pub fn keur_axis(v: f64, lang: Lang) -> String {
    if v.abs() >= 1000.0 {
        format!("{}\u{a0}M€", number(v / 1000.0, 1, lang))
    } else {
        keur(v, lang)
    }
}

/// A number of weeks with its unit, singular for one: `1 week`, `3 weken`.
pub fn weeks(v: f64, lang: Lang) -> String {
    let t = lang.t();
    let unit = if v.round() == 1.0 {
        t.unit_week
    } else {
        t.unit_weeks
    };
    format!("{} {unit}", number(v, 0, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_groups_and_points_as_its_locale_does() {
        assert_eq!(number(1_234_567.25, 1, Lang::En), "1,234,567.3");
        assert_eq!(number(1_234_567.25, 1, Lang::Nl), "1.234.567,3");
        assert_eq!(number(999.5, 0, Lang::Nl), "1.000");
        assert_eq!(number(-0.004, 2, Lang::En), "0.00");
        assert_eq!(number(-12.5, 0, Lang::En), "-13");
        assert_eq!(number(0.05, 2, Lang::Nl), "0,05");
        assert_eq!(number(f64::NAN, 1, Lang::En), "–");
    }

    #[test]
    fn money_is_grouped_signed_and_compact_in_the_language() {
        assert_eq!(keur(5369.4, Lang::Nl), "5.369\u{a0}k€");
        assert_eq!(keur(5369.4, Lang::En), "5,369\u{a0}k€");
        assert_eq!(keur_signed(12.0, Lang::En), "+12\u{a0}k€");
        assert_eq!(keur_signed(-12.0, Lang::Nl), "-12\u{a0}k€");
        assert_eq!(keur_signed(0.4, Lang::En), "0\u{a0}k€");
        assert_eq!(keur_axis(1500.0, Lang::Nl), "1,5\u{a0}M€");
        assert_eq!(keur_axis(1500.0, Lang::En), "1.5\u{a0}M€");
        assert_eq!(keur_axis(-250.0, Lang::En), "-250\u{a0}k€");
        assert_eq!(percent(0.612, 1, Lang::Nl), "61,2%");
        assert_eq!(percent_signed(-0.1, 0, Lang::En), "-10%");
    }
}
