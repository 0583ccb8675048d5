//! Trust of both parties with their ceilings, and goal alignment.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{hover_line, palette, row_lines, share_frame, ChartStyle, Pen, RowSeries};
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
    let mut chart = share_frame(area, rows.len(), 1.02, x_desc, style)?;
    let series: [RowSeries; 5] = [
        (CLIENT_CEILING, 1.2, |r| r.client_trust_ceiling),
        (SUPPLIER_CEILING, 1.2, |r| r.supplier_trust_ceiling),
        (ALIGNMENT, 2.0, |r| r.alignment),
        (CLIENT_TRUST, 2.0, |r| r.client_trust),
        (SUPPLIER_TRUST, 2.0, |r| r.supplier_trust),
    ];
    row_lines(&mut chart, rows, &series, style)?;
    hover_line(&mut chart, hover, (0.0, 1.02), style)?;
    area.present()
}
