//! Money: cumulative client cost and supplier margin in k€.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{frame, hover_line, line, palette, ChartStyle, Pen};
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
    let mut chart = frame(
        area,
        sums.len(),
        lo..hi,
        &|v: &f64| style.keur(*v),
        x_desc,
        style,
    )?;
    let at = |i: usize| i as f64 + 0.5;
    line(
        &mut chart,
        [(0.0, 0.0), (sums.len() as f64, 0.0)].into_iter(),
        palette::GRID,
        1.0,
        false,
        style,
    )?;
    line(
        &mut chart,
        sums.iter().enumerate().map(|(i, s)| (at(i), s.0)),
        CLIENT_COST.color,
        2.0,
        CLIENT_COST.dashed,
        style,
    )?;
    line(
        &mut chart,
        sums.iter().enumerate().map(|(i, s)| (at(i), s.1)),
        SUPPLIER_MARGIN.color,
        2.0,
        SUPPLIER_MARGIN.dashed,
        style,
    )?;
    hover_line(&mut chart, hover, (lo, hi), style)?;
    area.present()
}
