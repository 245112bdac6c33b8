//! The request rules that need no database: a group's name and description (the shared
//! rules of `cg_rules`, with the values their sentences name), the number of ids and
//! lookup keys one request may list, and how collected field errors become one 422.

use axum::http::StatusCode;

use crate::error::{ApiError, FieldError, FieldParams, codes, field_codes};
use crate::model::{MAX_CHANGE_IDS, MAX_LOOKUP_KEYS};

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
/// NFC, no invisible or control characters, at most [`crate::model::NAME_MAX_CHARS`] /
/// [`crate::model::DESCRIPTION_MAX_CHARS`] characters after NFC); pushes the rule's message and code
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

    // Long lists of unknown ids stay readable.
    #[test]
    fn unknown_ids_are_listed_briefly() {
        assert_eq!(unknown_ids_message(&[7]), "Unknown customer id: 7");
        assert_eq!(unknown_ids_message(&[7, 9]), "Unknown customer ids: 7, 9");
        let many: Vec<i64> = (1..=25).collect();
        assert!(unknown_ids_message(&many).ends_with("and 5 more (25 in all)"));
    }
}
