//! The negotiation chart: client cost and supplier margin (k€) or the probability of ending as a
//! partnership, against the swept input, with the fixed-fee baseline and the win-win zone.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{builder, line, mesh, palette, ChartStyle};

/// One curve: label-free points and a colour.
pub struct Curve<'a> {
    /// (input value, outcome) pairs.
    pub points: &'a [(f64, f64)],
    /// Its colour.
    pub color: RGBColor,
    /// The fixed-fee baseline of the same outcome, drawn dashed.
    pub baseline: Option<f64>,
}

/// Colour of the client's cost curve (chart and legend).
pub const COST: RGBColor = palette::BLUE;
/// Colour of the supplier's margin curve.
pub const MARGIN: RGBColor = palette::ORANGE;
/// Colour of the client's net value curve.
pub const NET_VALUE: RGBColor = palette::PURPLE;
/// Colour of the win-win zone.
pub const ZONE: RGBColor = palette::GREEN;
/// Colour of the partnership-probability curve.
pub const PARTNERSHIP: RGBColor = super::ensemble::PARTNERSHIP.color;

/// Draws curves against the swept input, shading `zone` (a win-win range of the input).
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    curves: &[Curve<'_>],
    zone: Option<(f64, f64)>,
    x_desc: &str,
    y_format: &dyn Fn(&f64) -> String,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let xs = curves.iter().flat_map(|c| c.points.iter().map(|p| p.0));
    let (x0, x1) = xs.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| {
        (a.min(x), b.max(x))
    });
    let (x0, x1) = if x0.is_finite() && x1 > x0 {
        (x0, x1)
    } else {
        (0.0, 1.0)
    };
    let ys = curves
        .iter()
        .flat_map(|c| c.points.iter().map(|p| p.1).chain(c.baseline));
    let (y0, y1) = ys.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), y| {
        (a.min(y), b.max(y))
    });
    let (y0, y1) = if y0.is_finite() {
        (y0, y1.max(y0 + 1e-6))
    } else {
        (0.0, 1.0)
    };
    let pad = (y1 - y0) * 0.08;
    let (x_labels, y_labels) = super::WIDE_LABELS;
    let mut chart = builder(area, x_labels, y_labels, style)?
        .build_cartesian_2d(x0..x1, (y0 - pad)..(y1 + pad))?;
    mesh(&mut chart, style)
        .y_label_formatter(y_format)
        .x_desc(x_desc)
        .x_labels(6)
        .y_labels(6)
        .draw()?;
    if let Some((a, b)) = zone {
        let half = (x1 - x0) / 200.0;
        chart.draw_series(std::iter::once(Rectangle::new(
            [(a - half, y0 - pad), (b + half, y1 + pad)],
            ZONE.mix(0.18).filled(),
        )))?;
    }
    for c in curves {
        if let Some(base) = c.baseline {
            let pts = [(x0, base), (x1, base)].into_iter();
            line(&mut chart, pts, c.color, 1.2, true, style)?;
        }
        let pts = c.points.iter().copied();
        line(&mut chart, pts, c.color, 2.0, false, style)?;
        chart.draw_series(
            c.points
                .iter()
                .map(|p| Circle::new(*p, style.px(3.0), c.color.filled())),
        )?;
    }
    area.present()
}
