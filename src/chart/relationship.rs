//! The relationship chart: the relationship line, each party's appreciation, the band between
//! the critical lower bound and the euphoria upper bound, the status and the relationship type
//! along the time axis, and markers for incidents and interventions.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{
    hover_line, level, palette, row_lines, share_frame, status_color, type_color, ChartStyle, Pen,
    RowSeries, TimeChart,
};
use crate::sim::{Category, Event, History, Polarity, Scenario};

/// The relationship line.
pub const RELATIONSHIP: Pen = Pen::solid(palette::INK);
/// The client's appreciation.
pub const CLIENT_APPRECIATION: Pen = Pen::solid(palette::BLUE);
/// The supplier's appreciation.
pub const SUPPLIER_APPRECIATION: Pen = Pen::solid(palette::ORANGE);
/// The critical lower and euphoria upper bounds, and the band between them.
pub const BOUNDS: Pen = Pen::dashed(palette::GREEN);

/// The colour of an incident category.
pub fn category_color(c: Category) -> RGBColor {
    match c {
        Category::External => palette::PURPLE,
        Category::Interpersonal => palette::BLUE,
        Category::Business => palette::VERMILLION,
    }
}

/// Draws the relationship chart of `history` onto `area`.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    history: &History,
    scenario: &Scenario,
    x_desc: &str,
    hover: Option<usize>,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let rows = &history.rows;
    let weeks = rows.len().max(1) as f64;
    let bounds = &scenario.bounds;
    let mut chart = share_frame(area, rows.len(), 1.0, x_desc, style)?;
    let band = (bounds.critical_lower, bounds.euphoria_upper);
    bounds_band(&mut chart, band, weeks, style)?;
    let strip = 0.035;
    chart.draw_series(rows.iter().map(|r| {
        let x = r.week as f64;
        Rectangle::new(
            [(x, 0.0), (x + 1.0, strip)],
            status_color(r.status).filled(),
        )
    }))?;
    // The relationship type of each week (both parties' experienced × business appreciation)
    // in a lighter strip just above the status.
    chart.draw_series(rows.iter().map(|r| {
        let x = r.week as f64;
        Rectangle::new(
            [(x, strip * 1.2), (x + 1.0, strip * 2.2)],
            type_color(r.relationship_type)
                .mix(super::TYPE_STRIP_SHADE)
                .filled(),
        )
    }))?;
    let series: [RowSeries; 3] = [
        (CLIENT_APPRECIATION, 1.5, |r| r.client_appreciation),
        (SUPPLIER_APPRECIATION, 1.5, |r| r.supplier_appreciation),
        (RELATIONSHIP, 2.5, |r| r.relationship),
    ];
    row_lines(&mut chart, rows, &series, style)?;
    // Incident markers along the top: up for positive, down for negative; hollow when random.
    let size = style.px(5.0) as i32;
    for (week, e) in &history.events {
        let x = *week as f64 + 0.5;
        match e {
            Event::Incident { incident, random } => {
                let color = category_color(incident.category);
                let up = incident.polarity == Polarity::Positive;
                let y = if up { 0.965 } else { 0.93 };
                let s = if *random {
                    color.stroke_width(style.stroke(1.2))
                } else {
                    color.filled()
                };
                chart.draw_series(std::iter::once(
                    EmptyElement::at((x, y)) + triangle(up, size, s),
                ))?;
            }
            Event::Intervention { .. } => {
                let s = palette::INK.filled();
                chart.draw_series(std::iter::once(
                    EmptyElement::at((x, 0.895)) + diamond(size, s),
                ))?;
            }
            _ => {}
        }
    }
    hover_line(&mut chart, hover, (0.0, 1.0), style)?;
    area.present()
}

/// The band between the relationship's bounds `(lower, upper)` across weeks 0 to `weeks`, with
/// its two bounds as lines: the play chart draws the bounds as this chart does, so that they
/// read the same on both.
pub(super) fn bounds_band<DB: DrawingBackend>(
    chart: &mut TimeChart<'_, DB>,
    (lower, upper): (f64, f64),
    weeks: f64,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    chart.draw_series(std::iter::once(Rectangle::new(
        [(0.0, lower), (weeks, upper)],
        BOUNDS.color.mix(0.10).filled(),
    )))?;
    for y in [lower, upper] {
        level(chart, y, weeks, BOUNDS, 1.0, style)?;
    }
    Ok(())
}

fn triangle(up: bool, size: i32, style: ShapeStyle) -> Polygon<(i32, i32)> {
    let d = if up { -1 } else { 1 };
    Polygon::new(
        vec![(-size, -d * size / 2), (size, -d * size / 2), (0, d * size)],
        style,
    )
}

fn diamond(size: i32, style: ShapeStyle) -> Polygon<(i32, i32)> {
    Polygon::new(vec![(0, -size), (size, 0), (0, size), (-size, 0)], style)
}
