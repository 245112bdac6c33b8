//! Starting the server: [`prepare`] opens (and optionally seeds) the database, [`spawn`]
//! runs a complete server on a random local port in a background task — the helper the
//! app's native tests use.

use std::io;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use tokio::net::TcpListener;
use tokio::task::JoinHandle;

use crate::app::router;
use crate::seed::{self, SeedSummary};
use crate::state::AppState;

/// Opens the database at `db_path` (creating and migrating it) and, when `seed_customers`
/// is `Some(n)` and the database is empty, fills it with the demo data set of `n`
/// customers. Runs the blocking work on the blocking thread pool.
pub async fn prepare(
    db_path: &Path,
    seed_customers: Option<usize>,
) -> io::Result<(AppState, Option<SeedSummary>)> {
    let path = db_path.to_path_buf();
    tokio::task::spawn_blocking(move || {
        let mut conn = crate::db::open(&path).map_err(io::Error::other)?;
        let summary = match seed_customers {
            Some(n) => seed::seed_if_empty(&mut conn, n).map_err(io::Error::other)?,
            None => None,
        };
        Ok((AppState::new(conn), summary))
    })
    .await
    .map_err(io::Error::other)?
}

/// Starts a server on `127.0.0.1` with a random free port over the database at
/// `db_path` (seeded with `seed_customers` demo customers when given and the database is
/// empty), serving the app from `dist` when given. Returns the bound address and the
/// task that serves until it is aborted (or the runtime ends).
///
/// ```no_run
/// # async fn demo() -> std::io::Result<()> {
/// let dir = std::env::temp_dir();
/// let (addr, server) = cg_server::spawn(&dir.join("test.db"), Some(50), None).await?;
/// let base = format!("http://{addr}/api/v1");
/// # server.abort(); Ok(()) }
/// ```
pub async fn spawn(
    db_path: &Path,
    seed_customers: Option<usize>,
    dist: Option<PathBuf>,
) -> io::Result<(SocketAddr, JoinHandle<()>)> {
    let (state, _) = prepare(db_path, seed_customers).await?;
    let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
    let addr = listener.local_addr()?;
    let app = router(state, dist);
    let handle = tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, app).await {
            tracing::error!(error = %e, "server stopped");
        }
    });
    Ok((addr, handle))
}
