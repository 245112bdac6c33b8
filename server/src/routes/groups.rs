//! Handlers of the customer group endpoints (`/api/v1/customer-groups…`).

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::header::LOCATION;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;
use crate::export::member_export;
use crate::extract::{JsonBody, PathId};
use crate::model::{
    ChangesResult, CreateGroup, Customer, Group, MembershipChanges, Page, UpdateGroup,
};
use crate::query::{ExportQuery, GROUP_SORTS, ListQuery, MEMBER_SORTS, QueryParams};
use crate::routes::API_PREFIX;
use crate::state::AppState;
use crate::store::{self, Membership};

/// `GET /customer-groups`: a page of groups (`sort` ∈ id, name, created_at; `q` searches
/// name and description; `name` is an exact name, ignoring case and surrounding space).
pub async fn list(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Page<Group>>, ApiError> {
    let params = QueryParams::parse(raw.as_deref());
    let q = ListQuery::from_params(&params, GROUP_SORTS)?;
    let name = params
        .get("name")
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned);
    state
        .run(move |c| store::list_groups(c, &q, name.as_deref()))
        .await
        .map(Json)
}

/// `POST /customer-groups`: 201 with the new group and a `Location` header.
pub async fn create(
    State(state): State<AppState>,
    JsonBody(body): JsonBody<CreateGroup>,
) -> Result<Response, ApiError> {
    let group = state.run(move |c| store::create_group(c, body)).await?;
    let location = format!("{API_PREFIX}/customer-groups/{}", group.id);
    let mut res = (StatusCode::CREATED, Json(group)).into_response();
    if let Ok(v) = HeaderValue::from_str(&location) {
        res.headers_mut().insert(LOCATION, v);
    }
    Ok(res)
}

/// `GET /customer-groups/{id}`.
pub async fn get(
    State(state): State<AppState>,
    PathId(id): PathId,
) -> Result<Json<Group>, ApiError> {
    state.run(move |c| store::get_group(c, id)).await.map(Json)
}

/// `PUT /customer-groups/{id}`: replaces name and description.
pub async fn update(
    State(state): State<AppState>,
    PathId(id): PathId,
    JsonBody(body): JsonBody<UpdateGroup>,
) -> Result<Json<Group>, ApiError> {
    state
        .run(move |c| store::update_group(c, id, body))
        .await
        .map(Json)
}

/// `DELETE /customer-groups/{id}`: 204; memberships cascade.
pub async fn delete(
    State(state): State<AppState>,
    PathId(id): PathId,
) -> Result<StatusCode, ApiError> {
    state.run(move |c| store::delete_group(c, id)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /customer-groups/{id}/customers`: a page of the group's members (`sort` ∈ id,
/// email, first_name, last_name, gender).
pub async fn members(
    State(state): State<AppState>,
    PathId(id): PathId,
    RawQuery(raw): RawQuery,
) -> Result<Json<Page<Customer>>, ApiError> {
    let q = ListQuery::from_params(&QueryParams::parse(raw.as_deref()), MEMBER_SORTS)?;
    state
        .run(move |c| store::list_customers(c, &q, Membership::InGroup(id)))
        .await
        .map(Json)
}

/// `GET /customer-groups/{id}/customers/export`: a keyset page of the group's members by
/// id (`after`, `limit` ≤ 10,000; `q` as for the member list), streamed.
pub async fn export(
    State(state): State<AppState>,
    PathId(id): PathId,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let q = ExportQuery::from_params(&QueryParams::parse(raw.as_deref()))?;
    member_export(state, id, q).await
}

/// `POST /customer-groups/{id}/customers/changes`: applies a membership change atomically.
pub async fn changes(
    State(state): State<AppState>,
    PathId(id): PathId,
    JsonBody(body): JsonBody<MembershipChanges>,
) -> Result<Json<ChangesResult>, ApiError> {
    state
        .run(move |c| store::apply_changes(c, id, body))
        .await
        .map(Json)
}
