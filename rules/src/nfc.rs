//! Unicode normalisation form C: the browser's `String.prototype.normalize` in the app
//! (so the wasm carries no normalisation tables), the `unicode-normalization` crate
//! natively.

/// `s` in Unicode normalisation form C ("e" + U+0301 becomes "é").
#[cfg(target_arch = "wasm32")]
pub fn nfc(s: &str) -> String {
    if s.is_ascii() {
        return s.to_owned();
    }
    js_sys::JsString::from(s).normalize("NFC").into()
}

/// `s` in Unicode normalisation form C ("e" + U+0301 becomes "é").
#[cfg(not(target_arch = "wasm32"))]
pub fn nfc(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    if s.is_ascii() {
        return s.to_owned();
    }
    s.nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Decomposed and composed spellings become one.
    #[test]
    fn composes() {
        assert_eq!(nfc("Cafe\u{301}"), "Caf\u{e9}");
        assert_eq!(nfc("Caf\u{e9}"), "Caf\u{e9}");
        assert_eq!(nfc("plain"), "plain");
    }
}
