//! The deal map: an ensemble at every combination of two inputs (by default the base fee and
//! the incentive share), each judged against the same scenario on a fixed fee — which deals does
//! each party prefer to the fixed fee, and where do both? Pure bookkeeping: which cells to
//! compute first (a coarse grid, then finer), what each cell shows until it is computed, and how
//! it compares with the baseline. The app computes the cells in web workers, the CLI's `sweep2`
//! on threads; both give a cell the same numbers ([`super::sweep::grid2_cell`]).

use super::fields;
use super::scenario::{Obligation, Scenario};
use super::summary::Summary;
use super::sweep::{beats_baseline, Axis, Cell, Grid2};

/// Default number of values on each axis.
pub const DEFAULT_STEPS: u32 = 21;
/// Default runs per cell.
pub const DEFAULT_RUNS: u32 = 200;
/// Most values on one axis of the map.
pub const MAX_STEPS: u32 = 41;
/// A difference counts as settled when it is at least this many standard errors from zero
/// (about 95 % confidence in its sign).
pub const SETTLED_BY: f64 = 2.0;
/// Grid strides computed in turn: every 4th value, then every 2nd, then all.
const STRIDES: [usize; 3] = [4, 2, 1];

/// The scenario a negotiation varies and its fixed-fee baseline. Varying an incentive (share,
/// target, band) only means something under a result obligation, so the varied scenario gets
/// one; the baseline is the same scenario under an effort obligation — the fixed fee.
pub fn base_and_baseline(s: &Scenario, paths: &[&str]) -> (Scenario, Scenario) {
    let mut base = s.clone();
    if paths.iter().any(|p| fields::needs_result_obligation(p)) {
        base.contract.obligation = Obligation::Result;
    }
    let mut baseline = s.clone();
    baseline.contract.obligation = Obligation::Effort;
    (base, baseline)
}

/// A deal map being computed: the two axes, the cells found so far (row by row: y outer, x
/// inner) and the baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct DealMap {
    /// The horizontal input and its values.
    pub x: Axis,
    /// The vertical input and its values.
    pub y: Axis,
    /// Each cell's summary once computed.
    pub cells: Vec<Option<Summary>>,
    /// The fixed-fee baseline once computed.
    pub baseline: Option<Summary>,
}

/// How a cell compares with the fixed-fee baseline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Versus {
    /// The client's net value per run minus the baseline's, k€.
    pub client: f64,
    /// The supplier's margin per run minus the baseline's, k€.
    pub supplier: f64,
    /// Both do at least as well as on the fixed fee and one measurably better.
    pub win_win: bool,
    /// Whether the runs settle the sign of both differences: each is at least twice its
    /// standard error (from both ensembles' spreads) away from zero. An unsettled cell's verdict
    /// could flip with other futures.
    pub settled: bool,
    /// Share of runs ending as a partnership.
    pub partnership: f64,
}

impl DealMap {
    /// An empty map over two axes.
    pub fn new(x: Axis, y: Axis) -> Self {
        let n = x.values.len() * y.values.len();
        Self {
            x,
            y,
            cells: vec![None; n],
            baseline: None,
        }
    }

    /// Columns (x values).
    pub fn columns(&self) -> usize {
        self.x.values.len()
    }

    /// Rows (y values).
    pub fn rows(&self) -> usize {
        self.y.values.len()
    }

    /// The cell index of column `ix` and row `iy`.
    pub fn index(&self, ix: usize, iy: usize) -> usize {
        iy * self.columns() + ix
    }

    /// The (x, y) values of cell `i`.
    pub fn values(&self, i: usize) -> (f64, f64) {
        let nx = self.columns().max(1);
        (self.x.values[i % nx], self.y.values[i / nx])
    }

    /// The cells in the order to compute them: a coarse grid first (every 4th value of each axis,
    /// and the last), then every 2nd, then the rest, so that a rough map is there early and
    /// sharpens while the user watches. Every cell appears once.
    pub fn order(&self) -> Vec<usize> {
        let (nx, ny) = (self.columns(), self.rows());
        let mut seen = vec![false; nx * ny];
        let mut out = Vec::with_capacity(nx * ny);
        for stride in STRIDES {
            let on = |i: usize, n: usize| i.is_multiple_of(stride) || i + 1 == n;
            for iy in (0..ny).filter(|i| on(*i, ny)) {
                for ix in (0..nx).filter(|i| on(*i, nx)) {
                    let i = iy * nx + ix;
                    if !std::mem::replace(&mut seen[i], true) {
                        out.push(i);
                    }
                }
            }
        }
        out
    }

    /// How many cells the coarse grid (the first pass of [`DealMap::order`]) has.
    pub fn coarse_cells(&self) -> usize {
        let count = |n: usize| {
            (0..n)
                .filter(|i| i.is_multiple_of(STRIDES[0]) || i + 1 == n)
                .count()
        };
        count(self.columns()) * count(self.rows())
    }

    /// The computed cell that stands for cell `i` while it is not computed itself: the nearest
    /// computed cell (ties to the lower index), or `None` before any is.
    pub fn shown(&self, i: usize) -> Option<usize> {
        if self.cells.get(i)?.is_some() {
            return Some(i);
        }
        let nx = self.columns().max(1);
        let (cx, cy) = ((i % nx) as isize, (i / nx) as isize);
        self.cells
            .iter()
            .enumerate()
            .filter(|(_, c)| c.is_some())
            .min_by_key(|(j, _)| {
                let (dx, dy) = ((*j % nx) as isize - cx, (*j / nx) as isize - cy);
                dx * dx + dy * dy
            })
            .map(|(j, _)| j)
    }

    /// Cell `i` against the baseline, once both are computed.
    pub fn versus(&self, i: usize) -> Option<Versus> {
        let (s, b) = (self.cells.get(i)?.as_ref()?, self.baseline.as_ref()?);
        let (client, supplier) = (
            s.totals.client_net_value - b.totals.client_net_value,
            s.totals.supplier_margin - b.totals.supplier_margin,
        );
        let se = |a: f64, b: f64| (a * a + b * b).sqrt();
        let settled = client.abs()
            >= SETTLED_BY * se(s.std_error.client_net_value, b.std_error.client_net_value)
            && supplier.abs()
                >= SETTLED_BY * se(s.std_error.supplier_margin, b.std_error.supplier_margin);
        Some(Versus {
            client,
            supplier,
            settled,
            win_win: beats_baseline(s, b),
            partnership: s.status_at_end.partnership,
        })
    }

    /// Whether every cell and the baseline are computed.
    pub fn is_complete(&self) -> bool {
        self.baseline.is_some() && self.cells.iter().all(Option::is_some)
    }

    /// The computed cells as `sweep2` prints them: `{"x","y","cells":[{"x","y","summary"}]}`,
    /// row by row.
    pub fn to_grid2(&self) -> Grid2 {
        Grid2 {
            x: self.x.param.clone(),
            y: self.y.param.clone(),
            cells: self
                .cells
                .iter()
                .enumerate()
                .filter_map(|(i, c)| {
                    let (x, y) = self.values(i);
                    c.map(|summary| Cell {
                        x,
                        y,
                        summary,
                        baseline: None,
                    })
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn axis(n: usize) -> Axis {
        Axis {
            param: "contract.fee_per_week".into(),
            values: (0..n).map(|i| i as f64).collect(),
        }
    }

    #[test]
    fn the_order_starts_coarse_and_covers_every_cell_once() {
        for (nx, ny) in [(21, 21), (2, 2), (5, 3), (1, 7), (41, 2)] {
            let map = DealMap::new(axis(nx), axis(ny));
            let order = map.order();
            let mut sorted = order.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, (0..nx * ny).collect::<Vec<_>>(), "{nx}x{ny}");
            // The coarse pass includes the four corners.
            let coarse = &order[..map.coarse_cells()];
            for corner in [0, nx - 1, (ny - 1) * nx, nx * ny - 1] {
                assert!(coarse.contains(&corner), "{nx}x{ny}: corner {corner}");
            }
        }
        assert_eq!(DealMap::new(axis(21), axis(21)).coarse_cells(), 36);
    }

    #[test]
    fn an_uncomputed_cell_shows_its_nearest_computed_neighbour() {
        let mut map = DealMap::new(axis(5), axis(5));
        assert_eq!(map.shown(7), None);
        map.cells[0] = Some(Summary::default());
        map.cells[4] = Some(Summary::default());
        assert_eq!(map.shown(0), Some(0));
        assert_eq!(map.shown(1), Some(0));
        assert_eq!(map.shown(3), Some(4));
        assert_eq!(map.shown(24), Some(4));
        assert_eq!(map.versus(0), None, "no baseline yet");
    }

    #[test]
    fn a_cell_is_settled_only_when_both_differences_exceed_twice_their_error() {
        let mut map = DealMap::new(axis(2), axis(1));
        let with = |value: f64, margin: f64, se: f64| {
            let mut s = Summary::default();
            s.totals.client_net_value = value;
            s.totals.supplier_margin = margin;
            s.std_error.client_net_value = se;
            s.std_error.supplier_margin = se;
            s
        };
        map.baseline = Some(with(100.0, 50.0, 10.0));
        // Differences of 100 and 60 against an error of √(10² + 10²) ≈ 14: settled.
        map.cells[0] = Some(with(200.0, 110.0, 10.0));
        // A margin 20 above: under twice the error, its sign is not settled.
        map.cells[1] = Some(with(200.0, 70.0, 10.0));
        assert!(map.versus(0).unwrap().settled);
        assert!(!map.versus(1).unwrap().settled);
        assert!(
            map.versus(1).unwrap().win_win,
            "a verdict, but not a settled one"
        );
    }

    #[test]
    fn a_cell_beats_the_baseline_only_when_both_parties_do() {
        let mut map = DealMap::new(axis(2), axis(1));
        let with = |value: f64, margin: f64| {
            let mut s = Summary::default();
            s.totals.client_net_value = value;
            s.totals.supplier_margin = margin;
            s
        };
        map.baseline = Some(with(100.0, 50.0));
        map.cells = vec![Some(with(120.0, 55.0)), Some(with(130.0, 40.0))];
        let a = map.versus(0).expect("computed");
        assert!(a.win_win);
        assert_eq!((a.client, a.supplier), (20.0, 5.0));
        assert!(!map.versus(1).expect("computed").win_win);
        assert!(map.is_complete());
        assert_eq!(map.to_grid2().cells.len(), 2);
    }
}
