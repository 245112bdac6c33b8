//! Schema migrations. The schema version lives in `PRAGMA user_version`; [`MIGRATIONS`]
//! lists every step in order, SQL or Rust ([`Migration`]), and [`migrate`] applies the
//! missing ones, each in its own transaction (with foreign key enforcement off meanwhile,
//! so that a table rebuild does not cascade; violations are checked before each commit).

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::keys::group_key;
use crate::model::NAME_MAX_CHARS;

/// One schema step.
#[derive(Clone, Copy)]
pub enum Migration {
    /// SQL statements run as one batch.
    Sql(&'static str),
    /// A step that needs Rust (e.g. recomputing keys with the shared rules).
    Rust(fn(&Transaction<'_>) -> rusqlite::Result<()>),
}

impl Migration {
    /// The SQL of an SQL step.
    pub fn sql(&self) -> Option<&'static str> {
        match self {
            Migration::Sql(sql) => Some(sql),
            Migration::Rust(_) => None,
        }
    }

    fn apply(&self, tx: &Transaction<'_>) -> rusqlite::Result<()> {
        match self {
            Migration::Sql(sql) => tx.execute_batch(sql),
            Migration::Rust(step) => step(tx),
        }
    }
}

impl std::fmt::Debug for Migration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Migration::Sql(sql) => f.debug_tuple("Sql").field(sql).finish(),
            Migration::Rust(_) => f.write_str("Rust(..)"),
        }
    }
}

/// The schema migrations, in order. Migration `i` (0-based) brings the database from
/// `user_version = i` to `user_version = i + 1`.
pub const MIGRATIONS: &[Migration] = &[
    // 1: the initial schema.
    Migration::Sql(
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
    ),
    // 2: `customer_group.uuid`, random v4 by default (existing groups get one each). SQLite
    // cannot add a UNIQUE column with a non-constant default, so the table is rebuilt.
    Migration::Sql(
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
    ),
    // 3: an index on the folded email at the end of `customer.search_key` (the expression
    // must stay identical to `EMAIL_KEY_SQL`), so that lookups by email ignore case beyond
    // ASCII and still use an index (`customer_email` is `NOCASE`, which folds ASCII only).
    Migration::Sql(
        r#"
    CREATE INDEX customer_email_key ON customer (substr(search_key, instr(search_key, char(31)) + instr(substr(search_key, instr(search_key, char(31)) + 1), char(31)) + 1));
    "#,
    ),
    // 4: group ids are never reused (`AUTOINCREMENT`: SQLite otherwise hands out the
    // highest deleted id again) and every group has a `version`, 1 for the existing ones.
    // The table is rebuilt keeping ids, uuids and timestamps; the memberships refer to it
    // by name and stay.
    Migration::Sql(
        r#"
    CREATE TABLE customer_group_v4 (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
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
        updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        version         INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
    );
    INSERT INTO customer_group_v4 (id, uuid, name, name_key, description, description_key, created_at, updated_at)
        SELECT id, uuid, name, name_key, description, description_key, created_at, updated_at
        FROM customer_group ORDER BY id;
    DROP TABLE customer_group;
    ALTER TABLE customer_group_v4 RENAME TO customer_group;
    CREATE INDEX customer_group_created_at ON customer_group (created_at);
    "#,
    ),
    // 5: server settings, such as the generated bearer token (`crate::token`).
    Migration::Sql(
        r#"
    CREATE TABLE server_setting (
        name  TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;
    "#,
    ),
    // 6: the answers of idempotent creates (`crate::idempotency`), kept 24 hours.
    Migration::Sql(
        r#"
    CREATE TABLE idempotency_key (
        key          TEXT PRIMARY KEY,
        request_hash TEXT NOT NULL,
        status       INTEGER NOT NULL,
        body         TEXT NOT NULL,
        created_at   INTEGER NOT NULL DEFAULT (CAST(strftime('%s', 'now') AS INTEGER))
    );
    CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
    "#,
    ),
    // 7: the group keys under the shared name rule (NFC and a Unicode case fold).
    Migration::Rust(rekey_groups),
];

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
        MIGRATIONS[version].apply(&tx)?;
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

/// Migration 7: `name_key` and `description_key` of every group under the shared rule
/// ([`group_key`]). Two groups whose names now share a key (say "Straße" and "STRASSE")
/// cannot both keep their name: the later one (higher id) gets ` (<id>)` appended (the
/// name shortened to fit), and a warning is logged. All keys are first set to a unique
/// placeholder, so no interim state breaks the `UNIQUE` constraint.
fn rekey_groups(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    let groups: Vec<(i64, String, String)> = tx
        .prepare("SELECT id, name, description FROM customer_group ORDER BY id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    tx.execute("UPDATE customer_group SET name_key = char(0) || id", [])?;
    let mut taken = std::collections::HashSet::new();
    for (id, name, description) in groups {
        let mut name = name;
        if !taken.insert(group_key(&name)) {
            // ` (id)`, or ` (id-2)`, … while that too is some other group's name.
            let renamed = (1..)
                .map(|n| distinct_name(&name, id, n))
                .find(|candidate| taken.insert(group_key(candidate)))
                .expect("some suffix is free");
            tracing::warn!(id, %name, %renamed, "two group names share a key now; renamed the later group");
            name = renamed;
        }
        tx.execute(
            "UPDATE customer_group SET name = ?2, name_key = ?3, description_key = ?4 WHERE id = ?1",
            params![id, name, group_key(&name), group_key(&description)],
        )?;
    }
    Ok(())
}

/// `name (id)` (the `n`-th try: `name (id-n)`), the name shortened so that it fits
/// [`NAME_MAX_CHARS`].
fn distinct_name(name: &str, id: i64, n: u32) -> String {
    let suffix = if n == 1 {
        format!(" ({id})")
    } else {
        format!(" ({id}-{n})")
    };
    let keep = NAME_MAX_CHARS.saturating_sub(suffix.chars().count());
    let base: String = name.trim().chars().take(keep).collect();
    format!("{base}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::{configure, is_empty, is_uuid};

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
        MIGRATIONS[0].apply(&tx).unwrap();
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

    /// A database migrated up to `version` only.
    fn at_version(version: usize) -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        configure(&conn).unwrap();
        conn.execute_batch("PRAGMA foreign_keys = OFF").unwrap();
        apply_migrations_until(&mut conn, version);
        conn.execute_batch("PRAGMA foreign_keys = ON").unwrap();
        conn
    }

    fn apply_migrations_until(conn: &mut Connection, version: usize) {
        for (i, m) in MIGRATIONS[..version].iter().enumerate() {
            let tx = conn.transaction().unwrap();
            m.apply(&tx).unwrap();
            tx.pragma_update(None, "user_version", (i + 1) as i64)
                .unwrap();
            tx.commit().unwrap();
        }
    }

    fn texts(conn: &Connection, sql: &str) -> Vec<String> {
        conn.prepare(sql)
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    // Migration 4 keeps every group (id, uuid, fields), its members and the indexes,
    // starts versions at 1, and from then on a deleted id is never handed out again,
    // not even the highest one.
    #[test]
    fn migration_4_keeps_groups_and_never_reuses_ids() {
        let mut conn = at_version(3);
        conn.execute_batch(
            "INSERT INTO customer (id, customer_reference, email, first_name, last_name)
                 VALUES (1, 'DE--1', 'a@example.com', 'A', 'B');
             INSERT INTO customer_group (id, uuid, name, name_key, description)
                 VALUES (3, 'u3', 'VIP', 'vip', 'd'), (8, 'u8', 'B', 'b', '');
             INSERT INTO customer_group_member VALUES (3, 1), (8, 1);",
        )
        .unwrap();
        let before = texts(
            &conn,
            "SELECT id || uuid || name || description || created_at FROM customer_group ORDER BY id",
        );
        migrate(&mut conn).unwrap();
        let after = texts(
            &conn,
            "SELECT id || uuid || name || description || created_at FROM customer_group ORDER BY id",
        );
        assert_eq!(before, after);
        assert_eq!(
            texts(&conn, "SELECT group_concat(version) FROM customer_group"),
            ["1,1"]
        );
        assert_eq!(
            texts(
                &conn,
                "SELECT group_id || ':' || customer_id FROM customer_group_member ORDER BY 1"
            ),
            ["3:1", "8:1"]
        );
        let indexes = texts(
            &conn,
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customer_group'",
        );
        assert!(
            indexes.contains(&"customer_group_created_at".to_string()),
            "{indexes:?}"
        );
        assert_eq!(
            indexes.len(),
            3,
            "uuid and name_key stay unique: {indexes:?}"
        );
        conn.execute("DELETE FROM customer_group WHERE id = 8", [])
            .unwrap();
        conn.execute(
            "INSERT INTO customer_group (name, name_key) VALUES ('C', 'c')",
            [],
        )
        .unwrap();
        assert_eq!(conn.last_insert_rowid(), 9);
        let members: i64 = conn
            .query_row("SELECT count(*) FROM customer_group_member", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(members, 1, "deleting a group still cascades");
    }

    // Migration 7 recomputes both keys with the shared rule; of two names that now share
    // a key, the later group is renamed so both can stay.
    #[test]
    fn migration_7_rekeys_groups() {
        let mut conn = at_version(6);
        let long = "x".repeat(70);
        conn.execute(
            "INSERT INTO customer_group (id, name, name_key, description, description_key)
             VALUES (1, 'Straße', 'straße', 'Größe', 'größe'), (2, 'STRASSE', 'strasse', '', ''),
                    (3, 'Cafe\u{301}', 'cafe\u{301}', '', ''), (4, ?1, ?1, '', ''),
                    (5, upper(?1), 'old key', '', ''), (6, 'Strasse (7)', 'strasse (7)', '', ''),
                    (7, 'STRASSE', 'old key 7', '', '')",
            [&long],
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let rows = texts(
            &conn,
            "SELECT name || '|' || name_key || '|' || description_key FROM customer_group ORDER BY id",
        );
        let renamed = format!("{} (5)|{} (5)|", "X".repeat(66), "x".repeat(66));
        assert_eq!(
            rows,
            [
                "Straße|strasse|grösse".to_string(),
                "STRASSE (2)|strasse (2)|".to_string(),
                "Cafe\u{301}|caf\u{e9}|".to_string(),
                format!("{long}|{long}|"),
                renamed,
                "Strasse (7)|strasse (7)|".to_string(),
                "STRASSE (7-2)|strasse (7-2)|".to_string(),
            ]
        );
    }
}
