//! `/spryker/customers` and `/spryker/customers/{customerReference}` (read-only). The
//! store keeps no salutation, birth date, phone, company or timestamps for customers, so
//! those attributes read as `"n/a"` or `null`; nobody is anonymized.

use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::model::{Customer, Gender};
use crate::query::{Order, QueryParams};
use crate::spryker::document::{Document, resource};
use crate::spryker::error::{SprykerError, codes, shorten};
use crate::spryker::params::{self, Paging, PathValues};
use crate::spryker::{SPRYKER_PREFIX, run};
use crate::state::AppState;
use crate::store::{self, CustomerFilter};

/// The resource type of customers.
pub const KIND: &str = "customers";
/// Sort fields: (wire name, store sort key); `createdAt` and `registered` order by the
/// internal id (the order of registration). Without `sort` the order is the internal id.
pub const SORTS: &[(&str, &str)] = &[
    ("customerReference", "customer_reference"),
    ("createdAt", "id"),
    ("email", "email"),
    ("firstName", "first_name"),
    ("lastName", "last_name"),
    ("registered", "id"),
];
/// Exact email filter, case included (as PostgreSQL compares; MySQL's `_ci` collations
/// would ignore case, which the app's client copes with too).
pub const EMAIL_FILTER: &str = "filter[customers.email]";
/// Exact customer reference filter.
pub const REFERENCE_FILTER: &str = "filter[customers.customerReference]";
/// First name filter (a `LIKE` pattern; OR-combined with the last name; ignored with `q`).
pub const FIRST_NAME_FILTER: &str = "filter[customers.firstName]";
/// Last name filter (a `LIKE` pattern; OR-combined with the first name; ignored with `q`).
pub const LAST_NAME_FILTER: &str = "filter[customers.lastName]";
/// Accepted for compatibility (`true`/`false`); no customer is anonymized.
pub const INCLUDE_ANONYMIZED_FILTER: &str = "filter[customers.includeAnonymized]";

/// The `self` link of a customer.
pub fn customer_link(reference: &str) -> String {
    let encoded: String = form_urlencoded::byte_serialize(reference.as_bytes()).collect();
    format!("{SPRYKER_PREFIX}/customers/{}", encoded.replace('+', "%20"))
}

/// A customer as a `customers` resource.
pub fn customer_resource(c: &Customer) -> Value {
    let gender = match c.gender {
        Gender::Male => Some("Male"),
        Gender::Female => Some("Female"),
        Gender::Unknown => None,
    };
    resource(
        KIND,
        &c.customer_reference,
        json!({
            "customerReference": c.customer_reference,
            "email": c.email,
            "salutation": "n/a",
            "firstName": c.first_name,
            "lastName": c.last_name,
            "gender": gender,
            "dateOfBirth": null,
            "phone": null,
            "company": null,
            "createdAt": null,
            "updatedAt": null,
            "registered": null,
            "anonymizedAt": null,
        }),
        Some(customer_link(&c.customer_reference)),
    )
}

/// `GET /spryker/customers`: `q` (a `LIKE` pattern against email, first or last name:
/// spryker/customer `CustomerRepository`, `sprintf('%%%s%%', …)` with `Criteria::LIKE`),
/// the `filter[customers.…]` parameters, `sort`, `page[offset]`, `page[limit]`.
pub async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Document, SprykerError> {
    let params = QueryParams::parse(raw.as_deref());
    let paging = Paging::from_params(&params);
    let sort = params::sort(&params, SORTS)?.unwrap_or_else(|| vec![("id", Order::Asc)]);
    // Read as Spryker reads it; nobody here is anonymized, so it changes nothing.
    let _include_anonymized = params::boolean(&params, INCLUDE_ANONYMIZED_FILTER);
    // CEM `CustomersBackendProvider::buildSearchTerms`: `q` as sent (only "" is no
    // search) replaces the name filters; each filter as sent unless PHP's `empty()`.
    let q = params.get("q").filter(|q| !q.is_empty()).map(str::to_owned);
    let names = q.is_none();
    let filter = CustomerFilter {
        email: params::filled(&params, EMAIL_FILTER),
        customer_reference: params::filled(&params, REFERENCE_FILTER),
        first_name_contains: params::filled(&params, FIRST_NAME_FILTER).filter(|_| names),
        last_name_contains: params::filled(&params, LAST_NAME_FILTER).filter(|_| names),
        q,
        like: true,
        email_case_sensitive: true,
        ..CustomerFilter::default()
    };
    let (customers, total, paging) = run(&state, move |c| {
        Ok(params::fetch_page(paging, &sort, |slice| {
            store::find_customers(c, &filter, slice)
        })?)
    })
    .await?;
    let data = customers.iter().map(customer_resource).collect();
    let url = format!("{}{SPRYKER_PREFIX}/customers", params::origin(&headers));
    Ok(Document::collection(data, total, paging, &url, &params))
}

/// `GET /spryker/customers/{customerReference}`: 404 [`codes::CUSTOMER_NOT_FOUND`] if
/// unknown.
pub async fn get(
    State(state): State<AppState>,
    path: PathValues,
) -> Result<Document, SprykerError> {
    let reference = path.at(0).to_owned();
    let customer = run(&state, move |c| {
        store::customer_by_reference(c, &reference)?.ok_or_else(|| {
            SprykerError::new(
                StatusCode::NOT_FOUND,
                codes::CUSTOMER_NOT_FOUND,
                format!("Customer '{}' was not found.", shorten(&reference)),
            )
        })
    })
    .await?;
    Ok(Document::ok(customer_resource(&customer)))
}
