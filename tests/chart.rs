//! Charts draw a run into an SVG string natively.

use plotters::prelude::*;
use relsim::chart::{self, ChartStyle};
use relsim::sim::{self, presets};

#[test]
fn relationship_chart_draws_a_run_into_svg() {
    let s = presets::find("article-figure").unwrap().scenario();
    let h = sim::run(&s);
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (800, 400)).into_drawing_area();
        chart::relationship::draw(&area, &h, &s, "week", None, &ChartStyle::default()).unwrap();
    }
    assert!(svg.starts_with("<svg"));
    // Three lines (relationship, client, supplier) and both bounds.
    assert!(
        svg.matches("<polyline").count() >= 5,
        "{}",
        svg.matches("<polyline").count()
    );
    // The status strip: one rectangle per week at least.
    assert!(svg.matches("<rect").count() >= h.rows.len());
    assert!(svg.contains("week"));
}
