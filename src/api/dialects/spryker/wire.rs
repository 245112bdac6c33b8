//! Spryker's JSON:API documents as the dialect reads and writes them, and its error
//! documents turned into typed [`ApiError`]s (codes 901, 1203, 1222–1225, and the
//! references and field names Spryker writes into `detail`).

use crate::api::ApiError;
use crate::api::http::RawResponse;
use crate::model::validation::{FieldError, TextError};
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
    /// Nullable in Spryker's resource (`createdAt: nullable`).
    #[serde(rename = "createdAt", default)]
    created_at: Option<String>,
}

/// Attributes of a customer or member.
#[derive(Deserialize)]
pub struct CustomerAttrs {
    /// The member resource's identifier, also an attribute (`customerReference`).
    #[serde(rename = "customerReference", default)]
    customer_reference: Option<String>,
    /// Nullable for members (`email: nullable`).
    #[serde(default)]
    email: Option<String>,
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
            created_at: self.attributes.created_at.unwrap_or_default(),
            customer_count: None,
            version: None,
        }
    }
}

impl Resource<CustomerAttrs> {
    /// The app's customer: the reference is `attributes.customerReference`, which both
    /// resources declare (the resource id where an answer leaves it out).
    pub fn into_customer(self) -> Customer {
        let a = self.attributes;
        let reference = a.customer_reference.unwrap_or(self.id);
        Customer {
            id: CustomerId(reference.clone()),
            reference,
            email: a.email.unwrap_or_default(),
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
    /// Description; absent: unchanged, `""` clears it (Spryker ignores `null`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<&'a str>,
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

/// One entry of Spryker's `errors`: `code`, `status`, `detail` (and `message`, a copy of
/// it); no `source`, no `meta` (api-platform's JsonApiErrorResponseFactory, and its
/// TranslatingConstraintViolationListNormalizer for 901).
#[derive(Deserialize)]
struct ErrorObject {
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    detail: Option<String>,
}

/// Code: a constraint violation, `detail` = `"<field> => <message>"`.
const VIOLATION: &str = "901";
/// Code: the customer (GET by reference) is unknown.
const CUSTOMER_NOT_FOUND: &str = "1201";
/// Code: a sort field the resource does not have.
const BAD_SORT: &str = "1203";
/// Code: the group is unknown.
const GROUP_NOT_FOUND: &str = "1222";
/// Code: the name is taken.
const NAME_TAKEN: &str = "1223";
/// Code: one unknown customer reference (one entry each; the reference is in `detail`:
/// `Customer with reference "DE--9" was not found.`).
const UNKNOWN_REFERENCE: &str = "1224";
/// Code: the customer is not a member.
pub const NOT_A_MEMBER: &str = "1225";
/// Code of a 403 that means "no token" rather than "not allowed" (OauthBackendApiConfig
/// RESPONSE_CODE_FORBIDDEN, "Missing access token."). A 403 802 "Unauthorized request."
/// stays "not allowed": Spryker answers it to a user without the Back Office role, and
/// to a request without a token only when kernel-feature is not installed, and the app
/// never sends one without its token.
const NO_TOKEN: &str = "002";

/// The first error code of an error answer, if any.
pub fn error_code(resp: &RawResponse) -> Option<String> {
    serde_json::from_str::<ErrorDoc>(&resp.body)
        .ok()?
        .errors
        .into_iter()
        .find_map(|e| e.code)
}

/// The text between the first and the last `"` of a detail (the reference of a 1224).
fn quoted(detail: &str) -> Option<&str> {
    let start = detail.find('"')? + 1;
    let end = detail.rfind('"')?;
    (end > start).then(|| &detail[start..end])
}

/// A 901 `"<field> => <message>"` as the app's field and typed error: Symfony's
/// NotBlank and missing-field messages are "required", its Length message "at most N";
/// any other message is kept as Spryker wrote it.
fn violation(detail: &str) -> Option<(&'static str, FieldError)> {
    let (field, message) = detail.split_once(" => ")?;
    let field = match field.trim() {
        "name" => "name",
        "description" => "description",
        _ => return None,
    };
    let message = message.trim();
    let error =
        if message == "This value should not be blank." || message == "This field is missing." {
            FieldError::Rule(TextError::Required)
        } else if let Some(max) = message
            .strip_prefix("This value is too long. It should have ")
            .and_then(|m| m.split(' ').next())
            .and_then(|n| n.parse().ok())
        {
            FieldError::Rule(TextError::TooLong { max })
        } else {
            FieldError::Server(message.to_owned())
        };
    Some((field, error))
}

/// Turns an error answer into an [`ApiError`] by its codes; Spryker's wording never
/// leaves this file except as the detail of an error the app has no words for.
pub fn decode_error(resp: &RawResponse) -> ApiError {
    let errors = serde_json::from_str::<ErrorDoc>(&resp.body)
        .map(|d| d.errors)
        .unwrap_or_default();
    let has = |c: &str| errors.iter().any(|e| e.code.as_deref() == Some(c));
    let details = || errors.iter().filter_map(|e| e.detail.as_deref());
    let mut fields: Vec<(String, FieldError)> = Vec::new();
    if has(NAME_TAKEN) {
        fields.push(("name".to_owned(), FieldError::Taken));
    }
    if has(UNKNOWN_REFERENCE) {
        let ids = errors
            .iter()
            .filter(|e| e.code.as_deref() == Some(UNKNOWN_REFERENCE))
            .filter_map(|e| quoted(e.detail.as_deref()?))
            .map(|r| CustomerId(r.to_owned()))
            .collect();
        return ApiError::UnknownCustomers { ids, fields };
    }
    if has(GROUP_NOT_FOUND) || has(CUSTOMER_NOT_FOUND) {
        return ApiError::NotFound(String::new());
    }
    let detail = details().collect::<Vec<_>>().join(" ");
    if has(BAD_SORT) {
        return ApiError::BadRequest(format!("sort: {detail}"));
    }
    if resp.status == 403 && has(NO_TOKEN) {
        return ApiError::Unauthorized(detail);
    }
    for e in errors
        .iter()
        .filter(|e| e.code.as_deref() == Some(VIOLATION))
    {
        if let Some((f, error)) = e.detail.as_deref().and_then(violation) {
            fields.push((f.to_owned(), error));
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

    // 1224 names each unknown reference in its detail, as Spryker writes it (no meta,
    // no source).
    #[test]
    fn unknown_references_are_named() {
        let e = err(
            422,
            r#"{"errors":[
              {"code":"1224","status":422,"detail":"Customer with reference \"DE--8\" was not found.","message":"…"},
              {"code":"1224","status":422,"detail":"Customer with reference \"DE \"9\" was not found.","message":"…"}]}"#,
        );
        assert_eq!(
            e,
            ApiError::UnknownCustomers {
                ids: vec!["DE--8".into(), "DE \"9".into()],
                fields: Vec::new()
            }
        );
    }

    // A taken name and unknown references in one answer: both are told.
    #[test]
    fn name_taken_with_unknown_references() {
        let e = err(
            422,
            r#"{"errors":[
              {"code":"1223","status":422,"detail":"Customer group name \"Wholesale\" is already taken."},
              {"code":"1224","status":422,"detail":"Customer with reference \"DE--9\" was not found."}]}"#,
        );
        assert_eq!(e.field("name"), Some(&FieldError::Taken));
        assert!(matches!(&e, ApiError::UnknownCustomers { ids, .. } if ids == &["DE--9".into()]));
    }

    // 1223 is the name field's "taken", in whatever words the backend wrote it.
    #[test]
    fn name_taken_is_typed() {
        let e = err(
            422,
            r#"{"errors":[{"status":422,"code":"1223","detail":"Der Name ist vergeben"}]}"#,
        );
        assert_eq!(e.field("name"), Some(&FieldError::Taken));
    }

    // Constraint violations (901) land on their field from the detail's prefix, and
    // Symfony's messages for blank, missing and too long become the app's own rules.
    #[test]
    fn violations_land_on_their_fields() {
        let e = err(
            422,
            r#"{"errors":[
              {"detail":"name => This value should not be blank.","code":"901","status":422},
              {"detail":"description => This value is too long. It should have 255 characters or less.","code":"901","status":422}]}"#,
        );
        assert_eq!(
            e.field("name"),
            Some(&FieldError::Rule(TextError::Required))
        );
        assert_eq!(
            e.field("description"),
            Some(&FieldError::Rule(TextError::TooLong { max: 255 }))
        );
        let e = err(
            422,
            r#"{"errors":[{"detail":"name => Dieser Wert ist ungültig.","code":"901","status":422}]}"#,
        );
        assert_eq!(
            e.field("name"),
            Some(&FieldError::Server("Dieser Wert ist ungültig.".into()))
        );
    }

    // 1222 is "gone"; 1203 a bad request; 401 and a 403 002 are "sign in", a 403 802
    // "not allowed"; an HTML error page still maps by status.
    #[test]
    fn codes_and_statuses() {
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
            err(
                401,
                r#"{"errors":[{"code":"001","status":401,"title":"Unauthorized","detail":"Invalid access token."}]}"#
            ),
            ApiError::Unauthorized(_)
        ));
        assert!(matches!(
            err(
                401,
                r#"{"errors":[{"status":401,"detail":"Authorization header is required"}]}"#
            ),
            ApiError::Unauthorized(_)
        ));
        assert!(matches!(
            err(
                403,
                r#"{"errors":[{"code":"002","status":403,"detail":"Missing access token."}]}"#
            ),
            ApiError::Unauthorized(_)
        ));
        assert!(matches!(
            err(
                403,
                r#"{"errors":[{"code":"802","status":403,"detail":"Unauthorized request."}]}"#
            ),
            ApiError::Forbidden(_)
        ));
    }

    // Nullable attributes decode; a member's reference is its customerReference.
    #[test]
    fn nulls_and_member_references() {
        let g: OneDoc<GroupAttrs> = serde_json::from_str(
            r#"{"data":{"type":"customer-groups","id":"u1","attributes":{"uuid":"u1","name":"VIP","description":null,"createdAt":null}}}"#,
        )
        .unwrap();
        let g = g.data.into_group();
        assert_eq!((g.description.as_str(), g.created_at.as_str()), ("", ""));
        let m: OneDoc<CustomerAttrs> = serde_json::from_str(
            r#"{"data":{"type":"customer-group-customers","id":"x","attributes":{"customerReference":"DE--7","email":null,"firstName":null,"lastName":"Meyer"}}}"#,
        )
        .unwrap();
        let c = m.data.into_customer();
        assert_eq!(
            (c.reference.as_str(), c.id.as_str(), c.email.as_str()),
            ("DE--7", "DE--7", "")
        );
    }

    // Clearing a description sends "" (Spryker ignores null); an unchanged one is left out.
    #[test]
    fn clearing_a_description_sends_an_empty_string() {
        let write = |d| {
            serde_json::to_string(&GroupWrite {
                name: None,
                description: d,
                customer_references: None,
            })
            .unwrap()
        };
        assert_eq!(write(Some("")), r#"{"description":""}"#);
        assert_eq!(write(None), "{}");
    }
}
