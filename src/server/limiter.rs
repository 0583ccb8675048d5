//! Join attempts per address: wrong codes are counted, and an address with too many in a
//! window is refused for the rest of it, so that codes cannot be guessed. Right codes are not
//! counted: a room behind one router shares one address.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Wrong codes allowed per address per window.
pub const WRONG_CODES: u32 = 10;
/// The window.
pub const WINDOW: Duration = Duration::from_secs(600);

/// Wrong attempts per address since the window's start.
#[derive(Default)]
pub struct Limiter {
    seen: Mutex<HashMap<IpAddr, (Instant, u32)>>,
}

impl Limiter {
    /// Whether this address may try a code now.
    pub fn allows(&self, ip: IpAddr) -> bool {
        let seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
        match seen.get(&ip) {
            Some((start, n)) => start.elapsed() >= WINDOW || *n < WRONG_CODES,
            None => true,
        }
    }

    /// Counts a wrong code from this address.
    pub fn wrong(&self, ip: IpAddr) {
        let mut seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
        // Old windows go, so that the map does not grow without end.
        if seen.len() > 10_000 {
            seen.retain(|_, (start, _)| start.elapsed() < WINDOW);
        }
        let entry = seen.entry(ip).or_insert((Instant::now(), 0));
        if entry.0.elapsed() >= WINDOW {
            *entry = (Instant::now(), 0);
        }
        entry.1 += 1;
    }
}
