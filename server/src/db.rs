//! SQLite storage: opening the database file, connection settings, the key columns and
//! customer rows; the schema steps are in [`crate::migrations`], the key rules in
//! [`crate::keys`].
//!
//! Every customer group has a random, stable `uuid` (lowercase 8-4-4-4-12 hex, version 4
//! layout) that SQLite fills in when an insert gives none: the public id of the
//! Spryker-dialect routes, and read-only in the reference API.
//!
//! Group ids are `AUTOINCREMENT`: an id, once used, is never handed out again.
//!
//! Case-insensitive search and uniqueness use *key* columns, because SQLite's own
//! `lower()`/`NOCASE` only fold ASCII letters: `customer_group.name_key`/`description_key`
//! hold the shared name rule's key ([`crate::keys::group_key`]: NFC and a Unicode case
//! fold), and `customer.search_key` the lowercased text ([`crate::keys::fold`]); the folded email at the end
//! of the search key is indexed too ([`EMAIL_KEY_SQL`]) for exact lookups.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, params};

use crate::keys::fold;
use crate::migrations::migrate;

/// Separator between the fields of `customer.search_key` (a control character no search
/// term contains in practice).
pub const SEARCH_KEY_SEPARATOR: char = '\u{1f}';

/// SQL for a customer's folded email: `customer.search_key` after its second separator.
/// Written exactly as the index `customer_email_key` of migration 3 is, so that
/// `EMAIL_KEY_SQL = ?` and `EMAIL_KEY_SQL IN (…)` are index searches.
pub const EMAIL_KEY_SQL: &str = "substr(search_key, instr(search_key, char(31)) + instr(substr(search_key, instr(search_key, char(31)) + 1), char(31)) + 1)";

/// Current time as an RFC 3339 UTC string, as SQL (`strftime`) so that all timestamps come
/// from one clock.
pub const NOW_SQL: &str = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";

/// Opens (creating if needed) the SQLite database at `path`, applies the connection
/// settings (WAL, foreign keys, busy timeout) and all pending migrations.
pub fn open(path: &Path) -> rusqlite::Result<Connection> {
    let mut conn = Connection::open(path)?;
    configure(&conn)?;
    migrate(&mut conn)?;
    Ok(conn)
}

/// Applies the per-connection settings: WAL journal, `foreign_keys = ON`,
/// `synchronous = NORMAL` and a 5 s busy timeout.
pub fn configure(conn: &Connection) -> rusqlite::Result<()> {
    // `journal_mode` returns a row, so it is read rather than executed.
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    conn.execute_batch(
        "PRAGMA foreign_keys = ON;
         PRAGMA synchronous = NORMAL;
         PRAGMA busy_timeout = 5000;",
    )
}

/// Whether `text` is a uuid in the form the server writes: 8-4-4-4-12 lowercase hex digits.
pub fn is_uuid(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_digit() || (b'a'..=b'f').contains(c),
        })
}

/// The `customer.search_key` value for a customer: first name, last name and email,
/// lowercased, separated by [`SEARCH_KEY_SEPARATOR`].
pub fn customer_search_key(first_name: &str, last_name: &str, email: &str) -> String {
    let sep = SEARCH_KEY_SEPARATOR;
    fold(&format!("{first_name}{sep}{last_name}{sep}{email}"))
}

/// A customer row to insert (the server itself never writes customers; the seed and tests
/// do, through [`insert_customer`], which also fills the search key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCustomer {
    /// The id to use, or `None` to let SQLite pick the next one.
    pub id: Option<i64>,
    /// The unique customer reference, e.g. `DE--17`.
    pub customer_reference: String,
    /// The email address.
    pub email: String,
    /// The first name.
    pub first_name: String,
    /// The last name.
    pub last_name: String,
    /// `male`, `female` or `unknown`.
    pub gender: String,
}

/// Inserts one customer (with its search key) and returns its id. Uses a cached prepared
/// statement, so it is fast in a loop inside one transaction.
pub fn insert_customer(conn: &Connection, c: &NewCustomer) -> rusqlite::Result<i64> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO customer (id, customer_reference, email, first_name, last_name, gender, search_key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    stmt.execute(params![
        c.id,
        c.customer_reference,
        c.email,
        c.first_name,
        c.last_name,
        c.gender,
        customer_search_key(&c.first_name, &c.last_name, &c.email),
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Whether the database holds no customers and no groups (the seed only fills an empty one).
pub fn is_empty(conn: &Connection) -> rusqlite::Result<bool> {
    let any: Option<i64> = conn
        .query_row(
            "SELECT 1 WHERE EXISTS (SELECT 1 FROM customer) OR EXISTS (SELECT 1 FROM customer_group)",
            [],
            |r| r.get(0),
        )
        .optional()?;
    Ok(any.is_none())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migrations::MIGRATIONS;

    // The email key expression is the indexed one, reads the folded email back from the
    // search key, and lookups through it search the index rather than scan the table.
    #[test]
    fn email_key_is_indexed() {
        assert!(MIGRATIONS[2].sql().unwrap().contains(EMAIL_KEY_SQL));
        let mut conn = Connection::open_in_memory().unwrap();
        configure(&conn).unwrap();
        migrate(&mut conn).unwrap();
        insert_customer(
            &conn,
            &NewCustomer {
                id: None,
                customer_reference: "DE--1".into(),
                email: "ZOË.ÖZIL@Example.org".into(),
                first_name: "Zoë".into(),
                last_name: "Özil".into(),
                gender: "female".into(),
            },
        )
        .unwrap();
        let key: String = conn
            .query_row(&format!("SELECT {EMAIL_KEY_SQL} FROM customer"), [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(key, "zoë.özil@example.org");
        let plan: Vec<String> = conn
            .prepare(&format!(
                "EXPLAIN QUERY PLAN SELECT id FROM customer
                 WHERE {EMAIL_KEY_SQL} IN (SELECT value FROM json_each('[\"x\"]'))"
            ))
            .unwrap()
            .query_map([], |r| r.get(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert!(
            plan.iter()
                .any(|p| p.contains("INDEX customer_email_key (<expr>=?)")),
            "{plan:?}"
        );
    }

    // Only the server's uuid form passes.
    #[test]
    fn uuid_shape() {
        assert!(is_uuid("3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b"));
        assert!(!is_uuid("3F2B8C1E-5D4A-4E6F-9A7B-1C2D3E4F5A6B"));
        assert!(!is_uuid("3f2b8c1e5d4a4e6f9a7b1c2d3e4f5a6b"));
        assert!(!is_uuid("1"));
    }

    // The search key must fold non-ASCII letters, which SQLite's lower() does not.
    #[test]
    fn search_key_folds_unicode() {
        assert_eq!(
            customer_search_key("Özil", "ÅSA", "X@Y.com"),
            "özil\u{1f}åsa\u{1f}x@y.com"
        );
    }
}
