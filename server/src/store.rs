//! The SQL behind every endpoint, as synchronous functions over a `rusqlite::Connection`
//! (the handlers run them on the blocking thread pool). Every write runs in one
//! transaction that is committed only after all checks passed, so a 4xx writes nothing.
//!
//! Id lists (and the keys of a customer lookup) travel to SQLite as one JSON array
//! parameter read with `json_each`, which keeps statements fixed no matter how many ids a
//! request carries.
//!
//! Both APIs share these functions: the reference API's endpoints use the complete
//! operations of [`writes`] (`create_group`, `apply_changes`, …: validation, the
//! `If-Match` check and the write in one transaction); the Spryker dialect (`crate::spryker`)
//! runs its own transactions over the building blocks (`find_groups`, `name_taken`,
//! `insert_group`, `customer_ids_by_reference`, `replace_members`, …), which look groups up
//! by uuid and customers by reference. Every write that changes a group or its members
//! bumps its `version` ([`write_group_fields`], [`touch_group`]).

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params, params_from_iter};

use crate::db::{EMAIL_KEY_SQL, NOW_SQL};
use crate::error::ApiError;
use crate::keys::{fold, group_key};
use crate::model::{
    AssignMatching, Customer, CustomerLookup, Gender, Group, LookupCustomer, LookupResult, Page,
};
use crate::query::{ListQuery, Order};
use crate::validate::{GroupFields, check_lookup_keys};

pub mod writes;

pub use writes::{
    apply_changes, create_group, delete_group_if, insert_new_group, patch_group, update_group,
};

const GROUP_SELECT: &str = "SELECT g.id, g.uuid, g.name, g.description, g.created_at, g.updated_at,
        (SELECT count(*) FROM customer_group_member m WHERE m.group_id = g.id), g.version
     FROM customer_group g";

const CUSTOMER_SELECT: &str = "SELECT c.id, c.customer_reference, c.email, c.first_name, c.last_name, c.gender FROM customer c";

fn group_from_row(r: &Row<'_>) -> rusqlite::Result<Group> {
    Ok(Group {
        id: r.get(0)?,
        uuid: r.get(1)?,
        name: r.get(2)?,
        description: r.get(3)?,
        created_at: r.get(4)?,
        updated_at: r.get(5)?,
        customer_count: r.get(6)?,
        version: r.get(7)?,
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

pub(crate) fn json_ids(ids: &[i64]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".to_string())
}

fn json_texts(texts: &[String]) -> String {
    serde_json::to_string(texts).unwrap_or_else(|_| "[]".to_string())
}

/// Which rows of a list to answer: the sort key (one of the list function's keys; anything
/// else sorts by id), the direction and the `LIMIT`/`OFFSET` window. Ties are always broken
/// by id (in the same direction), so paging is stable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slice {
    /// The store's sort keys in order, e.g. `name` or `first_name`, each with its
    /// direction; ties are broken by id in the direction of the last one.
    pub sorts: Vec<(&'static str, Order)>,
    /// Most rows to answer.
    pub limit: i64,
    /// Rows to skip.
    pub offset: i64,
}

impl Slice {
    /// The SQL `ORDER BY` list: each sort key through `column` (key, `ASC`/`DESC`), then
    /// the `id` column in the direction of the last key (ascending without keys).
    fn order_by(&self, column: impl Fn(&str, &str) -> String, id: &str) -> String {
        let mut parts: Vec<String> = self
            .sorts
            .iter()
            .map(|(key, order)| column(key, order.sql()))
            .collect();
        let last = self.sorts.last().map_or(Order::Asc, |(_, o)| *o);
        parts.push(format!("{id} {}", last.sql()));
        parts.join(", ")
    }
}

impl From<&ListQuery> for Slice {
    fn from(q: &ListQuery) -> Self {
        Self {
            sorts: vec![(q.sort, q.order)],
            limit: q.limit(),
            offset: q.offset(),
        }
    }
}

/// Filters of a group list (all optional, combined with AND).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GroupFilter {
    /// Case-insensitive substring of the name or the description.
    pub q: Option<String>,
    /// The exact name, ignoring case.
    pub name: Option<String>,
}

/// `GET /customer-groups`: one page of groups, searched in name and description.
pub fn list_groups(
    conn: &Connection,
    q: &ListQuery,
    name: Option<&str>,
) -> Result<Page<Group>, ApiError> {
    let filter = GroupFilter {
        q: q.q.clone(),
        name: name.map(str::to_owned),
    };
    let (items, total) = find_groups(conn, &filter, &Slice::from(q))?;
    Ok(Page {
        items,
        total,
        page: q.page,
        per_page: q.per_page,
    })
}

/// The groups matching `f` in the window and order of `slice` (sort keys `id`, `name`,
/// `created_at`), and how many match in all.
pub fn find_groups(
    conn: &Connection,
    f: &GroupFilter,
    slice: &Slice,
) -> Result<(Vec<Group>, i64), ApiError> {
    let mut args: Vec<Value> = Vec::new();
    let mut conds: Vec<String> = Vec::new();
    if let Some(text) = &f.q {
        args.push(Value::Text(group_key(text)));
        conds.push(format!(
            "(instr(g.name_key, ?{n}) > 0 OR instr(g.description_key, ?{n}) > 0)",
            n = args.len()
        ));
    }
    if let Some(name) = &f.name {
        args.push(Value::Text(group_key(name)));
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
    let order_by = slice.order_by(
        |key, dir| match key {
            "name" => format!("g.name_key {dir}"),
            "created_at" => format!("g.created_at {dir}"),
            _ => format!("g.id {dir}"),
        },
        "g.id",
    );
    let n = args.len();
    let sql = format!(
        "{GROUP_SELECT}{filter} ORDER BY {order_by} LIMIT ?{} OFFSET ?{}",
        n + 1,
        n + 2
    );
    args.push(Value::Integer(slice.limit));
    args.push(Value::Integer(slice.offset));
    let mut stmt = conn.prepare(&sql)?;
    let items = stmt
        .query_map(params_from_iter(args.iter()), group_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((items, total))
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

/// The id of the group with this uuid, if any.
pub fn group_id_by_uuid(conn: &Connection, uuid: &str) -> Result<Option<i64>, ApiError> {
    let id = conn
        .query_row(
            "SELECT id FROM customer_group WHERE uuid = ?1",
            [uuid],
            |r| r.get(0),
        )
        .optional()?;
    Ok(id)
}

pub(crate) fn group_exists(conn: &Connection, id: i64) -> Result<(), ApiError> {
    let found: Option<i64> = conn
        .query_row("SELECT 1 FROM customer_group WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?;
    found
        .map(|_| ())
        .ok_or_else(|| ApiError::group_not_found(id))
}

/// Whether another group than `except_id` has this (trimmed) name, ignoring case.
pub fn name_taken(conn: &Connection, name: &str, except_id: Option<i64>) -> Result<bool, ApiError> {
    let taken: Option<i64> = conn
        .query_row(
            "SELECT id FROM customer_group WHERE name_key = ?1 AND id IS NOT ?2",
            params![group_key(name), except_id],
            |r| r.get(0),
        )
        .optional()?;
    Ok(taken.is_some())
}

/// The distinct ids of `ids` that are not customers, in first-seen order.
pub(crate) fn unknown_customers(conn: &Connection, ids: &[i64]) -> Result<Vec<i64>, ApiError> {
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

/// For each of `references` (in order), the id of the customer with that reference, or
/// `None` when there is none.
pub fn customer_ids_by_reference(
    conn: &Connection,
    references: &[String],
) -> Result<Vec<Option<i64>>, ApiError> {
    if references.is_empty() {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare_cached(
        "SELECT c.id FROM json_each(?1) j
         LEFT JOIN customer c ON c.customer_reference = j.value
         ORDER BY j.key",
    )?;
    let ids = stmt
        .query_map([json_texts(references)], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<Option<i64>>>>()?;
    Ok(ids)
}

/// Adds the customers `ids` (which must exist) to the group; members already present are
/// skipped. Returns how many memberships were created.
pub fn insert_members(conn: &Connection, group_id: i64, ids: &[i64]) -> Result<i64, ApiError> {
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

/// Inserts a group with already validated fields (SQLite assigns its uuid and timestamps)
/// and returns its id.
pub fn insert_group(conn: &Connection, fields: &GroupFields) -> Result<i64, ApiError> {
    conn.execute(
        "INSERT INTO customer_group (name, name_key, description, description_key)
         VALUES (?1, ?2, ?3, ?4)",
        params![
            fields.name,
            group_key(&fields.name),
            fields.description,
            group_key(&fields.description)
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Writes already validated name and description to group `id`, touches `updated_at` and
/// bumps the version.
pub fn write_group_fields(
    conn: &Connection,
    id: i64,
    fields: &GroupFields,
) -> Result<(), ApiError> {
    conn.execute(
        &format!(
            "UPDATE customer_group
             SET name = ?2, name_key = ?3, description = ?4, description_key = ?5,
                 updated_at = {NOW_SQL}, version = version + 1
             WHERE id = ?1"
        ),
        params![
            id,
            fields.name,
            group_key(&fields.name),
            fields.description,
            group_key(&fields.description)
        ],
    )?;
    Ok(())
}

/// Sets the group's `updated_at` to now and bumps its version (after a membership
/// change).
pub fn touch_group(conn: &Connection, id: i64) -> Result<(), ApiError> {
    conn.execute(
        &format!(
            "UPDATE customer_group SET updated_at = {NOW_SQL}, version = version + 1 WHERE id = ?1"
        ),
        [id],
    )?;
    Ok(())
}

/// Deletes group `id` (memberships go by `ON DELETE CASCADE`); 404 when there is none.
pub fn delete_group(conn: &Connection, id: i64) -> Result<(), ApiError> {
    let n = conn.execute("DELETE FROM customer_group WHERE id = ?1", [id])?;
    if n == 0 {
        return Err(ApiError::group_not_found(id));
    }
    Ok(())
}

/// Which customers a customer list considers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Membership {
    /// Every customer.
    #[default]
    Any,
    /// Only members of the group.
    InGroup(i64),
    /// Only customers that are not members of the group.
    NotInGroup(i64),
}

/// Appends the customer search condition for `q` (a case-insensitive substring of first
/// name, last name or email, or — with `match_id` — the id when `q` is numeric) to
/// `conds`/`args`.
fn customer_search(q: &str, match_id: bool, conds: &mut Vec<String>, args: &mut Vec<Value>) {
    args.push(Value::Text(fold(q)));
    let text = args.len();
    match q.parse::<i64>().ok().filter(|_| match_id) {
        Some(id) => {
            args.push(Value::Integer(id));
            conds.push(format!(
                "(c.id = ?{} OR instr(c.search_key, ?{text}) > 0)",
                text + 1
            ));
        }
        None => conds.push(format!("instr(c.search_key, ?{text}) > 0")),
    }
}

// `customer.search_key` is "first name, separator, last name, separator, email",
// folded (`crate::db::customer_search_key`).
/// SQL for the folded first name in `customer.search_key`.
const FIRST_SQL: &str = "substr(c.search_key, 1, instr(c.search_key, char(31)) - 1)";
/// SQL for the folded last name in `customer.search_key`.
const LAST_SQL: &str = "substr(substr(c.search_key, instr(c.search_key, char(31)) + 1), 1, \
     instr(substr(c.search_key, instr(c.search_key, char(31)) + 1), char(31)) - 1)";

/// Filters of a customer list (all optional, combined with AND).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CustomerFilter {
    /// Which customers are considered (a group's members, or not).
    pub membership: Membership,
    /// Case-insensitive substring of first name, last name or email.
    pub q: Option<String>,
    /// Whether a numeric `q` also matches the id exactly (the reference API does).
    pub q_matches_id: bool,
    /// The exact email, ignoring case.
    pub email: Option<String>,
    /// The exact customer reference.
    pub customer_reference: Option<String>,
    /// Case-insensitive substring of the first name.
    pub first_name_contains: Option<String>,
    /// Case-insensitive substring of the last name.
    pub last_name_contains: Option<String>,
    /// Spryker's search terms (spryker/customer `CustomerRepository`): `q` and the name
    /// parts are `LIKE '%…%'` patterns (`%` and `_` wildcards, `\` escapes one, as MySQL
    /// and PostgreSQL read a `LIKE` without `ESCAPE`) against each field on its own,
    /// ignoring case; the two name parts are OR-combined.
    pub like: bool,
    /// The email filter compares exactly, case included (a PostgreSQL database).
    pub email_case_sensitive: bool,
}

impl CustomerFilter {
    /// The filter of the reference API's customer lists and member export: `membership`
    /// and the search text `q` (a numeric `q` also matches the id exactly).
    pub fn searched(membership: Membership, q: Option<String>) -> Self {
        Self {
            membership,
            q,
            q_matches_id: true,
            ..Self::default()
        }
    }
}

/// `GET /customers` and `GET /customer-groups/{id}/customers`: one page of customers.
/// The group of `membership` must exist (else 404).
pub fn list_customers(
    conn: &Connection,
    q: &ListQuery,
    membership: Membership,
) -> Result<Page<Customer>, ApiError> {
    let filter = CustomerFilter::searched(membership, q.q.clone());
    let (items, total) = find_customers(conn, &filter, &Slice::from(q))?;
    Ok(Page {
        items,
        total,
        page: q.page,
        per_page: q.per_page,
    })
}

/// The customers matching `f` in the window and order of `slice` (sort keys `id`,
/// `email`, `first_name`, `last_name` (ignoring ASCII case), `gender`,
/// `customer_reference`), and how many match in all. The group of `f.membership` must
/// exist (else 404).
pub fn find_customers(
    conn: &Connection,
    f: &CustomerFilter,
    slice: &Slice,
) -> Result<(Vec<Customer>, i64), ApiError> {
    let mut conds: Vec<String> = Vec::new();
    let mut args: Vec<Value> = Vec::new();
    let membership = f.membership;
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
    search_conditions(f, &mut conds, &mut args);
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
    let order_by = slice.order_by(
        |key, dir| match key {
            "email" => format!("c.email COLLATE NOCASE {dir}"),
            "first_name" => format!("c.first_name COLLATE NOCASE {dir}"),
            "last_name" => format!("c.last_name COLLATE NOCASE {dir}"),
            "gender" => format!("c.gender {dir}"),
            "customer_reference" => format!("c.customer_reference {dir}"),
            _ => format!("c.id {dir}"),
        },
        "c.id",
    );
    let n = args.len();
    let sql = format!(
        "{CUSTOMER_SELECT}{filter} ORDER BY {order_by} LIMIT ?{} OFFSET ?{}",
        n + 1,
        n + 2
    );
    args.push(Value::Integer(slice.limit));
    args.push(Value::Integer(slice.offset));
    let mut stmt = conn.prepare(&sql)?;
    let items = stmt
        .query_map(params_from_iter(args.iter()), customer_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((items, total))
}

/// Appends the conditions of every filter of `f` except its membership (search text,
/// email, reference, name parts) to `conds`/`args`, numbering parameters after the ones
/// already in `args`.
fn search_conditions(f: &CustomerFilter, conds: &mut Vec<String>, args: &mut Vec<Value>) {
    if let Some(text) = &f.q {
        if f.like {
            let parts = [FIRST_SQL, LAST_SQL, EMAIL_KEY_SQL];
            conds.push(like_any(&parts.map(|p| (p, text.as_str())), args));
        } else {
            customer_search(text, f.q_matches_id, conds, args);
        }
    }
    if let Some(email) = &f.email {
        // The folded email at the end of the key, through its index (migration 3).
        args.push(Value::Text(fold(email)));
        conds.push(format!("{EMAIL_KEY_SQL} = ?{}", args.len()));
        if f.email_case_sensitive {
            args.push(Value::Text(email.clone()));
            conds.push(format!("c.email COLLATE BINARY = ?{}", args.len()));
        }
    }
    if let Some(reference) = &f.customer_reference {
        args.push(Value::Text(reference.clone()));
        conds.push(format!("c.customer_reference = ?{}", args.len()));
    }
    let names = [
        (FIRST_SQL, &f.first_name_contains),
        (LAST_SQL, &f.last_name_contains),
    ];
    if f.like {
        let terms: Vec<(&str, &str)> = names
            .iter()
            .filter_map(|(sql, t)| t.as_deref().map(|t| (*sql, t)))
            .collect();
        if !terms.is_empty() {
            conds.push(like_any(&terms, args));
        }
        return;
    }
    for (sql, text) in names {
        if let Some(text) = text {
            args.push(Value::Text(fold(text)));
            conds.push(format!("instr({sql}, ?{}) > 0", args.len()));
        }
    }
}

/// `(field LIKE '%term%' OR …)` for each `(field SQL, term)`, on folded text, with `\`
/// as the escape character.
fn like_any(terms: &[(&str, &str)], args: &mut Vec<Value>) -> String {
    let ors: Vec<String> = terms
        .iter()
        .map(|(sql, term)| {
            args.push(Value::Text(fold(term)));
            format!("{sql} LIKE '%' || ?{} || '%' ESCAPE '\\'", args.len())
        })
        .collect();
    format!("({})", ors.join(" OR "))
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

/// The customer with this reference, if any.
pub fn customer_by_reference(
    conn: &Connection,
    reference: &str,
) -> Result<Option<Customer>, ApiError> {
    let customer = conn
        .query_row(
            &format!("{CUSTOMER_SELECT} WHERE c.customer_reference = ?1"),
            [reference],
            customer_from_row,
        )
        .optional()?;
    Ok(customer)
}

/// `POST /customers/lookup`: the customers whose folded email is one of the folded
/// `emails` or whose reference is one of `references`, each once, ordered by id, with
/// `member` when the lookup names a group (which must exist, else 404). The key count is
/// checked first (see [`check_lookup_keys`]).
pub fn lookup_customers(conn: &Connection, body: CustomerLookup) -> Result<LookupResult, ApiError> {
    let emails: Vec<String> = body
        .emails
        .unwrap_or_default()
        .iter()
        .map(|e| fold(e))
        .collect();
    let references = body.references.unwrap_or_default();
    check_lookup_keys(emails.len() + references.len())?;
    if let Some(g) = body.group_id {
        group_exists(conn, g)?;
    }
    // Both key lists are index searches (the email key by expression, the reference by its
    // unique index); the UNION removes customers found twice.
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT c.id, c.customer_reference, c.email, c.first_name, c.last_name, c.gender,
                EXISTS (SELECT 1 FROM customer_group_member m
                        WHERE m.group_id = ?3 AND m.customer_id = c.id)
         FROM customer c
         WHERE c.id IN (
             SELECT id FROM customer WHERE {EMAIL_KEY_SQL} IN (SELECT value FROM json_each(?1))
             UNION
             SELECT id FROM customer WHERE customer_reference IN (SELECT value FROM json_each(?2)))
         ORDER BY c.id"
    ))?;
    let items = stmt
        .query_map(
            params![json_texts(&emails), json_texts(&references), body.group_id],
            |r| {
                Ok(LookupCustomer {
                    customer: customer_from_row(r)?,
                    member: body.group_id.map(|_| r.get(6)).transpose()?,
                })
            },
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(LookupResult { items })
}

/// SQL (`FROM` and `WHERE`) of the members of group `?1` matching `f`'s search, walking the
/// membership table in customer id order (so a keyset page reads only its own rows), plus
/// its arguments and whether a search condition applies; `after` adds `customer id > ?2`.
fn member_export_sql(
    group_id: i64,
    f: &CustomerFilter,
    after: Option<i64>,
) -> (String, Vec<Value>, bool) {
    let mut conds = vec!["m.group_id = ?1".to_string()];
    let mut args = vec![Value::Integer(group_id)];
    if let Some(after) = after {
        args.push(Value::Integer(after));
        conds.push("m.customer_id > ?2".to_string());
    }
    let unsearched = conds.len();
    search_conditions(f, &mut conds, &mut args);
    // CROSS JOIN keeps the membership table outermost.
    let sql = format!(
        " FROM customer_group_member m CROSS JOIN customer c ON c.id = m.customer_id WHERE {}",
        conds.join(" AND ")
    );
    (sql, args, conds.len() > unsearched)
}

/// The member export's head: checks that group `group_id` exists (else 404) and counts its
/// members matching `f`'s search (the membership of `f` is not used).
pub fn count_member_export(
    conn: &Connection,
    group_id: i64,
    f: &CustomerFilter,
) -> Result<i64, ApiError> {
    group_exists(conn, group_id)?;
    let (mut from, args, searched) = member_export_sql(group_id, f, None);
    if !searched {
        // Every member is a customer (foreign key): the memberships alone are the count.
        from = " FROM customer_group_member m WHERE m.group_id = ?1".to_string();
    }
    let total = conn.query_row(
        &format!("SELECT count(*){from}"),
        params_from_iter(args.iter()),
        |r| r.get(0),
    )?;
    Ok(total)
}

/// One chunk of the member export: at most `limit` members of group `group_id` matching
/// `f`'s search with an id greater than `after`, ordered by id. (A group deleted meanwhile
/// simply has no members.)
pub fn member_export_chunk(
    conn: &Connection,
    group_id: i64,
    f: &CustomerFilter,
    after: i64,
    limit: i64,
) -> Result<Vec<Customer>, ApiError> {
    let (from, mut args, _) = member_export_sql(group_id, f, Some(after));
    let sql = format!(
        "SELECT c.id, c.customer_reference, c.email, c.first_name, c.last_name, c.gender{from}
         ORDER BY m.customer_id LIMIT ?{}",
        args.len() + 1
    );
    args.push(Value::Integer(limit));
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt
        .query_map(params_from_iter(args.iter()), customer_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Makes the customers `ids` (which must exist) the group's complete member set. Returns
/// (memberships created, memberships removed).
pub fn replace_members(
    conn: &Connection,
    group_id: i64,
    ids: &[i64],
) -> Result<(i64, i64), ApiError> {
    let removed = conn.execute(
        "DELETE FROM customer_group_member
         WHERE group_id = ?1 AND customer_id NOT IN (SELECT value FROM json_each(?2))",
        params![group_id, json_ids(ids)],
    )? as i64;
    let added = insert_members(conn, group_id, ids)?;
    Ok((added, removed))
}

/// Removes one membership; `false` when the customer was not a member.
pub fn remove_member(conn: &Connection, group_id: i64, customer_id: i64) -> Result<bool, ApiError> {
    let n = conn.execute(
        "DELETE FROM customer_group_member WHERE group_id = ?1 AND customer_id = ?2",
        [group_id, customer_id],
    )?;
    Ok(n > 0)
}

/// The customers matching `m` (as the customer list searches; empty = everyone), minus
/// its exceptions and the group's current members.
pub(crate) fn matching_non_members(
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
        customer_search(text, true, &mut conds, &mut args);
    }
    let sql = format!("SELECT c.id FROM customer c WHERE {}", conds.join(" AND "));
    let mut stmt = conn.prepare(&sql)?;
    let ids = stmt
        .query_map(params_from_iter(args.iter()), |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}
