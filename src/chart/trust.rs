//! Trust of both parties with their ceilings, and goal alignment.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{frame, hover_line, line, palette, ChartStyle, Pen};
use crate::sim::{History, Scenario};

/// The client's trust.
pub const CLIENT_TRUST: Pen = Pen::solid(palette::BLUE);
/// The supplier's trust.
pub const SUPPLIER_TRUST: Pen = Pen::solid(palette::ORANGE);
/// The ceiling a scar puts on the client's trust.
pub const CLIENT_CEILING: Pen = Pen::dashed(palette::BLUE);
/// The ceiling a scar puts on the supplier's trust.
pub const SUPPLIER_CEILING: Pen = Pen::dashed(palette::ORANGE);
/// Goal alignment.
pub const ALIGNMENT: Pen = Pen::solid(palette::GREEN);

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
    let mut chart = frame(
        area,
        rows.len(),
        0f64..1.02f64,
        &|v: &f64| style.percent(*v),
        x_desc,
        style,
    )?;
    let pts = |f: fn(&crate::sim::Row) -> f64| super::weekly(rows, f);
    line(
        &mut chart,
        pts(|r| r.client_trust_ceiling),
        CLIENT_CEILING.color,
        1.2,
        CLIENT_CEILING.dashed,
        style,
    )?;
    line(
        &mut chart,
        pts(|r| r.supplier_trust_ceiling),
        SUPPLIER_CEILING.color,
        1.2,
        SUPPLIER_CEILING.dashed,
        style,
    )?;
    line(
        &mut chart,
        pts(|r| r.alignment),
        ALIGNMENT.color,
        2.0,
        ALIGNMENT.dashed,
        style,
    )?;
    line(
        &mut chart,
        pts(|r| r.client_trust),
        CLIENT_TRUST.color,
        2.0,
        CLIENT_TRUST.dashed,
        style,
    )?;
    line(
        &mut chart,
        pts(|r| r.supplier_trust),
        SUPPLIER_TRUST.color,
        2.0,
        SUPPLIER_TRUST.dashed,
        style,
    )?;
    hover_line(&mut chart, hover, (0.0, 1.02), style)?;
    area.present()
}
