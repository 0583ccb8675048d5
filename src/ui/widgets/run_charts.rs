//! The four run charts, declared once: their name in an embed address, test id, title, drawing
//! function, legend, and the series behind them (CSV column, label, pen, how to read it from a
//! week's row). The simulator, the embed, the printed report, the tour and the chart tables all
//! read this list.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

use crate::chart::{self, ChartStyle, Pen};
use crate::sim::{History, Row, Scenario};
use crate::ui::widgets::controls::Text;

/// A chart function drawn into a canvas.
pub type DrawFn =
    fn(
        &DrawingArea<CanvasBackend, Shift>,
        &History,
        &Scenario,
        &str,
        Option<usize>,
        &ChartStyle,
    ) -> Result<(), DrawingAreaErrorKind<<CanvasBackend as DrawingBackend>::ErrorType>>;

/// A legend entry: label and the pens of the series it names, as the chart draws them.
pub type Legend = (Text, &'static [Pen]);

/// How a series is read and written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// A share in 0..=1, shown as a percentage.
    Share,
    /// k€ per week, shown summed from week 0 (the money chart is cumulative).
    CumulativeKeur,
}

/// One series of a chart.
#[derive(Clone, Copy)]
pub struct Series {
    /// The CSV export's column with the same numbers.
    pub csv: &'static str,
    /// Its name in the interface.
    pub label: Text,
    /// How the chart draws it (colour, dashes): the chart's own pen.
    pub pen: Pen,
    /// Its weekly value.
    pub get: fn(&Row) -> f64,
    /// How to show it.
    pub unit: Unit,
}

const fn share(csv: &'static str, label: Text, pen: Pen, get: fn(&Row) -> f64) -> Series {
    Series {
        csv,
        label,
        pen,
        get,
        unit: Unit::Share,
    }
}

const RELATIONSHIP: &[Series] = &[
    share(
        "relationship",
        |t| t.relationship_line,
        chart::relationship::RELATIONSHIP,
        |r| r.relationship,
    ),
    share(
        "client_appreciation",
        |t| t.client_appreciation,
        chart::relationship::CLIENT_APPRECIATION,
        |r| r.client_appreciation,
    ),
    share(
        "supplier_appreciation",
        |t| t.supplier_appreciation,
        chart::relationship::SUPPLIER_APPRECIATION,
        |r| r.supplier_appreciation,
    ),
];

const FOCUS: &[Series] = &[
    share(
        "effort",
        |t| t.customer_focus,
        chart::focus::CUSTOMER_FOCUS,
        |r| r.effort,
    ),
    share(
        "extra_work_focus",
        |t| t.extra_work_focus,
        chart::focus::EXTRA_WORK_FOCUS,
        |r| r.extra_work_focus,
    ),
    share("sla", |t| t.sla, chart::focus::SLA, |r| r.sla),
    share(
        "quality",
        |t| t.quality,
        chart::focus::QUALITY,
        |r| r.quality,
    ),
    Series {
        ..share(
            "expectation",
            |t| t.expectation,
            chart::focus::EXPECTATION,
            |r| r.expectation,
        )
    },
];

const TRUST: &[Series] = &[
    share(
        "client_trust",
        |t| t.client_trust,
        chart::trust::CLIENT_TRUST,
        |r| r.client_trust,
    ),
    share(
        "supplier_trust",
        |t| t.supplier_trust,
        chart::trust::SUPPLIER_TRUST,
        |r| r.supplier_trust,
    ),
    share(
        "alignment",
        |t| t.alignment,
        chart::trust::ALIGNMENT,
        |r| r.alignment,
    ),
];

const MONEY: &[Series] = &[
    Series {
        unit: Unit::CumulativeKeur,
        ..share(
            "client_cost",
            |t| t.client_cost_cum,
            chart::money::CLIENT_COST,
            |r| r.client_cost,
        )
    },
    Series {
        unit: Unit::CumulativeKeur,
        ..share(
            "supplier_margin",
            |t| t.supplier_margin_cum,
            chart::money::SUPPLIER_MARGIN,
            |r| r.supplier_margin,
        )
    },
];

/// One run chart.
pub struct RunChart {
    /// Its name in an embed address (`?embed=focus`).
    pub name: &'static str,
    /// Its `data-testid`, also the id its table and summary are found by.
    pub testid: &'static str,
    /// Its title.
    pub title: Text,
    /// How it is drawn.
    pub draw: DrawFn,
    /// Its legend: each series and band with the pens the chart draws it with.
    pub legend: &'static [Legend],
    /// The series its table and summary show.
    pub series: &'static [Series],
}

/// The run charts, in the order the simulator shows them.
pub const RUN_CHARTS: [RunChart; 4] = [
    RunChart {
        name: "relationship",
        testid: "chart-relationship",
        title: |t| t.chart_relationship,
        draw: chart::relationship::draw,
        legend: &[
            (
                |t| t.relationship_line,
                &[chart::relationship::RELATIONSHIP],
            ),
            (
                |t| t.client_appreciation,
                &[chart::relationship::CLIENT_APPRECIATION],
            ),
            (
                |t| t.supplier_appreciation,
                &[chart::relationship::SUPPLIER_APPRECIATION],
            ),
            (|t| t.bounds_band, &[chart::relationship::BOUNDS]),
        ],
        series: RELATIONSHIP,
    },
    RunChart {
        name: "focus",
        testid: "chart-focus",
        title: |t| t.chart_focus,
        draw: chart::focus::draw,
        legend: &[
            (|t| t.customer_focus, &[chart::focus::CUSTOMER_FOCUS]),
            (|t| t.extra_work_focus, &[chart::focus::EXTRA_WORK_FOCUS]),
            (|t| t.sla, &[chart::focus::SLA]),
            (|t| t.sla_target, &[chart::focus::SLA_TARGET]),
            (|t| t.quality, &[chart::focus::QUALITY]),
            (|t| t.expectation, &[chart::focus::EXPECTATION]),
        ],
        series: FOCUS,
    },
    RunChart {
        name: "trust",
        testid: "chart-trust",
        title: |t| t.chart_trust,
        draw: chart::trust::draw,
        legend: &[
            (|t| t.client_trust, &[chart::trust::CLIENT_TRUST]),
            (|t| t.supplier_trust, &[chart::trust::SUPPLIER_TRUST]),
            (
                |t| t.ceilings,
                &[chart::trust::CLIENT_CEILING, chart::trust::SUPPLIER_CEILING],
            ),
            (|t| t.alignment, &[chart::trust::ALIGNMENT]),
        ],
        series: TRUST,
    },
    RunChart {
        name: "money",
        testid: "chart-money",
        title: |t| t.chart_money,
        draw: chart::money::draw,
        legend: &[
            (|t| t.client_cost_cum, &[chart::money::CLIENT_COST]),
            (|t| t.supplier_margin_cum, &[chart::money::SUPPLIER_MARGIN]),
        ],
        series: MONEY,
    },
];

/// The run chart with this name or test id.
pub fn run_chart(id: &str) -> Option<&'static RunChart> {
    RUN_CHARTS.iter().find(|c| c.name == id || c.testid == id)
}

/// The series of the run chart with this name or test id; empty if unknown.
pub fn series_of(chart: &str) -> &'static [Series] {
    run_chart(chart).map_or(&[], |c| c.series)
}
