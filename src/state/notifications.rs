//! Notifications (toasts): success hides itself after 5 s, errors stay until closed.

use crate::state::owned::after;
use leptos::prelude::*;
use std::time::Duration;

/// How a notification looks and behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// Something worked.
    Success,
    /// Something failed.
    Error,
}

/// One notification.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Toast {
    /// Unique within the session.
    pub id: u64,
    /// Look and behaviour.
    pub tone: Tone,
    /// The text.
    pub text: String,
}

/// The notifications of the app, shared through context.
#[derive(Clone, Copy)]
pub struct Notifications {
    /// Shown notifications, oldest first.
    pub items: RwSignal<Vec<Toast>>,
    next: StoredValue<u64>,
    /// The app's owner: a success notification outlives the page that raised it. Weak:
    /// a strong one stored under the owner itself would keep it (and every listener it
    /// cleans up) alive after `unmount()`.
    owner: StoredValue<Option<WeakOwner>>,
}

impl Default for Notifications {
    fn default() -> Self {
        Self::new()
    }
}

impl Notifications {
    /// No notifications.
    pub fn new() -> Self {
        Notifications {
            items: RwSignal::new(Vec::new()),
            next: StoredValue::new(0),
            owner: StoredValue::new(Owner::current().map(|o| o.downgrade())),
        }
    }

    /// The app's notifications (provided by the app shell).
    pub fn expect() -> Self {
        expect_context::<Notifications>()
    }

    /// Shows a success message that hides itself after 5 seconds.
    pub fn success(&self, text: impl Into<String>) {
        let id = self.push(Tone::Success, text.into());
        let this = *self;
        let owner = self.owner.get_value().and_then(|w| w.upgrade());
        after(owner.as_ref(), Duration::from_secs(5), move || {
            this.dismiss(id)
        });
    }

    /// Shows an error message that stays until closed.
    pub fn error(&self, text: impl Into<String>) {
        self.push(Tone::Error, text.into());
    }

    /// Closes one notification.
    pub fn dismiss(&self, id: u64) {
        self.items.update(|v| v.retain(|t| t.id != id));
    }

    fn push(&self, tone: Tone, text: String) -> u64 {
        let id = self.next.get_value();
        self.next.set_value(id + 1);
        self.items.update(|v| v.push(Toast { id, tone, text }));
        id
    }
}
