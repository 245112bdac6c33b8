//! The server's one bearer token, which every `/api/v1` and `/spryker/` request must
//! send (`Authorization: Bearer <token>`): `--token` sets it; otherwise the database's
//! own token is used, generated at random (128 bits, 32 lowercase hex digits) the first
//! time and kept in `server_setting` so a restart over the same database keeps it
//! ([`database_token`]). Tokens are compared in constant time ([`Token::accepts`]).

use std::sync::Arc;

use rusqlite::{Connection, OptionalExtension};

/// The `server_setting` row that holds the generated token.
pub const TOKEN_SETTING: &str = "api_token";

/// The accepted bearer token (cheap to clone).
#[derive(Clone)]
pub struct Token(Arc<str>);

impl Token {
    /// A token; callers make sure it is not empty.
    pub fn new(token: &str) -> Self {
        Self(Arc::from(token))
    }

    /// The token itself (to print it, or to write it into the served page).
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether `sent` is this token, compared without an early exit on the first
    /// differing byte.
    pub fn accepts(&self, sent: &str) -> bool {
        same(sent.as_bytes(), self.0.as_bytes())
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(<redacted>)")
    }
}

/// Constant-time comparison (for equal lengths; the length itself is not secret).
pub(crate) fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The bearer token of an `Authorization` header value (`Bearer <token>`, scheme in any
/// case), or `None` when it is not a bearer credential.
pub fn bearer(value: &str) -> Option<&str> {
    let (scheme, token) = value.trim().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}

/// A new random token: 16 bytes of the operating system's randomness as 32 lowercase hex
/// digits.
pub fn generate() -> std::io::Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// The database's token: the stored one, or a new one ([`generate`]) stored for the next
/// start.
pub fn database_token(conn: &Connection) -> rusqlite::Result<String> {
    let stored: Option<String> = conn
        .query_row(
            "SELECT value FROM server_setting WHERE name = ?1",
            [TOKEN_SETTING],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(token) = stored.filter(|t| !t.is_empty()) {
        return Ok(token);
    }
    let token = generate().map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    conn.execute(
        "INSERT OR REPLACE INTO server_setting (name, value) VALUES (?1, ?2)",
        [TOKEN_SETTING, &token],
    )?;
    Ok(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Only bearer credentials with a token count; comparison needs every byte.
    #[test]
    fn bearer_values() {
        assert_eq!(bearer("Bearer abc"), Some("abc"));
        assert_eq!(bearer("bearer  abc "), Some("abc"));
        assert_eq!(bearer("Basic abc"), None);
        assert_eq!(bearer("Bearer "), None);
        assert_eq!(bearer("abc"), None);
        let t = Token::new("abc");
        assert!(t.accepts("abc") && !t.accepts("abd") && !t.accepts("ab") && !t.accepts(""));
        assert_eq!(format!("{t:?}"), "Token(<redacted>)");
    }

    // A generated token is 32 hex digits, a new one each time; the database keeps its
    // token across opens.
    #[test]
    fn database_keeps_its_token() {
        let a = generate().unwrap();
        assert_eq!(a.len(), 32);
        assert!(
            a.bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        );
        assert_ne!(a, generate().unwrap());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let first = database_token(&crate::db::open(&path).unwrap()).unwrap();
        let again = database_token(&crate::db::open(&path).unwrap()).unwrap();
        assert_eq!(first, again);
        assert_eq!(first.len(), 32);
    }
}
