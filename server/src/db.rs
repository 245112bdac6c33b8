//! SQLite storage: opening the database file, connection settings and schema migrations.
//!
//! The schema version lives in `PRAGMA user_version`; [`MIGRATIONS`] lists every step in
//! order and [`migrate`] applies the missing ones, each in its own transaction.
//!
//! Case-insensitive search and uniqueness use *key* columns that hold the Rust-lowercased
//! text ([`fold`]), because SQLite's own `lower()`/`NOCASE` only fold ASCII letters:
//! `customer_group.name_key`/`description_key` and `customer.search_key`.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, params};

/// Separator between the fields of `customer.search_key` (a control character no search
/// term contains in practice).
pub const SEARCH_KEY_SEPARATOR: char = '\u{1f}';

/// The schema migrations, in order. Migration `i` (0-based) brings the database from
/// `user_version = i` to `user_version = i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: the initial schema.
    r#"
    CREATE TABLE customer_group (
        id              INTEGER PRIMARY KEY,
        name            TEXT NOT NULL,
        name_key        TEXT NOT NULL UNIQUE,
        description     TEXT NOT NULL DEFAULT '',
        description_key TEXT NOT NULL DEFAULT '',
        created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX customer_group_created_at ON customer_group (created_at);

    CREATE TABLE customer (
        id                 INTEGER PRIMARY KEY,
        customer_reference TEXT NOT NULL UNIQUE,
        email              TEXT NOT NULL,
        first_name         TEXT NOT NULL,
        last_name          TEXT NOT NULL,
        gender             TEXT NOT NULL DEFAULT 'unknown'
                           CHECK (gender IN ('male', 'female', 'unknown')),
        search_key         TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX customer_email ON customer (email COLLATE NOCASE);
    CREATE INDEX customer_first_name ON customer (first_name COLLATE NOCASE);
    CREATE INDEX customer_last_name ON customer (last_name COLLATE NOCASE);
    CREATE INDEX customer_gender ON customer (gender);

    CREATE TABLE customer_group_member (
        group_id    INTEGER NOT NULL REFERENCES customer_group (id) ON DELETE CASCADE,
        customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
        PRIMARY KEY (group_id, customer_id)
    ) WITHOUT ROWID;
    CREATE INDEX customer_group_member_customer ON customer_group_member (customer_id);
    "#,
];

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

/// The schema version stored in the database (`PRAGMA user_version`).
pub fn schema_version(conn: &Connection) -> rusqlite::Result<usize> {
    let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    Ok(usize::try_from(v).unwrap_or(0))
}

/// Applies every migration of [`MIGRATIONS`] that the database has not seen yet and returns
/// the resulting schema version.
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<usize> {
    let mut version = schema_version(conn)?;
    while version < MIGRATIONS.len() {
        let tx = conn.transaction()?;
        tx.execute_batch(MIGRATIONS[version])?;
        version += 1;
        tx.pragma_update(None, "user_version", version as i64)?;
        tx.commit()?;
    }
    Ok(version)
}

/// Lowercases text for the case-insensitive key columns and search terms (full Unicode,
/// unlike SQLite's ASCII-only `lower()`).
pub fn fold(text: &str) -> String {
    text.to_lowercase()
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

    // Migrations must bring a fresh database to the latest version and be re-runnable.
    #[test]
    fn migrations_apply_once() {
        let mut conn = Connection::open_in_memory().unwrap();
        configure(&conn).unwrap();
        assert_eq!(migrate(&mut conn).unwrap(), MIGRATIONS.len());
        assert_eq!(migrate(&mut conn).unwrap(), MIGRATIONS.len());
        assert!(is_empty(&conn).unwrap());
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
