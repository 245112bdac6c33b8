//! Shared server state: one SQLite connection behind a mutex, used from the blocking
//! thread pool (rusqlite is synchronous). Simple and correct for a reference server:
//! requests are serialized at the database, which SQLite would largely do anyway. It
//! also holds the database's own bearer token ([`crate::token::database_token`]).

use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

use rusqlite::Connection;

use crate::error::ApiError;
use crate::{db, token};

/// State shared by all handlers (cheap to clone).
#[derive(Clone)]
pub struct AppState {
    db: Arc<Mutex<Connection>>,
    token: Arc<str>,
}

impl AppState {
    /// Wraps an already opened and migrated connection, reading (or generating and
    /// storing) the database's bearer token.
    pub fn new(conn: Connection) -> rusqlite::Result<Self> {
        let token = token::database_token(&conn)?;
        Ok(Self {
            db: Arc::new(Mutex::new(conn)),
            token: Arc::from(token),
        })
    }

    /// Opens (creating and migrating if needed) the database file at `path`.
    pub fn open(path: &Path) -> rusqlite::Result<Self> {
        Self::new(db::open(path)?)
    }

    /// The database's bearer token (used unless the server is given another one).
    pub fn database_token(&self) -> &str {
        &self.token
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
