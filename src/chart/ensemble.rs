//! Ensemble charts: the fan of the relationship line (one or two ensembles), the share of runs in
//! each status as a stacked area, the survival curve, and a per-week difference.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{frame, level, line, palette, pen_line, per_week, share_frame, status_color};
use super::{ChartStyle, Pen};
use crate::sim::scenario::Bounds;
use crate::sim::{Ensemble, Series, Status};

/// The fan of scenario A (or of the only ensemble).
pub const FAN_A: Pen = Pen::solid(palette::BLUE);
/// The fan of scenario B.
pub const FAN_B: Pen = Pen::solid(palette::ORANGE);
/// Share of runs whose contract still runs.
pub const RUNNING: Pen = Pen::solid(palette::INK);
/// Share of runs still a partnership.
pub const PARTNERSHIP: Pen = Pen::solid(palette::GREEN);
/// B's median relationship line minus A's.
pub const MEDIAN_DIFFERENCE: Pen = Pen::solid(palette::PURPLE);
/// B's partnership share minus A's.
pub const PARTNERSHIP_DIFFERENCE: Pen = Pen::dashed(palette::GREEN);

/// The colour of the faint sample runs of a fan in `color`: blended with white, because
/// plotters' line helpers take opaque colours.
pub fn sample_color(color: RGBColor) -> RGBColor {
    color.mix(0.35).to_rgba().into_rgb()
}

/// One fan: the 10th–90th percentile band, the median and a few faint runs.
fn fan<DB: DrawingBackend>(
    chart: &mut super::TimeChart<'_, DB>,
    e: &Ensemble,
    color: RGBColor,
    samples: bool,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let weeks = e.weeks as usize;
    let p = |w: usize, q: f64| e.percentile(Series::Relationship, w, q);
    let mut band: Vec<(f64, f64)> = per_week(weeks, |w| p(w, 0.9)).collect();
    band.extend(per_week(weeks, |w| p(w, 0.1)).rev());
    chart.draw_series(std::iter::once(Polygon::new(
        band,
        color.mix(0.22).filled(),
    )))?;
    if samples {
        for s in &e.samples {
            let pts = per_week(s.len(), |w| s[w] as f64);
            line(chart, pts, sample_color(color), 0.8, false, style)?;
        }
    }
    let median = per_week(weeks, |w| p(w, 0.5));
    line(chart, median, color, 2.5, false, style)?;
    Ok(())
}

trait IntoRgb {
    fn into_rgb(self) -> RGBColor;
}
impl IntoRgb for RGBAColor {
    fn into_rgb(self) -> RGBColor {
        // Blend with white: plotters' line helpers take opaque colours.
        let RGBAColor(r, g, b, a) = self;
        let mix = |c: u8| (c as f64 * a + 255.0 * (1.0 - a)).round() as u8;
        RGBColor(mix(r), mix(g), mix(b))
    }
}

/// The fan chart of one ensemble, or of two overlaid (A blue, B orange).
pub fn draw_fan<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    a: &Ensemble,
    b: Option<&Ensemble>,
    bounds: &Bounds,
    x_desc: &str,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let weeks = a.weeks.max(b.map_or(0, |b| b.weeks)) as usize;
    let mut chart = share_frame(area, weeks, 1.0, x_desc, style)?;
    for y in [bounds.critical_lower, bounds.euphoria_upper] {
        let pen = super::relationship::BOUNDS;
        level(&mut chart, y, weeks as f64, pen, 1.0, style)?;
    }
    fan(&mut chart, a, FAN_A.color, b.is_none(), style)?;
    if let Some(b) = b {
        fan(&mut chart, b, FAN_B.color, false, style)?;
    }
    area.present()
}

/// The share of runs in each status per week, stacked.
pub fn draw_status<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    e: &Ensemble,
    x_desc: &str,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let weeks = e.weeks as usize;
    let mut chart = share_frame(area, weeks, 1.0, x_desc, style)?;
    let mut below = vec![0.0; weeks];
    for s in Status::ALL {
        let above: Vec<f64> = (0..weeks)
            .map(|w| below[w] + e.status_share(w, s))
            .collect();
        let mut poly: Vec<(f64, f64)> = (0..weeks)
            .flat_map(|w| [(w as f64, above[w]), (w as f64 + 1.0, above[w])])
            .collect();
        poly.extend(
            (0..weeks)
                .rev()
                .flat_map(|w| [(w as f64 + 1.0, below[w]), (w as f64, below[w])]),
        );
        chart.draw_series(std::iter::once(Polygon::new(
            poly,
            status_color(s).filled(),
        )))?;
        below = above;
    }
    area.present()
}

/// Survival: the share of runs whose contract still runs, and the share still a partnership.
pub fn draw_survival<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    e: &Ensemble,
    x_desc: &str,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let weeks = e.weeks as usize;
    let mut chart = share_frame(area, weeks, 1.02, x_desc, style)?;
    let running =
        |w: usize| 1.0 - e.status_share(w, Status::Terminated) - e.status_share(w, Status::Ended);
    pen_line(&mut chart, per_week(weeks, running), RUNNING, 2.5, style)?;
    let partner = per_week(weeks, |w| e.status_share(w, Status::Partnership));
    pen_line(&mut chart, partner, PARTNERSHIP, 2.5, style)?;
    area.present()
}

/// Per week, B's median relationship line minus A's, and B's partnership share minus A's.
pub fn draw_difference<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    a: &Ensemble,
    b: &Ensemble,
    x_desc: &str,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let weeks = a.weeks.min(b.weeks) as usize;
    let median = |w: usize| {
        b.percentile(Series::Relationship, w, 0.5) - a.percentile(Series::Relationship, w, 0.5)
    };
    let partner =
        |w: usize| b.status_share(w, Status::Partnership) - a.status_share(w, Status::Partnership);
    let m = (0..weeks)
        .map(|w| median(w).abs().max(partner(w).abs()))
        .fold(0.05, f64::max)
        * 1.1;
    let signed = |v: &f64| style.percent_signed(*v);
    let mut chart = frame(area, weeks, -m..m, &signed, x_desc, style)?;
    let zero = Pen::solid(palette::INK);
    level(&mut chart, 0.0, weeks as f64, zero, 1.0, style)?;
    let (median, partner) = (per_week(weeks, median), per_week(weeks, partner));
    pen_line(&mut chart, median, MEDIAN_DIFFERENCE, 2.0, style)?;
    pen_line(&mut chart, partner, PARTNERSHIP_DIFFERENCE, 2.0, style)?;
    area.present()
}
