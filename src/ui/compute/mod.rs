//! Computing off the page: the pool of simulation workers and jobs with progress and cancel.

pub mod jobs;
pub mod pool;
