//! Customer focus and service: effort, extra-work focus, SLA and its target, quality versus
//! expectation.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{frame, hover_line, line, palette, ChartStyle, Pen};
use crate::sim::{History, Scenario};

/// Customer focus (the supplier's effort).
pub const CUSTOMER_FOCUS: Pen = Pen::solid(palette::INK);
/// Attention to paid extra work.
pub const EXTRA_WORK_FOCUS: Pen = Pen::solid(palette::ORANGE);
/// Share of requests resolved in time.
pub const SLA: Pen = Pen::solid(palette::GREEN);
/// The agreed SLA target.
pub const SLA_TARGET: Pen = Pen::dashed(palette::GREEN);
/// Quality as users feel it.
pub const QUALITY: Pen = Pen::solid(palette::PURPLE);
/// What users expect.
pub const EXPECTATION: Pen = Pen::dashed(palette::PURPLE);

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
    let mut chart = frame(
        area,
        rows.len(),
        0f64..1f64,
        &|v: &f64| style.percent(*v),
        x_desc,
        style,
    )?;
    let target = scenario.contract.sla_target;
    line(
        &mut chart,
        [(0.0, target), (weeks, target)].into_iter(),
        SLA_TARGET.color,
        1.2,
        SLA_TARGET.dashed,
        style,
    )?;
    let pts = |f: fn(&crate::sim::Row) -> f64| super::weekly(rows, f);
    line(
        &mut chart,
        pts(|r| r.expectation),
        EXPECTATION.color,
        1.5,
        EXPECTATION.dashed,
        style,
    )?;
    line(
        &mut chart,
        pts(|r| r.sla),
        SLA.color,
        1.0,
        SLA.dashed,
        style,
    )?;
    line(
        &mut chart,
        pts(|r| r.quality),
        QUALITY.color,
        1.5,
        QUALITY.dashed,
        style,
    )?;
    line(
        &mut chart,
        pts(|r| r.extra_work_focus),
        EXTRA_WORK_FOCUS.color,
        1.5,
        EXTRA_WORK_FOCUS.dashed,
        style,
    )?;
    line(
        &mut chart,
        pts(|r| r.effort),
        CUSTOMER_FOCUS.color,
        2.5,
        CUSTOMER_FOCUS.dashed,
        style,
    )?;
    hover_line(&mut chart, hover, (0.0, 1.0), style)?;
    area.present()
}
