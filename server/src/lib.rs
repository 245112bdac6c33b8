//! `cg_server`: the reference REST backend of the Customer Groups admin — axum over SQLite.
//!
//! It implements the API contract of `docs/API-CONTRACT.md` under `/api/v1` (documented in
//! `server/openapi.json`), optionally serves the built app, and can fill its database with
//! deterministic demo data. Other crates' tests start it with [`spawn`]:
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! let db = std::env::temp_dir().join("cg-test.db");
//! let (addr, server) = cg_server::spawn(&db, Some(100), None).await?;
//! let url = format!("http://{addr}/api/v1/customer-groups");
//! # server.abort(); Ok(()) }
//! ```

#![warn(missing_docs)]

pub mod app;
pub mod db;
pub mod error;
pub mod extract;
pub mod model;
pub mod query;
pub mod routes;
pub mod seed;
pub mod server;
pub mod state;
pub mod store;

pub use app::router;
pub use error::ApiError;
pub use routes::{API_PREFIX, API_ROUTES};
pub use server::{prepare, spawn};
pub use state::AppState;
