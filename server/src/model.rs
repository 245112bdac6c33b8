//! Wire types of the API (responses and request bodies) and the validation of group and
//! lookup input.

use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

use crate::error::{ApiError, FieldError, FieldParams, codes, field_codes};
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

/// Checks how many keys a lookup lists (`emails` and `references` together, duplicates
/// included): none is a 422 (`fields.emails`), more than [`MAX_LOOKUP_KEYS`] a 413.
pub fn check_lookup_keys(count: usize) -> Result<(), ApiError> {
    if count == 0 {
        return Err(ApiError::invalid_fields(vec![FieldError::new(
            "emails",
            field_codes::REQUIRED,
            "List at least one email or customer reference",
        )]));
    }
    if count > MAX_LOOKUP_KEYS {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "'emails' and 'references' together may list at most {MAX_LOOKUP_KEYS} keys (got {count})."
            ),
        ));
    }
    Ok(())
}

/// Name and description after trimming and the checks that need no database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupFields {
    /// Trimmed name.
    pub name: String,
    /// Trimmed description.
    pub description: String,
}

/// Field errors collected while validating a request, in the order found.
pub type FieldErrors = Vec<FieldError>;

/// Cleans and checks name and description with the shared rules ([`cg_rules`]: trimmed,
/// NFC, no invisible or control characters, at most [`NAME_MAX_CHARS`] /
/// [`DESCRIPTION_MAX_CHARS`] characters after NFC); pushes the rule's message and code
/// into `errors` (keys `name`, `description`) and returns the cleaned values (the trimmed
/// input where a value is refused).
pub fn check_group_fields(
    name: Option<&str>,
    description: Option<&str>,
    errors: &mut FieldErrors,
) -> GroupFields {
    let mut clean = |field: &str, label: &str, raw: &str, rule: fn(&str) -> TextResult| {
        rule(raw).unwrap_or_else(|e| {
            errors.push(
                FieldError::new(field, e.code(), e.message(label)).with_params(text_params(&e)),
            );
            raw.trim().to_string()
        })
    };
    GroupFields {
        name: clean("name", "Name", name.unwrap_or(""), cg_rules::clean_name),
        description: clean(
            "description",
            "Description",
            description.unwrap_or(""),
            cg_rules::clean_description,
        ),
    }
}

/// The values a rule's sentence names: `max` of a length, `code_point` (`U+200B`) and
/// 1-based `position` of a refused character.
fn text_params(e: &cg_rules::TextError) -> FieldParams {
    match e {
        cg_rules::TextError::Required => FieldParams::new(),
        cg_rules::TextError::TooLong { max } => FieldParams::from([("max", (*max).into())]),
        cg_rules::TextError::InvalidCharacter { ch, position } => FieldParams::from([
            ("code_point", cg_rules::code_point(*ch).into()),
            ("position", (*position).into()),
        ]),
    }
}

/// What a rule of [`cg_rules`] answers.
type TextResult = Result<String, cg_rules::TextError>;

/// Turns collected field errors into a 422 (messages in form order: name, description,
/// then the id lists), or `Ok` when there are none.
pub fn fail_on(mut errors: FieldErrors) -> Result<(), ApiError> {
    if errors.is_empty() {
        return Ok(());
    }
    const ORDER: &[&str] = &["name", "description", "customer_ids", "assign"];
    errors.sort_by_key(|e| {
        ORDER
            .iter()
            .position(|o| *o == e.field)
            .unwrap_or(ORDER.len())
    });
    Err(ApiError::invalid_fields(errors))
}

/// Checks the number of customer ids one write lists in all its id lists together
/// (`what` names the lists): more than [`MAX_CHANGE_IDS`] is a 422 `too_many_ids`.
pub fn check_id_count(listed: usize, what: &str) -> Result<(), ApiError> {
    if listed > MAX_CHANGE_IDS {
        return Err(ApiError::unprocessable(
            codes::TOO_MANY_IDS,
            format!(
                "{what} together may list at most {MAX_CHANGE_IDS} customer ids (got {listed})."
            ),
        ));
    }
    Ok(())
}

/// The unknown-ids error of id list `field`.
pub fn unknown_ids_error(field: &str, ids: &[i64]) -> FieldError {
    FieldError::new(field, field_codes::UNKNOWN_IDS, unknown_ids_message(ids))
}

/// Message for unknown customer ids (lists at most 20 of them, then how many in all).
pub fn unknown_ids_message(ids: &[i64]) -> String {
    const SHOWN: usize = 20;
    let list = ids
        .iter()
        .take(SHOWN)
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    match ids.len() {
        1 => format!("Unknown customer id: {list}"),
        n if n <= SHOWN => format!("Unknown customer ids: {list}"),
        n => format!(
            "Unknown customer ids: {list} and {} more ({n} in all)",
            n - SHOWN
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Lengths count characters (not bytes) after trimming and NFC; every refusal has
    // the rule's message and code.
    #[test]
    fn group_field_rules() {
        let mut e = FieldErrors::new();
        let f = check_group_fields(Some("  Ünïcödé  "), None, &mut e);
        assert!(e.is_empty());
        assert_eq!(f.name, "Ünïcödé");
        assert_eq!(f.description, "");

        let seventy = "e\u{301}".repeat(70);
        let f = check_group_fields(Some(&seventy), Some(&"x".repeat(255)), &mut e);
        assert!(e.is_empty());
        assert_eq!(f.name, "é".repeat(70));

        check_group_fields(Some(&"a".repeat(71)), Some(&"x".repeat(256)), &mut e);
        check_group_fields(Some("   "), Some("a\u{200b}"), &mut e);
        let got: Vec<(&str, &str, &str)> = e
            .iter()
            .map(|f| (f.field.as_str(), f.code, f.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("name", "too_long", "Name must be at most 70 characters"),
                (
                    "description",
                    "too_long",
                    "Description must be at most 255 characters"
                ),
                ("name", "required", "Name is required"),
                (
                    "description",
                    "invalid_character",
                    "Description contains an invisible or control character (U+200B) at position 2"
                ),
            ]
        );
    }

    // A lookup needs one key and takes at most MAX_LOOKUP_KEYS, duplicates counted.
    #[test]
    fn lookup_key_count() {
        assert!(check_lookup_keys(1).is_ok());
        assert!(check_lookup_keys(MAX_LOOKUP_KEYS).is_ok());
        let e = check_lookup_keys(0).unwrap_err();
        assert_eq!(e.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(e.fields.unwrap().messages.contains_key("emails"));
        let e = check_lookup_keys(MAX_LOOKUP_KEYS + 1).unwrap_err();
        assert_eq!(e.status, StatusCode::PAYLOAD_TOO_LARGE);
        assert!(
            e.message.contains("at most 1000 keys (got 1001)"),
            "{}",
            e.message
        );
    }

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

    // Long lists of unknown ids stay readable.
    #[test]
    fn unknown_ids_are_listed_briefly() {
        assert_eq!(unknown_ids_message(&[7]), "Unknown customer id: 7");
        assert_eq!(unknown_ids_message(&[7, 9]), "Unknown customer ids: 7, 9");
        let many: Vec<i64> = (1..=25).collect();
        assert!(unknown_ids_message(&many).ends_with("and 5 more (25 in all)"));
    }
}
