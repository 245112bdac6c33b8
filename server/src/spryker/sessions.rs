//! Back Office sign-in for `/spryker/`: the users who may sign in, and the access and
//! refresh tokens issued to them at `POST /spryker/token` ([`super::oauth`]), kept in
//! memory (a restart signs everyone out, as a new signing key would in Spryker). An
//! access token lives [`SprykerAuth::lifetime`] (Spryker's default `PT8H`; the tests
//! set a few seconds), a refresh token [`REFRESH_LIFETIME`] (Spryker's `P1M`); a refresh
//! retires the token it used (league/oauth2-server's refresh-token rotation). Besides
//! issued tokens the server's one fixed token ([`crate::token`]) is accepted, so a page
//! given `data-auth-token` keeps working.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use crate::token::{Token, generate, same};

/// How long an access token lives unless configured (Spryker's `PT8H`).
pub const DEFAULT_LIFETIME: Duration = Duration::from_secs(8 * 3600);
/// How long a refresh token lives (Spryker's `P1M`).
pub const REFRESH_LIFETIME: Duration = Duration::from_secs(30 * 24 * 3600);

/// A Back Office user who may sign in (`--spryker-user EMAIL:PASSWORD`).
#[derive(Clone, PartialEq, Eq)]
pub struct BackOfficeUser {
    /// The user name (an e-mail address), compared exactly.
    pub username: String,
    /// The password, compared in constant time.
    pub password: String,
}

impl std::fmt::Debug for BackOfficeUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "BackOfficeUser({}, <redacted>)", self.username)
    }
}

impl std::str::FromStr for BackOfficeUser {
    type Err = String;

    /// `EMAIL:PASSWORD`, both non-empty.
    fn from_str(s: &str) -> Result<Self, String> {
        match s.split_once(':') {
            Some((u, p)) if !u.trim().is_empty() && !p.is_empty() => Ok(Self {
                username: u.trim().to_owned(),
                password: p.to_owned(),
            }),
            _ => Err("not EMAIL:PASSWORD (both parts needed)".to_owned()),
        }
    }
}

/// A pair of tokens issued by a sign-in or a refresh.
#[derive(Debug, Clone)]
pub struct Issued {
    /// The bearer token for requests.
    pub access_token: String,
    /// The token that renews it.
    pub refresh_token: String,
    /// Seconds the access token lives.
    pub expires_in: u64,
}

#[derive(Default)]
struct Sessions {
    /// Access token → when it expires.
    access: HashMap<String, Instant>,
    /// Refresh token → (user name, when it expires).
    refresh: HashMap<String, (String, Instant)>,
}

/// Who may call `/spryker/` and how they sign in (cheap to clone).
#[derive(Clone)]
pub struct SprykerAuth {
    fixed: Token,
    users: Arc<[BackOfficeUser]>,
    /// How long an issued access token lives.
    pub lifetime: Duration,
    sessions: Arc<Mutex<Sessions>>,
}

impl SprykerAuth {
    /// Accepts `fixed` and the tokens issued to `users`, living `lifetime`.
    pub fn new(fixed: Token, users: Vec<BackOfficeUser>, lifetime: Duration) -> Self {
        Self {
            fixed,
            users: users.into(),
            lifetime,
            sessions: Arc::default(),
        }
    }

    fn sessions(&self) -> std::sync::MutexGuard<'_, Sessions> {
        self.sessions.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Whether `sent` is the fixed token or an issued access token that has not expired.
    pub fn accepts(&self, sent: &str) -> bool {
        if self.fixed.accepts(sent) {
            return true;
        }
        let now = Instant::now();
        let mut s = self.sessions();
        s.access.retain(|_, expires| *expires > now);
        s.access.contains_key(sent)
    }

    /// New tokens for `username`/`password`, or `None` when no user has both.
    pub fn sign_in(&self, username: &str, password: &str) -> Option<Issued> {
        let user = self
            .users
            .iter()
            .find(|u| u.username == username && same(u.password.as_bytes(), password.as_bytes()))?;
        Some(self.issue(&user.username))
    }

    /// New tokens for the holder of `refresh_token` (which is retired), or `None` when
    /// it is unknown, used or expired.
    pub fn refresh(&self, refresh_token: &str) -> Option<Issued> {
        let (user, expires) = self.sessions().refresh.remove(refresh_token)?;
        (expires > Instant::now()).then(|| self.issue(&user))
    }

    fn issue(&self, username: &str) -> Issued {
        let token = || generate().unwrap_or_else(|e| panic!("no randomness for a token: {e}"));
        let (access_token, refresh_token) = (token(), token());
        let now = Instant::now();
        let mut s = self.sessions();
        s.access.insert(access_token.clone(), now + self.lifetime);
        s.refresh.insert(
            refresh_token.clone(),
            (username.to_owned(), now + REFRESH_LIFETIME),
        );
        Issued {
            access_token,
            refresh_token,
            expires_in: self.lifetime.as_secs(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auth(lifetime: Duration) -> SprykerAuth {
        let user = "admin@spryker.com:change123".parse().unwrap();
        SprykerAuth::new(Token::new("fixed"), vec![user], lifetime)
    }

    #[test]
    fn signs_in_refreshes_and_expires() {
        let a = auth(Duration::from_secs(60));
        assert!(a.sign_in("admin@spryker.com", "wrong").is_none());
        assert!(a.sign_in("Admin@spryker.com", "change123").is_none());
        let t = a.sign_in("admin@spryker.com", "change123").unwrap();
        assert_eq!(t.expires_in, 60);
        assert!(a.accepts(&t.access_token) && a.accepts("fixed"));
        assert!(!a.accepts(&t.refresh_token));
        let r = a.refresh(&t.refresh_token).unwrap();
        assert!(a.accepts(&r.access_token));
        assert!(
            a.refresh(&t.refresh_token).is_none(),
            "a refresh token is used once"
        );
        let short = auth(Duration::ZERO);
        let t = short.sign_in("admin@spryker.com", "change123").unwrap();
        assert!(!short.accepts(&t.access_token));
    }

    #[test]
    fn users_parse_and_hide_their_password() {
        assert!("nobody".parse::<BackOfficeUser>().is_err());
        assert!("a@b:".parse::<BackOfficeUser>().is_err());
        let u: BackOfficeUser = "a@b:p:q".parse().unwrap();
        assert_eq!(u.password, "p:q");
        assert!(!format!("{u:?}").contains("p:q"));
    }
}
