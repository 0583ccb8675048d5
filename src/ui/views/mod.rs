//! One folder per view. A view imports its own folder and the layers below, never another view.

pub mod compare;
pub mod ensemble;
pub mod exercise;
pub mod negotiate;
pub mod report;
pub mod run;
pub mod site;
pub mod why;
