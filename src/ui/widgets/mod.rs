//! Pieces several views use: input controls, the canvas plot, the run charts (one list), their
//! tables, the outcome table, inline editing and the preset picker.

pub mod chart_card;
pub mod chart_table;
pub mod common;
pub mod controls;
pub mod inline;
pub mod outcome;
pub mod outcome_table;
pub mod plot;
pub mod presets;
pub mod run_charts;
