//! The rules for a group's name and description, checked as the user types: the shared
//! rule of `cg_rules` (which the server applies too), as typed [`FieldError`]s.

pub use cg_rules::TextError;
pub use cg_rules::{DESCRIPTION_MAX, NAME_MAX, name_key};

/// Why a field is invalid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldError {
    /// Refused by the shared rule: required, too long, an invisible character.
    Rule(TextError),
    /// Another group has this name (ignoring case and normal form).
    Taken,
    /// The server's own message for the field.
    Server(String),
}

/// Checks a name as typed (trimmed and normalised before counting).
pub fn check_name(name: &str) -> Option<FieldError> {
    cg_rules::clean_name(name).err().map(FieldError::Rule)
}

/// Checks a description as typed (trimmed and normalised before counting).
pub fn check_description(description: &str) -> Option<FieldError> {
    cg_rules::clean_description(description)
        .err()
        .map(FieldError::Rule)
}

/// Characters counted towards a limit (after trimming and NFC).
pub fn counted_chars(s: &str) -> usize {
    cg_rules::nfc(s.trim()).chars().count()
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
        assert_eq!(check_name(""), Some(FieldError::Rule(TextError::Required)));
        assert_eq!(
            check_name("   "),
            Some(FieldError::Rule(TextError::Required))
        );
        assert_eq!(check_name(" VIP "), None);
    }

    // 70 characters pass, 71 fail; characters, not bytes, are counted.
    #[test]
    fn name_limit_counts_characters() {
        assert_eq!(check_name(&"a".repeat(70)), None);
        assert_eq!(
            check_name(&"a".repeat(71)),
            Some(FieldError::Rule(TextError::TooLong { max: 70 }))
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
            Some(FieldError::Rule(TextError::TooLong { max: 255 }))
        );
    }

    // The shared table of hostile inputs: the app's check agrees with it case by case
    // (the server's tests read the same file).
    #[test]
    fn hostile_inputs_agree_with_the_table() {
        let table: serde_json::Value = serde_json::from_str(cg_rules::HOSTILE_INPUTS).unwrap();
        for case in table["cases"].as_array().unwrap() {
            let (input, label) = (case["input"].as_str().unwrap(), &case["label"]);
            let got = match case["field"].as_str().unwrap() {
                "name" => check_name(input),
                "description" => check_description(input),
                _ => continue,
            };
            let code = match &got {
                None => "ok",
                Some(FieldError::Rule(e)) => e.code(),
                Some(other) => panic!("{label}: {other:?}"),
            };
            let want = case["expect"].as_str().unwrap().replace("taken", "ok");
            assert_eq!(code, want, "{label}");
        }
    }

    // A zero-width space is named with its position.
    #[test]
    fn invisible_characters_are_located() {
        assert_eq!(
            check_name("VIP\u{200B}"),
            Some(FieldError::Rule(TextError::InvalidCharacter {
                ch: '\u{200B}',
                position: 4
            }))
        );
        assert_eq!(counted_chars("Cafe\u{301}"), 4);
    }

    // The counter appears near the limit only.
    #[test]
    fn counter_shows_near_limit() {
        assert!(!near_limit(&"a".repeat(55), 70));
        assert!(near_limit(&"a".repeat(56), 70));
    }
}
