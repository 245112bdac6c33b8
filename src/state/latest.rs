//! "Latest wins": of a burst of calls only the newest counts. The one helper behind the
//! debounced search box, the as-you-type name check, and remote data that drops answers
//! to requests made before the newest one. Also [`after`], the app's one timer: it runs
//! under the owner that set it and is cleared when that owner goes (a page, or the whole
//! app on `unmount()`), so nothing of a removed instance fires.

use leptos::prelude::*;
use std::time::Duration;

/// How long typing must pause before a search or a name check goes out.
pub const TYPING_PAUSE: Duration = Duration::from_millis(300);

/// Hands out tickets; only the newest one is current.
#[derive(Clone, Copy)]
pub struct Latest(StoredValue<u64>);

impl Default for Latest {
    fn default() -> Self {
        Latest(StoredValue::new(0))
    }
}

impl Latest {
    /// A new ticket; every older one stops being current.
    pub fn next(&self) -> u64 {
        let ticket = self.0.get_value() + 1;
        self.0.set_value(ticket);
        ticket
    }

    /// Whether `ticket` is still the newest (never once its owner is gone).
    pub fn is_current(&self, ticket: u64) -> bool {
        self.0.try_get_value() == Some(ticket)
    }

    /// Makes every ticket handed out so far stale (e.g. Enter commits a search at once,
    /// so the pending debounced one must not run again).
    pub fn cancel(&self) {
        self.next();
    }

    /// Runs `f` after `delay`, unless a newer ticket was taken meanwhile.
    pub fn debounce(&self, delay: Duration, f: impl FnOnce() + 'static) {
        let ticket = self.next();
        let this = *self;
        after(delay, move || {
            if this.is_current(ticket) {
                f();
            }
        });
    }
}

/// Runs `f` after `delay` under the current reactive owner (its context: language,
/// instance); cleared if the owner is cleaned up first.
pub fn after(delay: Duration, f: impl FnOnce() + 'static) {
    let owner = Owner::current();
    let run = move || match owner {
        Some(o) => o.with(f),
        None => f(),
    };
    if let Ok(handle) = set_timeout_with_handle(run, delay) {
        on_cleanup(move || handle.clear());
    }
}
