//! Remote data for a view: the last good value stays visible (dimmed) while the next one
//! loads, and an answer that arrives after a newer request was made is dropped, so fast
//! paging or typing never shows stale rows.

use crate::api::ApiError;
use crate::state::latest::Latest;
use crate::state::owned::spawn;
use leptos::prelude::*;
use std::future::Future;

/// Data fetched from the backend for the current parameters.
pub struct Remote<T: Send + Sync + 'static> {
    /// The last successful answer (kept while reloading).
    pub data: RwSignal<Option<T>>,
    /// The error of the last request, if it failed.
    pub error: RwSignal<Option<ApiError>>,
    /// Whether a request is under way.
    pub loading: RwSignal<bool>,
    reload: RwSignal<u64>,
}

impl<T: Send + Sync + 'static> Clone for Remote<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Remote<T> {}

impl<T: Clone + Send + Sync + 'static> Remote<T> {
    /// Fetches `fetch(key())` now and again whenever `key()` changes or [`Remote::retry`]
    /// is called.
    pub fn new<K, Fut>(key: impl Fn() -> K + 'static, fetch: impl Fn(K) -> Fut + 'static) -> Self
    where
        K: 'static,
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        let this = Remote {
            data: RwSignal::new(None),
            error: RwSignal::new(None),
            loading: RwSignal::new(true),
            reload: RwSignal::new(0),
        };
        let latest = Latest::default();
        Effect::new(move |_| {
            this.reload.track();
            let fut = fetch(key());
            let ticket = latest.next();
            this.loading.set(true);
            spawn(async move {
                let result = fut.await;
                if !latest.is_current(ticket) {
                    return; // a newer request was made, or the view is gone
                }
                match result {
                    Ok(v) => {
                        this.data.set(Some(v));
                        this.error.set(None);
                    }
                    Err(e) => this.error.set(Some(e)),
                }
                this.loading.set(false);
            });
        });
        this
    }

    /// Asks again with the same parameters.
    pub fn retry(&self) {
        self.reload.update(|n| *n += 1);
    }
}
