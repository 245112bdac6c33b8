//! "Latest wins": of a burst of calls only the newest counts. The one helper behind the
//! debounced search box, the as-you-type name check, and remote data that drops answers
//! to requests made before the newest one. Its timers are `owned::timer`s: they end with
//! the owner that set them (a page, or the whole app on `unmount()`).

use crate::state::owned::timer;
use leptos::prelude::*;
use std::time::Duration;

/// How long typing must pause before a search or a name check goes out.
pub const TYPING_PAUSE: Duration = Duration::from_millis(300);

/// Hands out tickets; only the newest one is current. Its debounce keeps one pending
/// timer (a new one replaces it), cleared when the owner that made it goes.
#[derive(Clone, Copy)]
pub struct Latest {
    ticket: StoredValue<u64>,
    pending: StoredValue<Option<TimeoutHandle>>,
}

impl Default for Latest {
    fn default() -> Self {
        let pending = StoredValue::new(None::<TimeoutHandle>);
        on_cleanup(move || {
            if let Some(Some(h)) = pending.try_get_value() {
                h.clear();
            }
        });
        Latest {
            ticket: StoredValue::new(0),
            pending,
        }
    }
}

impl Latest {
    /// A new ticket; every older one stops being current.
    pub fn next(&self) -> u64 {
        let ticket = self.ticket.get_value() + 1;
        self.ticket.set_value(ticket);
        ticket
    }

    /// Whether `ticket` is still the newest (never once its owner is gone).
    pub fn is_current(&self, ticket: u64) -> bool {
        self.ticket.try_get_value() == Some(ticket)
    }

    /// Makes every ticket handed out so far stale (e.g. Enter commits a search at once,
    /// so the pending debounced one must not run again).
    pub fn cancel(&self) {
        self.next();
    }

    /// Runs `f` after `delay` (under the current owner), unless a newer ticket was
    /// taken meanwhile; the previous pending run is dropped.
    pub fn debounce(&self, delay: Duration, f: impl FnOnce() + 'static) {
        let ticket = self.next();
        let this = *self;
        if let Some(h) = self.pending.get_value() {
            h.clear();
        }
        let handle = timer(delay, move || {
            if this.is_current(ticket) {
                f();
            }
        });
        self.pending.set_value(handle);
    }
}
