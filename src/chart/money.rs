//! Money: cumulative client cost and supplier margin in k€.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{frame, hover_line, level, palette, pen_line, per_week, ChartStyle, Pen};
use crate::sim::{History, Scenario};

/// The client's cumulative cost.
pub const CLIENT_COST: Pen = Pen::solid(palette::BLUE);
/// The supplier's cumulative margin.
pub const SUPPLIER_MARGIN: Pen = Pen::solid(palette::ORANGE);

/// Cumulative sums of client cost and supplier margin per week.
pub fn cumulative(history: &History) -> Vec<(f64, f64)> {
    let (mut c, mut m) = (0.0, 0.0);
    history
        .rows
        .iter()
        .map(|r| {
            c += r.client_cost;
            m += r.supplier_margin;
            (c, m)
        })
        .collect()
}

/// Draws the money chart.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    history: &History,
    _scenario: &Scenario,
    x_desc: &str,
    hover: Option<usize>,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let sums = cumulative(history);
    let lo = sums.iter().map(|s| s.0.min(s.1)).fold(0.0, f64::min);
    let hi = sums.iter().map(|s| s.0.max(s.1)).fold(1.0, f64::max);
    let pad = (hi - lo) * 0.05;
    let (lo, hi) = (lo - if lo < 0.0 { pad } else { 0.0 }, hi + pad);
    let weeks = sums.len();
    let mut chart = frame(
        area,
        weeks,
        lo..hi,
        &|v: &f64| style.keur(*v),
        x_desc,
        style,
    )?;
    let zero = Pen::solid(palette::GRID);
    level(&mut chart, 0.0, weeks as f64, zero, 1.0, style)?;
    let cost = per_week(weeks, |w| sums[w].0);
    pen_line(&mut chart, cost, CLIENT_COST, 2.0, style)?;
    let margin = per_week(weeks, |w| sums[w].1);
    pen_line(&mut chart, margin, SUPPLIER_MARGIN, 2.0, style)?;
    hover_line(&mut chart, hover, (lo, hi), style)?;
    area.present()
}
