//! How two names are compared: the uniqueness key. Trimmed, NFC, Unicode lowercase,
//! plus the case folds lowercase does not make ("ß" and "ẞ" fold to "ss", a final
//! sigma to "σ"), so "STRASSE" and "Straße", "ΣΊΣΥΦΟΣ" and "σίσυφος", "Cafe\u{301}" and
//! "CAFÉ" are one name, as the shop's discount rules see them.

use crate::lower::lowercase;
use crate::nfc::nfc;

/// The key names are compared by (see the module doc).
pub fn name_key(name: &str) -> String {
    let lower = lowercase(&nfc(name.trim()));
    let folded = if lower.contains(['ß', 'ς']) {
        lower.replace('ß', "ss").replace('ς', "σ")
    } else {
        lower
    };
    nfc(&folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    // One key for the same name in other case, other normal form, other spacing.
    #[test]
    fn one_key_per_name() {
        assert_eq!(name_key(" VIP "), name_key("vip"));
        assert_eq!(name_key("Cafe\u{301}"), name_key("CAFÉ"));
        assert_eq!(name_key("STRASSE"), name_key("Straße"));
        assert_eq!(name_key("ẞ"), "ss");
        assert_eq!(name_key("ΣΊΣΥΦΟΣ"), name_key("σίσυφος"));
        assert_ne!(name_key("VIP"), name_key("VIP 2"));
    }
}
