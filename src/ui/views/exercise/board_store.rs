//! The file-based class board, kept in this browser: the result files as read, so that a
//! reload keeps the board. Each file is checked again as it is read back.

use crate::sim::exercise::{admit, builtin, Entry};
use crate::ui::platform::store;

/// Where this browser keeps the board.
const KEY: &str = "relsim.board.results";

/// The board kept in this browser (empty when none, or unreadable).
pub fn load() -> Vec<Entry> {
    let texts: Vec<String> = store::get_json(KEY).unwrap_or_default();
    let mut board = Vec::new();
    for text in texts {
        let _ = admit(&mut board, &text, builtin);
    }
    board
}

/// Keeps the board.
pub fn save(board: &[Entry]) {
    if board.is_empty() {
        store::remove(KEY);
        return;
    }
    let texts: Vec<String> = board.iter().map(|e| e.result.to_json()).collect();
    store::set_json(KEY, &texts);
}
