//! Ensemble charts: the fan of the relationship line (one or two ensembles), the share of runs in
//! each status as a stacked area, the survival curve, and a per-week difference.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{frame, line, palette, status_color, ChartStyle, Pen};
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
    let x = |w: usize| w as f64 + 0.5;
    let p = |w: usize, q: f64| e.percentile(Series::Relationship, w, q);
    let mut band: Vec<(f64, f64)> = (0..weeks).map(|w| (x(w), p(w, 0.9))).collect();
    band.extend((0..weeks).rev().map(|w| (x(w), p(w, 0.1))));
    chart.draw_series(std::iter::once(Polygon::new(
        band,
        color.mix(0.22).filled(),
    )))?;
    if samples {
        for s in &e.samples {
            let pts = s.iter().enumerate().map(|(w, v)| (x(w), *v as f64));
            line(chart, pts, sample_color(color), 0.8, false, style)?;
        }
    }
    line(
        chart,
        (0..weeks).map(|w| (x(w), p(w, 0.5))),
        color,
        2.5,
        false,
        style,
    )?;
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
    let mut chart = frame(
        area,
        weeks,
        0f64..1f64,
        &|v: &f64| style.percent(*v),
        x_desc,
        style,
    )?;
    for y in [bounds.critical_lower, bounds.euphoria_upper] {
        line(
            &mut chart,
            [(0.0, y), (weeks as f64, y)].into_iter(),
            super::relationship::BOUNDS.color,
            1.0,
            super::relationship::BOUNDS.dashed,
            style,
        )?;
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
    let mut chart = frame(
        area,
        weeks,
        0f64..1f64,
        &|v: &f64| style.percent(*v),
        x_desc,
        style,
    )?;
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
    let mut chart = frame(
        area,
        weeks,
        0f64..1.02f64,
        &|v: &f64| style.percent(*v),
        x_desc,
        style,
    )?;
    let running =
        |w: usize| 1.0 - e.status_share(w, Status::Terminated) - e.status_share(w, Status::Ended);
    line(
        &mut chart,
        (0..weeks).map(|w| (w as f64 + 0.5, running(w))),
        RUNNING.color,
        2.5,
        RUNNING.dashed,
        style,
    )?;
    let partner = |w: usize| e.status_share(w, Status::Partnership);
    line(
        &mut chart,
        (0..weeks).map(|w| (w as f64 + 0.5, partner(w))),
        PARTNERSHIP.color,
        2.5,
        PARTNERSHIP.dashed,
        style,
    )?;
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
    line(
        &mut chart,
        [(0.0, 0.0), (weeks as f64, 0.0)].into_iter(),
        palette::INK,
        1.0,
        false,
        style,
    )?;
    line(
        &mut chart,
        (0..weeks).map(|w| (w as f64 + 0.5, median(w))),
        MEDIAN_DIFFERENCE.color,
        2.0,
        MEDIAN_DIFFERENCE.dashed,
        style,
    )?;
    line(
        &mut chart,
        (0..weeks).map(|w| (w as f64 + 0.5, partner(w))),
        PARTNERSHIP_DIFFERENCE.color,
        2.0,
        PARTNERSHIP_DIFFERENCE.dashed,
        style,
    )?;
    area.present()
}
