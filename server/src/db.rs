//! SQLite storage: opening the database file, connection settings and schema migrations.
//!
//! The schema version lives in `PRAGMA user_version`; [`MIGRATIONS`] lists every step in
//! order and [`migrate`] applies the missing ones, each in its own transaction (with foreign
//! key enforcement off meanwhile, so that a table rebuild does not cascade; violations are
//! checked before each commit).
//!
//! Every customer group has a random, stable `uuid` (lowercase 8-4-4-4-12 hex, version 4
//! layout) that SQLite fills in when an insert gives none: the public id of the
//! Spryker-dialect routes, and read-only in the reference API.
//!
//! Case-insensitive search and uniqueness use *key* columns that hold the Rust-lowercased
//! text ([`fold`]), because SQLite's own `lower()`/`NOCASE` only fold ASCII letters:
//! `customer_group.name_key`/`description_key` and `customer.search_key`; the folded email
//! at the end of the search key is indexed too ([`EMAIL_KEY_SQL`]) for exact lookups.

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
    // 2: `customer_group.uuid`, random v4 by default (existing groups get one each). SQLite
    // cannot add a UNIQUE column with a non-constant default, so the table is rebuilt.
    r#"
    CREATE TABLE customer_group_v2 (
        id              INTEGER PRIMARY KEY,
        uuid            TEXT NOT NULL UNIQUE DEFAULT (
                            lower(hex(randomblob(4))) || '-' ||
                            lower(hex(randomblob(2))) || '-4' ||
                            substr(lower(hex(randomblob(2))), 2) || '-' ||
                            substr('89ab', 1 + (random() & 3), 1) ||
                            substr(lower(hex(randomblob(2))), 2) || '-' ||
                            lower(hex(randomblob(6)))
                        ),
        name            TEXT NOT NULL,
        name_key        TEXT NOT NULL UNIQUE,
        description     TEXT NOT NULL DEFAULT '',
        description_key TEXT NOT NULL DEFAULT '',
        created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    INSERT INTO customer_group_v2 (id, name, name_key, description, description_key, created_at, updated_at)
        SELECT id, name, name_key, description, description_key, created_at, updated_at
        FROM customer_group ORDER BY id;
    DROP TABLE customer_group;
    ALTER TABLE customer_group_v2 RENAME TO customer_group;
    CREATE INDEX customer_group_created_at ON customer_group (created_at);
    "#,
    // 3: an index on the folded email at the end of `customer.search_key` (the expression
    // must stay identical to `EMAIL_KEY_SQL`), so that lookups by email ignore case beyond
    // ASCII and still use an index (`customer_email` is `NOCASE`, which folds ASCII only).
    r#"
    CREATE INDEX customer_email_key ON customer (substr(search_key, instr(search_key, char(31)) + instr(substr(search_key, instr(search_key, char(31)) + 1), char(31)) + 1));
    "#,
];

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

/// The schema version stored in the database (`PRAGMA user_version`).
pub fn schema_version(conn: &Connection) -> rusqlite::Result<usize> {
    let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    Ok(usize::try_from(v).unwrap_or(0))
}

/// Applies every migration of [`MIGRATIONS`] that the database has not seen yet and returns
/// the resulting schema version.
///
/// Foreign keys are not enforced while migrating (SQLite's documented way to rebuild a
/// table: otherwise dropping the old `customer_group` would cascade to the memberships);
/// each migration is checked with `PRAGMA foreign_key_check` before it commits, and the
/// connection's previous setting is restored afterwards.
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<usize> {
    let version = schema_version(conn)?;
    if version >= MIGRATIONS.len() {
        return Ok(version);
    }
    let enforced: bool = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
    conn.execute_batch("PRAGMA foreign_keys = OFF")?;
    let result = apply_migrations(conn, version);
    if enforced {
        conn.execute_batch("PRAGMA foreign_keys = ON")?;
    }
    result
}

/// Applies the migrations from `version` on, one transaction each.
fn apply_migrations(conn: &mut Connection, mut version: usize) -> rusqlite::Result<usize> {
    while version < MIGRATIONS.len() {
        let tx = conn.transaction()?;
        tx.execute_batch(MIGRATIONS[version])?;
        let violation: Option<String> = tx
            .query_row("PRAGMA foreign_key_check", [], |r| r.get(0))
            .optional()?;
        if let Some(table) = violation {
            return Err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY),
                Some(format!(
                    "migration {} leaves a foreign key violation in table {table}",
                    version + 1
                )),
            ));
        }
        version += 1;
        tx.pragma_update(None, "user_version", version as i64)?;
        tx.commit()?;
    }
    Ok(version)
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

    // Migration 2 gives existing groups distinct v4-layout uuids and keeps their
    // memberships (the table rebuild must not cascade); new groups get one by default.
    #[test]
    fn migration_2_adds_uuids_and_keeps_members() {
        let mut conn = Connection::open_in_memory().unwrap();
        configure(&conn).unwrap();
        let tx = conn.transaction().unwrap();
        tx.execute_batch(MIGRATIONS[0]).unwrap();
        tx.pragma_update(None, "user_version", 1).unwrap();
        tx.execute_batch(
            "INSERT INTO customer (id, customer_reference, email, first_name, last_name)
                 VALUES (1, 'DE--1', 'a@example.com', 'A', 'B');
             INSERT INTO customer_group (id, name, name_key) VALUES (7, 'VIP', 'vip'), (9, 'B', 'b');
             INSERT INTO customer_group_member VALUES (7, 1), (9, 1);",
        )
        .unwrap();
        tx.commit().unwrap();
        assert_eq!(migrate(&mut conn).unwrap(), MIGRATIONS.len());
        let fk: bool = conn
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap();
        assert!(fk, "foreign keys are enforced again");
        conn.execute(
            "INSERT INTO customer_group (name, name_key) VALUES ('C', 'c')",
            [],
        )
        .unwrap();
        let uuids: Vec<String> = conn
            .prepare("SELECT uuid FROM customer_group ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(uuids.len(), 3);
        for u in &uuids {
            assert!(is_uuid(u), "{u}");
            assert_eq!(&u[14..15], "4", "{u}");
            assert!("89ab".contains(&u[19..20]), "{u}");
        }
        assert!(uuids[0] != uuids[1] && uuids[1] != uuids[2] && uuids[0] != uuids[2]);
        let members: i64 = conn
            .query_row("SELECT count(*) FROM customer_group_member", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(members, 2);
        // Deleting a group still cascades to its memberships.
        conn.execute("DELETE FROM customer_group WHERE id = 7", [])
            .unwrap();
        let members: i64 = conn
            .query_row("SELECT count(*) FROM customer_group_member", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(members, 1);
    }

    // The email key expression is the indexed one, reads the folded email back from the
    // search key, and lookups through it search the index rather than scan the table.
    #[test]
    fn email_key_is_indexed() {
        assert!(MIGRATIONS[2].contains(EMAIL_KEY_SQL));
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
