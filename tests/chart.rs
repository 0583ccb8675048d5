//! Charts draw a run into an SVG string natively. The checks read the drawn lines back: each
//! series must appear as a line in its own colour with one point per week whose heights follow
//! the data (a linear map from value to pixel, within rounding), and the same chart drawn from
//! an empty history must fail that check, so an empty chart cannot pass.

use plotters::prelude::*;
use plotters::style::RGBColor;
use relsim::chart::{self, palette, ChartStyle};
use relsim::sim::{self, presets, History, Row, Scenario};

type Draw = fn(
    &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>,
    &History,
    &Scenario,
    &str,
    Option<usize>,
    &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<std::io::Error>>;

fn svg_of(draw: Draw, h: &History, s: &Scenario) -> String {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (800, 400)).into_drawing_area();
        draw(&area, h, s, "week", None, &ChartStyle::default()).unwrap();
    }
    svg
}

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// The points of every polyline stroked in `color`.
fn polylines(svg: &str, color: RGBColor) -> Vec<Vec<(f64, f64)>> {
    let want = format!("stroke=\"{}\"", hex(color));
    svg.split("<polyline")
        .skip(1)
        .map(|tag| &tag[..tag.find("/>").unwrap_or(tag.len())])
        .filter(|tag| tag.to_uppercase().contains(&want.to_uppercase()))
        .filter_map(|tag| {
            let start = tag.find("points=\"")? + 8;
            let end = start + tag[start..].find('"')?;
            Some(
                tag[start..end]
                    .split_whitespace()
                    .filter_map(|p| {
                        let (x, y) = p.split_once(',')?;
                        Some((x.parse().ok()?, y.parse().ok()?))
                    })
                    .collect(),
            )
        })
        .collect()
}

/// Whether some line in `color` draws `values`, one point per week from left to right, at
/// heights that a linear, decreasing map from value to pixel explains within 1.5 pixels.
fn draws(svg: &str, color: RGBColor, values: &[f64]) -> Result<(), String> {
    let lines = polylines(svg, color);
    let mut why = format!("{} lines in {}", lines.len(), hex(color));
    for pts in lines {
        if pts.len() != values.len() {
            why = format!("a line of {} points for {} weeks", pts.len(), values.len());
            continue;
        }
        if pts.windows(2).any(|w| w[1].0 <= w[0].0) {
            why = "points not left to right".into();
            continue;
        }
        // Least-squares fit y = a + b·v, then the largest miss.
        let n = values.len() as f64;
        let mv = values.iter().sum::<f64>() / n;
        let my = pts.iter().map(|p| p.1).sum::<f64>() / n;
        let svv: f64 = values.iter().map(|v| (v - mv) * (v - mv)).sum();
        let svy: f64 = values.iter().zip(&pts).map(|(v, p)| (v - mv) * (p.1 - my)).sum();
        if svv <= 0.0 {
            return Err("constant data cannot show the map".into());
        }
        let b = svy / svv;
        let a = my - b * mv;
        let miss = values
            .iter()
            .zip(&pts)
            .map(|(v, p)| (a + b * v - p.1).abs())
            .fold(0.0, f64::max);
        if b < 0.0 && miss <= 1.5 {
            return Ok(());
        }
        why = format!("heights miss the data by {miss:.1} px (slope {b:.1})");
    }
    Err(why)
}

fn column(h: &History, f: fn(&Row) -> f64) -> Vec<f64> {
    h.rows.iter().map(f).collect()
}

#[test]
fn each_chart_draws_its_series_from_the_data() {
    let s = presets::find("farbo").unwrap().scenario();
    let h = sim::run(&s);
    let empty = History::default();
    let cumulative = chart::money::cumulative(&h);
    let cases: Vec<(&str, Draw, RGBColor, Vec<f64>)> = vec![
        (
            "relationship line",
            chart::relationship::draw,
            palette::INK,
            column(&h, |r| r.relationship),
        ),
        (
            "client appreciation",
            chart::relationship::draw,
            palette::BLUE,
            column(&h, |r| r.client_appreciation),
        ),
        (
            "supplier appreciation",
            chart::relationship::draw,
            palette::ORANGE,
            column(&h, |r| r.supplier_appreciation),
        ),
        (
            "customer focus",
            chart::focus::draw,
            palette::INK,
            column(&h, |r| r.effort),
        ),
        (
            "quality",
            chart::focus::draw,
            palette::PURPLE,
            column(&h, |r| r.quality),
        ),
        (
            "client trust",
            chart::trust::draw,
            palette::BLUE,
            column(&h, |r| r.client_trust),
        ),
        (
            "alignment",
            chart::trust::draw,
            palette::GREEN,
            column(&h, |r| r.alignment),
        ),
        (
            "client cost",
            chart::money::draw,
            palette::BLUE,
            cumulative.iter().map(|c| c.0).collect(),
        ),
        (
            "supplier margin",
            chart::money::draw,
            palette::ORANGE,
            cumulative.iter().map(|c| c.1).collect(),
        ),
    ];
    for (name, draw, color, values) in cases {
        let svg = svg_of(draw, &h, &s);
        assert!(svg.starts_with("<svg"));
        if let Err(e) = draws(&svg, color, &values) {
            panic!("{name}: {e}");
        }
        // The same chart without data has the frame but fails the check.
        let bare = svg_of(draw, &empty, &s);
        assert!(bare.contains("<text"), "{name}: the frame has its labels");
        assert!(draws(&bare, color, &values).is_err(), "{name} without data");
        // Another run's data is not what was drawn.
        let mut other = s.clone();
        other.seed += 1;
        other.contract.obligation = sim::Obligation::Result;
        let h2 = sim::run(&other);
        let svg2 = svg_of(draw, &h2, &other);
        if values.len() == h2.rows.len() && svg2 != svg {
            assert!(draws(&svg2, color, &values).is_err(), "{name} of another run");
        }
    }
}

#[test]
fn the_status_strip_has_one_cell_per_week_in_its_status_colour() {
    let s = presets::find("farbo").unwrap().scenario();
    let h = sim::run(&s);
    let svg = svg_of(chart::relationship::draw, &h, &s);
    for st in sim::Status::ALL {
        let weeks = h.rows.iter().filter(|r| r.status == st).count();
        let fill = format!("fill=\"{}\"", hex(chart::status_color(st)));
        let cells = svg
            .split("<rect")
            .skip(1)
            .filter(|r| r.to_uppercase().contains(&fill.to_uppercase()))
            .count();
        assert!(cells >= weeks, "{st:?}: {cells} cells for {weeks} weeks");
    }
    assert!(
        h.rows.iter().any(|r| r.status != sim::Status::Partnership),
        "the run changes status, so more than one colour is checked"
    );
}
