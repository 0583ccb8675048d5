//! The deal map: computed natively cell by cell as the app's workers do, drawn into SVG by the
//! same function the app draws into its canvas. Each cell's two triangles must carry the colours
//! of its own client and supplier differences against the fixed fee, win-win cells must be
//! outlined and only they, and a map with nothing computed must draw none of that.

mod common;

use common::{axis, preset_scenario};
use plotters::prelude::*;
use relsim::chart::deal_map::{self, cell_at, shade, Labels, OUTLINE, SAME};
use relsim::chart::ChartStyle;
use relsim::sim::deal_map::{base_and_baseline, DealMap};
use relsim::sim::sweep::{grid2_cell, grid2_scenarios};
use relsim::sim::{Ensemble, Plan, Summary};

const W: u32 = 600;
const H: u32 = 400;

fn svg_of(map: &DealMap, cursor: Option<usize>) -> String {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (W, H)).into_drawing_area();
        let fmt = |v: f64| format!("{v:.2}");
        let labels = Labels {
            x: "base fee",
            y: "incentive share",
            x_value: &fmt,
            y_value: &fmt,
            cursor,
        };
        deal_map::draw(&area, map, &labels, &ChartStyle::default()).expect("draws");
    }
    svg
}

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// How many polygons are filled with `c`.
fn fills(svg: &str, c: RGBColor) -> usize {
    let want = format!("fill=\"{}\"", hex(c)).to_uppercase();
    svg.split("<polygon")
        .skip(1)
        .filter(|t| {
            t[..t.find("/>").unwrap_or(t.len())]
                .to_uppercase()
                .contains(&want)
        })
        .count()
}

/// How many lines are stroked in `c` with width `w`.
fn strokes(svg: &str, c: RGBColor, w: u32) -> usize {
    let want = format!("stroke=\"{}\"", hex(c)).to_uppercase();
    let width = format!("stroke-width=\"{w}\"");
    svg.split("<polyline")
        .skip(1)
        .map(|t| &t[..t.find("/>").unwrap_or(t.len())])
        .filter(|t| t.to_uppercase().contains(&want) && t.contains(&width))
        .count()
}

fn computed_map() -> DealMap {
    let scenario = preset_scenario("article-figure");
    let x = axis("contract.fee_per_week", 12.0, 24.0, 4);
    let y = axis("contract.incentive_share", 0.0, 0.5, 3);
    let (base, baseline) = base_and_baseline(&scenario, &[&x.param, &y.param]);
    let mut map = DealMap::new(x.clone(), y.clone());
    for (i, (xv, yv, s)) in grid2_scenarios(&base, &x, &y)
        .expect("grid")
        .into_iter()
        .enumerate()
    {
        map.cells[i] = Some(grid2_cell(xv, yv, &s, 60, false).summary);
    }
    map.baseline = Some(Summary::of(&Ensemble::run(&Plan::new(&baseline), 60)));
    map
}

#[test]
fn every_cell_shows_its_own_differences_and_win_win_cells_are_outlined() {
    let map = computed_map();
    let svg = svg_of(&map, None);
    let (cmax, smax) = deal_map::scale(&map);
    let mut wins = 0;
    for i in 0..map.cells.len() {
        let v = map.versus(i).expect("computed");
        wins += usize::from(v.win_win);
        let (upper, lower) = (shade(v.client, cmax), shade(v.supplier, smax));
        assert!(
            fills(&svg, upper) >= 1,
            "cell {i}: client colour {}",
            hex(upper)
        );
        assert!(
            fills(&svg, lower) >= 1,
            "cell {i}: supplier colour {}",
            hex(lower)
        );
    }
    // The map spans real differences: some cells are better and some worse for someone.
    let any = |f: &dyn Fn(f64, f64) -> bool| {
        (0..map.cells.len())
            .filter_map(|i| map.versus(i))
            .any(|v| f(v.client, v.supplier))
    };
    assert!(any(&|c, s| c > 0.0 || s > 0.0) && any(&|c, s| c < 0.0 || s < 0.0));
    let outlined = strokes(&svg, OUTLINE, 3);
    if wins == 0 {
        assert_eq!(outlined, 0);
    } else {
        // At least the outside edges of a region; never more than four per win-win cell.
        assert!(
            outlined >= 4 && outlined <= 4 * wins,
            "{outlined} edges for {wins} cells"
        );
    }
}

#[test]
fn a_map_with_nothing_computed_draws_only_blank_cells() {
    let mut map = computed_map();
    map.cells.iter_mut().for_each(|c| *c = None);
    let svg = svg_of(&map, None);
    assert_eq!(fills(&svg, SAME), 2 * map.cells.len());
    assert_eq!(strokes(&svg, OUTLINE, 3), 0);
}

#[test]
fn a_pixel_maps_back_to_the_cell_drawn_there() {
    let map = computed_map();
    let style = ChartStyle::default();
    let (nx, ny) = (map.columns(), map.rows());
    // The grid leaves 48 px left, 10 right, 22 top and 40 bottom.
    let (cw, ch) = ((W as f64 - 58.0) / nx as f64, (H as f64 - 62.0) / ny as f64);
    for iy in 0..ny {
        for ix in 0..nx {
            let px = 48.0 + (ix as f64 + 0.5) * cw;
            let py = (H as f64 - 40.0) - (iy as f64 + 0.5) * ch;
            assert_eq!(
                cell_at(&map, W as f64, H as f64, &style, px, py),
                Some(map.index(ix, iy))
            );
        }
    }
    assert_eq!(cell_at(&map, W as f64, H as f64, &style, 5.0, 5.0), None);
}
