//! Charts as functions over any plotters backend: native tests draw them into SVG strings, the
//! app into a canvas.

pub mod relationship;

use plotters::style::RGBColor;

/// Sizes that scale with the device pixel ratio so that lines and text stay crisp.
#[derive(Clone, Copy, Debug)]
pub struct ChartStyle {
    /// Device pixels per CSS pixel.
    pub scale: f64,
}

impl ChartStyle {
    /// Font size in device pixels for a CSS size.
    pub fn font(&self, css_px: f64) -> f64 {
        css_px * self.scale
    }
    /// Stroke width in device pixels for a CSS width.
    pub fn stroke(&self, css_px: f64) -> u32 {
        (css_px * self.scale).round().max(1.0) as u32
    }
    /// A length in device pixels for a CSS length.
    pub fn px(&self, css_px: f64) -> u32 {
        (css_px * self.scale).round() as u32
    }
}

impl Default for ChartStyle {
    fn default() -> Self {
        Self { scale: 1.0 }
    }
}

/// A palette that stays distinguishable under the common colour-vision deficiencies
/// (Okabe–Ito).
pub mod palette {
    use super::RGBColor;
    /// Black.
    pub const INK: RGBColor = RGBColor(34, 34, 34);
    /// Orange.
    pub const ORANGE: RGBColor = RGBColor(230, 159, 0);
    /// Sky blue.
    pub const SKY: RGBColor = RGBColor(86, 180, 233);
    /// Bluish green.
    pub const GREEN: RGBColor = RGBColor(0, 158, 115);
    /// Yellow.
    pub const YELLOW: RGBColor = RGBColor(240, 228, 66);
    /// Blue.
    pub const BLUE: RGBColor = RGBColor(0, 114, 178);
    /// Vermillion.
    pub const VERMILLION: RGBColor = RGBColor(213, 94, 0);
    /// Reddish purple.
    pub const PURPLE: RGBColor = RGBColor(204, 121, 167);
    /// Grid grey.
    pub const GRID: RGBColor = RGBColor(220, 220, 220);
}

/// The colour that stands for a relationship status.
pub fn status_color(status: crate::sim::Status) -> RGBColor {
    use crate::sim::Status::*;
    match status {
        Partnership => palette::GREEN,
        Supplier => palette::SKY,
        Escalation => palette::ORANGE,
        Terminated => palette::VERMILLION,
        Ended => palette::PURPLE,
    }
}
