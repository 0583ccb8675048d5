//! The website's own pages: how the model works and the guided tour.

pub mod model;
pub mod tour;
