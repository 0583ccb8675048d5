//! Customer focus and service: effort, extra-work focus, SLA and its target, quality versus
//! expectation.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{frame, hover_line, line, palette, percent, ChartStyle};
use crate::sim::{History, Scenario};

/// Draws the customer-focus chart.
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
    let mut chart = frame(area, rows.len(), 0f64..1f64, &percent, x_desc, style)?;
    let target = scenario.contract.sla_target;
    line(
        &mut chart,
        [(0.0, target), (weeks, target)].into_iter(),
        palette::GREEN,
        1.2,
        true,
        style,
    )?;
    let pts = |f: fn(&crate::sim::Row) -> f64| super::weekly(rows, f);
    line(
        &mut chart,
        pts(|r| r.expectation),
        palette::PURPLE,
        1.5,
        true,
        style,
    )?;
    line(
        &mut chart,
        pts(|r| r.sla),
        palette::GREEN,
        1.0,
        false,
        style,
    )?;
    line(
        &mut chart,
        pts(|r| r.quality),
        palette::PURPLE,
        1.5,
        false,
        style,
    )?;
    line(
        &mut chart,
        pts(|r| r.extra_work_focus),
        palette::ORANGE,
        1.5,
        false,
        style,
    )?;
    line(
        &mut chart,
        pts(|r| r.effort),
        palette::INK,
        2.5,
        false,
        style,
    )?;
    hover_line(&mut chart, hover, (0.0, 1.0), style)?;
    area.present()
}
