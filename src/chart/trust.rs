//! Trust of both parties with their ceilings, and goal alignment.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{frame, hover_line, line, palette, percent, ChartStyle};
use crate::sim::{History, Scenario};

/// Draws the trust chart.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    history: &History,
    _scenario: &Scenario,
    x_desc: &str,
    hover: Option<usize>,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let rows = &history.rows;
    let mut chart = frame(area, rows.len(), 0f64..1.02f64, &percent, x_desc, style)?;
    let pts = |f: fn(&crate::sim::Row) -> f64| super::weekly(rows, f);
    line(
        &mut chart,
        pts(|r| r.client_trust_ceiling),
        palette::BLUE,
        1.2,
        true,
        style,
    )?;
    line(
        &mut chart,
        pts(|r| r.supplier_trust_ceiling),
        palette::ORANGE,
        1.2,
        true,
        style,
    )?;
    line(
        &mut chart,
        pts(|r| r.alignment),
        palette::GREEN,
        2.0,
        false,
        style,
    )?;
    line(
        &mut chart,
        pts(|r| r.client_trust),
        palette::BLUE,
        2.0,
        false,
        style,
    )?;
    line(
        &mut chart,
        pts(|r| r.supplier_trust),
        palette::ORANGE,
        2.0,
        false,
        style,
    )?;
    hover_line(&mut chart, hover, (0.0, 1.02), style)?;
    area.present()
}
