//! The routes: the pages and the simulator's result tabs, each with its name in the address.

/// Which page is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// The simulator.
    Simulate,
    /// The model explained.
    Model,
    /// The guided tour.
    Tour,
    /// Training exercises and the class board.
    Exercise,
}

/// The result views.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// One run.
    Run,
    /// Many runs of the current scenario.
    Ensemble,
    /// Scenario A against B.
    Compare,
    /// A sweep of one input.
    Negotiate,
    /// What moved the line in a window.
    Why,
}
