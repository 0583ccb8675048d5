//! Computing off the page: the pool of simulation workers, jobs with progress and cancel, and
//! small statistics over their results.

pub mod jobs;
pub mod pool;
pub mod stats;
