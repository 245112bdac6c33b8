//! Spryker's JSON:API documents as the dialect reads and writes them, and its error
//! documents turned into typed [`ApiError`]s (codes 1222–1225, 1203, pointers).

use crate::api::ApiError;
use crate::api::http::RawResponse;
use crate::model::validation::FieldError;
use crate::model::{Customer, CustomerId, Gender, Group, GroupId};
use serde::{Deserialize, Serialize};

/// Resource type of groups.
pub const GROUPS_TYPE: &str = "customer-groups";
/// Resource type of memberships.
pub const MEMBERS_TYPE: &str = "customer-group-customers";

/// A page of resources.
#[derive(Deserialize)]
pub struct ListDoc<A> {
    /// The resources.
    pub data: Vec<Resource<A>>,
    /// Paging facts.
    #[serde(default)]
    pub meta: Option<Meta>,
}

impl<A> ListDoc<A> {
    /// `meta.pagination.numFound`, or the page's own length when absent.
    pub fn num_found(&self) -> u64 {
        self.meta
            .as_ref()
            .map_or(self.data.len() as u64, |m| m.pagination.num_found)
    }
}

/// One resource.
#[derive(Deserialize)]
pub struct OneDoc<A> {
    /// The resource.
    pub data: Resource<A>,
}

/// A JSON:API resource object.
#[derive(Deserialize)]
pub struct Resource<A> {
    /// Group uuid or customer reference.
    pub id: String,
    /// Its attributes.
    pub attributes: A,
}

/// `meta` of a page.
#[derive(Deserialize)]
pub struct Meta {
    /// `meta.pagination`.
    pub pagination: Pagination,
}

/// `meta.pagination`.
#[derive(Deserialize)]
pub struct Pagination {
    /// Resources matching, over all pages.
    #[serde(rename = "numFound")]
    pub num_found: u64,
}

/// Attributes of a group.
#[derive(Deserialize)]
pub struct GroupAttrs {
    name: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(rename = "createdAt", default)]
    created_at: String,
}

/// Attributes of a customer or member.
#[derive(Deserialize)]
pub struct CustomerAttrs {
    #[serde(default)]
    email: String,
    #[serde(rename = "firstName", default)]
    first_name: Option<String>,
    #[serde(rename = "lastName", default)]
    last_name: Option<String>,
    #[serde(default)]
    gender: Option<String>,
}

impl Resource<GroupAttrs> {
    /// The app's group (Spryker lists no member count).
    pub fn into_group(self) -> Group {
        Group {
            id: GroupId(self.id),
            name: self.attributes.name,
            description: self.attributes.description.unwrap_or_default(),
            created_at: self.attributes.created_at,
            customer_count: None,
            version: None,
        }
    }
}

impl Resource<CustomerAttrs> {
    /// The app's customer; the reference is the id.
    pub fn into_customer(self) -> Customer {
        let a = self.attributes;
        Customer {
            reference: self.id.clone(),
            id: CustomerId(self.id),
            email: a.email,
            first_name: a.first_name.unwrap_or_default(),
            last_name: a.last_name.unwrap_or_default(),
            gender: a.gender.as_deref().map_or(Gender::Unknown, Gender::parse),
        }
    }
}

/// A document that writes one resource.
#[derive(Serialize)]
pub struct WriteDoc<A> {
    data: WriteData<A>,
}

#[derive(Serialize)]
struct WriteData<A> {
    #[serde(rename = "type")]
    kind: &'static str,
    attributes: A,
}

impl<A: Serialize> WriteDoc<A> {
    /// `{"data":{"type":kind,"attributes":…}}`.
    pub fn new(kind: &'static str, attributes: A) -> Self {
        WriteDoc {
            data: WriteData { kind, attributes },
        }
    }
}

/// Attributes written for a group.
#[derive(Serialize)]
pub struct GroupWrite<'a> {
    /// Name; absent: unchanged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<&'a str>,
    /// Description; absent: unchanged, `null` clears it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Option<&'a str>>,
    /// First members (create only).
    #[serde(rename = "customerReferences", skip_serializing_if = "Option::is_none")]
    pub customer_references: Option<&'a [CustomerId]>,
}

/// Attributes written for memberships.
#[derive(Serialize)]
pub struct RefsWrite<'a> {
    /// Customer references.
    #[serde(rename = "customerReferences")]
    pub customer_references: &'a [CustomerId],
}

#[derive(Deserialize)]
struct ErrorDoc {
    #[serde(default)]
    errors: Vec<ErrorObject>,
}

#[derive(Deserialize)]
struct ErrorObject {
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    detail: Option<String>,
    #[serde(default)]
    source: Option<Source>,
    #[serde(default)]
    meta: Option<ErrorMeta>,
}

#[derive(Deserialize)]
struct Source {
    #[serde(default)]
    pointer: Option<String>,
    #[serde(default)]
    parameter: Option<String>,
}

#[derive(Deserialize)]
struct ErrorMeta {
    #[serde(rename = "customerReference", default)]
    customer_reference: Option<String>,
}

/// Code: the customer (GET by reference) is unknown.
const CUSTOMER_NOT_FOUND: &str = "1201";
/// Code: a sort field the resource does not have.
const BAD_SORT: &str = "1203";
/// Code: the group is unknown.
const GROUP_NOT_FOUND: &str = "1222";
/// Code: the name is taken.
const NAME_TAKEN: &str = "1223";
/// Code: one unknown customer reference (one entry each).
const UNKNOWN_REFERENCE: &str = "1224";
/// Code: the customer is not a member.
pub const NOT_A_MEMBER: &str = "1225";

/// The first error code of an error answer, if any.
pub fn error_code(resp: &RawResponse) -> Option<String> {
    serde_json::from_str::<ErrorDoc>(&resp.body)
        .ok()?
        .errors
        .into_iter()
        .find_map(|e| e.code)
}

/// The app's field name for a JSON pointer into the written document.
fn field_of(pointer: &str) -> Option<&'static str> {
    match pointer.trim_end_matches('/').rsplit('/').next()? {
        "name" => Some("name"),
        "description" => Some("description"),
        _ => None,
    }
}

/// Turns an error answer into an [`ApiError`] by its codes; Spryker's wording never
/// leaves this file except as the detail of an error the app has no words for.
pub fn decode_error(resp: &RawResponse) -> ApiError {
    let errors = serde_json::from_str::<ErrorDoc>(&resp.body)
        .map(|d| d.errors)
        .unwrap_or_default();
    let code = |c: &str| errors.iter().any(|e| e.code.as_deref() == Some(c));
    if code(UNKNOWN_REFERENCE) {
        let refs = errors
            .iter()
            .filter(|e| e.code.as_deref() == Some(UNKNOWN_REFERENCE))
            .filter_map(|e| {
                e.meta
                    .as_ref()
                    .and_then(|m| m.customer_reference.clone())
                    .or_else(|| e.source.as_ref().and_then(|s| s.parameter.clone()))
            })
            .map(CustomerId)
            .collect();
        return ApiError::UnknownCustomers(refs);
    }
    if code(GROUP_NOT_FOUND) || code(CUSTOMER_NOT_FOUND) {
        return ApiError::NotFound(String::new());
    }
    let detail = errors
        .iter()
        .filter_map(|e| e.detail.clone())
        .collect::<Vec<_>>()
        .join(" ");
    if code(BAD_SORT) {
        return ApiError::BadRequest(format!("sort: {detail}"));
    }
    let mut fields = Vec::new();
    for e in &errors {
        if e.code.as_deref() == Some(NAME_TAKEN) {
            fields.push(("name".to_owned(), FieldError::Taken));
        } else if let Some(f) = e
            .source
            .as_ref()
            .and_then(|s| s.pointer.as_deref())
            .and_then(field_of)
        {
            let d = e.detail.clone().unwrap_or_default();
            fields.push((f.to_owned(), FieldError::Server(d)));
        }
    }
    ApiError::from_status(resp.status, detail, fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(status: u16, body: &str) -> ApiError {
        decode_error(&RawResponse {
            status,
            body: body.into(),
        })
    }

    // 1224 names each unknown reference, wherever the entry puts it.
    #[test]
    fn unknown_references_are_named() {
        let e = err(
            422,
            r#"{"errors":[
              {"status":"422","code":"1224","detail":"x","meta":{"customerReference":"DE--8"}},
              {"status":"422","code":"1224","detail":"y","source":{"parameter":"DE--9"}}]}"#,
        );
        assert_eq!(
            e,
            ApiError::UnknownCustomers(vec!["DE--8".into(), "DE--9".into()])
        );
    }

    // 1223 is the name field's "taken", in whatever words the backend wrote it.
    #[test]
    fn name_taken_is_typed() {
        let e = err(
            422,
            r#"{"errors":[{"status":"422","code":"1223","detail":"Der Name ist vergeben"}]}"#,
        );
        assert_eq!(e.field("name"), Some(&FieldError::Taken));
    }

    // Other field errors land on their field by pointer; 1222 is "gone"; 1203 a bad
    // request; an HTML error page still maps by status.
    #[test]
    fn pointers_codes_and_statuses() {
        let e = err(
            422,
            r#"{"errors":[{"code":"1221","detail":"too long","source":{"pointer":"/data/attributes/description"}}]}"#,
        );
        assert_eq!(
            e.field("description"),
            Some(&FieldError::Server("too long".into()))
        );
        assert_eq!(
            err(404, r#"{"errors":[{"code":"1222","detail":"gone"}]}"#),
            ApiError::NotFound(String::new())
        );
        assert!(matches!(
            err(400, r#"{"errors":[{"code":"1203","detail":"no"}]}"#),
            ApiError::BadRequest(_)
        ));
        assert!(matches!(
            err(502, "<html>"),
            ApiError::Server { status: 502, .. }
        ));
        assert!(matches!(
            err(401, r#"{"errors":[{"status":"401"}]}"#),
            ApiError::Unauthorized(_)
        ));
    }
}
