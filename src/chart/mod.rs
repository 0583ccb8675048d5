//! Charts as functions over any plotters backend: native tests draw them into SVG strings, the
//! app into a canvas.

pub mod deal_map;
pub mod ensemble;
pub mod focus;
pub mod how_sure;
pub mod lines;
pub mod money;
pub mod relationship;
pub mod sweep;
pub mod trust;
pub mod waterfall;

use crate::text::{number, Lang};
use plotters::chart::MeshStyle;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::RGBColor;

/// Left edge of the plotting area in CSS pixels (margin plus y labels): the app maps the pointer
/// to a week with these.
pub const PLOT_LEFT: f64 = 52.0;
/// Right margin in CSS pixels.
pub const PLOT_RIGHT: f64 = 10.0;
/// Top margin in CSS pixels.
pub const PLOT_TOP: f64 = 10.0;
/// Height of the x-axis label area in CSS pixels.
pub const PLOT_BOTTOM: f64 = 30.0;

/// The week under a pointer at `x` CSS pixels in a chart `width` CSS pixels wide.
pub fn week_at(x: f64, width: f64, weeks: usize) -> Option<usize> {
    let plot = width - PLOT_LEFT - PLOT_RIGHT;
    if plot <= 0.0 || weeks == 0 {
        return None;
    }
    let f = (x - PLOT_LEFT) / plot;
    (0.0..1.0)
        .contains(&f)
        .then(|| ((f * weeks as f64) as usize).min(weeks - 1))
}

/// The coordinate system every chart here shares (the time charts' weeks, and the scatter and
/// sweep charts' inputs, on x): `f64` on both axes.
pub type TimeChart<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// A white frame with a week axis of `weeks` weeks and a y axis over `y`, its mesh drawn.
pub fn frame<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    weeks: usize,
    y: std::ops::Range<f64>,
    y_format: &dyn Fn(&f64) -> String,
    x_desc: &str,
    style: &ChartStyle,
) -> Result<TimeChart<'a, DB>, DrawingAreaErrorKind<DB::ErrorType>> {
    let mut chart = builder(area, PLOT_BOTTOM, PLOT_LEFT - 4.0, style)?
        .build_cartesian_2d(0f64..weeks.max(1) as f64, y)?;
    mesh(&mut chart, style)
        .axis_style(palette::INK.mix(0.6))
        .x_label_formatter(&|x| style.whole(*x))
        .y_label_formatter(y_format)
        .x_desc(x_desc)
        .x_labels(8)
        .y_labels(6)
        .draw()?;
    Ok(chart)
}

/// A [`frame`] whose y axis is a share from 0 to `top`, labelled in percent: most time charts
/// plot shares, and a `top` a little over 1 keeps a line at 100 % clear of the frame.
fn share_frame<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    weeks: usize,
    top: f64,
    x_desc: &str,
    style: &ChartStyle,
) -> Result<TimeChart<'a, DB>, DrawingAreaErrorKind<DB::ErrorType>> {
    let percent = |v: &f64| style.percent(*v);
    frame(area, weeks, 0.0..top, &percent, x_desc, style)
}

/// The label areas (x, y) in CSS pixels of the charts over something other than weeks (the
/// sweep's input, the "how sure" differences): a little roomier than a [`frame`]'s, and the
/// same on both so that they look alike.
const WIDE_LABELS: (f64, f64) = (PLOT_BOTTOM + 4.0, PLOT_LEFT + 6.0);

/// `area` filled white and a chart builder on it with the margins every chart shares and label
/// areas of `x_labels` and `y_labels` CSS pixels: one place for the margins, since a
/// [`frame`]'s add up to [`PLOT_LEFT`] and the others, which the app maps the pointer with.
fn builder<'a, 'b, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    x_labels: f64,
    y_labels: f64,
    style: &ChartStyle,
) -> Result<ChartBuilder<'a, 'b, DB>, DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&WHITE)?;
    let mut builder = ChartBuilder::on(area);
    builder
        .margin_top(style.px(PLOT_TOP))
        .margin_right(style.px(PLOT_RIGHT))
        .margin_left(style.px(4.0))
        .x_label_area_size(style.px(x_labels))
        .y_label_area_size(style.px(y_labels));
    Ok(builder)
}

/// The mesh styling every chart shares (a faint grid, ink labels at 11 CSS pixels), for the
/// caller to add its own labels and draw: one look across the charts.
fn mesh<'a, 'b, DB: DrawingBackend>(
    chart: &'b mut TimeChart<'a, DB>,
    style: &ChartStyle,
) -> MeshStyle<'a, 'b, RangedCoordf64, RangedCoordf64, DB> {
    let mut mesh = chart.configure_mesh();
    mesh.light_line_style(palette::GRID.mix(0.35))
        .bold_line_style(palette::GRID)
        .label_style(
            ("sans-serif", style.font(11.0))
                .into_font()
                .color(&palette::INK),
        );
    mesh
}

/// Draws `points` as a line of `color` and CSS width `width`, dashed when asked.
pub fn line<DB: DrawingBackend>(
    chart: &mut TimeChart<'_, DB>,
    points: impl Iterator<Item = (f64, f64)>,
    color: RGBColor,
    width: f64,
    dashed: bool,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let s = ShapeStyle::from(color).stroke_width(style.stroke(width));
    if dashed {
        let pts: Vec<(f64, f64)> = points.collect();
        chart.draw_series(DashedLineSeries::new(pts, style.px(6.0), style.px(4.0), s))?;
    } else {
        chart.draw_series(LineSeries::new(points, s))?;
    }
    Ok(())
}

/// Draws `points` in `pen` at CSS width `width`: each chart declares a pen per series, so its
/// lines are drawn from the pen rather than from a colour and a dash flag.
fn pen_line<DB: DrawingBackend>(
    chart: &mut TimeChart<'_, DB>,
    points: impl Iterator<Item = (f64, f64)>,
    pen: Pen,
    width: f64,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    line(chart, points, pen.color, width, pen.dashed, style)
}

/// A horizontal line at `y` across weeks 0 to `weeks`: a bound, a target or a zero line.
fn level<DB: DrawingBackend>(
    chart: &mut TimeChart<'_, DB>,
    y: f64,
    weeks: f64,
    pen: Pen,
    width: f64,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    pen_line(chart, [(0.0, y), (weeks, y)].into_iter(), pen, width, style)
}

/// A vertical hairline at `x` from `y.0` to `y.1`: a week is marked alike on every chart.
fn hairline<DB: DrawingBackend>(
    chart: &mut TimeChart<'_, DB>,
    x: f64,
    y: (f64, f64),
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let s = ShapeStyle::from(palette::INK.mix(0.5)).stroke_width(style.stroke(1.0));
    chart.draw_series(LineSeries::new([(x, y.0), (x, y.1)], s))?;
    Ok(())
}

/// A vertical hairline at the hovered week.
pub fn hover_line<DB: DrawingBackend>(
    chart: &mut TimeChart<'_, DB>,
    week: Option<usize>,
    y: (f64, f64),
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    match week {
        Some(w) => hairline(chart, w as f64 + 0.5, y, style),
        None => Ok(()),
    }
}

/// One series of a run's rows: its pen, its CSS width and the field of a row it plots.
type RowSeries = (Pen, f64, fn(&crate::sim::Row) -> f64);

/// Draws each of `series` over `rows` in the order given, so that the last is on top: a chart
/// lists its series once, as data, rather than a drawing call each.
fn row_lines<DB: DrawingBackend>(
    chart: &mut TimeChart<'_, DB>,
    rows: &[crate::sim::Row],
    series: &[RowSeries],
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    for &(pen, width, f) in series {
        pen_line(chart, weekly(rows, f), pen, width, style)?;
    }
    Ok(())
}

/// The points of one row series, each at the middle of its week.
pub fn weekly(
    rows: &[crate::sim::Row],
    f: fn(&crate::sim::Row) -> f64,
) -> impl Iterator<Item = (f64, f64)> + '_ {
    rows.iter().map(move |r| (r.week as f64 + 0.5, f(r)))
}

/// The points of `f` over weeks `0..weeks`, each at the middle of its week (as [`weekly`] for
/// the rows of one run).
fn per_week(weeks: usize, f: impl Fn(usize) -> f64) -> impl DoubleEndedIterator<Item = (f64, f64)> {
    (0..weeks).map(move |w| (w as f64 + 0.5, f(w)))
}

/// Sizes that scale with the device pixel ratio so that lines and text stay crisp.
#[derive(Clone, Copy, Debug)]
pub struct ChartStyle {
    /// Device pixels per CSS pixel.
    pub scale: f64,
    /// The language of the axes' numbers.
    pub lang: Lang,
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
    /// A share as a whole percentage in the chart's language (an axis label).
    pub fn percent(&self, v: f64) -> String {
        number::percent(v, 0, self.lang)
    }
    /// A difference of shares in whole percentage points, with its sign.
    pub fn percent_signed(&self, v: f64) -> String {
        number::percent_signed(v, 0, self.lang)
    }
    /// k€ compactly, in the chart's language (an axis label).
    pub fn keur(&self, v: f64) -> String {
        number::keur_axis(v, self.lang)
    }
    /// A whole number in the chart's language.
    pub fn whole(&self, v: f64) -> String {
        number::number(v, 0, self.lang)
    }
}

impl Default for ChartStyle {
    fn default() -> Self {
        Self {
            scale: 1.0,
            lang: Lang::En,
        }
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
    /// Mid grey (neutral fills).
    pub const GREY: RGBColor = RGBColor(153, 153, 153);
    /// Grid grey.
    pub const GRID: RGBColor = RGBColor(220, 220, 220);

    /// The class board's lines, one per participant: the Okabe–Ito colours, then thirteen more
    /// chosen each as far (in CIELAB) from all before it as a colour dark enough for a white
    /// chart can be, so that twenty lines stay apart (`tests/chart.rs` checks both).
    pub const CLASS_LINES: [RGBColor; 20] = [
        RGBColor(0, 114, 178),
        RGBColor(230, 159, 0),
        RGBColor(0, 158, 115),
        RGBColor(213, 94, 0),
        RGBColor(204, 121, 167),
        RGBColor(86, 180, 233),
        RGBColor(34, 34, 34),
        RGBColor(0, 0, 255),
        RGBColor(255, 0, 221),
        RGBColor(17, 0, 119),
        RGBColor(0, 187, 0),
        RGBColor(255, 0, 102),
        RGBColor(102, 102, 17),
        RGBColor(170, 119, 255),
        RGBColor(102, 0, 0),
        RGBColor(170, 170, 153),
        RGBColor(85, 0, 68),
        RGBColor(153, 187, 51),
        RGBColor(238, 153, 119),
        RGBColor(255, 0, 34),
    ];

    /// The colour as CSS (`#rrggbb`), for the HTML legends beside the charts.
    pub fn css(c: RGBColor) -> String {
        format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
    }
}

/// How one series is drawn: its colour and whether it is dashed. Each chart declares a pen per
/// series, and the legend beside the chart reads the same pen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pen {
    /// Line colour.
    pub color: RGBColor,
    /// Dashed rather than solid.
    pub dashed: bool,
}

impl Pen {
    /// A solid line.
    pub const fn solid(color: RGBColor) -> Self {
        Self {
            color,
            dashed: false,
        }
    }

    /// A dashed line.
    pub const fn dashed(color: RGBColor) -> Self {
        Self {
            color,
            dashed: true,
        }
    }
}

/// The opacity of the type strip: lighter than the status strip below it, so that the two are
/// told apart by shade as well as by place (the app's legend draws its swatches alike).
pub const TYPE_STRIP_SHADE: f64 = 0.55;

/// The colour that stands for a relationship type (the strip above the status strip).
pub fn type_color(t: crate::sim::RelationshipType) -> RGBColor {
    use crate::sim::RelationshipType::*;
    match t {
        // None is a line colour of the same chart (blue, orange, ink), so a strip is never
        // mistaken for a series; close and adversarial echo the status colours of a
        // partnership and a termination.
        Close => palette::GREEN,
        Businesslike => palette::YELLOW,
        Comfortable => palette::GREY,
        Adversarial => palette::VERMILLION,
    }
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
