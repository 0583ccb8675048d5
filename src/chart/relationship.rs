//! The relationship chart: the relationship line, each party's appreciation, the band between
//! the critical lower bound and the euphoria upper bound, and the status along the time axis.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{palette, status_color, ChartStyle};
use crate::sim::scenario::Bounds;
use crate::sim::Row;

/// Draws the relationship chart of `rows` onto `area`.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    rows: &[Row],
    bounds: &Bounds,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&WHITE)?;
    let weeks = rows.len().max(1) as f64;
    let mut chart = ChartBuilder::on(area)
        .margin(style.px(8.0))
        .x_label_area_size(style.px(28.0))
        .y_label_area_size(style.px(36.0))
        .build_cartesian_2d(0f64..weeks, 0f64..1f64)?;
    chart
        .configure_mesh()
        .light_line_style(palette::GRID.mix(0.4))
        .bold_line_style(palette::GRID)
        .label_style(("sans-serif", style.font(11.0)))
        .x_desc("week")
        .x_labels(8)
        .y_labels(6)
        .draw()?;
    // The healthy band.
    chart.draw_series(std::iter::once(Rectangle::new(
        [(0.0, bounds.critical_lower), (weeks, bounds.euphoria_upper)],
        palette::GREEN.mix(0.08).filled(),
    )))?;
    for y in [bounds.critical_lower, bounds.euphoria_upper] {
        chart.draw_series(LineSeries::new(
            [(0.0, y), (weeks, y)],
            ShapeStyle::from(palette::INK.mix(0.5)).stroke_width(style.stroke(1.0)),
        ))?;
    }
    // Status strip along the bottom.
    let strip = 0.03;
    chart.draw_series(rows.iter().map(|r| {
        let x = r.week as f64;
        Rectangle::new(
            [(x, 0.0), (x + 1.0, strip)],
            status_color(r.status).filled(),
        )
    }))?;
    let line = |f: fn(&Row) -> f64| rows.iter().map(move |r| (r.week as f64 + 0.5, f(r)));
    chart.draw_series(LineSeries::new(
        line(|r| r.client_appreciation),
        ShapeStyle::from(palette::BLUE).stroke_width(style.stroke(1.5)),
    ))?;
    chart.draw_series(LineSeries::new(
        line(|r| r.supplier_appreciation),
        ShapeStyle::from(palette::ORANGE).stroke_width(style.stroke(1.5)),
    ))?;
    chart.draw_series(LineSeries::new(
        line(|r| r.relationship),
        ShapeStyle::from(palette::INK).stroke_width(style.stroke(2.5)),
    ))?;
    area.present()
}
