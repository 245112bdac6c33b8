//! Starting the server: [`prepare`] opens (and optionally seeds) the database, [`spawn`]
//! runs a complete server on a random local port in a background task — the helper the
//! app's native tests use — and [`spawn_with`] does the same with [`AppOptions`] (bearer
//! token, allowed origins, page settings).

use std::io;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use tokio::net::TcpListener;
use tokio::task::JoinHandle;

use crate::app::{AppOptions, router_with};
use crate::seed::{self, SeedSummary};
use crate::state::AppState;

/// Opens the database at `db_path` (creating and migrating it, and giving it a bearer
/// token if it has none) and, when `seed_customers` is `Some(n)` and the database is
/// empty, fills it with the demo data set of `n` customers. Runs the blocking work on the
/// blocking thread pool.
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
        let state = AppState::new(conn).map_err(io::Error::other)?;
        Ok((state, summary))
    })
    .await
    .map_err(io::Error::other)?
}

/// Starts a server on `127.0.0.1` with a random free port over the database at
/// `db_path` (seeded with `seed_customers` demo customers when given and the database is
/// empty), serving the app from `dist` when given, with the database's own bearer token
/// (see [`crate::token`]; give one with [`spawn_with`] to know it). Returns the bound
/// address and the task that serves until it is aborted (or the runtime ends).
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
    let options = AppOptions {
        dist,
        ..AppOptions::default()
    };
    spawn_with(db_path, seed_customers, options).await
}

/// Like [`spawn`], with the app directory, the bearer token, the allowed origins and the
/// page settings of `options` (an empty token is refused as `InvalidInput`).
///
/// ```no_run
/// # async fn demo() -> std::io::Result<()> {
/// use cg_server::{AppOptions, PageSetting};
/// let options = AppOptions {
///     token: Some("secret".into()),
///     page_settings: vec!["dialect=spryker".parse::<PageSetting>().unwrap()],
///     ..AppOptions::default()
/// };
/// let db = std::env::temp_dir().join("test.db");
/// let (addr, server) = cg_server::spawn_with(&db, Some(50), options).await?;
/// let groups = format!("http://{addr}/spryker/customer-groups");
/// # server.abort(); Ok(()) }
/// ```
pub async fn spawn_with(
    db_path: &Path,
    seed_customers: Option<usize>,
    options: AppOptions,
) -> io::Result<(SocketAddr, JoinHandle<()>)> {
    if options
        .token
        .as_deref()
        .is_some_and(|t| t.trim().is_empty())
    {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the bearer token must not be empty",
        ));
    }
    let (state, _) = prepare(db_path, seed_customers).await?;
    let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
    let addr = listener.local_addr()?;
    let app = router_with(state, options);
    let handle = tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, app).await {
            tracing::error!(error = %e, "server stopped");
        }
    });
    Ok((addr, handle))
}
