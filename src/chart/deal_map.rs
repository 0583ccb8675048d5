//! The deal map: a grid over two inputs where each cell is split along its diagonal — the upper
//! left triangle coloured by the client's net value against the fixed fee, the lower right by
//! the supplier's margin against it (blue: better, vermillion: worse, white: the same) — with the
//! cells where both parties do better outlined and a dot on cells whose runs do not settle the
//! sign of a difference. Cells not yet computed show their nearest
//! computed neighbour, so the map sharpens as it fills.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{palette, ChartStyle};
use crate::sim::deal_map::DealMap;

/// Colour of a party doing better than on the fixed fee.
pub const BETTER: RGBColor = palette::BLUE;
/// Colour of a party doing worse.
pub const WORSE: RGBColor = palette::VERMILLION;
/// Colour of the same as the fixed fee (and of cells without a baseline yet).
pub const SAME: RGBColor = RGBColor(247, 247, 247);
/// Colour of the win-win outline.
pub const OUTLINE: RGBColor = palette::INK;
/// Colour of the dot on a cell whose runs do not settle its verdict.
pub const UNSETTLED: RGBColor = palette::INK;

/// Space around the grid, CSS pixels: left for the y values, bottom for the x values and the
/// x input's name, top for the y input's name.
const LEFT: f64 = 48.0;
const RIGHT: f64 = 10.0;
const TOP: f64 = 22.0;
const BOTTOM: f64 = 40.0;

/// Names and number formats of the two axes, and the cell under the cursor.
pub struct Labels<'a> {
    /// The x input's name.
    pub x: &'a str,
    /// The y input's name.
    pub y: &'a str,
    /// Formats an x value.
    pub x_value: &'a dyn Fn(f64) -> String,
    /// Formats a y value.
    pub y_value: &'a dyn Fn(f64) -> String,
    /// The cell under the pointer or keyboard cursor.
    pub cursor: Option<usize>,
}

/// The grid's rectangle in device pixels, (left, top, right, bottom), for an area of
/// `width` × `height` device pixels.
fn grid_rect(width: f64, height: f64, style: &ChartStyle) -> (f64, f64, f64, f64) {
    let s = style.scale;
    let (l, t) = (LEFT * s, TOP * s);
    let r = (width - RIGHT * s).max(l + 1.0);
    let b = (height - BOTTOM * s).max(t + 1.0);
    (l, t, r, b)
}

/// The cell at device pixel (`px`, `py`) of an area of `width` × `height` device pixels.
pub fn cell_at(
    map: &DealMap,
    width: f64,
    height: f64,
    style: &ChartStyle,
    px: f64,
    py: f64,
) -> Option<usize> {
    let (l, t, r, b) = grid_rect(width, height, style);
    let (nx, ny) = (map.columns(), map.rows());
    if nx == 0 || ny == 0 || px < l || px >= r || py < t || py >= b {
        return None;
    }
    let ix = (((px - l) / (r - l)) * nx as f64) as usize;
    let row_from_top = (((py - t) / (b - t)) * ny as f64) as usize;
    let iy = ny - 1 - row_from_top.min(ny - 1);
    Some(map.index(ix.min(nx - 1), iy))
}

/// The largest gains or losses against the fixed fee over the computed cells, (client,
/// supplier), in k€: the ends of each colour scale (at least 1 k€, so that a flat map stays
/// pale).
pub fn scale(map: &DealMap) -> (f64, f64) {
    (0..map.cells.len())
        .filter_map(|i| map.versus(i))
        .fold((1.0_f64, 1.0_f64), |(c, s), v| {
            (c.max(v.client.abs()), s.max(v.supplier.abs()))
        })
}

/// The colour of a difference `d` on a scale reaching `max`.
pub fn shade(d: f64, max: f64) -> RGBColor {
    let t = (d / max.max(1e-9)).clamp(-1.0, 1.0);
    let end = if t >= 0.0 { BETTER } else { WORSE };
    let f = t.abs();
    let mix = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * f).round() as u8;
    RGBColor(mix(SAME.0, end.0), mix(SAME.1, end.1), mix(SAME.2, end.2))
}

/// Draws the map.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    map: &DealMap,
    labels: &Labels<'_>,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&WHITE)?;
    let (w, h) = area.dim_in_pixel();
    let (l, t, r, b) = grid_rect(f64::from(w), f64::from(h), style);
    let (nx, ny) = (map.columns(), map.rows());
    if nx == 0 || ny == 0 {
        return Ok(());
    }
    let (cw, ch) = ((r - l) / nx as f64, (b - t) / ny as f64);
    // Device-pixel corners of cell (ix, iy): row 0 at the bottom.
    let corners = |ix: usize, iy: usize| {
        let x0 = l + ix as f64 * cw;
        let y0 = b - (iy + 1) as f64 * ch;
        let p = |x: f64, y: f64| (x.round() as i32, y.round() as i32);
        (
            p(x0, y0),
            p(x0 + cw, y0),
            p(x0 + cw, y0 + ch),
            p(x0, y0 + ch),
        )
    };
    let (client_max, supplier_max) = scale(map);
    let win = |i: usize| {
        map.shown(i)
            .and_then(|j| map.versus(j))
            .is_some_and(|v| v.win_win)
    };
    for iy in 0..ny {
        for ix in 0..nx {
            let i = map.index(ix, iy);
            let (tl, tr, br, bl) = corners(ix, iy);
            let (upper, lower) = match map.shown(i).and_then(|j| map.versus(j)) {
                Some(v) => (shade(v.client, client_max), shade(v.supplier, supplier_max)),
                None => (SAME, SAME),
            };
            area.draw(&Polygon::new(vec![tl, tr, bl], upper.filled()))?;
            area.draw(&Polygon::new(vec![tr, br, bl], lower.filled()))?;
            // A fine white line between cells keeps neighbours of the same colour apart.
            area.draw(&PathElement::new(
                vec![tl, tr, br, bl, tl],
                WHITE.stroke_width(style.stroke(0.5)),
            ))?;
            // A computed cell whose runs do not settle the sign of a difference gets a dot.
            if map.versus(i).is_some_and(|v| !v.settled) {
                let centre = ((tl.0 + br.0) / 2, (tl.1 + br.1) / 2);
                let r = (cw.min(ch) * 0.12).max(style.scale).round() as i32;
                area.draw(&Circle::new(centre, r, UNSETTLED.filled()))?;
            }
        }
    }
    // The win-win region's outline: every edge between a win-win cell and one that is not.
    let outline = OUTLINE.stroke_width(style.stroke(2.5));
    for iy in 0..ny {
        for ix in 0..nx {
            if !win(map.index(ix, iy)) {
                continue;
            }
            let (tl, tr, br, bl) = corners(ix, iy);
            let other = |dx: isize, dy: isize| {
                let (x, y) = (ix as isize + dx, iy as isize + dy);
                x < 0
                    || y < 0
                    || x >= nx as isize
                    || y >= ny as isize
                    || !win(map.index(x as usize, y as usize))
            };
            for (edge, open) in [
                ([tl, tr], other(0, 1)),
                ([tr, br], other(1, 0)),
                ([br, bl], other(0, -1)),
                ([bl, tl], other(-1, 0)),
            ] {
                if open {
                    area.draw(&PathElement::new(edge.to_vec(), outline))?;
                }
            }
        }
    }
    if let Some(c) = labels.cursor.filter(|c| *c < nx * ny) {
        let (tl, tr, br, bl) = corners(c % nx, c / nx);
        area.draw(&PathElement::new(
            vec![tl, tr, br, bl, tl],
            WHITE.stroke_width(style.stroke(4.0)),
        ))?;
        area.draw(&PathElement::new(
            vec![tl, tr, br, bl, tl],
            palette::INK.stroke_width(style.stroke(2.0)),
        ))?;
    }
    // Axis values: about six on each axis, always the first and the last.
    let font = ("sans-serif", style.font(11.0))
        .into_font()
        .color(&palette::INK);
    let every = |n: usize| (n / 6).max(1);
    for ix in (0..nx).filter(|i| i % every(nx) == 0 || i + 1 == nx) {
        let x = (l + (ix as f64 + 0.5) * cw).round() as i32;
        let text = (labels.x_value)(map.x.values[ix]);
        let pos = Pos::new(HPos::Center, VPos::Top);
        area.draw(&Text::new(
            text,
            (x, (b + 4.0 * style.scale) as i32),
            font.pos(pos),
        ))?;
    }
    for iy in (0..ny).filter(|i| i % every(ny) == 0 || i + 1 == ny) {
        let y = (b - (iy as f64 + 0.5) * ch).round() as i32;
        let text = (labels.y_value)(map.y.values[iy]);
        let pos = Pos::new(HPos::Right, VPos::Center);
        area.draw(&Text::new(
            text,
            ((l - 4.0 * style.scale) as i32, y),
            font.pos(pos),
        ))?;
    }
    let names = ("sans-serif", style.font(12.0))
        .into_font()
        .color(&palette::INK);
    area.draw(&Text::new(
        format!("{} →", labels.x),
        (((l + r) / 2.0) as i32, (b + 20.0 * style.scale) as i32),
        names.pos(Pos::new(HPos::Center, VPos::Top)),
    ))?;
    area.draw(&Text::new(
        format!("↑ {}", labels.y),
        (l as i32, (4.0 * style.scale) as i32),
        names.pos(Pos::new(HPos::Left, VPos::Top)),
    ))?;
    Ok(())
}
