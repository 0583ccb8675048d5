//! Money formatting, in one place for the app's tables and the charts' axes.

/// k€ rounded to whole thousands with thin spaces between groups of three: `−12 345 k€`.
pub fn keur(v: f64) -> String {
    let n = v.round() as i64;
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    format!("{}{out} k€", if n < 0 { "−" } else { "" })
}

/// k€ with its sign always shown (a difference): `+1 200 k€`, `−5 k€`, `0 k€`.
pub fn keur_signed(v: f64) -> String {
    let text = keur(v);
    if v.round() > 0.0 {
        format!("+{text}")
    } else {
        text
    }
}

/// k€ compactly for an axis: `750 k€`, `1.2 M€`.
pub fn keur_axis(v: f64) -> String {
    if v.abs() >= 1000.0 {
        format!("{:.1} M€", v / 1000.0)
    } else {
        format!("{v:.0} k€")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_grouped_signed_and_compact() {
        assert_eq!(keur(1_234_567.4), "1\u{202f}234\u{202f}567 k€");
        assert_eq!(keur(-999.6), "−1\u{202f}000 k€");
        assert_eq!(keur(0.2), "0 k€");
        assert_eq!(keur_signed(12.0), "+12 k€");
        assert_eq!(keur_signed(-12.0), "−12 k€");
        assert_eq!(keur_signed(0.4), "0 k€");
        assert_eq!(keur_axis(1500.0), "1.5 M€");
        assert_eq!(keur_axis(-250.0), "-250 k€");
    }
}
