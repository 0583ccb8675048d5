//! The live class's protocol: what the class server (`relsim serve`) and the web app say to
//! each other, declared once for both — the request and answer shapes, the join code, the
//! limits on names and classes, and the problems a request can meet.
//!
//! Plain serde data over the model's types; no web and no server code, so that both sides
//! (native and WebAssembly) read the same declarations.

mod api;
mod board;
mod code;
mod problem;

pub use api::{
    Board, ClassCreated, ClassInfo, CreateClass, Event, FormPair, Join, Joined, PairChoice,
    PairRow, PairView, Pairing, ParticipantState, Progress, RoundTimer, Row, Submit, Submitted,
};
pub use board::PairRank;
pub use code::{clean_name, join_code, CODE_ALPHABET, CODE_LEN, MAX_NAME_CHARS};
pub use problem::{ApiProblem, ProblemCode};

/// Most participants one class takes: a large course, with room for latecomers.
pub const MAX_PARTICIPANTS: usize = 200;
/// Largest request body the server reads, in bytes: an authored exercise is a few kilobytes.
pub const MAX_BODY_BYTES: usize = 256 * 1024;
/// Days a class lives by default before the server deletes it with all its data.
pub const DEFAULT_EXPIRE_DAYS: u32 = 30;
/// The range of days a trainer may set for classes to live (`relsim serve --expire-days`).
pub const EXPIRE_DAYS: std::ops::RangeInclusive<u32> = 1..=365;
/// Longest round timer for pairs, in seconds.
pub const MAX_ROUND_SECONDS: u32 = 600;
/// Where the README tells how to run a live class (the app links to it without a server).
pub const README_SECTION: &str = "README.md#run-a-live-class";
/// The query key of a join link: `/?join=CODE` opens the join form with the code filled in.
pub const JOIN_QUERY: &str = "join";
