//! Medusa v2's admin JSON as the dialect reads and writes it (`docs/MEDUSA-COMPAT.md`):
//! groups with the description in `metadata.description`, customers, the list envelope
//! `{<items>, count, offset, limit}`, and its error bodies (`{"type", "message"}`, or an
//! Express HTML page) turned into typed [`ApiError`]s. Medusa's wording stays here.

use crate::api::ApiError;
use crate::api::http::RawResponse;
use crate::model::validation::FieldError;
use crate::model::{Customer, CustomerId, Gender, Group, GroupId, Version};
use serde::{Deserialize, Serialize};

/// The metadata key that holds a group's description (Medusa's groups have no field
/// for it; its own dashboard does not show it).
pub const DESCRIPTION_KEY: &str = "description";
/// The metadata key that holds the idempotency key of the Save that created a group,
/// so a retried Save recognises its own group.
pub const CREATE_KEY: &str = "cg_create_key";
/// The group fields asked for.
pub const GROUP_FIELDS: &str = "id,name,metadata,created_at,updated_at";
/// The customer fields asked for.
pub const CUSTOMER_FIELDS: &str = "id,email,first_name,last_name";

/// A group's metadata as far as the app uses it (other keys are left alone: Medusa
/// merges metadata key by key on update).
#[derive(Deserialize, Default)]
pub struct Metadata {
    /// The description.
    #[serde(default)]
    pub description: Option<String>,
    /// The idempotency key of the creating Save.
    #[serde(default)]
    pub cg_create_key: Option<String>,
}

/// A customer group.
#[derive(Deserialize)]
pub struct WireGroup {
    id: String,
    name: String,
    #[serde(default)]
    metadata: Option<Metadata>,
    #[serde(default)]
    created_at: Option<String>,
    #[serde(default)]
    updated_at: Option<String>,
}

impl WireGroup {
    /// The idempotency key of the Save that created it, if one did.
    pub fn create_key(&self) -> Option<&str> {
        self.metadata.as_ref()?.cg_create_key.as_deref()
    }

    /// The group's name as Medusa keeps it.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The app's group: `updated_at` is its version (it changes with the name and
    /// the metadata, not with the members); the member count is not part of it.
    pub fn into_group(self) -> Group {
        Group {
            id: GroupId(self.id),
            name: self.name,
            description: self
                .metadata
                .and_then(|m| m.description)
                .unwrap_or_default(),
            created_at: self.created_at.unwrap_or_default(),
            customer_count: None,
            version: self.updated_at.map(Version),
        }
    }
}

/// `{"customer_group": …}`.
#[derive(Deserialize)]
pub struct OneGroup {
    /// The group.
    pub customer_group: WireGroup,
}

/// `{"customer_groups": […], "count"}`.
#[derive(Deserialize)]
pub struct GroupList {
    /// The page.
    pub customer_groups: Vec<WireGroup>,
    /// How many match in all.
    pub count: u64,
}

/// A customer (Medusa keeps no gender and no customer reference: the id serves).
#[derive(Deserialize)]
pub struct WireCustomer {
    id: String,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    first_name: Option<String>,
    #[serde(default)]
    last_name: Option<String>,
}

impl WireCustomer {
    /// The customer's id.
    pub fn id(&self) -> CustomerId {
        CustomerId(self.id.clone())
    }

    /// The app's customer.
    pub fn into_customer(self) -> Customer {
        Customer {
            reference: self.id.clone(),
            id: CustomerId(self.id),
            email: self.email.unwrap_or_default(),
            first_name: self.first_name.unwrap_or_default(),
            last_name: self.last_name.unwrap_or_default(),
            gender: Gender::Unknown,
        }
    }
}

/// `{"customers": […], "count"}`.
#[derive(Deserialize)]
pub struct CustomerList {
    /// The page.
    pub customers: Vec<WireCustomer>,
    /// How many match in all.
    pub count: u64,
}

/// The metadata a write sets: `""` deletes a key (Medusa's merge), absent keys stay.
#[derive(Serialize)]
pub struct MetadataWrite<'a> {
    /// The description (`""` clears it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<&'a str>,
    /// The creating Save's idempotency key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cg_create_key: Option<&'a str>,
}

/// The body of `POST /admin/customer-groups[/:id]` (Medusa refuses unknown fields, a
/// `description` among them).
#[derive(Serialize)]
pub struct GroupWrite<'a> {
    /// The name, if it is set or changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<&'a str>,
    /// Metadata keys to set, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<MetadataWrite<'a>>,
}

/// The body of `POST /admin/customer-groups/:id/customers`.
#[derive(Serialize)]
pub struct MembersWrite<'a> {
    /// Customers to add (never one already a member: Medusa would store a second row).
    #[serde(skip_serializing_if = "<[CustomerId]>::is_empty")]
    pub add: &'a [CustomerId],
    /// Members to remove.
    #[serde(skip_serializing_if = "<[CustomerId]>::is_empty")]
    pub remove: &'a [CustomerId],
}

#[derive(Deserialize)]
struct ErrorBody {
    #[serde(default)]
    message: String,
}

/// Medusa's sentence for a taken name: "Customer group with name: VIP, already exists."
const NAME_TAKEN_END: &str = "already exists.";
/// Medusa's sentence for an unknown customer in a membership write: "You tried to set
/// relationship customer_id: cus_…, but such entity does not exist".
const UNKNOWN_CUSTOMER: &str = "relationship customer_id: ";

/// An error answer as a typed error: a taken name is a field error on `name`, an
/// unknown customer names it, the rest by status (an HTML page has no message).
pub fn decode_error(resp: &RawResponse) -> ApiError {
    let message = serde_json::from_str::<ErrorBody>(&resp.body)
        .map(|b| b.message)
        .unwrap_or_default();
    if resp.status == 400 && message.ends_with(NAME_TAKEN_END) {
        return ApiError::Validation {
            message,
            fields: vec![("name".to_owned(), FieldError::Taken)],
        };
    }
    if resp.status == 404
        && let Some((_, rest)) = message.split_once(UNKNOWN_CUSTOMER)
    {
        let id = rest.split([',', ' ']).next().unwrap_or_default();
        return ApiError::UnknownCustomers {
            ids: vec![CustomerId(id.to_owned())],
            fields: Vec::new(),
        };
    }
    ApiError::from_status(resp.status, message, Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resp(status: u16, body: &str) -> RawResponse {
        RawResponse {
            status,
            body: body.to_owned(),
        }
    }

    // As a Medusa 2.21.2 server answered.
    #[test]
    fn groups_and_customers_decode() {
        let one: OneGroup = serde_json::from_str(
            r#"{"customer_group":{"id":"cusgroup_01M977328BZGJE04ETG715H03D","name":"VIP",
            "created_by":"user_01","created_at":"2026-12-07T02:59:53.227Z",
            "updated_at":"2026-12-07T03:00:39.471Z","deleted_at":null,
            "metadata":{"tier":"gold","description":"Best","cg_create_key":"k1"}}}"#,
        )
        .unwrap();
        assert_eq!(one.customer_group.create_key(), Some("k1"));
        let g = one.customer_group.into_group();
        assert_eq!(g.description, "Best");
        assert_eq!(g.version, Some(Version("2026-12-07T03:00:39.471Z".into())));
        let bare: OneGroup =
            serde_json::from_str(r#"{"customer_group":{"id":"g","name":"N","metadata":null}}"#)
                .unwrap();
        assert_eq!(bare.customer_group.into_group().description, "");
        let list: CustomerList = serde_json::from_str(
            r#"{"customers":[{"id":"cus_1","email":"alice@example.com","first_name":null}],
            "count":3,"offset":0,"limit":1}"#,
        )
        .unwrap();
        assert_eq!(list.count, 3);
        let c = list.customers.into_iter().next().unwrap().into_customer();
        assert_eq!((c.reference.as_str(), c.first_name.as_str()), ("cus_1", ""));
    }

    #[test]
    fn writes_leave_out_what_they_do_not_change() {
        let w = GroupWrite {
            name: None,
            metadata: Some(MetadataWrite {
                description: Some(""),
                cg_create_key: None,
            }),
        };
        assert_eq!(
            serde_json::to_string(&w).unwrap(),
            r#"{"metadata":{"description":""}}"#
        );
        let ids = [CustomerId::from("cus_1")];
        let m = MembersWrite {
            add: &ids,
            remove: &[],
        };
        assert_eq!(serde_json::to_string(&m).unwrap(), r#"{"add":["cus_1"]}"#);
    }

    #[test]
    fn errors_are_typed() {
        let taken =
            r#"{"type":"invalid_data","message":"Customer group with name: VIP, already exists."}"#;
        assert_eq!(
            decode_error(&resp(400, taken)).field("name"),
            Some(&FieldError::Taken)
        );
        let unknown = r#"{"type":"not_found","message":"You tried to set relationship customer_id: cus_doesnotexist, but such entity does not exist"}"#;
        assert!(matches!(
            decode_error(&resp(404, unknown)),
            ApiError::UnknownCustomers { ids, .. } if ids == [CustomerId::from("cus_doesnotexist")]
        ));
        let gone = r#"{"type":"not_found","message":"Customer group with id: x not found"}"#;
        assert!(matches!(
            decode_error(&resp(404, gone)),
            ApiError::NotFound(_)
        ));
        assert!(matches!(
            decode_error(&resp(401, r#"{"message":"Unauthorized"}"#)),
            ApiError::Unauthorized(_)
        ));
        assert!(matches!(
            decode_error(&resp(404, "<!DOCTYPE html><pre>Cannot PUT /admin/x</pre>")),
            ApiError::NotFound(m) if m.is_empty()
        ));
        let bad = r#"{"type":"invalid_data","message":"Invalid request: Unrecognized fields: 'description'"}"#;
        assert!(matches!(
            decode_error(&resp(400, bad)),
            ApiError::BadRequest(_)
        ));
        assert!(matches!(
            decode_error(&resp(
                413,
                r#"{"message":"request entity too large","type":"unknown_error"}"#
            )),
            ApiError::Server { status: 413, .. }
        ));
    }
}
