//! Cleaning and checking a name or description: trim, NFC, refuse invisible
//! characters, count characters against the limit. One [`TextError`] per case, with
//! its machine code (what the server's `field_codes` say) and its English sentence (what
//! the server's `fields` say); the app shows its own translation of the same case.

use crate::chars::first_refused;
use crate::nfc::nfc;

/// Longest allowed name, in characters (after trimming and NFC).
pub const NAME_MAX: usize = 70;
/// Longest allowed description, in characters (after trimming and NFC).
pub const DESCRIPTION_MAX: usize = 255;

/// Why a name or description is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextError {
    /// Nothing but white space (only for a name).
    Required,
    /// More characters than `max`.
    TooLong {
        /// The limit.
        max: usize,
    },
    /// An invisible or control character (see [`crate::is_invisible`]).
    InvalidCharacter {
        /// The character.
        ch: char,
        /// Its position, in characters from 1 (after trimming).
        position: usize,
    },
}

impl TextError {
    /// The machine-readable code: `required`, `too_long` or `invalid_character`.
    pub fn code(&self) -> &'static str {
        match self {
            TextError::Required => "required",
            TextError::TooLong { .. } => "too_long",
            TextError::InvalidCharacter { .. } => "invalid_character",
        }
    }

    /// The English sentence for `field` ("Name", "Description").
    pub fn message(&self, field: &str) -> String {
        match self {
            TextError::Required => format!("{field} is required"),
            TextError::TooLong { max } => format!("{field} must be at most {max} characters"),
            TextError::InvalidCharacter { ch, position } => format!(
                "{field} contains an invisible or control character ({}) at position {position}",
                code_point(*ch)
            ),
        }
    }
}

/// A character's code point as written in Unicode charts: `U+200B`.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// Checks trimmed, normalised text against a limit and the character rule.
fn check(s: String, max: usize, allowed: &[char]) -> Result<String, TextError> {
    if let Some((ch, position)) = first_refused(&s, allowed) {
        return Err(TextError::InvalidCharacter { ch, position });
    }
    if s.chars().count() > max {
        return Err(TextError::TooLong { max });
    }
    Ok(s)
}

/// The name as stored (trimmed, NFC), or why it is refused.
pub fn clean_name(raw: &str) -> Result<String, TextError> {
    let s = nfc(raw.trim());
    if s.is_empty() {
        return Err(TextError::Required);
    }
    check(s, NAME_MAX, &[])
}

/// The description as stored (trimmed, NFC; tabs and line breaks kept; may be empty),
/// or why it is refused.
pub fn clean_description(raw: &str) -> Result<String, TextError> {
    check(nfc(raw.trim()), DESCRIPTION_MAX, &['\t', '\n', '\r'])
}

#[cfg(test)]
mod tests {
    use super::*;

    // The table both the app's and the server's tests read: every name and description
    // case comes out as it says (stored value, or the error's code).
    #[test]
    fn hostile_inputs_table() {
        let table: serde_json::Value = serde_json::from_str(crate::HOSTILE_INPUTS).unwrap();
        let cases = table["cases"].as_array().unwrap();
        assert!(cases.len() >= 30);
        for c in cases {
            let case = crate::HostileCase {
                field: c["field"].as_str().unwrap(),
                input: c["input"].as_str().unwrap(),
                expect: c["expect"].as_str().unwrap(),
                stored: c["stored"].as_str(),
                existing: c["existing"].as_str(),
            };
            assert_eq!(case.mismatch(), None, "{}", c["label"]);
        }
    }

    // The messages the server answers with, one per case.
    #[test]
    fn messages() {
        assert_eq!(TextError::Required.message("Name"), "Name is required");
        assert_eq!(
            TextError::TooLong { max: 70 }.message("Name"),
            "Name must be at most 70 characters"
        );
        let e = clean_name(" VIP\u{200B}").unwrap_err();
        assert_eq!(
            e.message("Name"),
            "Name contains an invisible or control character (U+200B) at position 4"
        );
    }
}
