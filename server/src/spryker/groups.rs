//! `/spryker/customer-groups` and `/spryker/customer-groups/{uuid}`: list, read, create,
//! update (only the attributes sent) and delete customer groups. Name and description
//! are held to Spryker's constraints (`constraints.rs`: trimmed, NotBlank, Length 70 and
//! 255) and a name must be free ignoring case (`store::name_taken`); every write is one
//! transaction that commits only when nothing failed.

use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::http::StatusCode;
use rusqlite::Connection;
use serde_json::{Value, json};

use crate::db::is_uuid;
use crate::model::Group;
use crate::model::{DESCRIPTION_MAX_CHARS as DESCRIPTION_MAX, NAME_MAX_CHARS as NAME_MAX};
use crate::query::{Order, QueryParams};
use crate::spryker::body::WriteBody;
use crate::spryker::constraints::{self, Sent};
use crate::spryker::document::{Document, resource};
use crate::spryker::error::{ErrorObject, SprykerError, codes};
use crate::spryker::params::{self, Paging, PathValues};
use crate::spryker::references::{REFERENCES, check_references, resolve_references};
use crate::spryker::{SPRYKER_PREFIX, run};
use crate::state::AppState;
use crate::store::{self, GroupFilter};
use crate::validate::GroupFields;

/// The resource type of groups.
pub const KIND: &str = "customer-groups";
/// The exact-name filter parameter.
pub const NAME_FILTER: &str = "filter[customer-groups.name]";
/// Sort fields: (wire name, store sort key). Without `sort` the order is the internal id.
pub const SORTS: &[(&str, &str)] = &[("name", "name"), ("createdAt", "created_at")];

/// The `self` link of a group.
pub fn group_link(uuid: &str) -> String {
    format!("{SPRYKER_PREFIX}/customer-groups/{uuid}")
}

/// A group as a `customer-groups` resource: `uuid` (the identifier, which API Platform's
/// JSON:API normalizer also writes among the attributes), `name`, `description` (`null`
/// when empty: the store does not tell a cleared description from one never set),
/// `createdAt` in `DateTimeInterface::ATOM` (`…+00:00`, spryker/customer-group's
/// `CustomerGroupMapper`); no member count, no members.
pub fn group_resource(g: &Group) -> Value {
    let description = (!g.description.is_empty()).then_some(g.description.as_str());
    let created_at = match g.created_at.strip_suffix('Z') {
        Some(utc) => format!("{utc}+00:00"),
        None => g.created_at.clone(),
    };
    resource(
        KIND,
        &g.uuid,
        json!({ "uuid": g.uuid, "name": g.name, "description": description, "createdAt": created_at }),
        Some(group_link(&g.uuid)),
    )
}

/// The internal id of the group `uuid`, or 404 [`codes::GROUP_NOT_FOUND`].
pub fn find_group(conn: &Connection, uuid: &str) -> Result<i64, SprykerError> {
    let id = if is_uuid(uuid) {
        store::group_id_by_uuid(conn, uuid)?
    } else {
        None
    };
    id.ok_or_else(|| SprykerError::group_not_found(uuid))
}

/// `GET /spryker/customer-groups`: `q` (name or description), `filter[customer-groups.name]`
/// (exact, ignoring case), `sort`, `page[offset]`, `page[limit]`.
pub async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Document, SprykerError> {
    let params = QueryParams::parse(raw.as_deref());
    let paging = Paging::from_params(&params);
    let sort = params::sort(&params, SORTS)?.unwrap_or_else(|| vec![("id", Order::Asc)]);
    let filter = GroupFilter {
        q: params::text(&params, "q"),
        name: params::text(&params, NAME_FILTER),
    };
    let (groups, total, paging) = run(&state, move |c| {
        Ok(params::fetch_page(paging, &sort, |slice| {
            store::find_groups(c, &filter, slice)
        })?)
    })
    .await?;
    let data = groups.iter().map(group_resource).collect();
    let url = format!(
        "{}{SPRYKER_PREFIX}/customer-groups",
        params::origin(&headers)
    );
    Ok(Document::collection(data, total, paging, &url, &params))
}

/// `GET /spryker/customer-groups/{uuid}`.
pub async fn get(
    State(state): State<AppState>,
    path: PathValues,
) -> Result<Document, SprykerError> {
    let uuid = path.at(0).to_owned();
    let group = run(&state, move |c| {
        let id = find_group(c, &uuid)?;
        Ok(store::get_group(c, id)?)
    })
    .await?;
    Ok(Document::ok(group_resource(&group)))
}

/// `POST /spryker/customer-groups`: 201 with the group and a `Location` header.
pub async fn create(
    State(state): State<AppState>,
    body: WriteBody,
) -> Result<Document, SprykerError> {
    body.expect_type(KIND)?;
    let group = run(&state, move |c| create_group(c, &body)).await?;
    Ok(Document::created(
        group_resource(&group),
        group_link(&group.uuid),
    ))
}

/// `PATCH /spryker/customer-groups/{uuid}`: applies the attributes sent.
pub async fn update(
    State(state): State<AppState>,
    path: PathValues,
    body: WriteBody,
) -> Result<Document, SprykerError> {
    body.expect_type(KIND)?;
    let uuid = path.at(0).to_owned();
    body.expect_id(&uuid)?;
    let group = run(&state, move |c| update_group(c, &uuid, &body)).await?;
    Ok(Document::ok(group_resource(&group)))
}

/// `DELETE /spryker/customer-groups/{uuid}`: 204; the memberships go with it.
pub async fn delete(
    State(state): State<AppState>,
    path: PathValues,
) -> Result<StatusCode, SprykerError> {
    let uuid = path.at(0).to_owned();
    run(&state, move |c| {
        let id = find_group(c, &uuid)?;
        Ok(store::delete_group(c, id)?)
    })
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A text attribute as sent, held to its constraints (see [`constraints::text`]); a value
/// of another JSON type is its one violation.
fn checked_text(
    body: &WriteBody,
    field: &str,
    (required, not_blank, max): (bool, bool, usize),
    errors: &mut Vec<ErrorObject>,
) -> Sent {
    match body.string(field) {
        Ok(sent) => {
            constraints::text(field, &sent, required, not_blank, max, errors);
            sent
        }
        Err(e) => {
            errors.push(e);
            None
        }
    }
}

/// Spryker's 1223 for `name` (the glossary text of
/// `message.customer_group.validation.name_taken`), when another group than `except_id`
/// has it, names compared ignoring case.
fn check_name_free(
    conn: &Connection,
    name: &str,
    except_id: Option<i64>,
    errors: &mut Vec<ErrorObject>,
) -> Result<(), SprykerError> {
    if store::name_taken(conn, name, except_id)? {
        errors.push(ErrorObject::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            codes::NAME_TAKEN,
            format!(
                "Customer group name \"{name}\" is already taken. Names are compared case-insensitively."
            ),
        ));
    }
    Ok(())
}

/// The trimmed text of a sent attribute (`None`: absent or `null`).
fn trimmed(sent: &Sent) -> Option<String> {
    sent.clone().flatten().map(|v| v.trim().to_owned())
}

/// Validates and creates a group with its members, all or nothing: first the
/// constraints of `customer-groups.validation.yml` (901, alone when any fails), then
/// Spryker's domain checks together (1223 for the name, then one 1224 per unknown
/// reference: `CustomerGroupValidator` runs both and keeps every error).
fn create_group(conn: &mut Connection, body: &WriteBody) -> Result<Group, SprykerError> {
    let mut errors = Vec::new();
    let name = checked_text(body, "name", (true, true, NAME_MAX), &mut errors);
    let description = checked_text(
        body,
        "description",
        (false, false, DESCRIPTION_MAX),
        &mut errors,
    );
    let references = match body.references(REFERENCES) {
        Ok(r) => r.flatten().unwrap_or_default(),
        Err(e) => {
            errors.extend(e);
            Vec::new()
        }
    };
    check_references(&references, false, &mut errors);
    SprykerError::fail_on(errors)?;
    let fields = GroupFields {
        name: trimmed(&name).unwrap_or_default(),
        description: trimmed(&description).unwrap_or_default(),
    };
    let tx = conn.transaction()?;
    let mut errors = Vec::new();
    check_name_free(&tx, &fields.name, None, &mut errors)?;
    let ids = resolve_references(&tx, &references, &mut errors)?;
    SprykerError::fail_on(errors)?;
    let id = store::insert_group(&tx, &fields)?;
    store::insert_members(&tx, id, &ids)?;
    let group = store::get_group(&tx, id)?;
    tx.commit()?;
    Ok(group)
}

/// Applies the name and/or description sent to group `uuid`, all or nothing, as
/// Spryker's `CustomerGroupResourceMapper` does: an attribute is applied only when it is
/// not `null` (so `"description": null` keeps the description and `""` clears it; a
/// `null` name fails NotBlank), `customerReferences` is ignored. The constraints come
/// first (the operation does not read the group before), then 404, then 1223.
fn update_group(
    conn: &mut Connection,
    uuid: &str,
    body: &WriteBody,
) -> Result<Group, SprykerError> {
    let mut errors = Vec::new();
    let name = checked_text(body, "name", (false, true, NAME_MAX), &mut errors);
    let description = checked_text(
        body,
        "description",
        (false, false, DESCRIPTION_MAX),
        &mut errors,
    );
    SprykerError::fail_on(errors)?;
    let tx = conn.transaction()?;
    let id = find_group(&tx, uuid)?;
    let current = store::get_group(&tx, id)?;
    let fields = GroupFields {
        name: trimmed(&name).unwrap_or_else(|| current.name.clone()),
        description: trimmed(&description).unwrap_or_else(|| current.description.clone()),
    };
    if trimmed(&name).is_some() {
        let mut errors = Vec::new();
        check_name_free(&tx, &fields.name, Some(id), &mut errors)?;
        SprykerError::fail_on(errors)?;
    }
    // A PATCH that changes nothing keeps the version (as on the reference API).
    if fields.name != current.name || fields.description != current.description {
        store::write_group_fields(&tx, id, &fields)?;
    }
    let group = store::get_group(&tx, id)?;
    tx.commit()?;
    Ok(group)
}
