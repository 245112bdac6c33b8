//! `/spryker/customer-groups` and `/spryker/customer-groups/{uuid}`: list, read, create,
//! update (only the attributes sent) and delete customer groups. Name and description
//! follow the reference API's rules (`validate::check_group_fields`, `store::name_taken`);
//! every write is one transaction that commits only when nothing failed.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use rusqlite::Connection;
use serde_json::{Value, json};

use crate::db::is_uuid;
use crate::model::Group;
use crate::query::{Order, QueryParams};
use crate::spryker::body::{WriteBody, pointer};
use crate::spryker::document::{Document, resource};
use crate::spryker::error::{ErrorObject, SprykerError, codes, shorten};
use crate::spryker::params::{self, Paging, PathValues};
use crate::spryker::references::{REFERENCES, resolve_references};
use crate::spryker::{SPRYKER_PREFIX, run};
use crate::state::AppState;
use crate::store::{self, GroupFilter, Slice};
use crate::validate::{FieldErrors, GroupFields, check_group_fields};

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

/// A group as a `customer-groups` resource (no member count, no members; an empty
/// description reads as `null`).
pub fn group_resource(g: &Group) -> Value {
    let description = (!g.description.is_empty()).then_some(g.description.as_str());
    resource(
        KIND,
        &g.uuid,
        json!({ "name": g.name, "description": description, "createdAt": g.created_at }),
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
    RawQuery(raw): RawQuery,
) -> Result<Document, SprykerError> {
    let params = QueryParams::parse(raw.as_deref());
    let paging = Paging::from_params(&params)?;
    let (sort, order) = params::sort(&params, SORTS)?.unwrap_or(("id", Order::Asc));
    let filter = GroupFilter {
        q: params::text(&params, "q"),
        name: params::text(&params, NAME_FILTER),
    };
    let slice = Slice {
        sort,
        order,
        limit: paging.sql_limit(),
        offset: paging.sql_offset(),
    };
    let (groups, total) = run(&state, move |c| Ok(store::find_groups(c, &filter, &slice)?)).await?;
    let data = groups.iter().map(group_resource).collect();
    let path = format!("{SPRYKER_PREFIX}/customer-groups");
    Ok(Document::collection(data, total, paging, &path, &params))
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

/// Reads a string attribute, recording a type error; `Err(())` means "wrong type".
fn read_string(
    body: &WriteBody,
    name: &str,
    errors: &mut Vec<ErrorObject>,
) -> Result<Option<Option<String>>, ()> {
    body.string(name).map_err(|e| errors.push(e))
}

/// Runs the reference API's name/description rules (and, unless `check_name` is false,
/// the case-insensitive uniqueness of the name against groups other than `except_id`),
/// turning their messages into error objects: 422 [`codes::VALIDATION`] pointing at the
/// attribute, or [`codes::NAME_TAKEN`].
fn check_fields(
    conn: &Connection,
    name: Option<&str>,
    description: Option<&str>,
    check: (bool, bool),
    except_id: Option<i64>,
    errors: &mut Vec<ErrorObject>,
) -> Result<GroupFields, SprykerError> {
    let (check_name, check_description) = check;
    let mut field_errors = FieldErrors::new();
    let fields = check_group_fields(name, description, &mut field_errors);
    let mut name_ok = check_name;
    for error in field_errors {
        let (key, message) = (error.field, error.message);
        let wanted = match key.as_str() {
            "name" => check_name,
            "description" => check_description,
            _ => true,
        };
        if key == "name" {
            name_ok = false;
        }
        if wanted {
            errors.push(ErrorObject::invalid(pointer(&key), format!("{message}.")));
        }
    }
    if name_ok && store::name_taken(conn, &fields.name, except_id)? {
        errors.push(
            ErrorObject::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                codes::NAME_TAKEN,
                format!(
                    "The name '{}' is already used by another customer group (names are unique ignoring case).",
                    shorten(&fields.name)
                ),
            )
            .at(pointer("name")),
        );
    }
    Ok(fields)
}

/// Validates and creates a group with its members, all or nothing.
fn create_group(conn: &mut Connection, body: &WriteBody) -> Result<Group, SprykerError> {
    let mut errors = Vec::new();
    let name = read_string(body, "name", &mut errors);
    let description = read_string(body, "description", &mut errors);
    let references = match body.references(REFERENCES) {
        Ok(r) => r.flatten(),
        Err(e) => {
            errors.extend(e);
            None
        }
    };
    let tx = conn.transaction()?;
    let fields = check_fields(
        &tx,
        name.clone().ok().flatten().flatten().as_deref(),
        description.clone().ok().flatten().flatten().as_deref(),
        (name.is_ok(), description.is_ok()),
        None,
        &mut errors,
    )?;
    let ids = match &references {
        Some(refs) => resolve_references(&tx, refs, true, &mut errors)?,
        None => Vec::new(),
    };
    SprykerError::fail_on(errors)?;
    let id = store::insert_group(&tx, &fields)?;
    store::insert_members(&tx, id, &ids)?;
    let group = store::get_group(&tx, id)?;
    tx.commit()?;
    Ok(group)
}

/// Applies the name and/or description sent to group `uuid` (`customerReferences` is
/// ignored here), all or nothing.
fn update_group(
    conn: &mut Connection,
    uuid: &str,
    body: &WriteBody,
) -> Result<Group, SprykerError> {
    let mut errors = Vec::new();
    let name = read_string(body, "name", &mut errors);
    let description = read_string(body, "description", &mut errors);
    let tx = conn.transaction()?;
    let id = find_group(&tx, uuid)?;
    let current = store::get_group(&tx, id)?;
    // Absent (or mistyped) attributes keep their current value; `null` clears (and a
    // null name is then "required").
    let name_value = match &name {
        Ok(Some(sent)) => sent.clone(),
        _ => Some(current.name.clone()),
    };
    let description_value = match &description {
        Ok(Some(sent)) => sent.clone(),
        _ => Some(current.description.clone()),
    };
    let fields = check_fields(
        &tx,
        name_value.as_deref(),
        description_value.as_deref(),
        (name.is_ok(), description.is_ok()),
        Some(id),
        &mut errors,
    )?;
    SprykerError::fail_on(errors)?;
    // A PATCH that changes nothing keeps the version (as on the reference API).
    if fields.name != current.name || fields.description != current.description {
        store::write_group_fields(&tx, id, &fields)?;
    }
    let group = store::get_group(&tx, id)?;
    tx.commit()?;
    Ok(group)
}
