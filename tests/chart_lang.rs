//! Chart axes speak the chart's language: the same money chart drawn in English and in Dutch
//! labels its axis `1.5 M€` and `1,5 M€`.

use plotters::prelude::*;
use relsim::chart::{self, ChartStyle};
use relsim::sim::{self, presets, Scenario};
use relsim::text::Lang;

/// The text of every `<text>` element of an SVG.
fn labels(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            Some(
                t.split_once('>')?
                    .1
                    .split_once("</text>")?
                    .0
                    .trim()
                    .to_string(),
            )
        })
        .collect()
}

fn money_axis(s: &Scenario, lang: Lang) -> Vec<String> {
    let h = sim::run(s);
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (800, 400)).into_drawing_area();
        let style = ChartStyle {
            lang,
            ..ChartStyle::default()
        };
        chart::money::draw(&area, &h, s, lang.t().week, None, &style).unwrap();
    }
    labels(&svg)
        .into_iter()
        .filter(|l| l.contains('€'))
        .collect()
}

#[test]
fn the_money_axis_is_written_in_the_language_of_the_chart() {
    // A long run: the cumulative sums pass a million euros, so the axis counts in M€.
    let s = presets::find("default").unwrap().scenario();
    let (en, nl) = (money_axis(&s, Lang::En), money_axis(&s, Lang::Nl));
    assert!(en.iter().any(|l| l.contains("M€")), "{en:?}");
    assert_eq!(en.len(), nl.len());
    for (e, n) in en.iter().zip(&nl) {
        // The same number, with the point and comma swapped.
        let swapped: String = e
            .chars()
            .map(|c| match c {
                '.' => ',',
                ',' => '.',
                c => c,
            })
            .collect();
        assert_eq!(&swapped, n, "English {e}, Dutch {n}");
    }
    assert!(
        nl.iter().any(|l| l.contains(',')),
        "a Dutch decimal comma: {nl:?}"
    );
}
