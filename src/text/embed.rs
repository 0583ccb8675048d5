//! What an embed address asks for (`?embed=relationship,focus&controls=1`): which charts and
//! views, in the order asked, each once. Pure string work, tested natively; the app gives the
//! names it knows.

/// What an embed address asks for.
#[derive(Clone, Debug, PartialEq)]
pub struct EmbedSpec {
    /// Indices into the chart names given to [`parse`], in the order asked.
    pub charts: Vec<usize>,
    /// Indices into the view names given to [`parse`], in the order asked.
    pub views: Vec<usize>,
    /// Whether the controls are shown.
    pub controls: bool,
}

/// Parses an `embed=` value: names separated by commas (or `+`), or `all` for every chart.
/// Unknown names are left out, a name asked twice counts once, and an address that names
/// nothing known shows the first chart.
pub fn parse(value: &str, controls: bool, charts: &[&str], views: &[&str]) -> EmbedSpec {
    let asked: Vec<&str> = value.split([',', '+']).map(str::trim).collect();
    let pick = |names: &[&str]| {
        let mut out: Vec<usize> = Vec::new();
        for i in asked
            .iter()
            .filter_map(|a| names.iter().position(|n| n == a))
        {
            if !out.contains(&i) {
                out.push(i);
            }
        }
        out
    };
    let mut spec = EmbedSpec {
        charts: if value.trim() == "all" {
            (0..charts.len()).collect()
        } else {
            pick(charts)
        },
        views: pick(views),
        controls,
    };
    if spec.charts.is_empty() && spec.views.is_empty() && !charts.is_empty() {
        spec.charts.push(0);
    }
    spec
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHARTS: [&str; 4] = ["relationship", "focus", "trust", "money"];
    const VIEWS: [&str; 2] = ["ensemble", "why"];

    #[test]
    fn names_in_order_once_all_and_a_fallback() {
        let p = |v: &str| parse(v, false, &CHARTS, &VIEWS);
        assert_eq!(p("money, focus").charts, [3, 1]);
        assert_eq!(p("relationship,focus,relationship").charts, [0, 1]);
        assert_eq!(p("all").charts, [0, 1, 2, 3]);
        assert_eq!(p("why+trust").views, [1]);
        assert_eq!(p("why+trust").charts, [2]);
        assert_eq!(p("nonsense").charts, [0]);
        assert!(p("ensemble").charts.is_empty());
        assert!(parse("focus", true, &CHARTS, &VIEWS).controls);
    }
}
