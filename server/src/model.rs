//! Wire types of the API: responses, request bodies and the limits they are held to
//! (the checks themselves are `validate.rs`).

use serde::{Deserialize, Serialize};

use crate::wire;

/// Longest allowed group name, in characters (after trimming and NFC; [`cg_rules::NAME_MAX`]).
pub const NAME_MAX_CHARS: usize = cg_rules::NAME_MAX;
/// Longest allowed group description, in characters (after trimming and NFC;
/// [`cg_rules::DESCRIPTION_MAX`]).
pub const DESCRIPTION_MAX_CHARS: usize = cg_rules::DESCRIPTION_MAX;
/// Most customer ids one write may list in all its id lists together: `customer_ids`
/// and `assign_matching.except` of a create; `assign`, `unassign` and
/// `assign_matching.except` of a membership change. More is a 422 `too_many_ids`.
pub const MAX_CHANGE_IDS: usize = 100_000;
/// Most keys that `emails` and `references` may hold together in one customer lookup.
pub const MAX_LOOKUP_KEYS: usize = 1_000;

/// A customer group as answered by the API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    /// The id.
    pub id: i64,
    /// The stable public uuid (lowercase 8-4-4-4-12 hex), assigned at creation; read-only.
    pub uuid: String,
    /// The name (trimmed, 1–70 characters).
    pub name: String,
    /// The description (trimmed, 0–255 characters, possibly empty).
    pub description: String,
    /// Creation time, RFC 3339 UTC.
    pub created_at: String,
    /// Last change time, RFC 3339 UTC.
    pub updated_at: String,
    /// Number of member customers.
    pub customer_count: i64,
    /// The version: 1 at creation, one more for every write that changes the group or
    /// its members (the `ETag` of single-group answers, the `If-Match` of writes).
    pub version: i64,
}

/// A customer's gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    /// Male.
    Male,
    /// Female.
    Female,
    /// Unknown or not given.
    Unknown,
}

impl Gender {
    /// The stored and wire spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Male => "male",
            Gender::Female => "female",
            Gender::Unknown => "unknown",
        }
    }

    /// Parses the stored spelling; anything unexpected reads as `Unknown`.
    pub fn from_db(s: &str) -> Self {
        match s {
            "male" => Gender::Male,
            "female" => Gender::Female,
            _ => Gender::Unknown,
        }
    }
}

/// A customer as answered by the API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    /// The id.
    pub id: i64,
    /// The customer reference, e.g. `DE--17`.
    pub customer_reference: String,
    /// The email address.
    pub email: String,
    /// The first name.
    pub first_name: String,
    /// The last name.
    pub last_name: String,
    /// The gender.
    pub gender: Gender,
}

/// One page of a list: the items, the total number of matching rows, and the page asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<T> {
    /// The rows of this page.
    pub items: Vec<T>,
    /// Number of rows matching the search, across all pages.
    pub total: i64,
    /// The 1-based page number.
    pub page: u64,
    /// The page size.
    pub per_page: u64,
}

/// Body of `POST /customer-groups`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CreateGroup {
    /// The name (required; `null` counts as missing).
    #[serde(default)]
    pub name: Option<String>,
    /// The description (optional; `null` counts as empty).
    #[serde(default)]
    pub description: Option<String>,
    /// Ids of the customers to add as members.
    #[serde(default, deserialize_with = "wire::ids")]
    pub customer_ids: Option<Vec<i64>>,
    /// Also add every customer matching a search ("select all N matching"), in the same
    /// transaction.
    #[serde(default, deserialize_with = "wire::object")]
    pub assign_matching: Option<AssignMatching>,
}

/// Body of `PUT /customer-groups/{id}`: replaces name and description (an absent
/// description becomes empty).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct UpdateGroup {
    /// The name (required; `null` counts as missing).
    #[serde(default)]
    pub name: Option<String>,
    /// The description (optional; `null` counts as empty).
    #[serde(default)]
    pub description: Option<String>,
}

/// Body of `PATCH /customer-groups/{id}`: changes only the fields sent (a `null`
/// counts as not sent); at least one is required.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PatchGroup {
    /// The new name.
    #[serde(default)]
    pub name: Option<String>,
    /// The new description (an empty string clears it).
    #[serde(default)]
    pub description: Option<String>,
}

/// `assign_matching` of a membership change: assign every customer matching `q` (as in
/// the customer list search; empty = all customers) except the listed ids.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct AssignMatching {
    /// Search text; absent or empty matches every customer.
    #[serde(default)]
    pub q: Option<String>,
    /// Customer ids not to assign.
    #[serde(default, deserialize_with = "wire::ids")]
    pub except: Option<Vec<i64>>,
}

/// Body of `POST /customer-groups/{id}/customers/changes` (every field optional).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct MembershipChanges {
    /// Customer ids to add.
    #[serde(default, deserialize_with = "wire::ids")]
    pub assign: Option<Vec<i64>>,
    /// Customer ids to remove.
    #[serde(default, deserialize_with = "wire::ids")]
    pub unassign: Option<Vec<i64>>,
    /// Remove every member first.
    #[serde(default)]
    pub unassign_all: Option<bool>,
    /// Add every customer matching a search.
    #[serde(default, deserialize_with = "wire::object")]
    pub assign_matching: Option<AssignMatching>,
}

/// Result of a membership change: real changes only, and the new member count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangesResult {
    /// Memberships created.
    pub assigned: i64,
    /// Memberships removed.
    pub unassigned: i64,
    /// Member count after the change.
    pub customer_count: i64,
    /// The group's version after the change (unchanged when nothing changed).
    pub version: i64,
}

/// Body of `POST /customers/lookup` (every field optional, but at least one key).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CustomerLookup {
    /// Emails to find, matched ignoring case (full Unicode lowercase), not trimmed.
    #[serde(default)]
    pub emails: Option<Vec<String>>,
    /// Customer references to find, matched exactly.
    #[serde(default)]
    pub references: Option<Vec<String>>,
    /// When given, every found customer carries `member`: whether it belongs to this group.
    #[serde(default, deserialize_with = "wire::id")]
    pub group_id: Option<i64>,
}

/// A customer found by a lookup: the usual customer fields plus, when the lookup named a
/// group, `member`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LookupCustomer {
    /// The customer.
    #[serde(flatten)]
    pub customer: Customer,
    /// Whether the customer belongs to the lookup's group; absent without `group_id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<bool>,
}

/// Answer of `POST /customers/lookup`: the customers matching any key, each once, by id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LookupResult {
    /// The found customers, ordered by id; keys that match nobody have no entry.
    pub items: Vec<LookupCustomer>,
}

/// Answer of `GET /customer-groups/{id}/customers/export` (streamed in this field order).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportPage {
    /// Members matching the search, across all pages.
    pub total: i64,
    /// The members of this page, ordered by id.
    pub items: Vec<Customer>,
    /// The `after` of the next page (the last id of this one), or `None` on the last page.
    pub next_after: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;
    // `member` is left out without a group and flattened next to the customer fields.
    #[test]
    fn lookup_customer_json() {
        let c = Customer {
            id: 1,
            customer_reference: "DE--1".into(),
            email: "a@b.c".into(),
            first_name: "A".into(),
            last_name: "B".into(),
            gender: Gender::Unknown,
        };
        let plain = serde_json::to_value(LookupCustomer {
            customer: c.clone(),
            member: None,
        })
        .unwrap();
        assert_eq!(plain, serde_json::to_value(&c).unwrap());
        let flagged = serde_json::to_value(LookupCustomer {
            customer: c,
            member: Some(false),
        })
        .unwrap();
        assert_eq!(flagged["member"], serde_json::json!(false));
        assert_eq!(flagged["email"], serde_json::json!("a@b.c"));
    }
}
