//! The live boards' mailboxes: one broadcast channel per class with a listening board; a
//! change is sent to every board of its class, and a board that fell behind gets the whole
//! board again.

use std::collections::HashMap;
use std::sync::Mutex;

use tokio::sync::broadcast;

use crate::live::Event;

/// Changes waiting per listening board before it counts as behind.
const BACKLOG: usize = 256;

/// The channels, by class id.
#[derive(Default)]
pub struct Hub {
    channels: Mutex<HashMap<String, broadcast::Sender<Event>>>,
}

impl Hub {
    /// Listens to a class's changes.
    pub fn subscribe(&self, class_id: &str) -> broadcast::Receiver<Event> {
        let mut channels = self.channels.lock().unwrap_or_else(|p| p.into_inner());
        channels
            .entry(class_id.to_string())
            .or_insert_with(|| broadcast::channel(BACKLOG).0)
            .subscribe()
    }

    /// Sends a change to the class's boards (none listening is fine); a deleted class's
    /// channel goes.
    pub fn publish(&self, class_id: &str, event: Event) {
        let mut channels = self.channels.lock().unwrap_or_else(|p| p.into_inner());
        let deleted = matches!(event, Event::Deleted);
        if let Some(tx) = channels.get(class_id) {
            let _ = tx.send(event);
            if tx.receiver_count() == 0 || deleted {
                channels.remove(class_id);
            }
        }
    }
}
