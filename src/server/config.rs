//! What `relsim serve` is told: where the site and the database are, where to listen, and how
//! long classes live.

use std::net::IpAddr;
use std::path::PathBuf;

use crate::live::{DEFAULT_EXPIRE_DAYS, EXPIRE_DAYS};

/// The class server's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// The built site (`make site` writes `dist`).
    pub site: PathBuf,
    /// The SQLite database file (made when missing).
    pub db: PathBuf,
    /// The address to listen on: 127.0.0.1 for this machine only, 0.0.0.0 for the room.
    pub host: IpAddr,
    /// The port; 0 takes a free one (the first line printed names it).
    pub port: u16,
    /// Days a class lives before it is deleted with all its data.
    pub expire_days: u32,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            site: "dist".into(),
            db: "relsim.sqlite".into(),
            host: IpAddr::from([127, 0, 0, 1]),
            port: 8080,
            expire_days: DEFAULT_EXPIRE_DAYS,
        }
    }
}

impl Config {
    /// Reads `--host`.
    pub fn host(value: &str) -> Result<IpAddr, String> {
        value.parse().map_err(|_| {
            format!("--host: '{value}' is not an IP address (127.0.0.1: this machine only; 0.0.0.0: every network it is on)")
        })
    }

    /// Reads `--port`.
    pub fn port(value: &str) -> Result<u16, String> {
        value.parse().map_err(|_| {
            format!("--port: '{value}' is not a port number in 0..=65535 (0: any free port)")
        })
    }

    /// Reads `--expire-days`.
    pub fn expire_days(value: &str) -> Result<u32, String> {
        value
            .parse()
            .ok()
            .filter(|d| EXPIRE_DAYS.contains(d))
            .ok_or(format!(
                "--expire-days: '{value}' is not a whole number in {}..={}",
                EXPIRE_DAYS.start(),
                EXPIRE_DAYS.end()
            ))
    }
}
