//! A signed-in session as a backend issues it: the bearer token to send, the token
//! that renews it (where the backend can refresh), and how long the first lives. The
//! password that opened it is never part of it.

use crate::api::http::Secret;
use std::time::Duration;

/// What a sign-in or a refresh gave.
#[derive(Clone, Debug)]
pub struct Session {
    /// The bearer token for every request.
    pub access_token: Secret,
    /// The token that renews the session, if the backend gave one.
    pub refresh_token: Option<Secret>,
    /// How long the access token lives, if the backend says.
    pub expires_in: Option<Duration>,
}
