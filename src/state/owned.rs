//! Timers and tasks that end with the owner that made them (a page, or the whole app on
//! `unmount()`). Leptos's own helpers hold that owner strongly until they finish
//! (`set_timeout` under `Owner::with`, `spawn_local_scoped_with_cancellation`'s
//! `ScopedFuture`), and the router *drops* a page's owner rather than cleaning it up: a
//! pending debounce or request then kept the old page alive, its cleanup (which would
//! have cancelled them) never ran, and its URL write landed on the next page. Here they
//! hold the owner weakly, so leaving the page cleans it up at once, clears the timer and
//! drops the task (and with it reqwest's fetch, which aborts).

use futures::future::{AbortHandle, Abortable};
use leptos::prelude::*;
use leptos::reactive::owner::WeakOwner;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

/// A timer that runs `f` under the owner current now (its context: language, instance),
/// and not at all once that owner is gone; `None` if the browser refused it.
pub fn timer(delay: Duration, f: impl FnOnce() + 'static) -> Option<TimeoutHandle> {
    let owner = Owner::current().map(|o| o.downgrade());
    let run = move || match owner {
        Some(weak) => {
            if let Some(o) = weak.upgrade() {
                o.with(f);
            }
        }
        None => f(),
    };
    set_timeout_with_handle(run, delay).ok()
}

/// Runs `f` after `delay` under `owner` (default: the current one); cleared if that
/// owner goes first. Give the longest-lived owner that should see it run: a
/// notification set while leaving a page belongs to the app, not to the page.
pub fn after(owner: Option<&Owner>, delay: Duration, f: impl FnOnce() + 'static) {
    let owner = owner.cloned().or_else(Owner::current);
    let schedule = move || {
        if let Some(handle) = timer(delay, f) {
            on_cleanup(move || handle.clear());
        }
    };
    match owner {
        Some(o) => o.with(schedule),
        None => schedule(),
    }
}

/// Runs `task` in the browser's event loop under the current owner, untracked; it is
/// dropped when that owner goes (no further step of it runs).
pub fn spawn(task: impl Future<Output = ()> + 'static) {
    let (abort, registration) = AbortHandle::new_pair();
    on_cleanup(move || abort.abort());
    leptos::task::spawn_local(Weakly {
        owner: Owner::current().map(|o| o.downgrade()),
        task: Box::pin(Abortable::new(task, registration)),
    });
}

/// An owner held weakly, to start tasks under it later: a callback made by a page runs
/// under whatever owner is current when it is called (a button inside a notice that the
/// same click hides), and a task spawned there would end with that part, not the page.
#[derive(Clone)]
pub struct Scope(Option<WeakOwner>);

impl Scope {
    /// The owner current now (a page's, when called in its component).
    pub fn here() -> Self {
        Scope(Owner::current().map(|o| o.downgrade()))
    }

    /// [`spawn`]s `task` under this scope's owner; nothing when that owner is gone.
    pub fn spawn(&self, task: impl Future<Output = ()> + 'static) {
        match &self.0 {
            None => spawn(task),
            Some(weak) => {
                if let Some(o) = weak.upgrade() {
                    o.with(|| spawn(task));
                }
            }
        }
    }
}

/// A future polled under a weakly held owner; finished once the owner is gone.
struct Weakly<F> {
    owner: Option<WeakOwner>,
    task: Pin<Box<F>>,
}

impl<F: Future> Future for Weakly<F> {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = self.get_mut();
        let task = &mut this.task;
        let mut step = || untrack(|| task.as_mut().poll(cx)).map(|_| ());
        match &this.owner {
            None => step(),
            Some(weak) => match weak.upgrade() {
                Some(o) => o.with(step),
                None => Poll::Ready(()),
            },
        }
    }
}
