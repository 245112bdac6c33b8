//! The SQL behind every endpoint, as synchronous functions over a `rusqlite::Connection`
//! (the handlers run them on the blocking thread pool). Every write runs in one
//! transaction that is committed only after all checks passed, so a 4xx writes nothing.
//!
//! Id lists travel to SQLite as one JSON array parameter read with `json_each`, which keeps
//! statements fixed no matter how many ids a request carries.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params, params_from_iter};

use crate::db::{NOW_SQL, fold};
use crate::error::ApiError;
use crate::model::{
    AssignMatching, ChangesResult, CreateGroup, Customer, FieldErrors, Gender, Group,
    MAX_CHANGE_IDS, MembershipChanges, Page, UpdateGroup, check_group_fields, fail_on,
    unknown_ids_message,
};
use crate::query::ListQuery;

const GROUP_SELECT: &str = "SELECT g.id, g.name, g.description, g.created_at, g.updated_at,
        (SELECT count(*) FROM customer_group_member m WHERE m.group_id = g.id)
     FROM customer_group g";

const CUSTOMER_SELECT: &str = "SELECT c.id, c.customer_reference, c.email, c.first_name, c.last_name, c.gender FROM customer c";

fn group_from_row(r: &Row<'_>) -> rusqlite::Result<Group> {
    Ok(Group {
        id: r.get(0)?,
        name: r.get(1)?,
        description: r.get(2)?,
        created_at: r.get(3)?,
        updated_at: r.get(4)?,
        customer_count: r.get(5)?,
    })
}

fn customer_from_row(r: &Row<'_>) -> rusqlite::Result<Customer> {
    let gender: String = r.get(5)?;
    Ok(Customer {
        id: r.get(0)?,
        customer_reference: r.get(1)?,
        email: r.get(2)?,
        first_name: r.get(3)?,
        last_name: r.get(4)?,
        gender: Gender::from_db(&gender),
    })
}

fn json_ids(ids: &[i64]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".to_string())
}

/// `GET /customer-groups`: one page of groups, searched in name and description.
pub fn list_groups(
    conn: &Connection,
    q: &ListQuery,
    name: Option<&str>,
) -> Result<Page<Group>, ApiError> {
    let mut args: Vec<Value> = Vec::new();
    let mut conds: Vec<String> = Vec::new();
    if let Some(text) = &q.q {
        args.push(Value::Text(fold(text)));
        conds.push(format!(
            "(instr(g.name_key, ?{n}) > 0 OR instr(g.description_key, ?{n}) > 0)",
            n = args.len()
        ));
    }
    if let Some(name) = name {
        args.push(Value::Text(fold(name)));
        conds.push(format!("g.name_key = ?{}", args.len()));
    }
    let filter = if conds.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", conds.join(" AND "))
    };
    let total: i64 = conn.query_row(
        &format!("SELECT count(*) FROM customer_group g{filter}"),
        params_from_iter(args.iter()),
        |r| r.get(0),
    )?;
    let dir = q.order.sql();
    let order_by = match q.sort {
        "name" => format!("g.name_key {dir}, g.id {dir}"),
        "created_at" => format!("g.created_at {dir}, g.id {dir}"),
        _ => format!("g.id {dir}"),
    };
    let n = args.len();
    let sql = format!(
        "{GROUP_SELECT}{filter} ORDER BY {order_by} LIMIT ?{} OFFSET ?{}",
        n + 1,
        n + 2
    );
    args.push(Value::Integer(q.limit()));
    args.push(Value::Integer(q.offset()));
    let mut stmt = conn.prepare(&sql)?;
    let items = stmt
        .query_map(params_from_iter(args.iter()), group_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Page {
        items,
        total,
        page: q.page,
        per_page: q.per_page,
    })
}

/// `GET /customer-groups/{id}`.
pub fn get_group(conn: &Connection, id: i64) -> Result<Group, ApiError> {
    conn.query_row(
        &format!("{GROUP_SELECT} WHERE g.id = ?1"),
        [id],
        group_from_row,
    )
    .optional()?
    .ok_or_else(|| ApiError::group_not_found(id))
}

fn group_exists(conn: &Connection, id: i64) -> Result<(), ApiError> {
    let found: Option<i64> = conn
        .query_row("SELECT 1 FROM customer_group WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?;
    found
        .map(|_| ())
        .ok_or_else(|| ApiError::group_not_found(id))
}

/// Pushes "Name is already used" when another group (not `except_id`) has the same name
/// ignoring case.
fn check_name_free(
    conn: &Connection,
    name: &str,
    except_id: Option<i64>,
    errors: &mut FieldErrors,
) -> Result<(), ApiError> {
    if errors.iter().any(|(k, _)| k == "name") {
        return Ok(());
    }
    let taken: Option<i64> = conn
        .query_row(
            "SELECT id FROM customer_group WHERE name_key = ?1 AND id IS NOT ?2",
            params![fold(name), except_id],
            |r| r.get(0),
        )
        .optional()?;
    if taken.is_some() {
        errors.push(("name".into(), "Name is already used".into()));
    }
    Ok(())
}

/// The distinct ids of `ids` that are not customers, in first-seen order.
fn unknown_customers(conn: &Connection, ids: &[i64]) -> Result<Vec<i64>, ApiError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare_cached(
        "SELECT value FROM json_each(?1)
         WHERE value NOT IN (SELECT id FROM customer)
         GROUP BY value ORDER BY min(key)",
    )?;
    let unknown = stmt
        .query_map([json_ids(ids)], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(unknown)
}

fn insert_members(conn: &Connection, group_id: i64, ids: &[i64]) -> Result<i64, ApiError> {
    if ids.is_empty() {
        return Ok(0);
    }
    let n = conn.execute(
        "INSERT OR IGNORE INTO customer_group_member (group_id, customer_id)
         SELECT ?1, value FROM json_each(?2)",
        params![group_id, json_ids(ids)],
    )?;
    Ok(n as i64)
}

/// `POST /customer-groups`: validates, then creates the group and its members atomically.
pub fn create_group(conn: &mut Connection, body: CreateGroup) -> Result<Group, ApiError> {
    let tx = conn.transaction()?;
    let mut errors = FieldErrors::new();
    let fields = check_group_fields(
        body.name.as_deref(),
        body.description.as_deref(),
        &mut errors,
    );
    check_name_free(&tx, &fields.name, None, &mut errors)?;
    let ids = body.customer_ids.unwrap_or_default();
    let unknown = unknown_customers(&tx, &ids)?;
    if !unknown.is_empty() {
        errors.push(("customer_ids".into(), unknown_ids_message(&unknown)));
    }
    fail_on(errors)?;
    tx.execute(
        "INSERT INTO customer_group (name, name_key, description, description_key)
         VALUES (?1, ?2, ?3, ?4)",
        params![
            fields.name,
            fold(&fields.name),
            fields.description,
            fold(&fields.description)
        ],
    )?;
    let id = tx.last_insert_rowid();
    insert_members(&tx, id, &ids)?;
    if let Some(m) = &body.assign_matching {
        let matching = matching_non_members(&tx, id, m)?;
        insert_members(&tx, id, &matching)?;
    }
    let group = get_group(&tx, id)?;
    tx.commit()?;
    Ok(group)
}

/// `PUT /customer-groups/{id}`: replaces name and description.
pub fn update_group(conn: &mut Connection, id: i64, body: UpdateGroup) -> Result<Group, ApiError> {
    let tx = conn.transaction()?;
    group_exists(&tx, id)?;
    let mut errors = FieldErrors::new();
    let fields = check_group_fields(
        body.name.as_deref(),
        body.description.as_deref(),
        &mut errors,
    );
    check_name_free(&tx, &fields.name, Some(id), &mut errors)?;
    fail_on(errors)?;
    tx.execute(
        &format!(
            "UPDATE customer_group
             SET name = ?2, name_key = ?3, description = ?4, description_key = ?5,
                 updated_at = {NOW_SQL}
             WHERE id = ?1"
        ),
        params![
            id,
            fields.name,
            fold(&fields.name),
            fields.description,
            fold(&fields.description)
        ],
    )?;
    let group = get_group(&tx, id)?;
    tx.commit()?;
    Ok(group)
}

/// `DELETE /customer-groups/{id}` (memberships go by `ON DELETE CASCADE`).
pub fn delete_group(conn: &Connection, id: i64) -> Result<(), ApiError> {
    let n = conn.execute("DELETE FROM customer_group WHERE id = ?1", [id])?;
    if n == 0 {
        return Err(ApiError::group_not_found(id));
    }
    Ok(())
}

/// Which customers a customer list considers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Membership {
    /// Every customer.
    Any,
    /// Only members of the group.
    InGroup(i64),
    /// Only customers that are not members of the group.
    NotInGroup(i64),
}

/// Appends the customer search condition for `q` (id exact when numeric, or a
/// case-insensitive substring of first name, last name or email) to `conds`/`args`.
fn customer_search(q: &str, conds: &mut Vec<String>, args: &mut Vec<Value>) {
    args.push(Value::Text(fold(q)));
    let text = args.len();
    match q.parse::<i64>() {
        Ok(id) => {
            args.push(Value::Integer(id));
            conds.push(format!(
                "(c.id = ?{} OR instr(c.search_key, ?{text}) > 0)",
                text + 1
            ));
        }
        Err(_) => conds.push(format!("instr(c.search_key, ?{text}) > 0")),
    }
}

/// `GET /customers` and `GET /customer-groups/{id}/customers`: one page of customers.
/// The group of `membership` must exist (else 404).
pub fn list_customers(
    conn: &Connection,
    q: &ListQuery,
    membership: Membership,
) -> Result<Page<Customer>, ApiError> {
    let mut conds: Vec<String> = Vec::new();
    let mut args: Vec<Value> = Vec::new();
    match membership {
        Membership::Any => {}
        Membership::InGroup(g) | Membership::NotInGroup(g) => {
            group_exists(conn, g)?;
            args.push(Value::Integer(g));
            let not = if matches!(membership, Membership::NotInGroup(_)) {
                "NOT "
            } else {
                ""
            };
            conds.push(format!(
                "c.id {not}IN (SELECT customer_id FROM customer_group_member WHERE group_id = ?{})",
                args.len()
            ));
        }
    }
    if let Some(text) = &q.q {
        customer_search(text, &mut conds, &mut args);
    }
    let filter = if conds.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", conds.join(" AND "))
    };
    let total: i64 = conn.query_row(
        &format!("SELECT count(*) FROM customer c{filter}"),
        params_from_iter(args.iter()),
        |r| r.get(0),
    )?;
    let dir = q.order.sql();
    let order_by = match q.sort {
        "email" | "first_name" | "last_name" => {
            format!("c.{} COLLATE NOCASE {dir}, c.id {dir}", q.sort)
        }
        "gender" => format!("c.gender {dir}, c.id {dir}"),
        _ => format!("c.id {dir}"),
    };
    let n = args.len();
    let sql = format!(
        "{CUSTOMER_SELECT}{filter} ORDER BY {order_by} LIMIT ?{} OFFSET ?{}",
        n + 1,
        n + 2
    );
    args.push(Value::Integer(q.limit()));
    args.push(Value::Integer(q.offset()));
    let mut stmt = conn.prepare(&sql)?;
    let items = stmt
        .query_map(params_from_iter(args.iter()), customer_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Page {
        items,
        total,
        page: q.page,
        per_page: q.per_page,
    })
}

/// `GET /customers/{id}`.
pub fn get_customer(conn: &Connection, id: i64) -> Result<Customer, ApiError> {
    conn.query_row(
        &format!("{CUSTOMER_SELECT} WHERE c.id = ?1"),
        [id],
        customer_from_row,
    )
    .optional()?
    .ok_or_else(|| ApiError::customer_not_found(id))
}

/// The customers matching `m` (as the customer list searches; empty = everyone), minus
/// its exceptions and the group's current members.
fn matching_non_members(
    conn: &Connection,
    group_id: i64,
    m: &AssignMatching,
) -> Result<Vec<i64>, ApiError> {
    let mut conds = vec![
        "c.id NOT IN (SELECT value FROM json_each(?2))".to_string(),
        "c.id NOT IN (SELECT customer_id FROM customer_group_member WHERE group_id = ?1)"
            .to_string(),
    ];
    let mut args = vec![
        Value::Integer(group_id),
        Value::Text(json_ids(m.except.as_deref().unwrap_or_default())),
    ];
    if let Some(text) = m.q.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        customer_search(text, &mut conds, &mut args);
    }
    let sql = format!("SELECT c.id FROM customer c WHERE {}", conds.join(" AND "));
    let mut stmt = conn.prepare(&sql)?;
    let ids = stmt
        .query_map(params_from_iter(args.iter()), |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}

/// `POST /customer-groups/{id}/customers/changes`: in one transaction and in this order
/// `unassign_all`, `unassign`, `assign`, `assign_matching` (resolved against the members
/// as they were before the change); counts only real changes and
/// touches the group's `updated_at` when something changed.
pub fn apply_changes(
    conn: &mut Connection,
    group_id: i64,
    body: MembershipChanges,
) -> Result<ChangesResult, ApiError> {
    let assign = body.assign.unwrap_or_default();
    let unassign = body.unassign.unwrap_or_default();
    let tx = conn.transaction()?;
    group_exists(&tx, group_id)?;
    let listed = assign.len() + unassign.len();
    if listed > MAX_CHANGE_IDS {
        return Err(ApiError::bad_request(format!(
            "'assign' and 'unassign' together may list at most {MAX_CHANGE_IDS} customer ids (got {listed})."
        )));
    }
    let unknown = unknown_customers(&tx, &assign)?;
    if !unknown.is_empty() {
        fail_on(vec![("assign".into(), unknown_ids_message(&unknown))])?;
    }

    // Resolved before anything is removed: the customers that match and are not members
    // yet, so members unassigned in this same change are not assigned back.
    let matching = match &body.assign_matching {
        Some(m) => matching_non_members(&tx, group_id, m)?,
        None => Vec::new(),
    };

    let mut unassigned: i64 = 0;
    if body.unassign_all == Some(true) {
        unassigned += tx.execute(
            "DELETE FROM customer_group_member WHERE group_id = ?1",
            [group_id],
        )? as i64;
    }
    if !unassign.is_empty() {
        unassigned += tx.execute(
            "DELETE FROM customer_group_member
             WHERE group_id = ?1 AND customer_id IN (SELECT value FROM json_each(?2))",
            params![group_id, json_ids(&unassign)],
        )? as i64;
    }
    let mut assigned = insert_members(&tx, group_id, &assign)?;
    assigned += insert_members(&tx, group_id, &matching)?;
    if assigned + unassigned > 0 {
        tx.execute(
            &format!("UPDATE customer_group SET updated_at = {NOW_SQL} WHERE id = ?1"),
            [group_id],
        )?;
    }
    let customer_count: i64 = tx.query_row(
        "SELECT count(*) FROM customer_group_member WHERE group_id = ?1",
        [group_id],
        |r| r.get(0),
    )?;
    tx.commit()?;
    Ok(ChangesResult {
        assigned,
        unassigned,
        customer_count,
    })
}
