//! The keys that case-insensitive search and uniqueness compare (SQLite's own `lower()`
//! and `NOCASE` fold only ASCII letters): one rule each, from `cg_rules`, for the store,
//! the migrations that fill the key columns and the seed.

/// Lowercases text for the case-insensitive key columns and search terms (full Unicode,
/// unlike SQLite's ASCII-only `lower()`): the one lowercase rule of `cg_rules`.
pub fn fold(text: &str) -> String {
    cg_rules::lowercase(text)
}

/// The key of a group's name or description and of a group search text: the shared
/// name rule's [`cg_rules::name_key`] (trimmed, NFC, Unicode case fold, so "Straße" and
/// "STRASSE" are one name).
pub fn group_key(text: &str) -> String {
    cg_rules::name_key(text)
}
