//! Several relationship lines on one week axis: a participant's path against never intervening
//! and the author's best path, or a whole class's paths on the class board.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::{hairline, line, per_week, share_frame, ChartStyle};

/// The play chart's relationship line (as on the relationship chart).
pub const PLAY_LINE: super::Pen = super::relationship::RELATIONSHIP;
/// The play chart's customer focus: dashed, since the relationship line has its ink.
pub const PLAY_FOCUS: super::Pen = super::Pen::dashed(super::palette::INK);
/// The play chart's client trust (as on the trust chart).
pub const PLAY_TRUST: super::Pen = super::trust::CLIENT_TRUST;

/// One line to draw: its points (one per week), colour, CSS width and whether dashed.
pub struct Line<'a> {
    /// The weekly values, 0..=1.
    pub values: &'a [f32],
    /// Colour.
    pub color: RGBColor,
    /// CSS stroke width.
    pub width: f64,
    /// Dashed.
    pub dashed: bool,
}

/// Draws `lines` over `weeks` weeks with y from 0 to 1, the band between the relationship's
/// bounds if given (as the relationship chart draws it), and a vertical mark at `now` if given
/// (the current week of a play: nothing right of it is known yet).
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    weeks: usize,
    lines: &[Line<'_>],
    bounds: Option<(f64, f64)>,
    now: Option<usize>,
    x_desc: &str,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let mut chart = share_frame(area, weeks, 1.0, x_desc, style)?;
    if let Some(band) = bounds {
        super::relationship::bounds_band(&mut chart, band, weeks as f64, style)?;
    }
    for l in lines {
        let pts = per_week(l.values.len(), |w| f64::from(l.values[w]));
        line(&mut chart, pts, l.color, l.width, l.dashed, style)?;
    }
    if let Some(w) = now {
        // On the edge between the weeks seen and the rest, not at a week's middle as a hover.
        hairline(&mut chart, w as f64, (0.0, 1.0), style)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_lines_into_svg() {
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (400, 200)).into_drawing_area();
            let a = [0.5f32, 0.6, 0.7];
            let lines = [Line {
                values: &a,
                color: RGBColor(0, 0, 0),
                width: 2.0,
                dashed: false,
            }];
            draw(
                &area,
                10,
                &lines,
                Some((0.4, 0.85)),
                Some(3),
                "week",
                &ChartStyle::default(),
            )
            .unwrap();
        }
        assert!(svg.contains("<polyline"), "{svg}");
    }
}
