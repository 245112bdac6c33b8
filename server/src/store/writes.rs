//! The reference API's writes, each in one transaction: validation (the shared name and
//! description rules, unknown ids, the id cap), for an existing group the `If-Match`
//! check against its version (after the 404 for a missing group, before the body is
//! validated), then the write, which bumps the version when something changed. A 4xx
//! writes nothing; the version check and the write cannot interleave with another
//! request (one transaction on the one connection).

use rusqlite::{Connection, params};

use crate::error::{ApiError, FieldError, codes, field_codes};
use crate::model::{ChangesResult, CreateGroup, Group, MembershipChanges, PatchGroup, UpdateGroup};
use crate::store::{
    get_group, insert_group, insert_members, json_ids, matching_non_members, name_taken,
    touch_group, unknown_customers, write_group_fields,
};
use crate::validate::{
    FieldErrors, GroupFields, check_group_fields, check_id_count, fail_on, unknown_ids_error,
};
use crate::version::IfMatch;

/// Pushes "Name is already used" (code `taken`) when another group (not `except_id`) has
/// the same name under the name rule's key, unless the name is already refused.
fn check_name_free(
    conn: &Connection,
    name: &str,
    except_id: Option<i64>,
    errors: &mut FieldErrors,
) -> Result<(), ApiError> {
    if errors.iter().any(|e| e.field == "name") {
        return Ok(());
    }
    if name_taken(conn, name, except_id)? {
        errors.push(FieldError::new(
            "name",
            field_codes::TAKEN,
            "Name is already used",
        ));
    }
    Ok(())
}

/// `POST /customer-groups`: validates, then creates the group and its members atomically.
pub fn create_group(conn: &mut Connection, body: CreateGroup) -> Result<Group, ApiError> {
    let tx = conn.transaction()?;
    let group = insert_new_group(&tx, body)?;
    tx.commit()?;
    Ok(group)
}

/// The work of [`create_group`] inside the caller's transaction (which commits it).
pub fn insert_new_group(conn: &Connection, body: CreateGroup) -> Result<Group, ApiError> {
    let ids = body.customer_ids.unwrap_or_default();
    let except = body
        .assign_matching
        .as_ref()
        .and_then(|m| m.except.as_ref())
        .map_or(0, Vec::len);
    check_id_count(
        ids.len() + except,
        "'customer_ids' and 'assign_matching.except'",
    )?;
    let mut errors = FieldErrors::new();
    let fields = check_group_fields(
        body.name.as_deref(),
        body.description.as_deref(),
        &mut errors,
    );
    check_name_free(conn, &fields.name, None, &mut errors)?;
    let unknown = unknown_customers(conn, &ids)?;
    if !unknown.is_empty() {
        errors.push(unknown_ids_error("customer_ids", &unknown));
    }
    fail_on(errors)?;
    let id = insert_group(conn, &fields)?;
    insert_members(conn, id, &ids)?;
    if let Some(m) = &body.assign_matching {
        let matching = matching_non_members(conn, id, m)?;
        insert_members(conn, id, &matching)?;
    }
    get_group(conn, id)
}

/// Group `id` as it is now, once `if_match` holds for it (404, then 428 or 412).
fn current_group(conn: &Connection, id: i64, if_match: &IfMatch) -> Result<Group, ApiError> {
    let current = get_group(conn, id)?;
    if_match.check(&current)?;
    Ok(current)
}

/// Validates the name and description a write asks for (`None`: keep the current
/// value, unchecked) and writes them when they differ from `current`; answers the group
/// as it is afterwards.
fn write_fields(
    conn: &Connection,
    current: Group,
    name: Option<&str>,
    description: Option<&str>,
) -> Result<Group, ApiError> {
    let mut errors = FieldErrors::new();
    let checked = check_group_fields(name, description, &mut errors);
    errors.retain(|e| match e.field.as_str() {
        "name" => name.is_some(),
        "description" => description.is_some(),
        _ => true,
    });
    let fields = GroupFields {
        name: name.map_or_else(|| current.name.clone(), |_| checked.name),
        description: description
            .map_or_else(|| current.description.clone(), |_| checked.description),
    };
    if name.is_some() {
        check_name_free(conn, &fields.name, Some(current.id), &mut errors)?;
    }
    fail_on(errors)?;
    if fields.name == current.name && fields.description == current.description {
        return Ok(current);
    }
    write_group_fields(conn, current.id, &fields)?;
    get_group(conn, current.id)
}

/// `PUT /customer-groups/{id}`: replaces name and description (an absent description
/// becomes empty).
pub fn update_group(
    conn: &mut Connection,
    id: i64,
    if_match: &IfMatch,
    body: UpdateGroup,
) -> Result<Group, ApiError> {
    let tx = conn.transaction()?;
    let current = current_group(&tx, id, if_match)?;
    let name = body.name.unwrap_or_default();
    let description = body.description.unwrap_or_default();
    let group = write_fields(&tx, current, Some(&name), Some(&description))?;
    tx.commit()?;
    Ok(group)
}

/// `PATCH /customer-groups/{id}`: changes the fields sent (at least one, else 422
/// `nothing_to_change`).
pub fn patch_group(
    conn: &mut Connection,
    id: i64,
    if_match: &IfMatch,
    body: PatchGroup,
) -> Result<Group, ApiError> {
    let tx = conn.transaction()?;
    let current = current_group(&tx, id, if_match)?;
    if body.name.is_none() && body.description.is_none() {
        return Err(ApiError::unprocessable(
            codes::NOTHING_TO_CHANGE,
            "Send at least one of 'name' and 'description' to change.",
        ));
    }
    let group = write_fields(
        &tx,
        current,
        body.name.as_deref(),
        body.description.as_deref(),
    )?;
    tx.commit()?;
    Ok(group)
}

/// `DELETE /customer-groups/{id}` (memberships go by `ON DELETE CASCADE`).
pub fn delete_group_if(conn: &mut Connection, id: i64, if_match: &IfMatch) -> Result<(), ApiError> {
    let tx = conn.transaction()?;
    current_group(&tx, id, if_match)?;
    tx.execute("DELETE FROM customer_group WHERE id = ?1", [id])?;
    tx.commit()?;
    Ok(())
}

/// `POST /customer-groups/{id}/customers/changes`: in one transaction and in this order
/// `unassign_all`, `unassign`, `assign`, `assign_matching` (resolved against the members
/// as they were before the change); counts only real changes, and touches the group's
/// `updated_at` and bumps its version when something changed.
pub fn apply_changes(
    conn: &mut Connection,
    group_id: i64,
    if_match: &IfMatch,
    body: MembershipChanges,
) -> Result<ChangesResult, ApiError> {
    let assign = body.assign.unwrap_or_default();
    let unassign = body.unassign.unwrap_or_default();
    let tx = conn.transaction()?;
    current_group(&tx, group_id, if_match)?;
    let except = body
        .assign_matching
        .as_ref()
        .and_then(|m| m.except.as_ref())
        .map_or(0, Vec::len);
    check_id_count(
        assign.len() + unassign.len() + except,
        "'assign', 'unassign' and 'assign_matching.except'",
    )?;
    let unknown = unknown_customers(&tx, &assign)?;
    if !unknown.is_empty() {
        fail_on(vec![unknown_ids_error("assign", &unknown)])?;
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
        touch_group(&tx, group_id)?;
    }
    let after = get_group(&tx, group_id)?;
    tx.commit()?;
    Ok(ChangesResult {
        assigned,
        unassigned,
        customer_count: after.customer_count,
        version: after.version,
    })
}
