//! What "this customer matches the search" means: the one written rule the app uses to
//! show checkboxes of an "all matching" selection under another search, and which the
//! backends are tested against (`tests/client.rs` compares it with the reference server's
//! answers on both of its APIs). Each dialect declares which [`SearchRule`] its backend
//! follows.

use super::customer::Customer;
use super::ids::CustomerId;
use serde::{Deserialize, Serialize};

/// Separates the fields inside a [`search_key`].
const FIELD_SEPARATOR: char = '\u{1f}';

/// Case folding for search (Unicode lowercase, as the reference server folds).
pub fn fold(text: &str) -> String {
    cg_rules::lowercase(text)
}

/// The text a customer search looks in: first name, last name and e-mail address,
/// folded, kept apart so that a search never matches across two fields (`e v` does not
/// match "Anne Vogel").
pub fn search_key(c: &Customer) -> String {
    fold(&format!(
        "{}{FIELD_SEPARATOR}{}{FIELD_SEPARATOR}{}",
        c.first_name, c.last_name, c.email
    ))
}

/// How a backend matches a customer search text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SearchRule {
    /// The trimmed text, folded, is part of the first name, last name or e-mail address;
    /// or it reads as a whole number equal to the customer's id (the reference API).
    #[default]
    IdOrText,
    /// The trimmed text, folded, is part of the first name, last name or e-mail address
    /// (Spryker's `q`).
    Text,
}

impl SearchRule {
    /// Whether the customer with `id` and [`search_key`] `key` matches `q`.
    pub fn matches_key(self, id: &CustomerId, key: &str, q: &str) -> bool {
        let q = fold(q.trim());
        if q.is_empty() {
            return true;
        }
        if self == SearchRule::IdOrText
            && let Ok(n) = q.parse::<i64>()
            && id.as_str() == n.to_string()
        {
            return true;
        }
        key.contains(&q)
    }

    /// Whether `c` matches `q`.
    pub fn matches(self, c: &Customer, q: &str) -> bool {
        self.matches_key(&c.id, &search_key(c), q)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Gender;

    fn anne() -> Customer {
        Customer {
            id: "17".into(),
            reference: "DE--17".into(),
            email: "anne.vogel@example.com".into(),
            first_name: "Anne".into(),
            last_name: "Vogel".into(),
            gender: Gender::Female,
        }
    }

    // Text matches inside one field, any case, after trimming.
    #[test]
    fn text_matches_within_a_field() {
        let a = anne();
        for q in ["", "  ", "ANNE", " vogel ", "example.com", "e.vo"] {
            assert!(SearchRule::Text.matches(&a, q), "{q:?}");
        }
    }

    // The review's example: `e v` spans first and last name, so it matches nobody.
    #[test]
    fn never_across_fields() {
        assert!(!SearchRule::IdOrText.matches(&anne(), "e v"));
        assert!(!SearchRule::IdOrText.matches(&anne(), "annevogel"));
    }

    // Numbers match the id exactly only where the backend does that.
    #[test]
    fn ids_only_for_id_or_text() {
        let a = anne();
        assert!(SearchRule::IdOrText.matches(&a, "17"));
        assert!(
            SearchRule::IdOrText.matches(&a, "+17"),
            "as the server parses it"
        );
        assert!(!SearchRule::IdOrText.matches(&a, "1"));
        assert!(!SearchRule::Text.matches(&a, "17"));
    }

    // Folding is Unicode-aware, as on the server.
    #[test]
    fn unicode_case() {
        let mut c = anne();
        c.last_name = "Özil".into();
        assert!(SearchRule::Text.matches(&c, "öZIL"));
    }
}
