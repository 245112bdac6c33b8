//! The constraints of Spryker's `*.validation.yml` files for customer groups
//! (`spryker-feature/customer-experience-management`: `customer-groups.validation.yml`,
//! `customer-group-customers.validation.yml`), each failing as a 422 901 violation with
//! Symfony's English message ("name => This value should not be blank.").
//! Lengths count characters of the trimmed value (Spryker trims what a client submits).

use crate::spryker::error::ErrorObject;

/// An attribute a write requires was not sent.
pub const MISSING: &str = "This field is missing.";
/// `NotBlank` (also a `null` or all-space value).
pub const BLANK: &str = "This value should not be blank.";
/// `NotNull`.
pub const NULL: &str = "This value should not be null.";
/// `Unique` of a list.
pub const NOT_UNIQUE: &str = "This collection should contain only unique elements.";

/// `Length: {max}`.
pub fn too_long(max: usize) -> String {
    format!("This value is too long. It should have {max} characters or less.")
}

/// `Count: {max}`.
pub fn too_many(max: usize) -> String {
    format!("This collection should contain {max} elements or less.")
}

/// `Count: {min: 1}`.
pub const TOO_FEW: &str = "This collection should contain 1 element or more.";

/// A text attribute as sent: `None` absent, `Some(None)` null, `Some(Some(text))`.
pub type Sent = Option<Option<String>>;

/// `NotBlank` and `Length: {max}` of a text that must be given (`required`: a missing
/// one is a violation too); `Optional` ones are only checked when sent. Pushes the
/// violations of `field` to `errors`.
pub fn text(
    field: &str,
    sent: &Sent,
    required: bool,
    not_blank: bool,
    max: usize,
    errors: &mut Vec<ErrorObject>,
) {
    match sent {
        None if required => errors.push(ErrorObject::violation(field, MISSING)),
        None => {}
        // A null description passes Length (Optional) and is ignored by the mapper.
        Some(None) if not_blank => errors.push(ErrorObject::violation(field, BLANK)),
        Some(None) => {}
        Some(Some(v)) => {
            let v = v.trim();
            if not_blank && v.is_empty() {
                errors.push(ErrorObject::violation(field, BLANK));
            } else if v.chars().count() > max {
                errors.push(ErrorObject::violation(field, &too_long(max)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn details(sent: Sent, required: bool, not_blank: bool) -> Vec<String> {
        let mut e = Vec::new();
        text("name", &sent, required, not_blank, 70, &mut e);
        e.into_iter().map(|e| e.detail).collect()
    }

    // Missing, null, blank and too long, each in Symfony's words after the field.
    #[test]
    fn text_constraints() {
        assert_eq!(
            details(None, true, true),
            ["name => This field is missing."]
        );
        assert!(details(None, false, true).is_empty());
        assert_eq!(
            details(Some(None), false, true),
            ["name => This value should not be blank."]
        );
        assert!(details(Some(None), false, false).is_empty());
        assert_eq!(
            details(Some(Some("   ".into())), true, true),
            ["name => This value should not be blank."]
        );
        assert!(details(Some(Some(format!(" {} ", "é".repeat(70)))), true, true).is_empty());
        assert_eq!(
            details(Some(Some("a".repeat(71))), true, true),
            ["name => This value is too long. It should have 70 characters or less."]
        );
    }
}
