//! Handlers of the customer group endpoints (`/api/v1/customer-groups…`). Single-group
//! answers (and a membership change's result) carry the group's version as `ETag`;
//! writes on an existing group read `If-Match` ([`IfMatch`]); a create reads
//! `Idempotency-Key` ([`IdempotencyKey`]).

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::header::{ETAG, LOCATION};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::cors::IDEMPOTENT_REPLAYED;
use crate::error::ApiError;
use crate::etag::etag;
use crate::export::member_export;
use crate::extract::{JsonBody, JsonBytes, PathId};
use crate::idempotency::{Created, IdempotencyKey, body_hash, create_once};
use crate::model::{
    ChangesResult, CreateGroup, Customer, Group, MembershipChanges, Page, PatchGroup, UpdateGroup,
};
use crate::query::{ExportQuery, GROUP_SORTS, ListQuery, MEMBER_SORTS, QueryParams};
use crate::routes::API_PREFIX;
use crate::state::AppState;
use crate::store::{self, Membership};
use crate::version::IfMatch;

/// A single group answered with its `ETag`.
fn with_etag(status: StatusCode, group: Group) -> Response {
    let tag = etag(group.version);
    let mut res = (status, Json(group)).into_response();
    res.headers_mut().insert(ETAG, tag);
    res
}

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

/// `POST /customer-groups`: 201 with the new group, `Location` and `ETag`; with an
/// `Idempotency-Key`, at most once per key (a replay adds `Idempotent-Replayed: true`).
pub async fn create(
    State(state): State<AppState>,
    key: IdempotencyKey,
    body: JsonBytes,
) -> Result<Response, ApiError> {
    let key = key.key()?.map(str::to_owned);
    let create: CreateGroup = body.parse()?;
    let created = match key {
        Some(key) => {
            let hash = body_hash(&body.0);
            state
                .run(move |c| create_once(c, &key, &hash, create))
                .await?
        }
        None => Created::New(state.run(move |c| store::create_group(c, create)).await?),
    };
    let (group, replayed) = match created {
        Created::New(g) => (g, false),
        Created::Replayed(g) => (g, true),
    };
    let location = format!("{API_PREFIX}/customer-groups/{}", group.id);
    let mut res = with_etag(StatusCode::CREATED, group);
    if let Ok(v) = HeaderValue::from_str(&location) {
        res.headers_mut().insert(LOCATION, v);
    }
    if replayed {
        res.headers_mut().insert(
            HeaderName::from_static(IDEMPOTENT_REPLAYED),
            HeaderValue::from_static("true"),
        );
    }
    Ok(res)
}

/// `GET /customer-groups/{id}`, with `ETag`.
pub async fn get(State(state): State<AppState>, PathId(id): PathId) -> Result<Response, ApiError> {
    let group = state.run(move |c| store::get_group(c, id)).await?;
    Ok(with_etag(StatusCode::OK, group))
}

/// `PUT /customer-groups/{id}` (`If-Match` required): replaces name and description.
pub async fn update(
    State(state): State<AppState>,
    PathId(id): PathId,
    if_match: IfMatch,
    JsonBody(body): JsonBody<UpdateGroup>,
) -> Result<Response, ApiError> {
    let group = state
        .run(move |c| store::update_group(c, id, &if_match, body))
        .await?;
    Ok(with_etag(StatusCode::OK, group))
}

/// `PATCH /customer-groups/{id}` (`If-Match` required): changes the fields sent.
pub async fn patch(
    State(state): State<AppState>,
    PathId(id): PathId,
    if_match: IfMatch,
    JsonBody(body): JsonBody<PatchGroup>,
) -> Result<Response, ApiError> {
    let group = state
        .run(move |c| store::patch_group(c, id, &if_match, body))
        .await?;
    Ok(with_etag(StatusCode::OK, group))
}

/// `DELETE /customer-groups/{id}` (`If-Match` required): 204; memberships cascade.
pub async fn delete(
    State(state): State<AppState>,
    PathId(id): PathId,
    if_match: IfMatch,
) -> Result<StatusCode, ApiError> {
    state
        .run(move |c| store::delete_group_if(c, id, &if_match))
        .await?;
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

/// `POST /customer-groups/{id}/customers/changes` (`If-Match` required): applies a
/// membership change atomically; the result carries the new version, also as `ETag`.
pub async fn changes(
    State(state): State<AppState>,
    PathId(id): PathId,
    if_match: IfMatch,
    JsonBody(body): JsonBody<MembershipChanges>,
) -> Result<Response, ApiError> {
    let result: ChangesResult = state
        .run(move |c| store::apply_changes(c, id, &if_match, body))
        .await?;
    let tag = etag(result.version);
    let mut res = Json(result).into_response();
    res.headers_mut().insert(ETAG, tag);
    Ok(res)
}
