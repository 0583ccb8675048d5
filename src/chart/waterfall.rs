//! A waterfall: the line's level before a window, each cause's contribution as a floating bar
//! (up green, down vermillion), and the level after.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{builder, mesh, palette, ChartStyle};

/// Draws `start`, the `steps` in order, and the resulting end level; bars are numbered from 1.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    start: f64,
    steps: &[f64],
    labels: (&str, &str),
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let mut level = start;
    let mut lo = start.min(1.0).min(level);
    let mut hi = start.max(0.0);
    for s in steps {
        level += s;
        lo = lo.min(level);
        hi = hi.max(level);
    }
    let pad = ((hi - lo) * 0.15).max(0.01);
    let n = steps.len() + 2;
    let (lo, hi) = ((lo - pad).max(0.0), (hi + pad).min(1.0));
    let (x_labels, y_labels) = (super::PLOT_BOTTOM, super::PLOT_LEFT - 4.0);
    let mut chart =
        builder(area, x_labels, y_labels, style)?.build_cartesian_2d(0f64..n as f64, lo..hi)?;
    let label = move |x: &f64| {
        let i = x.floor() as usize;
        match i {
            0 => labels.0.to_string(),
            i if i == n - 1 => labels.1.to_string(),
            i => i.to_string(),
        }
    };
    mesh(&mut chart, style)
        .disable_x_mesh()
        .x_labels(n * 2 + 1)
        .x_label_formatter(&|x| {
            if (x.fract() - 0.5).abs() < 0.01 {
                label(x)
            } else {
                String::new()
            }
        })
        .y_label_formatter(&|v: &f64| style.percent(*v))
        .draw()?;
    let bar = |i: usize, a: f64, b: f64, color: RGBColor| {
        let (x0, x1) = (i as f64 + 0.15, i as f64 + 0.85);
        Rectangle::new([(x0, a.min(b)), (x1, a.max(b))], color.filled())
    };
    chart.draw_series(std::iter::once(bar(0, lo, start, palette::GRID)))?;
    let mut level = start;
    for (k, s) in steps.iter().enumerate() {
        let color = if *s >= 0.0 {
            palette::GREEN
        } else {
            palette::VERMILLION
        };
        chart.draw_series(std::iter::once(bar(k + 1, level, level + s, color)))?;
        level += s;
    }
    chart.draw_series(std::iter::once(bar(
        n - 1,
        lo,
        level,
        RGBColor(120, 120, 120),
    )))?;
    area.present()
}
