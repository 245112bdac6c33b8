//! The Spryker dialect: the customer-group parts of Spryker's Back Office API (JSON:API
//! documents, bearer token) under `/spryker/`, over the same SQLite store as the
//! reference API. See `docs/SPRYKER-COMPAT.md` for what is implemented.
//!
//! - [`media`]: the media type; [`document`]: success documents, resources, paging
//!   block;
//! - [`error`]: error documents and their [`error::codes`];
//! - [`auth`]: the bearer-token check (the server's one token, [`crate::token`], or one
//!   issued at `POST /spryker/token`: [`oauth`], [`sessions`]);
//! - [`params`], [`body`]: request parameters and write documents; [`references`]: the
//!   customer references a write lists;
//! - [`groups`], [`members`], [`customers`]: the endpoints;
//! - [`routes`]: the route table and router.

pub mod auth;
pub mod body;
pub mod constraints;
pub mod customers;
pub mod document;
pub mod error;
pub mod groups;
pub mod media;
pub mod members;
pub mod oauth;
pub mod params;
pub mod references;
pub mod routes;
pub mod sessions;

use rusqlite::Connection;

use crate::state::AppState;

pub use error::SprykerError;
pub use routes::{SPRYKER_ROUTES, spryker_router};

/// Path prefix of the dialect.
pub const SPRYKER_PREFIX: &str = "/spryker";

/// Runs `f` with the connection on the blocking thread pool (see [`AppState::run`]).
pub async fn run<T, F>(state: &AppState, f: F) -> Result<T, SprykerError>
where
    T: Send + 'static,
    F: FnOnce(&mut Connection) -> Result<T, SprykerError> + Send + 'static,
{
    state.run(move |c| Ok(f(c))).await?
}
