//! "How sure is this?": each model variant as a dot at (B − A in the client's net value, B − A
//! in time in partnership), with the zero lines; dots in the upper right are variants in which
//! B wins on both.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{builder, mesh, palette, pen_line, ChartStyle, Pen};

/// Colour of the variants' dots.
pub const DOT: RGBColor = palette::PURPLE;

/// Draws the variants' differences: `points` are (net value k€, partnership share).
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    points: &[(f64, f64)],
    x_desc: &str,
    y_desc: &str,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    // Symmetric around zero, so that which side of the line a dot is on reads at once.
    let span = |f: fn(&(f64, f64)) -> f64, least: f64| {
        points
            .iter()
            .map(|p| f(p).abs())
            .filter(|v| v.is_finite())
            .fold(least, f64::max)
            * 1.1
    };
    let (xs, ys) = (span(|p| p.0, 1.0), span(|p| p.1 * 100.0, 1.0));
    let (x_labels, y_labels) = super::WIDE_LABELS;
    let mut chart =
        builder(area, x_labels, y_labels, style)?.build_cartesian_2d(-xs..xs, -ys..ys)?;
    mesh(&mut chart, style)
        .x_desc(x_desc)
        .y_desc(y_desc)
        .x_labels(5)
        .y_labels(5)
        .draw()?;
    let axis = Pen::solid(palette::INK);
    for ends in [[(-xs, 0.0), (xs, 0.0)], [(0.0, -ys), (0.0, ys)]] {
        pen_line(&mut chart, ends.into_iter(), axis, 1.0, style)?;
    }
    chart.draw_series(
        points
            .iter()
            .filter(|p| p.0.is_finite() && p.1.is_finite())
            .map(|p| Circle::new((p.0, p.1 * 100.0), style.px(3.0), DOT.filled())),
    )?;
    area.present()
}

#[cfg(test)]
mod tests {
    use plotters::prelude::*;

    #[test]
    fn draws_every_variant_into_svg() {
        let points: Vec<(f64, f64)> = (0..10)
            .map(|i| (i as f64 * 10.0 - 40.0, 0.01 * i as f64))
            .collect();
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (400, 300)).into_drawing_area();
            super::draw(
                &area,
                &points,
                "net value",
                "partnership",
                &crate::chart::ChartStyle::default(),
            )
            .unwrap();
        }
        assert_eq!(svg.matches("<circle").count(), 10);
    }
}
