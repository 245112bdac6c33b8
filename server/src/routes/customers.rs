//! Handlers of the customer endpoints (`/api/v1/customers…`, read-only).

use axum::Json;
use axum::extract::{RawQuery, State};

use crate::error::ApiError;
use crate::extract::{JsonBody, PathId};
use crate::model::{Customer, CustomerLookup, LookupResult, Page};
use crate::query::{CUSTOMER_SORTS, ListQuery, QueryParams, optional_id};
use crate::state::AppState;
use crate::store::{self, Membership};

/// `GET /customers`: a page of customers (`sort` ∈ id, email, first_name, last_name;
/// `not_in_group={id}` leaves out that group's members).
pub async fn list(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Page<Customer>>, ApiError> {
    let params = QueryParams::parse(raw.as_deref());
    let q = ListQuery::from_params(&params, CUSTOMER_SORTS)?;
    let membership = match optional_id(&params, "not_in_group")? {
        Some(g) => Membership::NotInGroup(g),
        None => Membership::Any,
    };
    state
        .run(move |c| store::list_customers(c, &q, membership))
        .await
        .map(Json)
}

/// `GET /customers/{id}`.
pub async fn get(
    State(state): State<AppState>,
    PathId(id): PathId,
) -> Result<Json<Customer>, ApiError> {
    state
        .run(move |c| store::get_customer(c, id))
        .await
        .map(Json)
}

/// `POST /customers/lookup`: the customers matching any of up to 1,000 emails (ignoring
/// case) and references, each once, by id; with `group_id`, each says whether it is a
/// member.
pub async fn lookup(
    State(state): State<AppState>,
    JsonBody(body): JsonBody<CustomerLookup>,
) -> Result<Json<LookupResult>, ApiError> {
    state
        .run(move |c| store::lookup_customers(c, body))
        .await
        .map(Json)
}
