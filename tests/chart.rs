//! Charts draw a run into an SVG string natively. The checks read the drawn lines back: each
//! series must appear as a line in its own colour with one point per week whose heights follow
//! the data (a linear map from value to pixel, within rounding), and the same chart drawn from
//! an empty history must fail that check, so an empty chart cannot pass.

use plotters::prelude::*;
use plotters::style::RGBColor;
use relsim::chart::{self, palette, ChartStyle};
use relsim::sim::{self, presets, History, Row, Scenario};

/// The time charts, drawn by the same functions the app draws into canvases.
#[derive(Clone, Copy, Debug)]
enum Draw {
    Relationship,
    Focus,
    Trust,
    Money,
}

fn svg_of(draw: Draw, h: &History, s: &Scenario) -> String {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (800, 400)).into_drawing_area();
        let style = ChartStyle::default();
        match draw {
            Draw::Relationship => chart::relationship::draw(&area, h, s, "week", None, &style),
            Draw::Focus => chart::focus::draw(&area, h, s, "week", None, &style),
            Draw::Trust => chart::trust::draw(&area, h, s, "week", None, &style),
            Draw::Money => chart::money::draw(&area, h, s, "week", None, &style),
        }
        .unwrap();
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

/// Whether the chart draws every `(colour, values)` series as a line in that colour with one
/// point per week from left to right, at heights that one linear, decreasing map from value to
/// pixel (the chart's y axis, shared by all its series) explains within 1.5 pixels.
fn draws(svg: &str, series: &[(RGBColor, &[f64])]) -> Result<(), String> {
    let mut pairs: Vec<(f64, f64)> = Vec::new();
    let mut lines = Vec::new();
    for (color, values) in series {
        let line = polylines(svg, *color)
            .into_iter()
            .find(|pts| pts.len() == values.len() && pts.windows(2).all(|w| w[1].0 > w[0].0))
            .ok_or_else(|| format!("no line of {} points in {}", values.len(), hex(*color)))?;
        pairs.extend(values.iter().zip(&line).map(|(v, p)| (*v, p.1)));
        lines.push(line);
    }
    // Least-squares fit y = a + b·v over all series, then the largest miss.
    let n = pairs.len() as f64;
    let mv = pairs.iter().map(|p| p.0).sum::<f64>() / n;
    let my = pairs.iter().map(|p| p.1).sum::<f64>() / n;
    let svv: f64 = pairs.iter().map(|p| (p.0 - mv) * (p.0 - mv)).sum();
    let svy: f64 = pairs.iter().map(|p| (p.0 - mv) * (p.1 - my)).sum();
    if svv <= 0.0 {
        return Err("constant data cannot show the map".into());
    }
    let b = svy / svv;
    let a = my - b * mv;
    let miss = pairs
        .iter()
        .map(|(v, y)| (a + b * v - y).abs())
        .fold(0.0, f64::max);
    if b < 0.0 && miss <= 1.5 {
        Ok(())
    } else {
        Err(format!(
            "heights miss the data by {miss:.1} px (slope {b:.1})"
        ))
    }
}

/// How many rectangles are filled with `color`.
fn rects_filled(svg: &str, color: RGBColor) -> usize {
    let fill = format!("fill=\"{}\"", hex(color)).to_uppercase();
    svg.split("<rect")
        .skip(1)
        .filter(|r| r.to_uppercase().contains(&fill))
        .count()
}

fn column(h: &History, f: fn(&Row) -> f64) -> Vec<f64> {
    h.rows.iter().map(f).collect()
}

/// Per chart, the series it draws from a history: (colour, values per week).
fn series_of(draw: Draw, h: &History) -> Vec<(RGBColor, Vec<f64>)> {
    match draw {
        Draw::Relationship => vec![
            (palette::INK, column(h, |r| r.relationship)),
            (palette::BLUE, column(h, |r| r.client_appreciation)),
            (palette::ORANGE, column(h, |r| r.supplier_appreciation)),
        ],
        Draw::Focus => vec![
            (palette::INK, column(h, |r| r.effort)),
            (palette::ORANGE, column(h, |r| r.extra_work_focus)),
            (palette::PURPLE, column(h, |r| r.quality)),
        ],
        Draw::Trust => vec![
            (palette::BLUE, column(h, |r| r.client_trust)),
            (palette::ORANGE, column(h, |r| r.supplier_trust)),
            (palette::GREEN, column(h, |r| r.alignment)),
        ],
        Draw::Money => {
            let sums = chart::money::cumulative(h);
            vec![
                (palette::BLUE, sums.iter().map(|c| c.0).collect()),
                (palette::ORANGE, sums.iter().map(|c| c.1).collect()),
            ]
        }
    }
}

fn check(svg: &str, series: &[(RGBColor, Vec<f64>)]) -> Result<(), String> {
    let refs: Vec<(RGBColor, &[f64])> = series.iter().map(|(c, v)| (*c, v.as_slice())).collect();
    draws(svg, &refs)
}

#[test]
fn each_chart_draws_its_series_from_the_data() {
    let s = presets::find("farbo").unwrap().scenario();
    let h = sim::run(&s);
    let mut other = s.clone();
    other.seed += 1;
    other.contract.obligation = sim::Obligation::Result;
    let h2 = sim::run(&other);
    for draw in [Draw::Relationship, Draw::Focus, Draw::Trust, Draw::Money] {
        let series = series_of(draw, &h);
        let svg = svg_of(draw, &h, &s);
        assert!(svg.starts_with("<svg"));
        if let Err(e) = check(&svg, &series) {
            panic!("{draw:?}: {e}");
        }
        // The same chart without data has its frame but fails the check.
        let bare = svg_of(draw, &History::default(), &s);
        assert!(bare.contains("<text"), "{draw:?}: the frame has its labels");
        assert!(check(&bare, &series).is_err(), "{draw:?} without data");
        // Another run's chart does not draw this run's data.
        let svg2 = svg_of(draw, &h2, &other);
        assert!(check(&svg2, &series).is_err(), "{draw:?} of another run");
        assert!(check(&svg2, &series_of(draw, &h2)).is_ok());
    }
}

#[test]
fn the_status_strip_has_one_cell_per_week_in_its_status_colour() {
    let s = presets::find("farbo").unwrap().scenario();
    let h = sim::run(&s);
    let svg = svg_of(Draw::Relationship, &h, &s);
    for st in sim::Status::ALL {
        let weeks = h.rows.iter().filter(|r| r.status == st).count();
        let cells = rects_filled(&svg, chart::status_color(st));
        assert!(cells >= weeks, "{st:?}: {cells} cells for {weeks} weeks");
    }
    assert!(
        h.rows.iter().any(|r| r.status != sim::Status::Partnership),
        "the run changes status, so more than one colour is checked"
    );
}

#[test]
fn the_type_strip_has_one_cell_per_week_in_its_type_colour() {
    let s = presets::find("farbo").unwrap().scenario();
    let h = sim::run(&s);
    let svg = svg_of(Draw::Relationship, &h, &s);
    let mut types = 0;
    for ty in sim::RelationshipType::ALL {
        let weeks = h.rows.iter().filter(|r| r.relationship_type == ty).count();
        types += usize::from(weeks > 0);
        let cells = rects_filled(&svg, chart::type_color(ty));
        assert!(cells >= weeks, "{ty:?}: {cells} cells for {weeks} weeks");
    }
    assert!(
        types > 1,
        "the run changes type, so more than one colour is checked"
    );
}

/// CIELAB of an sRGB colour (D65).
fn lab(c: plotters::style::RGBColor) -> [f64; 3] {
    let lin = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    let (r, g, b) = (lin(c.0), lin(c.1), lin(c.2));
    let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    let f = |t: f64| {
        if t > 0.008856 {
            t.cbrt()
        } else {
            7.787 * t + 16.0 / 116.0
        }
    };
    [
        116.0 * f(y) - 16.0,
        500.0 * (f(x) - f(y)),
        200.0 * (f(y) - f(z)),
    ]
}

#[test]
fn the_class_boards_twenty_lines_stay_apart_and_show_on_white() {
    use relsim::chart::palette::CLASS_LINES;
    let labs: Vec<[f64; 3]> = CLASS_LINES.iter().map(|c| lab(*c)).collect();
    for i in 0..labs.len() {
        for j in i + 1..labs.len() {
            let d = (0..3)
                .map(|k| (labs[i][k] - labs[j][k]).powi(2))
                .sum::<f64>()
                .sqrt();
            assert!(d >= 20.0, "lines {i} and {j} are {d:.1} apart in CIELAB");
        }
        // Lightness at most 80: a line of this colour shows on the chart's white.
        assert!(
            labs[i][0] <= 80.0,
            "line {i} is too light: L* {:.1}",
            labs[i][0]
        );
    }
}
