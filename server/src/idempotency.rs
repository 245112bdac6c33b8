//! Idempotent create: `POST /customer-groups` with an `Idempotency-Key` header (1–255
//! printable ASCII characters, else 400 `invalid_idempotency_key`) is done at most once
//! per key. The first successful create stores key → (SHA-256 of the request body, status
//! and answer) in `idempotency_key`, in the create's own transaction; for 24 hours the same
//! key with the same body bytes answers that stored response again (201, the same group,
//! `Idempotent-Replayed: true`), even when the first client gave up waiting, and the same
//! key with another body is 422 `idempotency_key_reused`. A refused create (4xx) stores
//! nothing, so it can be corrected and sent again under the same key. Requests are
//! serialized on the one connection and the key is the table's primary key, so
//! concurrent duplicates cannot create two groups.

use std::convert::Infallible;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use crate::cors::IDEMPOTENCY_KEY;
use crate::error::{ApiError, codes};
use crate::model::{CreateGroup, Group};
use crate::store::insert_new_group;

/// How long a stored answer is replayed, in seconds (24 hours).
pub const KEY_LIFETIME_SECS: i64 = 24 * 60 * 60;
/// Longest accepted key, in characters.
pub const KEY_MAX_LEN: usize = 255;

/// The request's `Idempotency-Key` header, as sent (the check is [`IdempotencyKey::key`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotencyKey(Option<Result<String, ()>>);

impl IdempotencyKey {
    /// The key, `None` without the header; 400 when it is empty, longer than
    /// [`KEY_MAX_LEN`] or not printable ASCII (space to `~`).
    pub fn key(&self) -> Result<Option<&str>, ApiError> {
        match &self.0 {
            None => Ok(None),
            Some(Ok(k))
                if !k.is_empty()
                    && k.len() <= KEY_MAX_LEN
                    && k.bytes().all(|b| (b' '..=b'~').contains(&b)) =>
            {
                Ok(Some(k))
            }
            Some(_) => Err(ApiError::bad_request(format!(
                "'Idempotency-Key' must be 1 to {KEY_MAX_LEN} printable ASCII characters."
            ))
            .with_code(codes::INVALID_IDEMPOTENCY_KEY)),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for IdempotencyKey {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let value = parts
            .headers
            .get(IDEMPOTENCY_KEY)
            .map(|v| v.to_str().map(|s| s.to_string()).map_err(|_| ()));
        Ok(IdempotencyKey(value))
    }
}

/// The fingerprint of a request body: SHA-256, lowercase hex.
pub fn body_hash(body: &[u8]) -> String {
    Sha256::digest(body)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What a create answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Created {
    /// A new group.
    New(Group),
    /// The stored answer of an earlier request with the same key and body.
    Replayed(Group),
}

/// Creates the group of `body` once per `key` (see the module doc); `hash` is the
/// [`body_hash`] of the request.
pub fn create_once(
    conn: &mut Connection,
    key: &str,
    hash: &str,
    body: CreateGroup,
) -> Result<Created, ApiError> {
    let tx = conn.transaction()?;
    tx.execute(
        "DELETE FROM idempotency_key
         WHERE created_at <= CAST(strftime('%s', 'now') AS INTEGER) - ?1",
        [KEY_LIFETIME_SECS],
    )?;
    let stored: Option<(String, String)> = tx
        .query_row(
            "SELECT request_hash, body FROM idempotency_key WHERE key = ?1",
            [key],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if let Some((stored_hash, answer)) = stored {
        if stored_hash != hash {
            return Err(ApiError::unprocessable(
                codes::IDEMPOTENCY_KEY_REUSED,
                "This Idempotency-Key was already used with another request body; use a new \
                 key for a new request.",
            ));
        }
        let group: Group = serde_json::from_str(&answer).map_err(ApiError::internal)?;
        return Ok(Created::Replayed(group));
    }
    let group = insert_new_group(&tx, body)?;
    let answer = serde_json::to_string(&group).map_err(ApiError::internal)?;
    tx.execute(
        "INSERT INTO idempotency_key (key, request_hash, status, body) VALUES (?1, ?2, 201, ?3)",
        params![key, hash, answer],
    )?;
    tx.commit()?;
    Ok(Created::New(group))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(value: Option<&str>) -> IdempotencyKey {
        IdempotencyKey(value.map(|v| Ok(v.to_string())))
    }

    // Keys are 1–255 printable ASCII characters; no header is no key.
    #[test]
    fn key_rules() {
        assert_eq!(key(None).key().unwrap(), None);
        assert_eq!(key(Some("a-1 b~")).key().unwrap(), Some("a-1 b~"));
        assert!(key(Some(&"k".repeat(255))).key().is_ok());
        for bad in ["", &"k".repeat(256), "tab\there", "é"] {
            let e = key(Some(bad)).key().unwrap_err();
            assert_eq!(
                (e.status.as_u16(), e.code),
                (400, "invalid_idempotency_key")
            );
        }
        assert!(IdempotencyKey(Some(Err(()))).key().is_err());
    }

    // The fingerprint is SHA-256 of the bytes.
    #[test]
    fn hashes_bodies() {
        assert_eq!(
            body_hash(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    // Same key and body: one group, answered again; same key, other body: 422; a stored
    // answer older than 24 hours is forgotten.
    #[test]
    fn creates_once_per_key() {
        let mut conn = crate::db::open(std::path::Path::new(":memory:")).unwrap();
        let body = |name: &str| CreateGroup {
            name: Some(name.into()),
            ..CreateGroup::default()
        };
        let Created::New(first) = create_once(&mut conn, "k", "h1", body("A")).unwrap() else {
            panic!("first create must be new");
        };
        let again = create_once(&mut conn, "k", "h1", body("A")).unwrap();
        assert_eq!(again, Created::Replayed(first.clone()));
        let e = create_once(&mut conn, "k", "h2", body("B")).unwrap_err();
        assert_eq!((e.status.as_u16(), e.code), (422, "idempotency_key_reused"));
        let groups: i64 = conn
            .query_row("SELECT count(*) FROM customer_group", [], |r| r.get(0))
            .unwrap();
        assert_eq!(groups, 1);
        conn.execute(
            "UPDATE idempotency_key SET created_at = created_at - ?1",
            [KEY_LIFETIME_SECS],
        )
        .unwrap();
        let e = create_once(&mut conn, "k", "h1", body("A")).unwrap_err();
        assert_eq!(e.fields.unwrap().messages["name"], "Name is already used");
    }
}
