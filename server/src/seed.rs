//! The demo data (`cg-demo`: `n` customers with plausible international names and a
//! handful of customer groups with varied member counts) stored in the server's SQLite.
//!
//! The generator is deterministic: the same `n` always gives the same data and the first
//! `k` customers are the same for every `n > k`. One exception, for the export tests at
//! scale: a demo of at least [`FORMULA_NAME_FROM`] customers gives its last customer the
//! first name [`FORMULA_FIRST_NAME`], a cell a spreadsheet would run as a formula (smaller
//! demos are unchanged). Everything is inserted in one transaction
//! with prepared statements (100,000 customers take about 3 s even in a debug build).
//! The demo groups' uuids are deterministic too ([`demo_group_uuid`]), drawn from streams of
//! their own so that they change nothing else, which keeps the Spryker-dialect URLs of the
//! demo data stable.

use rusqlite::{Connection, params};

use crate::db::{self, NewCustomer};
use crate::keys::group_key;

pub use cg_demo::{FORMULA_FIRST_NAME, FORMULA_NAME_FROM, GROUPS, demo_group_uuid};

/// Default number of demo customers.
pub const DEFAULT_CUSTOMERS: usize = 1000;

/// Number of demo groups.
pub const GROUP_COUNT: usize = GROUPS.len();

/// What a seeding run inserted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeedSummary {
    /// Customers inserted.
    pub customers: usize,
    /// Groups inserted.
    pub groups: usize,
    /// Memberships inserted.
    pub memberships: usize,
}

/// Inserts the demo data (`customers` customers, [`GROUP_COUNT`] groups) into a database
/// that has none yet, in one transaction, then refreshes the query planner statistics.
pub fn seed(conn: &mut Connection, customers: usize) -> rusqlite::Result<SeedSummary> {
    let tx = conn.transaction()?;
    let mut group_ids = Vec::with_capacity(GROUPS.len());
    {
        let mut stmt = tx.prepare(
            "INSERT INTO customer_group (name, name_key, description, description_key, created_at, updated_at, uuid)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for (index, g) in GROUPS.iter().enumerate() {
            stmt.execute(params![
                g.name,
                group_key(g.name),
                g.description,
                group_key(g.description),
                g.created_at,
                g.updated_at,
                demo_group_uuid(index)
            ])?;
            group_ids.push(tx.last_insert_rowid());
        }
    }
    let mut memberships = 0;
    {
        let mut member = tx
            .prepare("INSERT INTO customer_group_member (group_id, customer_id) VALUES (?1, ?2)")?;
        for c in cg_demo::customers(customers) {
            let customer = NewCustomer {
                id: Some(c.id),
                customer_reference: c.customer_reference,
                email: c.email,
                first_name: c.first_name,
                last_name: c.last_name,
                gender: c.gender.to_owned(),
            };
            db::insert_customer(&tx, &customer)?;
            for g in c.groups {
                member.execute([group_ids[g], c.id])?;
                memberships += 1;
            }
        }
    }
    tx.commit()?;
    conn.execute_batch("ANALYZE")?;
    Ok(SeedSummary {
        customers,
        groups: GROUPS.len(),
        memberships,
    })
}

/// Seeds the demo data only when the database holds no customers and no groups; returns
/// what was inserted, or `None` when the database already had data.
pub fn seed_if_empty(
    conn: &mut Connection,
    customers: usize,
) -> rusqlite::Result<Option<SeedSummary>> {
    if !db::is_empty(conn)? {
        return Ok(None);
    }
    seed(conn, customers).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    // Demo uuids are fixed, distinct and in the server's v4 form.
    #[test]
    fn demo_group_uuids_are_fixed() {
        let all: HashSet<String> = (0..GROUP_COUNT).map(demo_group_uuid).collect();
        assert_eq!(all.len(), GROUP_COUNT);
        for u in &all {
            assert!(db::is_uuid(u), "{u}");
            assert_eq!(&u[14..15], "4", "{u}");
            assert!("89ab".contains(&u[19..20]), "{u}");
        }
        assert_eq!(demo_group_uuid(0), demo_group_uuid(0));
    }

    fn seeded(customers: usize) -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        db::configure(&conn).unwrap();
        crate::migrations::migrate(&mut conn).unwrap();
        seed(&mut conn, customers).unwrap();
        conn
    }

    fn first_name(conn: &Connection, id: i64) -> String {
        conn.query_row("SELECT first_name FROM customer WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap()
    }

    // From 10,000 customers on, the last one has a first name that looks like a formula
    // (for the export tests); everyone before them, and smaller demos, are unchanged.
    #[test]
    fn last_of_a_big_demo_has_a_formula_name() {
        let small = seeded(FORMULA_NAME_FROM - 1);
        let last = first_name(&small, FORMULA_NAME_FROM as i64 - 1);
        assert!(!last.is_empty() && !last.starts_with('='), "{last}");
        let big = seeded(FORMULA_NAME_FROM);
        assert_eq!(
            first_name(&big, FORMULA_NAME_FROM as i64),
            "=HYPERLINK(\"x\")"
        );
        let formulas: i64 = big
            .query_row(
                "SELECT count(*) FROM customer WHERE first_name LIKE '=%'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(formulas, 1);
        let everyone_else = |c: &Connection| -> Vec<(i64, String, String, String, String)> {
            c.prepare(
                "SELECT id, email, first_name, last_name, gender FROM customer WHERE id < ?1 ORDER BY id",
            )
            .unwrap()
            .query_map([FORMULA_NAME_FROM as i64], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect()
        };
        assert_eq!(everyone_else(&small), everyone_else(&big));
    }

    // Seeding twice must be refused by seed_if_empty, keeping the first data.
    #[test]
    fn seeds_only_empty_databases() {
        let mut conn = Connection::open_in_memory().unwrap();
        db::configure(&conn).unwrap();
        crate::migrations::migrate(&mut conn).unwrap();
        let s = seed_if_empty(&mut conn, 200).unwrap().unwrap();
        assert_eq!((s.customers, s.groups), (200, GROUP_COUNT));
        assert!(seed_if_empty(&mut conn, 50).unwrap().is_none());
        let n: i64 = conn
            .query_row("SELECT count(*) FROM customer", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 200);
    }
}
