//! The rules for a group's name and description, checked as the user types (the server
//! checks them again).

/// Longest allowed name, in characters.
pub const NAME_MAX: usize = 70;
/// Longest allowed description, in characters.
pub const DESCRIPTION_MAX: usize = 255;

/// Why a field is invalid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldError {
    /// Nothing but white space was entered.
    Required,
    /// More characters than allowed.
    TooLong {
        /// The limit.
        max: usize,
    },
    /// Another group has this name (ignoring case).
    Taken,
    /// The server's own message for the field.
    Server(String),
}

/// A name as names are compared: trimmed, case-folded ("VIP" and " vip " are one name).
pub fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Checks a name as typed (it is trimmed before counting).
pub fn check_name(name: &str) -> Option<FieldError> {
    let t = name.trim();
    if t.is_empty() {
        Some(FieldError::Required)
    } else if t.chars().count() > NAME_MAX {
        Some(FieldError::TooLong { max: NAME_MAX })
    } else {
        None
    }
}

/// Checks a description as typed (trimmed before counting).
pub fn check_description(description: &str) -> Option<FieldError> {
    if description.trim().chars().count() > DESCRIPTION_MAX {
        Some(FieldError::TooLong {
            max: DESCRIPTION_MAX,
        })
    } else {
        None
    }
}

/// Characters counted towards a limit (after trimming).
pub fn counted_chars(s: &str) -> usize {
    s.trim().chars().count()
}

/// Whether to show the "68/70" counter: from 80 % of the limit on.
pub fn near_limit(s: &str, max: usize) -> bool {
    counted_chars(s) * 10 >= max * 8
}

#[cfg(test)]
mod tests {
    use super::*;

    // Empty and spaces-only names are both "required" errors.
    #[test]
    fn name_is_required_after_trimming() {
        assert_eq!(check_name(""), Some(FieldError::Required));
        assert_eq!(check_name("   "), Some(FieldError::Required));
        assert_eq!(check_name(" VIP "), None);
    }

    // 70 characters pass, 71 fail; characters, not bytes, are counted.
    #[test]
    fn name_limit_counts_characters() {
        assert_eq!(check_name(&"a".repeat(70)), None);
        assert_eq!(
            check_name(&"a".repeat(71)),
            Some(FieldError::TooLong { max: 70 })
        );
        assert_eq!(check_name(&"ü".repeat(70)), None);
        assert_eq!(check_name(&format!("  {}  ", "a".repeat(70))), None);
    }

    // The description is optional but bounded.
    #[test]
    fn description_limit() {
        assert_eq!(check_description(""), None);
        assert_eq!(check_description(&"d".repeat(255)), None);
        assert_eq!(
            check_description(&"d".repeat(256)),
            Some(FieldError::TooLong { max: 255 })
        );
    }

    // The counter appears near the limit only.
    #[test]
    fn counter_shows_near_limit() {
        assert!(!near_limit(&"a".repeat(55), 70));
        assert!(near_limit(&"a".repeat(56), 70));
    }
}
