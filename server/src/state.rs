//! Shared server state: one SQLite connection behind a mutex, used from the blocking
//! thread pool (rusqlite is synchronous). Simple and correct for a reference server:
//! requests are serialized at the database, which SQLite would largely do anyway.

use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

use rusqlite::Connection;

use crate::db;
use crate::error::ApiError;

/// State shared by all handlers (cheap to clone).
#[derive(Clone)]
pub struct AppState {
    db: Arc<Mutex<Connection>>,
}

impl AppState {
    /// Wraps an already opened and migrated connection.
    pub fn new(conn: Connection) -> Self {
        Self {
            db: Arc::new(Mutex::new(conn)),
        }
    }

    /// Opens (creating and migrating if needed) the database file at `path`.
    pub fn open(path: &Path) -> rusqlite::Result<Self> {
        db::open(path).map(Self::new)
    }

    /// Runs `f` with the connection on the blocking thread pool and returns its result.
    pub async fn run<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, ApiError> + Send + 'static,
    {
        let db = Arc::clone(&self.db);
        tokio::task::spawn_blocking(move || {
            // A panic inside `f` rolls its transaction back on unwind, so the
            // connection is still usable: ignore the poison flag.
            let mut conn = db.lock().unwrap_or_else(PoisonError::into_inner);
            f(&mut conn)
        })
        .await?
    }
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState").finish_non_exhaustive()
    }
}
