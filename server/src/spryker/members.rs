//! `/spryker/customer-groups/{uuid}/customers`: list a group's members, add members
//! (`POST`, existing ones skipped), replace the whole set (`PATCH`, `[]` clears) and
//! remove one (`DELETE …/customers/{customerReference}`). Reference lists are checked by
//! [`crate::spryker::references`]; every write is all or nothing.

use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::http::StatusCode;
use rusqlite::Connection;
use serde_json::{Value, json};

use crate::model::Customer;
use crate::query::{Order, QueryParams};
use crate::spryker::body::WriteBody;
use crate::spryker::constraints;
use crate::spryker::document::{Document, resource};
use crate::spryker::error::{ErrorObject, SprykerError, codes, shorten};
use crate::spryker::groups::find_group;
use crate::spryker::params::{self, Paging, PathValues};
use crate::spryker::references::{REFERENCES, check_references, resolve_references};
use crate::spryker::{SPRYKER_PREFIX, run};
use crate::state::AppState;
use crate::store::{self, CustomerFilter, Membership};

/// The resource type of memberships.
pub const KIND: &str = "customer-group-customers";
/// Sort fields: (wire name, store sort key). Without `sort` the order is the internal
/// customer id.
pub const SORTS: &[(&str, &str)] = &[
    ("email", "email"),
    ("firstName", "first_name"),
    ("lastName", "last_name"),
];

/// A member as a `customer-group-customers` resource (id = customer reference).
pub fn member_resource(c: &Customer) -> Value {
    resource(
        KIND,
        &c.customer_reference,
        json!({
            "customerReference": c.customer_reference,
            "email": c.email,
            "firstName": c.first_name,
            "lastName": c.last_name,
        }),
        None,
    )
}

/// The required `customerReferences` of a membership write, held to the constraints of
/// `customer-group-customers.validation.yml` (POST: NotBlank and Count min 1; PATCH:
/// NotNull, `[]` removes every member; both: at most 1,000, unique, none blank).
fn required_references(body: &WriteBody, replace: bool) -> Result<Vec<String>, SprykerError> {
    let refs = match body.references(REFERENCES) {
        Ok(Some(Some(refs))) => refs,
        Ok(None) => return Err(ErrorObject::violation(REFERENCES, constraints::MISSING).into()),
        Ok(Some(None)) => {
            let message = if replace {
                constraints::NULL
            } else {
                constraints::BLANK
            };
            return Err(ErrorObject::violation(REFERENCES, message).into());
        }
        Err(errors) => return Err(SprykerError { errors }),
    };
    let mut errors = Vec::new();
    check_references(&refs, !replace, &mut errors);
    SprykerError::fail_on(errors)?;
    Ok(refs)
}

/// `GET /spryker/customer-groups/{uuid}/customers`: `q` (email, first or last name),
/// `sort`, `page[offset]`, `page[limit]`.
pub async fn list(
    State(state): State<AppState>,
    path: PathValues,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Document, SprykerError> {
    let uuid = path.at(0).to_owned();
    let params = QueryParams::parse(raw.as_deref());
    let paging = Paging::from_params(&params);
    let sort = params::sort(&params, SORTS)?.unwrap_or_else(|| vec![("id", Order::Asc)]);
    let q = params::text(&params, "q");
    let url = format!(
        "{}{SPRYKER_PREFIX}/customer-groups/{uuid}/customers",
        params::origin(&headers)
    );
    let (members, total, paging) = run(&state, move |c| {
        let id = find_group(c, &uuid)?;
        let filter = CustomerFilter {
            membership: Membership::InGroup(id),
            q,
            ..CustomerFilter::default()
        };
        Ok(params::fetch_page(paging, &sort, |slice| {
            store::find_customers(c, &filter, slice)
        })?)
    })
    .await?;
    let data = members.iter().map(member_resource).collect();
    Ok(Document::collection(data, total, paging, &url, &params))
}

/// `POST /spryker/customer-groups/{uuid}/customers`: adds the listed customers (members
/// already present are skipped); 204.
pub async fn add(
    State(state): State<AppState>,
    path: PathValues,
    body: WriteBody,
) -> Result<StatusCode, SprykerError> {
    write(state, path, body, false).await
}

/// `PATCH /spryker/customer-groups/{uuid}/customers`: makes the listed customers the
/// complete member set (`[]` clears the group); 204.
pub async fn replace(
    State(state): State<AppState>,
    path: PathValues,
    body: WriteBody,
) -> Result<StatusCode, SprykerError> {
    write(state, path, body, true).await
}

/// The request side of `add` (`replace = false`) and `replace`.
async fn write(
    state: AppState,
    path: PathValues,
    body: WriteBody,
    replace: bool,
) -> Result<StatusCode, SprykerError> {
    body.expect_type(KIND)?;
    let uuid = path.at(0).to_owned();
    run(&state, move |c| write_members(c, &uuid, &body, replace)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `DELETE /spryker/customer-groups/{uuid}/customers/{customerReference}`: 204, or 404
/// [`codes::NOT_A_MEMBER`] when the customer is not a member (or does not exist).
pub async fn remove(
    State(state): State<AppState>,
    path: PathValues,
) -> Result<StatusCode, SprykerError> {
    let (uuid, reference) = (path.at(0).to_owned(), path.at(1).to_owned());
    run(&state, move |c| {
        let tx = c.transaction()?;
        let group_id = find_group(&tx, &uuid)?;
        let customer = store::customer_by_reference(&tx, &reference)?;
        let removed = match customer {
            Some(customer) => store::remove_member(&tx, group_id, customer.id)?,
            None => false,
        };
        if !removed {
            return Err(SprykerError::new(
                StatusCode::NOT_FOUND,
                codes::NOT_A_MEMBER,
                format!(
                    "Customer \"{}\" is not a member of customer group \"{}\".",
                    shorten(&reference),
                    shorten(&uuid)
                ),
            ));
        }
        store::touch_group(&tx, group_id)?;
        tx.commit()?;
        Ok(())
    })
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Adds (`replace == false`) or replaces (`true`) the members of group `uuid`, all or
/// nothing; touches the group's `updated_at` when something changed.
fn write_members(
    conn: &mut Connection,
    uuid: &str,
    body: &WriteBody,
    replace: bool,
) -> Result<(), SprykerError> {
    // The body's constraints before the group: the operation does not read it first.
    let refs = required_references(body, replace)?;
    let tx = conn.transaction()?;
    let group_id = find_group(&tx, uuid)?;
    let mut errors = Vec::new();
    let ids = resolve_references(&tx, &refs, &mut errors)?;
    SprykerError::fail_on(errors)?;
    let changed = if replace {
        let (added, removed) = store::replace_members(&tx, group_id, &ids)?;
        added + removed
    } else {
        store::insert_members(&tx, group_id, &ids)?
    };
    if changed > 0 {
        store::touch_group(&tx, group_id)?;
    }
    tx.commit()?;
    Ok(())
}
