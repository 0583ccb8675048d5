//! Customer focus and service: effort, extra-work focus, SLA and its target, quality versus
//! expectation.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{hover_line, level, palette, row_lines, share_frame, ChartStyle, Pen, RowSeries};
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
    let mut chart = share_frame(area, rows.len(), 1.0, x_desc, style)?;
    let target = scenario.contract.sla_target;
    level(&mut chart, target, weeks, SLA_TARGET, 1.2, style)?;
    let series: [RowSeries; 5] = [
        (EXPECTATION, 1.5, |r| r.expectation),
        (SLA, 1.0, |r| r.sla),
        (QUALITY, 1.5, |r| r.quality),
        (EXTRA_WORK_FOCUS, 1.5, |r| r.extra_work_focus),
        (CUSTOMER_FOCUS, 2.5, |r| r.effort),
    ];
    row_lines(&mut chart, rows, &series, style)?;
    hover_line(&mut chart, hover, (0.0, 1.0), style)?;
    area.present()
}
