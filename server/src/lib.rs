//! `cg_server`: the reference REST backend of the Customer Groups admin — axum over SQLite.
//!
//! It implements the API contract of `docs/API-CONTRACT.md` under `/api/v1` (documented in
//! `server/openapi.json`) and, over the same store, the customer-group parts of Spryker's
//! Back Office API under `/spryker/` (JSON:API; see [`spryker`] and
//! `docs/SPRYKER-COMPAT.md`). Every request to either needs `Authorization: Bearer` with the
//! server's one token ([`token`]: `--token`, or generated once per database).
//! It optionally serves the built app — writing page settings such as
//! `data-dialect="spryker"` onto its `#cg-app` element ([`page`]) — and can fill its
//! database with deterministic demo data. Every customer group has a stable `uuid`, the
//! group id of the Spryker routes. Other crates' tests start it with [`spawn`] (or
//! [`spawn_with`] and [`AppOptions`]):
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! let db = std::env::temp_dir().join("cg-test.db");
//! let options = cg_server::AppOptions {
//!     token: Some("test-token".into()),
//!     ..cg_server::AppOptions::default()
//! };
//! let (addr, server) = cg_server::spawn_with(&db, Some(100), options).await?;
//! // Every request sends `Authorization: Bearer test-token`.
//! let url = format!("http://{addr}/api/v1/customer-groups");
//! # server.abort(); Ok(()) }
//! ```

#![warn(missing_docs)]

pub mod app;
pub mod auth;
pub mod cors;
pub mod db;
pub mod error;
pub mod etag;
pub mod export;
pub mod extract;
pub mod host_check;
pub mod idempotency;
pub mod keys;
pub mod migrations;
pub mod model;
pub mod page;
pub mod query;
pub mod routes;
pub mod security;
pub mod seed;
pub mod server;
pub mod spryker;
pub mod state;
pub mod store;
pub mod token;
pub mod validate;
pub mod version;
pub mod wire;

pub use app::{AppOptions, router, router_with};
pub use cors::AllowedOrigin;
pub use error::ApiError;
pub use page::{PageRoute, PageSetting};
pub use routes::{API_PREFIX, API_ROUTES};
pub use server::{prepare, spawn, spawn_with};
pub use spryker::{SPRYKER_PREFIX, SPRYKER_ROUTES};
pub use state::AppState;
